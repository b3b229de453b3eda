"""Events: who did what to whom, when and where, one row per sentence and event type.

Triggers ("met", "air strikes", "told CNN", "called for", "sanctions") come from the editable
``data/event_types.csv``, mapped to CAMEO top-level event types. All triggers are compiled into
one regular expression scanned once over the article's flat text. For each trigger in a body
sentence (outside quotation marks, not negated, conditional or future):

* actors come from ``newsframe.actors`` (same list as statements): an agent after "by" wins,
  else the nearest named person/institution before the trigger (a country only if no one is
  named), and the other side is the first different actor after the trigger; "a meeting between
  X and Y" gives X and Y;
* the date is a date expression of the same sentence (``newsframe.dates``) that the trigger
  governs (``_governed_dates``): one modifying the trigger noun ("a Jan. 23 briefing"), one
  after it in its clause ("attacked it in May 2018"), one fronted before the main verb ("A day
  earlier, X rejected ..."), or "<date>, when ..." for the when-clause. A trigger inside
  another's object ("rejected a call from Moscow") takes no date of its own, and a date behind
  a clause break (a comma, "who", "after", ...) dates nothing across it. A trigger with no
  governed date keeps an empty date - never the publication date, never a neighbour's date;
* what is demanded ("called for the withdrawal") has not happened, a possible/proposed one
  neither, and "that interview" points back to an event already reported: none is an event;
* the location is a capitalised place after "in"/"at" ("in the Chinese city of Qingdao").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, islice, pairwise

from newsframe.actors import (
    ActorMention,
    FormScanner,
    case_free_lower,
    char_positions,
    find_actor_mentions,
    lowered,
    matches_at,
    trie_pattern,
)
from newsframe.article import Article, Sentence
from newsframe.dates import DateMention, find_dates
from newsframe.reference import read_reference_csv
from newsframe.runtime import pd
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


# Where a trigger can start: one of the table's first words (matched on lower-cased text).
_TRIGGER_START = FormScanner(sorted(_TRIGGER_TABLE), trie_pattern, tail="(?![a-z-])")
_TRIGGER_START_ANY_CASE = re.compile(rf"\b(?i:{trie_pattern(sorted(_TRIGGER_TABLE))})(?![a-z-])")


def _triggers(flat: str, start: int, end: int) -> list[tuple[int, int, EventType]]:
    lower = lowered(flat)
    if len(lower) != len(flat):  # a character whose lower case is longer: keep offsets
        lower = flat
        words = [m.span() for m in _TRIGGER_START_ANY_CASE.finditer(flat, start, end)]
    else:
        words = _TRIGGER_START.spans(lower, start, end)
    found = []
    for word_start, word_end in words:
        for form, row in _TRIGGER_TABLE[lower[word_start:word_end].lower()]:
            match = form.match(flat, word_start)
            if match:
                found.append((word_start, match.end(), row))
                break
    return found


# Words shortly before a trigger that mean it did not (or not yet) happen.
_NOT_HAPPENED = re.compile(
    r"\b(?:not|never|no|would|could|might|will|shall|should|must|if|unless|wouldn't|won't"
    r"|didn't|did not|cannot|can't|failed to|plans? to|expected to|likely to|set to"
    r"|possible|potential|proposed|planned|prospective|hypothetical)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
_NEGATION_WINDOW = 40
_DEMAND_CODE = "10"  # CAMEO DEMAND: what follows a demand in its clause is what is demanded
# Possessive: what the repeat gives back could never be the closing mark, so do not try.
_QUOTED = re.compile(r"[“\"][^“”\"]{1,2000}+[”\"]")
_BETWEEN = re.compile(r"\s+(?:\w+\s+){0,2}?between\s+")
_BY = re.compile(r"\s+(?:(?:carried out|launched|conducted|made|given)\s+)?by\s+(?:the\s+)?")
_PLACE_WORD = r"[A-Z][\w'’-]*[\w]"
# "in"/"at" not inside a word; the look-behind comes after the first letter so that the
# pattern starts with a plain letter, which the regex engine skips ahead to.
_LOCATION = re.compile(
    r"(?:i(?<![\w].)n|a(?<![\w].)t)\s+(?:the\s+)?"
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
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|i)$")
_TITLE_GAP = re.compile(r"^[\s\w'’.-]{0,45}$")
_PLACE_TYPES = {"country"}


def _quoted_spans(flat: str) -> list[tuple[int, int]]:
    # Tried only at the opening marks, found with str.find: cheaper than the regex's own search.
    return [m.span() for m in matches_at(_QUOTED, flat, char_positions(flat, '“"'))]


class _Cover:
    """Whether any of many spans (sorted by start) has ``start < offset < end``, by bisection:
    the spans starting before ``offset`` reach past it if the furthest of them does."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def __contains__(self, offset: int) -> bool:
        i = bisect_left(self.starts, offset)
        return i > 0 and self.reach[i - 1] > offset


