"""Body extraction: each kind of page furniture is dropped; the article's own sentences stay.

Every test article below is made up (not from the seeds), so the rules are shown to work on
outlets we have not seen.
"""

from __future__ import annotations

import random
import re
from itertools import accumulate

import pytest

from newsframe.boilerplate import _Rule, load_rules
from newsframe.pipeline import prepare_article, read_article

REPORTING = (
    "Officials in Ankara said on Monday that talks with Moscow would resume next week. "
    "The foreign minister told reporters the meeting was constructive."
)


def sentences_of(text: str) -> list[str]:
    return [s.clean for s in prepare_article(text).sentences]


def assert_only_reporting(text: str, *, furniture: str) -> None:
    found = sentences_of(text)
    assert found == [
        "Officials in Ankara said on Monday that talks with Moscow would resume next week.",
        "The foreign minister told reporters the meeting was constructive.",
    ], f"furniture leaked or reporting lost: {found}"
    assert all(furniture.lower() not in s.lower() for s in found)


CASES = {
    "reader appeal letter": (
        "Turkey and Russia to resume talks\n\nDear Reader,\nOur newsroom depends on you. "
        "Independent reporting costs money, and advertising no longer pays for it.\n\n"
        "We ask you to be our partner.\n\nThank you,\n\nJane Doe, Publisher\n\n" + REPORTING,
        "newsroom depends",
    ),
    "donation appeal": (
        REPORTING + "\n\nBecome a part of our mission by donating today\n",
        "donating",
    ),
    "support appeal with reader phrase": (
        REPORTING + "\n\nQuality reporting needs readers like you. Can we count on your support?\n",
        "count on your support",
    ),
    "paywall counter at the end": (
        REPORTING
        + "\n\nYou have read 4 articles this month.\nSubscribe now to get unlimited access.\n",
        "articles this month",
    ),
    "paywall counter at the top": (
        "You have read 2 free articles.\n\n" + REPORTING,
        "free articles",
    ),
    "related content block": (
        REPORTING
        + "\n\nRelated Content\n\nEgypt hosts summit\nJune 3, 2020\nCairo talks end early.",
        "Cairo talks",
    ),
    "navigation": (
        "Accessibility links\n\nSkip to content\n\nBreaking News\n\nTalks resume\n\n" + REPORTING,
        "Skip to content",
    ),
    "qr code": ("QR code\n\n" + REPORTING, "QR code"),
    "story code and news link": (
        REPORTING + "\n\nStory Code: 41122\n\nNews Link :\nhttps://example.org/en/article/41122/x",
        "Story Code",
    ),
    "read more": (REPORTING + "\n\nRead more here\n\nSome other teaser text.", "teaser"),
    "photo credit": (
        "President A (L) greets President B in Ankara, March 2, 2020. "
        "(photo credit: AFP/JOHN ROE)\n\n" + REPORTING,
        "photo credit",
    ),
    "caption with agency": (
        REPORTING + "\nThe two leaders meet in Sochi on Friday (Reuters)\n",
        "two leaders meet",
    ),
    "image credit line": (
        "The ministers in Ankara. Credit: Wikimedia Commons.\n\n" + REPORTING,
        "Wikimedia",
    ),
    "caption printed twice": (
        "Soldiers on patrol near the border.\nSoldiers on patrol near the border.\n\n" + REPORTING,
        "Soldiers on patrol",
    ),
    "author bio": (
        REPORTING
        + "\n\nDr. Sara K. Lind, a specialist on Turkish foreign policy, is a senior fellow at "
        "the Institute for Regional Studies.",
        "senior fellow",
    ),
    "subheading": ("Talks set to resume\n\n" + REPORTING, "Talks set to resume"),
    "minute read and share": ("3 min read\n\nShare this article\n\n" + REPORTING, "min read"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_furniture_is_not_a_sentence(name: str) -> None:
    text, furniture = CASES[name]
    assert_only_reporting(text, furniture=furniture)


def test_footnote_markers_are_not_text_but_offsets_stay() -> None:
    text = (
        "The ambassador said the talks were “useful.”3 Another meeting followed on "
        "Jan. 25, 20194 in Geneva.\n"
    )
    article = prepare_article(text)
    clean = [s.clean for s in article.sentences]
    assert clean == [
        "The ambassador said the talks were “useful.”",
        "Another meeting followed on Jan. 25, 2019 in Geneva.",
    ]
    for s in article.sentences:
        assert text[s.start : s.end] == s.text
    assert "20194" in article.sentences[1].text  # the source span is untouched


def test_a_decimal_is_not_a_footnote_marker() -> None:
    text = "The bank will lend about 1.3 billion euros. The channel has 2.5 million readers.\n"
    article = prepare_article(text)
    assert [s.clean for s in article.sentences] == [
        "The bank will lend about 1.3 billion euros.",
        "The channel has 2.5 million readers.",
    ]


def test_dateline_and_standfirst_open_the_article() -> None:
    text = (
        "Talks resume between Ankara and Moscow\n\n"
        "A short summary of the story that repeats the lead.\n\n"
        "March 3, 2020 10:15\n\n" + REPORTING
    )
    assert sentences_of(text)[0].startswith("Officials in Ankara")
    assert len(sentences_of(text)) == 2


def test_outlet_tag_and_city_dateline_are_not_part_of_the_first_sentence() -> None:
    article = prepare_article("Example Wire | : ANKARA — " + REPORTING)
    assert article.sentences[0].clean.startswith("Officials in Ankara")
    assert article.original_outlet == "Example Wire"


def test_seeds_lose_every_kind_of_boilerplate(seeds_dir) -> None:
    leaked = [
        "Dear Reader",
        "Become a part of our mission",
        "You have read",
        "Related Content",
        "Accessibility links",
        "Breaking News",
        "QR code",
        "Story Code",
        "News Link",
        "Read more here",
        "photo credit",
        "Credit:",
        "(Reuters)",
        "Segall, an expert",
        "minute read",
        "Premium",
        "Register to receive",
        "See photo gallery",
    ]
    for path in sorted(seeds_dir.glob("*.txt")):
        for sentence in prepare_article(path.read_text(encoding="utf-8")).sentences:
            for phrase in leaked:
                assert phrase.lower() not in sentence.clean.lower(), (path.name, sentence.clean)
            assert not sentence.clean[-1].isdigit() or sentence.clean.endswith(("2017", "2018")), (
                f"footnote marker left in {path.name}: {sentence.clean}"
            )


def test_a_byline_closes_the_header_and_a_headline_may_end_with_a_full_stop() -> None:
    text = (
        "Ankara and Moscow talk again. Baku is not pleased.\n\n"
        "By Leyla Aliyeva and Tom O’Brien\n\n" + REPORTING
    )
    article, body = read_article(text)
    assert article.sentences[0].clean.startswith("Officials in Ankara")
    assert article.headline == "Ankara and Moscow talk again. Baku is not pleased."
    assert [p.kind for p in body.paragraphs[:2]] == ["heading", "byline"]
    assert body.author == "Leyla Aliyeva and Tom O’Brien"


@pytest.mark.parametrize(
    "line",
    [
        "By then, the talks had collapsed.",  # a sentence, not a name
        "By Tuesday evening Ankara had agreed to everything the Russian side had asked for.",
    ],
)
def test_a_sentence_opening_with_by_is_no_byline(line: str) -> None:
    article, body = read_article("Talks resume\n\n" + line + "\n\n" + REPORTING)
    assert article.sentences[0].clean == line
    assert body.author == ""


def test_prepare_article_reads_the_headline_from_the_text() -> None:
    article = prepare_article("Talks resume between Ankara and Moscow\n\n" + REPORTING)
    assert article.headline == "Talks resume between Ankara and Moscow"


# The rules skip text that cannot match (their needles) and try some regexes only at line starts
# or near their needles. These shortcuts must find exactly what the plain regexes find.


def _rule_texts(seeds_dir) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    return texts + [text for text, _ in CASES.values()]


def test_inline_rules_find_what_finditer_finds(seeds_dir) -> None:
    for text in _rule_texts(seeds_dir):
        for rule in load_rules().inline:
            group = "drop" if "drop" in rule.regex.groupindex else 0
            assert rule.spans(text) == [m.span(group) for m in rule.regex.finditer(text)]


def test_paragraph_rules_find_what_search_finds(seeds_dir) -> None:
    rules = load_rules()
    for text in _rule_texts(seeds_dir):
        lines = [" ".join(line.split()).lower() for line in text.split("\n")]
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        candidates = rules.scan.candidates("\n".join(lines), starts)
        for rule in (rules.appeal, rules.caption, *(start for start, _, _ in rules.blocks)):
            expected = {i for i, line in enumerate(lines) if rule.regex.search(line)}
            assert rule.matching_lines(lines, candidates) == expected, rule.regex.pattern[:60]
        for rule in (rules.author_bio, *(end for _, end, _ in rules.blocks)):
            assert [rule.search(line) for line in lines] == [
                rule.regex.search(line) is not None for line in lines
            ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"^ab",
        r"^(?P<drop>a+)b",
        r"(?<=a)bcd",
        r"\d{1,2}, (?:19|20)\d\d(?P<drop>\d)",
        r"^[A-Z ]{2,5} - ",
        r"a.{0,3}bca",
        r"(?:ab|cd)e",
        r"^\s*ab",
        r"^(?:x|y)ab\n",
        r"ads?-free",
        r"(?i)abc",
        r"(ab)\1c",
    ],
)
def test_rule_shortcuts_on_random_text(pattern: str) -> None:
    rule = _Rule.compile(pattern, re.MULTILINE)
    plain = re.compile(pattern, re.MULTILINE)
    group = "drop" if "drop" in plain.groupindex else 0
    rng = random.Random(pattern)
    for _ in range(3000):
        text = "".join(rng.choice("ab cd\nAB,19 20-xy.C") for _ in range(rng.randint(0, 30)))
        text = text.replace("x", ", 2018") if rng.random() < 0.3 else text
        assert rule.spans(text) == [m.span(group) for m in plain.finditer(text)], text
        assert rule.search(text) == (plain.search(text) is not None), text
