"""Events: hand-checked expected sets, columns, dates never made up, timeline."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from newsframe.events import EVENT_COLUMNS, TIMELINE_COLUMNS, extract_events, timeline
from newsframe.pipeline import prepare_article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import events_quality  # noqa: E402  (the bench script holds the scoring, shared with tests)


@pytest.fixture(scope="module")
def seed_score() -> dict:
    return events_quality.score(events_quality.seed_cases())


@pytest.fixture(scope="module")
def own_score() -> dict:
    return events_quality.score(events_quality.own_cases())


@pytest.mark.parametrize("which", ["seed_score", "own_score"])
def test_quality_targets_of_issue_4(which: str, request: pytest.FixtureRequest) -> None:
    result = request.getfixturevalue(which)
    assert result["recall"] >= 0.85
    assert result["date_accuracy"] >= 0.90
    assert result["precision"] >= 0.80


@pytest.mark.parametrize("which", ["seed_score", "own_score"])
def test_no_event_gets_a_date_the_text_does_not_give(
    which: str, request: pytest.FixtureRequest
) -> None:
    assert request.getfixturevalue(which)["unsupported_dates"] == 0


def _dates_by_type(text: str, published: date) -> dict[str, str]:
    article = prepare_article(text, published=published)
    return {row["event_type"]: row["date"] for row in extract_events(article)}


def test_a_date_belongs_to_the_action_that_governs_it_not_the_nearest_trigger() -> None:
    # Fronted date: the main verb's, not that of an event inside its object.
    got = _dates_by_type(
        "On Monday, Ankara rejected a call from Berlin for a truce in Idlib.",
        date(2019, 3, 6),
    )
    assert got == {"REJECT": "2019-03-04", "DEMAND": ""}  # the truce is demanded, not made
    # "After/Following <event> <date>," dates that event only; "During ..." the main clause too.
    got = _dates_by_type(
        "Following the air strikes on March 3, Damascus condemned Israel.", date(2019, 3, 6)
    )
    assert got == {"FIGHT": "2019-03-03", "DISAPPROVE": ""}
    got = _dates_by_type(
        "During a visit to Ankara on March 3, the minister condemned the strikes.",
        date(2019, 3, 6),
    )
    assert got["CONSULT"] == got["DISAPPROVE"] == "2019-03-03"
    # "<date>, when ...": the when-clause's actions; a premodifying date: its noun only.
    got = _dates_by_type(
        "Tensions rose on March 3, when Israeli jets struck targets near Damascus.",
        date(2019, 3, 6),
    )
    assert got == {"FIGHT": "2019-03-03"}
    got = _dates_by_type(
        "An official discussed the raids at a March 3 press conference.", date(2019, 3, 6)
    )
    assert got == {"MAKE_PUBLIC_STATEMENT": "2019-03-03", "FIGHT": ""}
    # A date behind a relative clause is not the main verb's.
    got = _dates_by_type("Iran criticized the envoy, who met Assad on March 3.", date(2019, 3, 6))
    assert got == {"DISAPPROVE": "", "CONSULT": "2019-03-03"}


def test_rows_have_exactly_the_contract_columns_and_stable_ids() -> None:
    text = "On June 9, Hassan Rouhani met Vladimir Putin in Qingdao. Israeli jets struck Syria."
    article = prepare_article(text, article_id="a1", published=date(2018, 6, 17))
    rows = extract_events(article)
    assert [list(r) for r in rows] == [EVENT_COLUMNS] * len(rows)
    assert [r["event_id"] for r in rows] == [f"a1-e{n:03d}" for n in range(1, len(rows) + 1)]
    assert rows == extract_events(article)  # deterministic
    meeting = rows[0]
    assert meeting["event_type"] == "CONSULT"
    assert (meeting["actor1"], meeting["actor2"]) == ("Hassan Rouhani", "Vladimir Putin")
    assert (meeting["actor1_country"], meeting["actor2_country"]) == ("IRN", "RUS")
    assert meeting["date"] == "2018-06-09" and meeting["location"] == "Qingdao"
    assert article.text[meeting["start"] : meeting["end"]].startswith("On June 9")


def test_event_without_a_date_in_its_sentence_keeps_an_empty_date() -> None:
    text = "Israeli jets struck Iranian positions near Damascus."
    article = prepare_article(text, published=date(2019, 1, 31))
    (row,) = extract_events(article)
    assert row["date"] == "" and row["date_basis"] == "unknown"


def test_negated_future_and_quoted_triggers_are_not_events() -> None:
    text = (
        "Russia will not join the sanctions. Iran did not respond to the raids. "
        "\u201cWe will discuss the strikes,\u201d he said."
    )
    article = prepare_article(text, published=date(2019, 1, 31))
    assert extract_events(article) == []


def test_timeline_groups_reports_and_shows_the_reporting_gap() -> None:
    events = pd.DataFrame(
        [
            {**dict.fromkeys(EVENT_COLUMNS, ""), "event_id": "a-e001", "article_id": "a",
             "date": "2019-01-24", "date_precision": "day", "event_type": "FIGHT",
             "actor1": "Israel", "actor2": "Iran"},
            {**dict.fromkeys(EVENT_COLUMNS, ""), "event_id": "b-e001", "article_id": "b",
             "date": "2019-01-24", "date_precision": "day", "event_type": "FIGHT",
             "actor1": "Iran", "actor2": "Israel"},
            {**dict.fromkeys(EVENT_COLUMNS, ""), "event_id": "b-e002", "article_id": "b",
             "date": "", "date_precision": "unknown", "event_type": "CONSULT"},
        ]
    )  # fmt: skip
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["JNS", "Radio Farda"],
         "published": ["2019-01-31", "2019-01-28"]}
    )  # fmt: skip
    result = timeline(events, articles)
    assert list(result.columns) == TIMELINE_COLUMNS
    assert len(result) == 1  # the undated event cannot be placed on a time axis
    row = result.iloc[0]
    assert row["n_reports"] == 2 and row["outlets"] == "JNS; Radio Farda"
    assert row["reported_on"] == "2019-01-28; 2019-01-31"
    assert row["days_to_report"] == 4
