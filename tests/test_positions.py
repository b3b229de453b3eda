"""Positions ledger: speaker × topic × date with stance and supporting statements."""

from __future__ import annotations

import pandas as pd

from newsframe.positions import POSITION_COLUMNS, positions


def _statements() -> pd.DataFrame:
    base = {"speaker_country": "RUS", "speaker_type": "person", "said_on_precision": "day"}
    rows = [
        (
            "a-q001",
            "a",
            10,
            "Sergei Ryabkov",
            "ryabkov",
            "russia_iran_alliance",
            "denies",
            "2019-01-25",
        ),
        (
            "b-q002",
            "b",
            50,
            "Sergei Ryabkov",
            "ryabkov",
            "russia_iran_alliance",
            "denies",
            "2019-01-25",
        ),
        (
            "b-q001",
            "b",
            5,
            "Levan Dzhagaryan",
            "dzhagaryan",
            "russia_iran_alliance",
            "affirms",
            "2019-01-19",
        ),
        (
            "b-q003",
            "b",
            90,
            "Levan Dzhagaryan",
            "dzhagaryan",
            "russia_iran_alliance",
            "denies",
            "2019-01-19",
        ),
        ("b-q004", "b", 95, "Levan Dzhagaryan", "dzhagaryan", "israel_security", "", ""),
        ("b-q005", "b", 99, "someone", "", "", "", ""),
    ]
    return pd.DataFrame(
        [
            dict(
                base,
                statement_id=s,
                article_id=a,
                start=st,
                speaker=sp,
                speaker_id=sid,
                topic=t,
                stance=stance,
                said_on=d,
                quote=f"quote {s}",
            )
            for s, a, st, sp, sid, t, stance, d in rows
        ]
    )


def test_one_row_per_speaker_topic_date() -> None:
    ledger = positions(_statements())
    assert list(ledger.columns) == list(POSITION_COLUMNS)
    keys = list(zip(ledger["speaker"], ledger["topic"], ledger["said_on"], strict=True))
    assert len(keys) == len(set(keys)) == 3  # the statement without a topic is not a position
    ryabkov = ledger[ledger["speaker_id"] == "ryabkov"].iloc[0]
    assert ryabkov["statement_ids"] == "a-q001|b-q002"
    assert ryabkov["n_statements"] == 2
    assert ryabkov["stance"] == "denies"


def test_disagreeing_statements_are_mixed_not_majority() -> None:
    ledger = positions(_statements(), topic="russia_iran_alliance")
    row = ledger[ledger["speaker_id"] == "dzhagaryan"].iloc[0]
    assert (row["stance"], row["stances"]) == ("mixed", "affirms|denies")
    assert ledger["said_on"].tolist() == sorted(ledger["said_on"].tolist())


def test_outlets_from_articles_and_empty_input() -> None:
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["CNN", "Radio Farda"]})
    ledger = positions(_statements(), articles, topic="russia_iran_alliance")
    assert ledger[ledger["speaker_id"] == "ryabkov"].iloc[0]["outlets"] == "CNN|Radio Farda"
    assert positions(_statements().iloc[0:0]).empty
