"""Events: who did what to whom, when and where, one row per sentence and event type.

Triggers ("met", "air strikes", "told CNN", "called for", "sanctions") come from the editable
``data/event_types.csv``, mapped to CAMEO top-level event types. All triggers are compiled into
one regular expression scanned once over the article's flat text. For each trigger in a body
sentence (outside quotation marks, not negated, conditional or future):

* actors come from ``newsframe.actors`` (same list as statements): an agent after "by" wins,
  else the nearest named person/institution before the trigger (a country only if no one is
  named), and the other side is the first different actor after the trigger; "a meeting between
  X and Y" gives X and Y;
* the date is the date expression of the same sentence nearest the trigger
  (``newsframe.dates``); a sentence without one leaves the date empty - never the publication
  date;
* the location is a capitalised place after "in"/"at" ("in the Chinese city of Qingdao").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newsframe.actors import ActorMention, find_actor_mentions
from newsframe.article import Article, Sentence
from newsframe.dates import DateMention, find_dates
from newsframe.reference import read_reference_csv
from newsframe.tables import COLUMNS

__all__ = ["EVENT_COLUMNS", "TIMELINE_COLUMNS", "event_types", "extract_events", "timeline"]

EVENT_COLUMNS = list(COLUMNS["events"])  # the contract's columns, in order


@dataclass(frozen=True, slots=True)
class EventType:
    pattern: str
    cameo_code: str
    event_type: str


def event_types() -> list[EventType]:
    """The trigger rows of ``data/event_types.csv``, in file order."""
    return [
        EventType(row["pattern"], row["cameo_code"], row["event_type"])
        for row in read_reference_csv("event_types.csv")
    ]


def _top_level_alternatives(pattern: str) -> list[str]:
    """``(?:a|b c|d(?:e|f))`` -> ["a", "b c", "d(?:e|f)"]: split at top-level bars."""
    if pattern.startswith("(?:") and pattern.endswith(")"):
        depth = 0
        for i, char in enumerate(pattern):
            depth += char == "("
            depth -= char == ")"
            if depth == 0 and i < len(pattern) - 1:
                break
        else:
            pattern = pattern[3:-1]
    parts, depth, current = [], 0, []
    for char in pattern:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p for p in parts if p]


_FIRST_WORD = re.compile(r"[a-z][a-z-]*")
_WORD = re.compile(r"[A-Za-z][a-z-]*")


def _compile_triggers() -> dict[str, list[tuple[re.Pattern[str], EventType]]]:
    """First word of a trigger form (lower case) -> [(form, type)], longest form first.

    Looking up each word of the text in this table, then trying only the forms that start
    with it, is ~50x faster than one big alternation over the text.
    """
    table: dict[str, list[tuple[int, int, re.Pattern[str], EventType]]] = {}
    for row_index, row in enumerate(event_types()):
        for alternative in _top_level_alternatives(row.pattern):
            first = _FIRST_WORD.match(alternative)
            if first is None:
                raise ValueError(f"event_types.csv: form {alternative!r} must start with a word")
            body = alternative.replace(" ", r"\s+")
            body = f"[{body[0]}{body[0].upper()}]{body[1:]}"
            form = re.compile(rf"(?:{body})(?![\w-])")
            table.setdefault(first.group(), []).append((-len(alternative), row_index, form, row))
    return {
        word: [(form, row) for _, _, form, row in sorted(forms, key=lambda f: f[:2])]
        for word, forms in table.items()
    }


_TRIGGER_TABLE = _compile_triggers()


def _triggers(flat: str, start: int, end: int) -> list[tuple[int, int, EventType]]:
    found = []
    for word in _WORD.finditer(flat, start, end):
        forms = _TRIGGER_TABLE.get(word.group().lower())
        if not forms:
            continue
        for form, row in forms:
            match = form.match(flat, word.start())
            if match:
                found.append((match.start(), match.end(), row))
                break
    return found


# Words shortly before a trigger that mean it did not (or not yet) happen.
_NOT_HAPPENED = re.compile(
    r"\b(?:not|never|no|would|could|might|will|shall|should|must|if|unless|wouldn't|won't"
    r"|didn't|did not|cannot|can't|failed to|plans? to|expected to|likely to|set to)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
_NEGATION_WINDOW = 40
_QUOTED = re.compile(r"[“\"][^“”\"]{1,2000}[”\"]")
_BETWEEN = re.compile(r"\s+(?:\w+\s+){0,2}?between\s+")
_BY = re.compile(r"\s+(?:(?:carried out|launched|conducted|made|given)\s+)?by\s+(?:the\s+)?")
_PLACE_WORD = r"[A-Z][\w'’-]*[\w]"
_LOCATION = re.compile(
    r"(?<![\w])(?:in|at)\s+(?:the\s+)?"
    r"(?:(?:[A-Z]\w+\s+)?(?:city|town|capital|port|province|region|village|area|resort)\s+of\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)(?:ern)?\s+)?"
    rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)
_NOT_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "The", "This", "That", "His", "Her", "Their", "Its", "Our",
}  # fmt: skip
_SPACES = re.compile(r"\s+")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|i)$")
_TITLE_GAP = re.compile(r"^[\s\w'’.-]{0,45}$")
_PLACE_TYPES = {"country"}


def _quoted_spans(flat: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(flat)]


def _inside_any(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < offset < b for a, b in spans)


def _word_start(flat: str, offset: int) -> bool:
    return offset == 0 or not (flat[offset - 1].isalnum() or flat[offset - 1] in "-_")


def _main_actors(mentions: list[ActorMention], flat: str) -> list[ActorMention]:
    """Drop a country adjective that only introduces a named person ("Iranian President
    Hassan Rouhani", "Russia's special envoy for Syria Alexander Lavrentiev")."""
    kept: list[ActorMention] = []
    for i, mention in enumerate(mentions):
        if mention.type == "country":
            later = next((m for m in mentions[i + 1 :] if m.type != "country"), None)
            if (
                later is not None
                and later.type == "person"
                and _TITLE_GAP.match(flat[mention.end : later.start])
            ):
                continue
        kept.append(mention)
    return kept


def _pick_actors(
    mentions: list[ActorMention], flat: str, trigger_start: int, trigger_end: int
) -> tuple[ActorMention | None, ActorMention | None]:
    before = [m for m in mentions if m.end <= trigger_start]
    after = [m for m in mentions if m.start >= trigger_end]
    between = _BETWEEN.match(flat, trigger_end)
    if between and len(after) >= 2 and after[0].start - between.end() < 30:
        second = next((m for m in after[1:] if m.actor_id != after[0].actor_id), None)
        return after[0], second
    agent = _BY.match(flat, trigger_end)
    if agent and after and after[0].start == agent.end():
        first = after[0]
        other = next((m for m in after[1:] if m.actor_id != first.actor_id), None)
        if other is None and before:
            other = before[-1]
        return first, other
    named = [m for m in before if m.type != "country"]
    first = named[-1] if named else (before[-1] if before else None)
    if first is None:
        first, after = (after[0], after[1:]) if after else (None, after)
    other = next((m for m in after if first is None or m.actor_id != first.actor_id), None)
    return first, other


def _location(
    flat: str, sentence: Sentence, trigger_start: int, mentions: list[ActorMention]
) -> str:
    candidates = []
    for match in _LOCATION.finditer(flat, sentence.start, sentence.end):
        start, end = match.span("place")
        # A place ends where a named person or institution begins ("in Tehran Levan ...").
        for m in mentions:
            if m.type not in _PLACE_TYPES and start < m.end and m.start < end:
                end = m.start
        place = _SPACES.sub(" ", flat[start:end]).strip()
        words = place.split()
        if not words or words[0] in _NOT_PLACES:
            continue
        adjective = any(
            m.start == start and m.type in _PLACE_TYPES and _DEMONYM.search(m.surface)
            for m in mentions
        )
        if adjective:  # "in Russian hands": a demonym, not a place
            continue
        candidates.append((start, re.sub(r"['’]s$", "", place)))
    if not candidates:
        return ""
    after = [c for c in candidates if c[0] >= trigger_start]
    return after[0][1] if after else candidates[-1][1]


def _nearest_date(dates: list[DateMention], start: int, end: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: (max(d.start - end, start - d.end, 0), d.start))


def _not_happened(flat: str, sentence: Sentence, trigger_start: int) -> bool:
    window = flat[max(sentence.start, trigger_start - _NEGATION_WINDOW) : trigger_start]
    # Only the clause the trigger is in: stop at the last comma, semicolon or dash.
    window = re.split(r"[,;—–]", window)[-1]
    return _NOT_HAPPENED.search(window) is not None


def extract_events(
    article: Article,
    *,
    dates: list[DateMention] | None = None,
    mentions: list[ActorMention] | None = None,
) -> list[dict]:
    """Events reported in the article's body sentences, columns as ``EVENT_COLUMNS``.

    ``dates`` (from ``find_dates``) and ``mentions`` (from ``find_actor_mentions``) may be
    passed when the caller already has them for this article, to avoid finding them twice.
    """
    flat = article.flat
    if not article.sentences:
        return []
    quotes = _quoted_spans(flat)
    dates = find_dates(article) if dates is None else dates
    mentions = find_actor_mentions(article) if mentions is None else mentions
    rows: list[dict] = []
    seen: set[tuple[int, str]] = set()
    for start, end, kind in _triggers(flat, article.sentences[0].start, article.sentences[-1].end):
        sentence = article.sentence_at(start)
        if sentence is None or not _word_start(flat, start) or _inside_any(start, quotes):
            continue
        if (sentence.sentence_id, kind.event_type) in seen:
            continue
        if _not_happened(flat, sentence, start):
            continue
        seen.add((sentence.sentence_id, kind.event_type))
        in_sentence = [m for m in mentions if sentence.start <= m.start < sentence.end]
        actors = _main_actors(in_sentence, flat)
        actor1, actor2 = _pick_actors(actors, flat, start, end)
        when = _nearest_date(
            [d for d in dates if sentence.start <= d.start < sentence.end], start, end
        )
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": sentence.sentence_id,
                "start": sentence.start,
                "end": sentence.end,
                "date": when.value.isoformat() if when and when.value else "",
                "date_precision": when.precision if when else "unknown",
                "date_expression": when.expression if when else "",
                "date_basis": when.basis if when else "unknown",
                "event_type": kind.event_type,
                "actor1": actor1.name if actor1 else "",
                "actor1_country": actor1.country if actor1 else "",
                "actor2": actor2.name if actor2 else "",
                "actor2_country": actor2.country if actor2 else "",
                "location": _location(flat, sentence, start, in_sentence),
                "_trigger": start,
            }
        )
    rows.sort(key=lambda r: (r["start"], r["_trigger"]))
    for n, row in enumerate(rows, start=1):
        del row["_trigger"]
        row["event_id"] = f"{article.article_id}-e{n:03d}"
    return [{column: row[column] for column in EVENT_COLUMNS} for row in rows]


