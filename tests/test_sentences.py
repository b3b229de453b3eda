"""Sentence splitting: news abbreviations, hard wraps, quotes; offsets point at the source."""

from __future__ import annotations

import csv

import pytest

from newsframe.article import Article
from newsframe.pipeline import prepare_article


def split(text: str) -> list[str]:
    return [s.clean for s in prepare_article(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Jan. 28, the envoy landed in Jerusalem. He met officials.",
            ["On Jan. 28, the envoy landed in Jerusalem.", "He met officials."],
        ),
        (
            "The U.S. knows this. The Turks know it too.",
            ["The U.S. knows this.", "The Turks know it too."],
        ),
        (
            "Sanctions were imposed by the U.S. The next day Iran replied.",
            ["Sanctions were imposed by the U.S.", "The next day Iran replied."],
        ),
        (
            "IDF Lt.-Col. (ret.) Michael Segall wrote the report. It was long.",
            ["IDF Lt.-Col. (ret.) Michael Segall wrote the report.", "It was long."],
        ),
        (
            "The report was signed by J. R. Smith and Gen. Mark A. Milley. Both declined.",
            [
                "The report was signed by J. R. Smith and Gen. Mark A. Milley.",
                "Both declined.",
            ],
        ),
        (
            "“We will not leave,” he said. “Nobody can force us.”",
            ["“We will not leave,” he said.", "“Nobody can force us.”"],
        ),
        (
            "“It is over. We won,” the commander said. Nobody believed him.",
            ["“It is over.", "We won,” the commander said.", "Nobody believed him."],
        ),
        (
            "Is Russia an ally? Officials would not say! The question stays open…",
            ["Is Russia an ally?", "Officials would not say!", "The question stays open…"],
        ),
        (
            "Talks on Sept. 12 and No. 10 Downing St. staff were discussed. Mr. Lee left.",
            ["Talks on Sept. 12 and No. 10 Downing St. staff were discussed.", "Mr. Lee left."],
        ),
    ],
)
def test_splits_news_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_hard_wrapped_lines_join_with_offsets_into_the_original() -> None:
    text = (
        "Deputy Foreign Minister Sergey Ryabkov told CNN that Russia will help. High-\n"
        "level delegations will travel to Moscow in February, and the meeting will be \n"
        "a medium-\nintensity affair.\n\nA second paragraph starts here.\n"
    )
    article = prepare_article(text)
    assert [s.clean for s in article.sentences] == [
        "Deputy Foreign Minister Sergey Ryabkov told CNN that Russia will help.",
        "High-level delegations will travel to Moscow in February, and the meeting will be "
        "a medium-intensity affair.",
        "A second paragraph starts here.",
    ]
    for s in article.sentences:
        assert text[s.start : s.end] == s.text
        assert not s.text[0].isspace() and not s.text[-1].isspace()


def test_sentences_never_cross_paragraphs() -> None:
    assert split("A heading-like line that ends with a period.\n\nNext one.") == [
        "A heading-like line that ends with a period.",
        "Next one.",
    ]


def _expected_seed_sentences() -> dict[str, list[tuple[str, str]]]:
    from newsframe.config import ROOT

    rows: dict[str, list[tuple[str, str]]] = {}
    with (ROOT / "tests/expected/seed_sentences.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines):
        rows.setdefault(row["article_id"], []).append((row["begins"], row["ends"]))
    return rows


def test_seed_sentences_match_the_hand_checked_set(seeds_dir) -> None:
    expected = _expected_seed_sentences()
    assert sorted(expected) == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = prepare_article(text)
        found = [(s.clean[:40], s.clean[-30:]) for s in article.sentences]
        assert found == expected[path.stem], path.name
        for s in article.sentences:
            assert text[s.start : s.end] == s.text


def test_readable_joins_a_line_break_hyphen_only_with_both_words_in_the_span() -> None:
    text = "A medium-\n  intensity war-\nzone. End"
    article = Article("a", "a.txt", text, text.replace("\n", " "))
    assert article.readable(0, len(text)) == "A medium-intensity war-zone. End"
    letter = text.index("intensity")
    # the break's look-ahead letter is outside the span: the break stays a space
    assert article.readable(0, letter) == "A medium-"
    assert article.readable(0, letter + 1) == "A medium-i"
    # the hyphen is the span's first character: still joined
    assert article.readable(text.index("-"), letter + 3) == "-int"
    assert article.readable(text.index("war"), len(text)) == "war-zone. End"
