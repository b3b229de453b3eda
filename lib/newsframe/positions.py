"""The positions ledger: who stood where on a topic, when, and the statements behind it.

One row per speaker × topic × date (``said_on``; statements without a date are grouped under an
empty date so they are not lost). ``stance`` is the stance the speaker's statements of that day
take; when they disagree, the row says ``mixed`` and ``stances`` lists them all, so an analyst
sees the contradiction instead of a silent majority.
"""

from __future__ import annotations

from newsframe.runtime import pd

POSITION_COLUMNS = (
    "speaker",
    "speaker_id",
    "speaker_country",
    "speaker_type",
    "topic",
    "said_on",
    "said_on_precision",
    "stance",
    "stances",
    "n_statements",
    "statement_ids",
    "article_ids",
    "outlets",
    "first_quote",
)


def _joined(values: pd.Series) -> str:
    """Distinct non-empty values in first-seen order, joined with '|'."""
    seen: list[str] = []
    for value in values:
        text = "" if pd.isna(value) else str(value)
        if text and text not in seen:
            seen.append(text)
    return "|".join(seen)


def positions(
    statements: pd.DataFrame, articles: pd.DataFrame | None = None, topic: str | None = None
) -> pd.DataFrame:
    """One row per speaker × topic × said_on with the stance and supporting statement ids.

    ``statements`` is the statements table (as read from statements.csv or built in memory);
    ``articles`` (optional) adds the outlets that reported each position; ``topic`` keeps one
    topic only. Statements without a topic are left out: a position is about something.
    Rows are sorted by topic, date (undated last), speaker.
    """
    if statements.empty:
        return pd.DataFrame(columns=list(POSITION_COLUMNS))
    frame = statements.copy()
    for column in ("topic", "stance", "said_on", "said_on_precision", "speaker_id"):
        if column not in frame:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    frame = frame[frame["topic"] != ""]
    if topic is not None:
        frame = frame[frame["topic"] == topic]
    if frame.empty:
        return pd.DataFrame(columns=list(POSITION_COLUMNS))
    if articles is not None and "outlet" in articles:
        outlets = articles.set_index("article_id")["outlet"].fillna("").astype(str)
        frame["outlet"] = frame["article_id"].map(outlets).fillna("")
    else:
        frame["outlet"] = ""
    # Group by the speaker's id when known (one person, many spellings), else by name.
    frame["speaker_key"] = frame["speaker_id"].where(frame["speaker_id"] != "", frame["speaker"])
    frame = frame.sort_values(["article_id", "start"], kind="stable")

    rows = []
    for (speaker_key, topic_name, said_on), group in frame.groupby(
        ["speaker_key", "topic", "said_on"], sort=False
    ):
        stances = _joined(group["stance"])
        stance = stances if "|" not in stances else "mixed"
        rows.append(
            {
                "speaker": group["speaker"].iloc[0],
                "speaker_id": group["speaker_id"].iloc[0],
                "speaker_country": group.get("speaker_country", pd.Series([""])).iloc[0],
                "speaker_type": group.get("speaker_type", pd.Series([""])).iloc[0],
                "topic": topic_name,
                "said_on": said_on,
                "said_on_precision": _joined(group["said_on_precision"]) if said_on else "unknown",
                "stance": stance,
                "stances": stances,
                "n_statements": len(group),
                "statement_ids": _joined(group["statement_id"]),
                "article_ids": _joined(group["article_id"]),
                "outlets": _joined(group["outlet"]),
                "first_quote": str(group["quote"].iloc[0]) if "quote" in group else "",
            }
        )
        del speaker_key
    ledger = pd.DataFrame(rows, columns=list(POSITION_COLUMNS))
    ledger["_undated"] = ledger["said_on"] == ""
    ledger = ledger.sort_values(
        ["topic", "_undated", "said_on", "speaker", "statement_ids"], kind="stable"
    ).drop(columns="_undated")
    return ledger.reset_index(drop=True)