def _word_start(flat: str, offset: int) -> bool:
    return offset == 0 or not (flat[offset - 1].isalnum() or flat[offset - 1] in "-_")


def _main_actors(mentions: list[ActorMention], flat: str) -> list[ActorMention]:
    """Drop a country adjective that only introduces a named person ("Iranian President
    Hassan Rouhani", "Russia's special envoy for Syria Alexander Lavrentiev")."""
    kept: list[ActorMention] = []
    for i, mention in enumerate(mentions):
        if mention.type == "country":
            later = next((m for m in islice(mentions, i + 1, None) if m.type != "country"), None)
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
    between = _BETWEEN.match(flat, trigger_end) if len(after) >= 2 else None
    if between and after[0].start - between.end() < 30:
        second = next((m for m in after[1:] if m.actor_id != after[0].actor_id), None)
        return after[0], second
    agent = _BY.match(flat, trigger_end) if after else None
    if agent and after[0].start == agent.end():
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
    return _nearest_place(_places(flat, sentence, mentions), trigger_start)


def _places(flat: str, sentence: Sentence, mentions: list[ActorMention]) -> list[tuple[int, str]]:
    """(offset, place) of the places a sentence names after "in"/"at"."""
    candidates = []
    for match in _LOCATION.finditer(flat, sentence.start, sentence.end):
        start, end = match.span("place")
        # A place ends where a named person or institution begins ("in Tehran Levan ...").
        for m in mentions:
            if m.type not in _PLACE_TYPES and start < m.end and m.start < end:
                end = m.start
        words = flat[start:end].split()
        if not words or words[0] in _NOT_PLACES:
            continue
        place = " ".join(words)  # spaces collapsed, ends stripped
        adjective = any(
            m.start == start and m.type in _PLACE_TYPES and _DEMONYM.search(m.surface)
            for m in mentions
        )
        if adjective:  # "in Russian hands": a demonym, not a place
            continue
        candidates.append((start, place[:-2] if place.endswith(("'s", "’s")) else place))
    return candidates


def _nearest_place(candidates: list[tuple[int, str]], trigger_start: int) -> str:
    """The first place after the trigger, else the last one before it."""
    if not candidates:
        return ""
    after = [c for c in candidates if c[0] >= trigger_start]
    return after[0][1] if after else candidates[-1][1]


# Words and marks that end the clause a date can reach across: a date does not date an action
# on the far side of a relative or subordinate clause, a comma, a parenthesis or a dash.
_CLAUSE_BREAK = re.compile(
    r"\b(?:who|whom|whose|which|when|where|while|whereas|after|before|since|because"
    r"|although|though|until|unless|following|but)\b|[,;:()—–\"“”]",
    re.IGNORECASE,
)
_HARD_BREAK = re.compile(r"[;:()—–\"“”]")
# Prepositions and determiners that belong to the date phrase itself ("since 2017", "in early").
_DATE_LEAD = re.compile(
    r"(?:\b(?:on|in|at|since|from|by|until|till|during|of|the|a|an|early|late|mid|as of)\s*)+$",
    re.IGNORECASE,
)
_PREMODIFIER_GAP = re.compile(r"\s*(?:-\s*)?$")
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
# A fronted phrase opening with these is simultaneous with the main clause ("During an
# interview on Friday, X denied"); "After/Following the attack in May, X criticized" is not.
_SIMULTANEOUS = re.compile(r"\s*(?:during|at|in|on|amid)\b", re.IGNORECASE)
# "that interview": a demonstrative points back to an event reported already, not a new one.
_DEMONSTRATIVE_BEFORE = re.compile(r"\b(?:this|that|these|those)\s+$", re.IGNORECASE)