TIMELINE_COLUMNS = [
    "date",
    "date_precision",
    "event_type",
    "actor1",
    "actor2",
    "location",
    "n_reports",
    "outlets",
    "reported_on",
    "first_reported",
    "days_to_report",
    "event_ids",
]


def timeline(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Dated events ordered for a timeline chart, one row per distinct event.

    Reports of the same event (same date, precision, type and actor pair, actors in either
    order) by several articles become one row listing the outlets and their publication
    dates, so the gap between event and report (``days_to_report``) is visible. Events
    without a date are left out: they cannot be placed on a time axis.
    """
    if events.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    meta = articles.set_index("article_id")
    dated = events[events["date"].fillna("").astype(str) != ""].copy()
    if dated.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    pair = [
        tuple(sorted((str(a or ""), str(b or ""))))
        for a, b in zip(dated["actor1"], dated["actor2"], strict=True)
    ]
    dated["_pair"] = [" / ".join(p for p in ps if p) for ps in pair]
    dated["_outlet"] = [
        _outlet_of(meta, article_id) for article_id in dated["article_id"].astype(str)
    ]
    dated["_published"] = [
        str(meta["published"].get(article_id, "") or "") if "published" in meta else ""
        for article_id in dated["article_id"].astype(str)
    ]
    rows = []
    keys = ["date", "date_precision", "event_type", "_pair"]
    for (day, precision, event_type, _pair), group in dated.groupby(keys, sort=True):
        group = group.sort_values(["_published", "article_id", "event_id"])
        reported = sorted({p for p in group["_published"] if p})
        first = reported[0] if reported else ""
        gap = (pd.Timestamp(first) - pd.Timestamp(day)).days if first else pd.NA
        first_row = group.iloc[0]
        rows.append(
            {
                "date": day,
                "date_precision": precision,
                "event_type": event_type,
                "actor1": first_row["actor1"],
                "actor2": first_row["actor2"],
                "location": next((loc for loc in group["location"] if loc), ""),
                "n_reports": int(group["article_id"].nunique()),
                "outlets": "; ".join(sorted({o for o in group["_outlet"] if o})),
                "reported_on": "; ".join(reported),
                "first_reported": first,
                "days_to_report": gap,
                "event_ids": "; ".join(group["event_id"]),
            }
        )
    result = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return result.sort_values(
        ["date", "event_type", "actor1", "actor2"], kind="stable"
    ).reset_index(drop=True)


def _outlet_of(meta: pd.DataFrame, article_id: str) -> str:
    if article_id not in meta.index:
        return article_id
    for column in ("outlet", "original_outlet"):
        if column in meta.columns:
            value = meta.at[article_id, column]
            if isinstance(value, str) and value:
                return value
    return article_id
