"""Statements: quotes and reported speech, speakers, dates, topic and stance."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from newsframe.pipeline import prepare_article
from newsframe.statements import STATEMENT_COLUMNS, alliance_stance, extract_statements

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _rows(text: str, published: date | None = date(2019, 3, 14)) -> list[dict]:
    article = prepare_article(text, article_id="t", published=published)
    return extract_statements(article, score=False)


def _by_quote(rows: list[dict], fragment: str) -> dict:
    hits = [r for r in rows if fragment in r["quote"]]
    assert len(hits) == 1, (fragment, [r["quote"] for r in rows])
    return hits[0]


def test_columns_and_offsets() -> None:
    text = 'Headline here\n\n"We reject this," Sergey Lavrov said on Monday.\n'
    article = prepare_article(text, article_id="a1", published=date(2019, 3, 14))
    rows = extract_statements(article)
    assert len(rows) == 1
    row = rows[0]
    assert set(STATEMENT_COLUMNS) <= set(row)
    assert row["statement_id"] == "a1-q001"
    assert text[row["start"] : row["end"]] == "We reject this"
    assert (row["kind"], row["speaker"], row["speaker_country"]) == (
        "direct",
        "Sergei Lavrov",
        "RUS",
    )
    assert (row["said_on"], row["date_basis"]) == ("2019-03-11", "relative")


def test_split_quote_and_pronoun_and_unknown_speaker() -> None:
    text = (
        "Title\n\n"
        "Iran’s envoy to Moscow, Kazem Jalali, struck a similar note. “Iran and Russia are "
        "strategic allies,” he wrote on Twitter, “and our alliance is stronger than ever.”\n"
    )
    rows = _rows(text)
    assert [r["speaker"] for r in rows] == ["Kazem Jalali", "Kazem Jalali"]
    assert {r["channel"] for r in rows} == {"Twitter"}
    assert rows[0]["stance"] == "affirms"


def test_block_quote_after_replied_and_title_speaker() -> None:
    text = (
        "Title\n\n"
        "Asked about the strikes, the Kremlin spokesman replied:\n\n"
        "We have said many times that such strikes violate international law.\n"
    )
    rows = _rows(text)
    row = _by_quote(rows, "such strikes violate")
    assert (row["kind"], row["speaker"], row["speaker_id"]) == ("direct", "Dmitry Peskov", "peskov")


def test_continuation_paragraph_keeps_speaker() -> None:
    text = (
        "Title\n\n"
        'Olga Petrenko, a researcher in Moscow, said: "Nobody here calls Iran an ally. '
        "Relations are pragmatic.\n\n"
        '"That will not change soon."\n\n'
        'The so-called "axis of resistance" is rarely mentioned.\n'
    )
    rows = _rows(text)
    assert [r["speaker"] for r in rows] == ["Olga Petrenko", "Olga Petrenko"]
    assert "axis of resistance" not in " ".join(r["quote"] for r in rows)


def test_reported_speech_forms() -> None:
    text = (
        "Title\n\n"
        "According to the daily Kommersant, Moscow has asked Tehran to pull back its fighters. "
        "The paper cited two diplomatic sources as saying the request was made last week. "
        "Iran is said to have 2,000 advisers in Syria.\n"
    )
    rows = _rows(text)
    assert [r["kind"] for r in rows] == ["indirect", "indirect"]
    assert rows[0]["speaker"] == "Kommersant"
    assert rows[1]["speaker"] == "two diplomatic sources"
    assert rows[1]["speaker_type"] == "anonymous"
    assert rows[1]["channel"] == "Kommersant"


def test_mixed_and_said_on_never_silently_publication() -> None:
    text = (
        'Title\n\nIranian lawmaker Mojtaba Zolnour said Tehran had "lost patience" with Moscow.\n'
    )
    (row,) = _rows(text)
    assert (row["kind"], row["speaker"]) == ("mixed", "Mojtaba Zolnour")
    assert (row["said_on"], row["date_basis"], row["said_on_precision"]) == (
        "",
        "unknown",
        "unknown",
    )


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("Russia and Iran are not allies in Syria", "denies"),
        (
            "We don't have a strategic alliance with Russia, but we have a strategic partnership",
            "qualifies",
        ),
        ("the weakening of the Iran-Russia alliance is a myth", "affirms"),
        ("Iran and Russia are strategic allies", "affirms"),
        ("more of a marriage of convenience than a strategic alliance", "qualifies"),
    ],
)
def test_alliance_stance(content: str, stance: str) -> None:
    assert alliance_stance(content) == stance


def test_label_refusal_denies_with_alliance_context() -> None:
    sentence = (
        "Asked whether Moscow and Tehran are allies, he said he wouldn't use this type of word."
    )
    assert alliance_stance("wouldn't use this type of word", sentence) == "denies"


def test_deterministic() -> None:
    text = (BENCH.parent / "seeds" / "000_302eb67bd252ba68.txt").read_text(encoding="utf-8")
    first = extract_statements(prepare_article(text, article_id="x"), score=False)
    second = extract_statements(prepare_article(text, article_id="x"), score=False)
    assert first == second
    assert [r["statement_id"] for r in first] == [f"x-q{n:03d}" for n in range(1, len(first) + 1)]
    assert [r["start"] for r in first] == sorted(r["start"] for r in first)


def test_quality_targets_on_expected_set() -> None:
    """Issue 3 targets, measured on tests/expected/statements_*.yaml by the bench script."""
    sys.path.insert(0, str(BENCH))
    try:
        from statements_quality import evaluate
    finally:
        sys.path.remove(str(BENCH))
    figures = evaluate()
    assert figures["direct_precision"] >= 0.95
    assert figures["direct_recall"] >= 0.95
    assert figures["reported_recall"] >= 0.80
    assert figures["reported_precision"] >= 0.85
    assert figures["speaker_accuracy"] >= 0.90
    assert figures["said_on_accuracy"] >= 0.90


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ('reports of a rift as "Western propaganda."', "affirms"),
        ("talk of a split between Moscow and Tehran is nothing but rumours", "affirms"),
        ("the alliance is not a myth but a fact", "affirms"),
        ("Russia is not our strategic ally", "denies"),
    ],
)
def test_dismissing_a_rift_affirms_the_alliance(content: str, stance: str) -> None:
    assert alliance_stance(content) == stance