# Lower-case twins of the IGNORECASE patterns, for text ``case_free_lower`` could lower-case.
_LOWER_TWIN = {
    p: re.compile(p.pattern)
    for p in (
        _NOT_HAPPENED,
        _CLAUSE_BREAK,
        _DATE_LEAD,
        _WHEN_AFTER,
        _SIMULTANEOUS,
        _DEMONSTRATIVE_BEFORE,
    )
}


def _cased(pattern: re.Pattern[str], folded: bool) -> re.Pattern[str]:
    return _LOWER_TWIN[pattern] if folded else pattern


def _governed_dates(
    flat: str,
    sentence: Sentence,
    triggers: list[tuple[int, int]],
    dates: list[DateMention],
    folded: bool = False,
) -> dict[int, DateMention]:
    """Trigger position -> the date that trigger governs, for the triggers of one sentence.

    A date belongs to the action whose trigger governs it, not to the nearest trigger:
      1. a date right before a trigger noun modifies it ("a Jan. 23 briefing");
      2. else a date after triggers of its clause dates them ("attacked it in May 2018",
         "condemned the attack in November": both), unless a clause break or another date
         lies between; a fronted "During <event> <date>," also dates the main clause;
      3. else "<date>, when ..." dates the triggers of the when-clause;
      4. else a date before any trigger of its clause ("A day earlier, X rejected a call
         from Moscow", "Iran on Monday rejected") dates the first trigger after it only: a
         trigger inside that trigger's object ("a call from Moscow") takes no date of its own.
    Positions are trigger starts; ``triggers`` are in text order. ``folded``: ``flat`` is the
    article's text lower-cased by ``case_free_lower``.
    """
    chosen: dict[int, tuple[int, int, DateMention]] = {}
    clause_break, date_lead = _cased(_CLAUSE_BREAK, folded), _cased(_DATE_LEAD, folded)
    when_after, simultaneous = _cased(_WHEN_AFTER, folded), _cased(_SIMULTANEOUS, folded)

    def give(trigger: int, rank: int, distance: int, mention: DateMention) -> None:
        if trigger not in chosen or (rank, distance) < chosen[trigger][:2]:
            chosen[trigger] = (rank, distance, mention)

    starts = [d.start for d in dates]
    for n, mention in enumerate(dates):
        after = [t for t in triggers if t[0] >= mention.end]
        if after and _PREMODIFIER_GAP.fullmatch(flat, mention.end, after[0][0]):
            give(after[0][0], 0, 0, mention)
            continue
        previous_date_end = dates[n - 1].end if n else sentence.start
        lead = date_lead.search(flat, previous_date_end, mention.start)
        reach_end = lead.start() if lead else mention.start
        before = [
            t
            for t in triggers
            if previous_date_end <= t[0]
            and t[1] <= reach_end
            and not clause_break.search(flat, t[1], reach_end)
        ]
        if before:
            for t in before:
                give(t[0], 1, mention.start - t[1], mention)
            opening = flat[sentence.start : before[0][0]]
            comma = flat.find(",", mention.end, sentence.end)
            if "," not in opening and comma >= 0 and simultaneous.match(opening):
                main = next((t for t in after if t[0] > comma), None)
                if main and not _HARD_BREAK.search(flat, comma, main[0]):
                    give(main[0], 2, main[0] - mention.end, mention)
            continue
        when = when_after.match(flat, mention.end)
        if when:
            hard = _HARD_BREAK.search(flat, when.end(), sentence.end)
            stop = hard.start() if hard else sentence.end
            for t in after:
                if t[0] < stop:
                    give(t[0], 2, t[0] - mention.end, mention)
            continue
        if not after or (n + 1 < len(dates) and starts[n + 1] < after[0][0]):
            continue
        first = after[0]
        opening = flat[sentence.start : mention.start]
        fronted = "," not in opening and not any(t[1] <= mention.start for t in triggers)
        breaks = _HARD_BREAK if fronted else clause_break
        if not breaks.search(flat, mention.end, first[0]):
            give(first[0], 3, first[0] - mention.end, mention)
    return {trigger: mention for trigger, (_, _, mention) in chosen.items()}


_UP_TO_CLAUSE = re.compile(r".*[,;—–]", re.DOTALL)  # up to the last comma, semicolon or dash
# A window with no letters beyond ASCII reads the same lower-cased (see _LOWER_TWIN).
_NOT_ASCII_OR_PUNCTUATION = re.compile(r"[^\x00-\x7f\u2010-\u2027]")


