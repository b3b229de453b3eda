"""Actor recognition: canonical names across spellings, titles, institutions, countries."""

from __future__ import annotations

import random
from datetime import date

import pytest

from newsframe.actors import (
    FormScanner,
    country_of,
    find_actor_mentions,
    lookup_alias,
    resolve_title,
    trie_pattern,
)
from newsframe.article import Article
from newsframe.reference import read_reference_csv


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.name) for m in find_actor_mentions(text)]


@pytest.mark.parametrize(
    "surface",
    ["Sergei Ryabkov", "Sergey Ryabkov", "Ryabkov", "RYABKOV"],
)
def test_spellings_share_one_canonical_name(surface: str) -> None:
    mentions = find_actor_mentions(f"Yesterday {surface} spoke.")
    assert [(m.surface, m.actor_id, m.name) for m in mentions] == [
        (surface, "ryabkov", "Sergei Ryabkov")
    ]


def test_role_prefixed_name_keeps_country_and_person() -> None:
    text = "Russia's Deputy Foreign Minister Sergei Ryabkov said"
    assert _names(text) == [("Russia", "Russia"), ("Sergei Ryabkov", "Sergei Ryabkov")]
    person = find_actor_mentions(text)[1]
    assert (person.country, person.type, person.start, person.end) == ("RUS", "person", 33, 47)


def test_offsets_point_into_text() -> None:
    text = "Talks in Tehran and the Kremlin’s reply; Zarif called Lavrov."
    for mention in find_actor_mentions(text):
        assert text[mention.start : mention.end] == mention.surface


def test_longest_form_wins() -> None:
    assert _names("the Russian Foreign Ministry said") == [
        ("Russian Foreign Ministry", "Russian Foreign Ministry")
    ]
    assert _names("in the West Bank") == [("West Bank", "Palestine")]


def test_unlisted_institution_built_from_country_and_head() -> None:
    (mention,) = find_actor_mentions("the Turkish Defence Ministry denied it")
    assert (mention.name, mention.type, mention.country) == (
        "Turkish Defence Ministry",
        "institution",
        "TUR",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan's foreign ministry said",
        "the Kazakh Foreign Ministry said",
        "Astana's Foreign Ministry said",
    ],
)
def test_unlisted_institution_has_one_name_across_forms(text) -> None:
    """Named like the listed ones ("Russian Foreign Ministry"), whichever form the text uses."""
    (mention,) = find_actor_mentions(text)
    assert (mention.name, mention.actor_id) == (
        "Kazakh Foreign Ministry",
        "kazakhstan:foreign_ministry",
    )


def test_title_resolved_by_publication_date() -> None:
    text = "the Iranian president said"
    early = Article("a", "a.txt", text, text, published=date(2019, 5, 1))
    late = Article("b", "b.txt", text, text, published=date(2022, 5, 1))
    assert [m.name for m in find_actor_mentions(early)] == ["Hassan Rouhani"]
    assert [m.name for m in find_actor_mentions(late)] == ["Ebrahim Raisi"]
    # Undated: ambiguous title, only the country is certain.
    assert [m.name for m in find_actor_mentions(text)] == ["Iran"]
    assert resolve_title("the Russian president", None).name == "Vladimir Putin"


@pytest.mark.parametrize(
    "title", ["the Iranian top diplomat", "the top Iranian diplomat", "Iran's chief diplomat"]
)
def test_news_words_for_a_title_with_the_country_anywhere(title: str) -> None:
    assert resolve_title(title, date(2025, 9, 30)).name == "Abbas Araghchi"


def test_title_followed_by_name_defers_to_name() -> None:
    names = _names("Iranian President Hassan Rouhani met them")
    assert names == [("Iranian", "Iran"), ("Hassan Rouhani", "Hassan Rouhani")]


def test_a_listed_surname_inside_someone_elses_longer_name_is_not_that_person() -> None:
    text = (
        "Deputy Foreign Minister Ali Bagheri Kani met Lavrov. Bagheri Kani said little. "
        "Later Bagheri, the army chief, spoke. Putin Says Talks Went Well."
    )
    assert _names(text) == [
        ("Lavrov", "Sergei Lavrov"),
        ("Bagheri", "Mohammad Bagheri"),
        ("Putin", "Vladimir Putin"),
    ]


def test_case_sensitivity_keeps_us_apart_from_us() -> None:
    assert _names("he told us that the US would") == [("US", "United States")]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Kremlin", "RUS"),
        ("Moscow", "RUS"),
        ("Russian", "RUS"),
        ("Tehran", "IRN"),
        ("Tel Aviv", "ISR"),
        ("Damascus", "SYR"),
        ("Washington", "USA"),
        ("Sergey Ryabkov", "RUS"),
        ("a senior Iranian official", "IRN"),
        ("Russia's", "RUS"),
        ("Somebody Unknown", ""),
    ],
)
def test_country_of(phrase: str, code: str) -> None:
    assert country_of(phrase) == code


def test_actor_list_is_well_formed() -> None:
    rows = read_reference_csv("actors.csv")
    ids = [row["actor_id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert row["type"] in {"person", "institution", "media", "country", "group"}, row
        assert row["country"] == "" or (len(row["country"]) == 3 and row["country"].isupper())
        assert lookup_alias(row["name"]) is not None or row["name"].startswith("the ")


def test_form_scanner_finds_what_one_pattern_finds() -> None:
    """The fast passes (capitals, after a space, after a mark) give the single pattern's spans,
    also where spans of different passes overlap or a form follows a non-ASCII letter."""
    forms = ["air defense", "air", "defense", "de", "us", "u.s.", "US", "a b c", "c d", "Çavuş"]
    scanner = FormScanner(forms, trie_pattern, not_after=".", tail=r"(?![\w])")
    rng = random.Random(7)
    pieces = [*forms, " ", "-", ".", "(", "'", "“", "x", "the", "\n"]
    texts = [  # long enough for the passes (a short text gets the single pattern)
        "".join(rng.choice(pieces + ["ş", "é"] * (n % 3 == 0)) for _ in range(150))
        for n in range(600)
    ]
    texts += [" ".join(["air-defense de us a b c d (air defense) -defense Çavuşoğlu"] * 8)]
    for text in texts:
        start = rng.randint(0, len(text) // 4)
        for span in ((0, len(text)), (start, rng.randint(len(text) // 2, len(text)))):
            expected = [m.span() for m in scanner.exact.finditer(text, *span)]
            assert scanner.spans(text, *span) == expected, (text, span)


def test_form_scanner_finds_a_capital_form_after_an_overlapping_one() -> None:
    """A capital form inside a lower-case one ("Cd Xy" in "ab Cd Xy") is skipped, as finditer
    skips it, and the capital pass, which went on after it, looks again for "Xy"."""
    scanner = FormScanner(["ab Cd", "Cd Xy", "Xy"], trie_pattern, tail=r"(?![\w])")
    text = " ab Cd Xy" * 40
    assert scanner.spans(text)[:2] == [(1, 6), (7, 9)]
    assert scanner.spans(text) == [m.span() for m in scanner.exact.finditer(text)]


def test_a_title_written_with_only_its_names_capitalised_is_found() -> None:
    text = "Russia's ambassador in Tehran spoke. Russia's Ambassador in Tehran spoke."
    article = Article("a", "a.txt", text, text, published=date(2019, 1, 10))
    assert [m.name for m in find_actor_mentions(article)] == ["Levan Dzhagaryan"] * 2