def _not_happened(flat: str, sentence: Sentence, trigger_start: int, folded: bool = False) -> bool:
    window = flat[max(sentence.start, trigger_start - _NEGATION_WINDOW) : trigger_start]
    # Only the clause the trigger is in: after the last comma, semicolon or dash.
    clause = _UP_TO_CLAUSE.match(window)
    start = clause.end() if clause else 0
    if folded:
        return _LOWER_TWIN[_NOT_HAPPENED].search(window, start) is not None
    if window.isascii() or not _NOT_ASCII_OR_PUNCTUATION.search(window):
        return _LOWER_TWIN[_NOT_HAPPENED].search(window.lower(), start) is not None
    return _NOT_HAPPENED.search(window, start) is not None


def _in_order(items: list) -> list:
    """Mentions or dates sorted by (start, end); as given when their starts already ascend."""
    starts = [item.start for item in items]
    if all(a < b for a, b in pairwise(starts)):
        return items
    return sorted(items, key=lambda item: (item.start, item.end))


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
    sentences = article.sentences
    if not sentences:
        return []
    quotes = _Cover(_quoted_spans(flat))
    dates = find_dates(article) if dates is None else dates
    mentions = find_actor_mentions(article) if mentions is None else mentions
    rows: list[dict] = []
    by_sentence: dict[int, list[tuple[int, int, EventType]]] = {}
    dates = _in_order(dates)
    mentions = _in_order(mentions)
    date_starts = [d.start for d in dates]
    mention_starts = [m.start for m in mentions]
    inside_dates = _Cover([(d.start, d.end) for d in dates])
    sentence_ends = [s.end for s in sentences]
    # The case-insensitive patterns read the lower-cased text when they can (cheaper).
    lower = case_free_lower(flat, lowered(flat))
    folded = lower is not None
    text = lower if lower is not None else flat
    demonstrative, clause_break = (
        _cased(_DEMONSTRATIVE_BEFORE, folded),
        _cased(_CLAUSE_BREAK, folded),
    )
    for start, end, kind in _triggers(flat, sentences[0].start, sentences[-1].end):
        i = bisect_right(sentence_ends, start)  # the sentence containing start, if any
        if i == len(sentences) or sentences[i].start > start:
            continue
        sentence = sentences[i]
        if not _word_start(flat, start) or start in quotes or start + 1 in inside_dates:
            continue
        if _not_happened(text, sentence, start, folded):
            continue
        if (
            start > sentence.start
            and flat[start - 1].isspace()  # what the pattern ends with: cheap to test first
            and demonstrative.search(text, max(sentence.start, start - 8), start)
        ):
            continue
        by_sentence.setdefault(sentence.sentence_id, []).append((start, end, kind))
    for found in by_sentence.values():
        # What is called for ("called for the withdrawal of foreign forces") has not happened:
        # a trigger in the same clause after a demand is its object, not an event.
        demands = [end for _, end, kind in found if kind.cameo_code == _DEMAND_CODE]
        found[:] = [
            (start, end, kind)
            for start, end, kind in found
            if kind.cameo_code == _DEMAND_CODE
            or not any(d <= start and not clause_break.search(text, d, start) for d in demands)
        ]
    for sentence_id, found in by_sentence.items():
        sentence = article.sentences[sentence_id]
        in_sentence = mentions[
            bisect_left(mention_starts, sentence.start) : bisect_left(mention_starts, sentence.end)
        ]
        actors = _main_actors(in_sentence, flat)
        dates_in = dates[
            bisect_left(date_starts, sentence.start) : bisect_left(date_starts, sentence.end)
        ]
        governed = (
            _governed_dates(
                text, sentence, [(start, end) for start, end, _ in found], dates_in, folded
            )
            if dates_in
            else {}
        )
        places = _places(flat, sentence, in_sentence)
        seen: set[str] = set()
        for start, end, kind in found:
            if kind.event_type in seen:  # one event per sentence and type: its first trigger
                continue
            seen.add(kind.event_type)
            # The type's first trigger dates the event; else a later trigger of the same type.
            when = next(
                (governed[s] for s, _, k in found if s >= start and k is kind and s in governed),
                None,
            )
            actor1, actor2 = _pick_actors(actors, flat, start, end)
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
                    "location": _nearest_place(places, start),
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
