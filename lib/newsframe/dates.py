"""Find date expressions in news text and resolve them to calendar dates.

Spans are found with precompiled regular expressions (one pass each over the article's flat
text); month and weekday names come from python-dateutil's ``parserinfo`` and the arithmetic of
relative dates ("two months after that interview", "last week") from ``dateutil.relativedelta``.
Running a general date parser over whole texts is ~200x slower and invents dates from numbers.

Resolution rules, in reading order:

* a date with a year is taken as written (``basis="explicit"``);
* a yearless date ("Jan. 28", "In October") gets the year that puts it closest before or
  around the publication date (a weekday written beside it, "Friday January 25", picks the
  year where that day is that weekday); without a publication date its value is ``None``;
* ``A day earlier``, ``The next day``, ``three days later``, ``two months after that
  interview`` count from the date mentioned just before (``basis="relative"``);
* ``On Thursday``, ``last week``, ``three years ago``, ``yesterday`` count from publication;
* ``Three days later, on Jan. 26`` is one mention whose value is the stated date;
* anything that cannot be resolved honestly ("one day after Iran fired a missile", "days
  after") is still reported, with ``value=None`` and ``precision="unknown"``, and it breaks the
  chain: a later "the next day" is not counted from an older, unrelated date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.parser import parserinfo
from dateutil.relativedelta import MO, relativedelta

from newsframe.actors import char_positions, lowered, matches_at
from newsframe.article import Article
from newsframe.reference import read_reference_yaml

__all__ = ["DateMention", "find_dates", "find_dates_in_text"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into article.text
    end: int
    expression: str  # readable words as written ("Three days later, on Jan. 26")
    value: date | None  # first day of the month/year/range for coarser precision
    precision: str  # day | month | year | range | unknown
    basis: str  # explicit | relative | unknown
    # Whether it is the day the story is at, which later relative dates count from: not the day
    # of an event counted back from its sentence's day ("on Wednesday, a week after Iran said")
    anchors: bool = True


# --- vocabulary ---------------------------------------------------------------------------

_INFO = parserinfo()
_WORDS = read_reference_yaml("date_words.yaml")


def _month_number(name: str) -> int:
    return _INFO.month(name.rstrip("."))  # 1-based


def _weekday_number(name: str) -> int:
    return _INFO.weekday(name)  # Monday = 0


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first so "September" wins over "Sep"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _any_case_first(words: list[str]) -> str:
    """Alternation accepting a capitalised first letter too ("In October", "in October")."""
    forms = set()
    for word in words:
        forms.add(word)
        forms.add(word[:1].upper() + word[1:])
    return _alternation(sorted(forms))


_FULL_MONTHS = [names[-1] for names in _INFO.MONTHS]
_ABBR_MONTHS = [name for names in _INFO.MONTHS for name in names[:-1] if name != "May"]
_WEEKDAYS = [names[-1] for names in _INFO.WEEKDAYS]

# Speed: every pattern below starts with a plain alternation of literals or a digit, so the
# regex engine skips ahead to candidate characters instead of trying every position (a leading
# lookbehind or optional group costs ~8x). The context around a match ("in", "last", "three",
# "the next", a weekday before a date) is checked afterwards with small anchored patterns.
_MON = rf"(?:{_alternation(_FULL_MONTHS + _ABBR_MONTHS)})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
# A year may carry one glued footnote digit ("20185" is 2018 + note 5): two more digits or a
# decade "s" disqualify it, a single trailing digit is left outside the span.
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d\d)(?!s\b)"
_RANGE_SEP = r"\s*(?:-|–|—|and|to|through|until|till)\s*"

_NUMBERS: dict[str, int | None] = {str(k): v for k, v in _WORDS["numbers"].items()}
_DIRECTIONS: dict[str, int] = dict(_WORDS["directions"])
_UNIT_WORDS = list(_WORDS["units"])
_LONE_CUES = list(_WORDS["lone_date_cues"])
_PART = r"(?:early|late|mid)-?\s*"
_FUTURE = re.compile(rf"\b(?:{_alternation(list(_WORDS['future_cues']))})\b", re.IGNORECASE)
_NON_FUTURE_VERB = re.compile(
    rf"\b(?:{_alternation(list(_WORDS.get('non_future_verbs') or []) + ['[a-z]+ed'])})\b",
    re.IGNORECASE,
)
# Quoted words before a weekday (closed curly or straight quotes), and the marks that end a clause.
_QUOTED = re.compile(r"“[^“”]*”|«[^«»]*»|\"[^\"]*\"")
_OPEN_QUOTE = re.compile(r"[“«\"]")
_CLAUSE_MARK = re.compile(r"[,;:()—–]")

# Anchor patterns, by the word they start on.
_MONTH_ANCHOR = re.compile(
    rf"(?P<mon>{_MON})\.?(?![A-Za-z])"
    rf"(?:\s+(?P<day>{_DAY})(?:{_RANGE_SEP}(?:(?P<mon2>{_MON})\.?\s+)?(?P<day2>{_DAY}))?"
    rf"(?:,?\s+(?P<year>{_YEAR}))?"
    rf"|(?:{_RANGE_SEP}(?P<mon3>{_MON})\.?)?,?\s+(?P<myear>{_YEAR}))?"
)
# A leading look-ahead on the first character: a branch of groups gives the regex engine no
# first character to skip ahead to, and trying every position costs ~5x. (``_scan`` tries it
# only where an ASCII digit stands, which is cheaper still.)
_DIGIT_ANCHOR = re.compile(
    r"(?=[0-9])(?:"
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-2]\d|3[01])(?!\d))"
    rf"|(?P<day>{_DAY})(?:{_RANGE_SEP}(?P<day2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MON})\.?(?![A-Za-z])"
    rf"(?:,?\s+(?P<year>{_YEAR}))?"
    rf"|(?P<lyear>{_YEAR})(?:{_RANGE_SEP}(?P<lyear2>{_YEAR}))?"
    r")"
)
_UNIT_WORDS = (
    "Days|days|Day|day|Weeks|weeks|Week|week|weekend|Months|months|Month|month"
    "|Years|years|Year|year|morning|afternoon|evening|night"
).split("|")
_UNIT_ANCHOR = re.compile(rf"(?P<unit>{'|'.join(_UNIT_WORDS)})(?![\w])")
_WEEKDAY_ANCHOR = re.compile(rf"(?P<wd>{_alternation(_WEEKDAYS)})(?![A-Za-z])(?!s\b)")
_DAYWORDS = "Yesterday|yesterday|Today|today|Tomorrow|tomorrow|Tonight|tonight".split("|")
_DAYWORD_ANCHOR = re.compile(rf"(?P<word>{'|'.join(_DAYWORDS)})(?![\w'’])")


def _stems(words: list[str]) -> tuple[str, ...]:
    """The lower-cased words that no other one begins: where any of the words can start."""
    lower = {w.lower() for w in words}
    return tuple(sorted(w for w in lower if not any(w.startswith(o) and w != o for o in lower)))


_UNIT_STEMS = _stems(_UNIT_WORDS)
_DAYWORD_STEMS = _stems(_DAYWORDS)

# Context checks, run on the few characters before (``..._BEFORE``, anchored at the match
# start with ``$``) or after (anchored at the match end) an anchor.
_LOOKBACK = 48
_WEEKDAY_BEFORE = re.compile(rf"(?<![\w])(?P<wd>{_alternation(_WEEKDAYS)}),?\s+(?:the\s+)?$")
_THE_BEFORE = re.compile(r"(?<![\w])the\s+$")
_PART_BEFORE = re.compile(rf"(?<![\w])(?P<part>{_PART})$")
_MONTH_CUE_BEFORE = re.compile(
    rf"(?<![\w])(?:(?:{_any_case_first(_LONE_CUES)})\s+(?:the\s+)?"
    rf"|(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+)(?P<part>{_PART})?$"
)
_YEAR_CUE_BEFORE = re.compile(
    rf"(?<![\w])(?:{_any_case_first(_LONE_CUES + list(_WORDS['year_only_cues']))})\s+"
    rf"(?:the\s+)?(?P<part>{_PART})?$"
)
_REL_BEFORE = re.compile(r"(?<![\w])(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+$")
_COUNT_BEFORE = re.compile(rf"(?<![\w])(?P<num>{_any_case_first(list(_NUMBERS))}|\d{{1,3}})\s+$")
_NEXT_BEFORE = re.compile(
    r"(?<![\w])[Tt]he\s+(?P<which>next|following|previous|preceding|same)\s+$"
)
_CALENDAR_BEFORE = re.compile(
    r"(?<![\w])(?:(?P<pre>[Ee]arlier|[Ll]ater)\s+)?"
    r"(?P<rel>[Ll]ast|[Tt]his\s+past|[Tt]his|[Nn]ext)\s+$"
)
_DIR_AFTER = re.compile(rf"\s+(?P<dir>{_alternation(list(_DIRECTIONS))})(?![\w])")
_BEFORE_AFTER_ALONE = re.compile(r"\s+(?P<dir>before|after)(?=\s*[,.;:])")

# Kinds whose value comes from the text alone, and which may absorb a relative lead-in
# ("Three days later, on Jan. 26").
_ABSOLUTE = {"iso", "mdy", "dmy", "my", "month", "year"}
_LEAD_IN = {"count", "next", "daybefore", "vague", "weekday", "calendar"}
_GLUE = re.compile(r"\s*,?\s*(?:(?:on|in|that is|i\.e\.)\s+)?(?:the\s+)?$")
_ANAPHOR = re.compile(r"\s+(?:that|this|those|these|the\s+same)\b")
_FLAT_SPACES = re.compile(r"[\n\t\r\u00a0\u2009\u202f]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    kind: str
    g: dict[str, str | None]  # the parts that resolution needs (month, day, year, unit, ...)


# --- finding ------------------------------------------------------------------------------


def _before(pattern: re.Pattern[str], flat: str, offset: int) -> re.Match[str] | None:
    return pattern.search(flat, max(0, offset - _LOOKBACK), offset)


def _word_start(flat: str, offset: int) -> bool:
    return offset == 0 or not (flat[offset - 1].isalnum() or flat[offset - 1] in "_-.,")


def _month_raw(flat: str, m: re.Match[str]) -> _Raw | None:
    g = m.groupdict()
    start, end = m.span()
    if not _word_start(flat, start) and not flat.endswith("mid-", 0, start):
        return None
    if g["day"]:
        kind = "mdy"
        wd = _before(_WEEKDAY_BEFORE, flat, start)
        if wd:
            start, g["wd"] = wd.start(), wd.group("wd")
        return _Raw(start, end, kind, g)
    if g["myear"]:
        g["year"], g["mon2"] = g["myear"], g["mon3"]
        part = _before(_PART_BEFORE, flat, start)
        if part:
            start, g["part"] = part.start(), part.group("part")
        return _Raw(start, end, "my", g)
    # A month alone: only a full name, only after a cue ("in", "since", "last").
    name = g["mon"]
    if name not in _FULL_MONTHS or flat.startswith(".", end):
        return None
    cue = _before(_MONTH_CUE_BEFORE, flat, start)
    if cue is None:
        return None
    g["rel"] = cue.group("rel")
    if cue.group("rel"):
        start = cue.start()
    elif cue.group("part"):
        start = cue.start("part")
    return _Raw(start, end, "month", g)


def _digit_raw(flat: str, m: re.Match[str]) -> _Raw | None:
    g = m.groupdict()
    start, end = m.span()
    if start > 0 and (flat[start - 1].isalnum() or flat[start - 1] in "-.,/$€£"):
        return None  # inside a number, an amount or a code ("S-300", "1,2018", "$2019")
    if g["iso"]:
        return _Raw(start, end, "iso", {"year": g["iy"], "m": g["im"], "d": g["id"]})
    if g["day"]:
        wd = _before(_WEEKDAY_BEFORE, flat, start)
        if wd:
            start, g["wd"] = wd.start(), wd.group("wd")
        else:
            the = _before(_THE_BEFORE, flat, start)
            start = the.start() if the else start
        return _Raw(start, end, "dmy", g)
    # A year alone: only after a cue ("in 2018", "since 2017"); else it may be a quantity.
    cue = _before(_YEAR_CUE_BEFORE, flat, start)
    if cue is None:
        return None
    if cue.group("part"):
        start = cue.start("part")
    return _Raw(start, end, "year", {"year": g["lyear"], "year2": g["lyear2"]})


def _unit_raw(flat: str, m: re.Match[str]) -> _Raw | None:
    start, end = m.span()
    if not _word_start(flat, start):
        return None
    word = m.group("unit")
    unit = word.lower().rstrip("s")
    plural = word.lower().endswith("s")
    direction = _DIR_AFTER.match(flat, end)
    count = _before(_COUNT_BEFORE, flat, start)
    if direction and unit in _UNIT_WORDS:
        if count and (plural or count.group("num").lower() in ("a", "an", "one", "1")):
            g = {"num": count.group("num"), "unit": unit, "dir": direction.group("dir")}
            return _Raw(count.start(), direction.end(), "count", g)
        if plural and not count and direction.group("dir") in ("later", "after", "earlier"):
            return _Raw(start, direction.end(), "vague", {"unit": unit})
    following = _before(_NEXT_BEFORE, flat, start)
    if following and not plural:
        g = {"which": following.group("which"), "unit": unit}
        return _Raw(following.start(), end, "next", g)
    calendar = _before(_CALENDAR_BEFORE, flat, start)
    if calendar and not plural and unit in ("week", "weekend", "month", "year"):
        g = {"pre": calendar.group("pre"), "rel": calendar.group("rel"), "unit": unit}
        return _Raw(calendar.start(), end, "calendar", g)
    part_of_day = unit in ("morning", "afternoon", "evening")
    if calendar and part_of_day and calendar.group("rel").lower() == "this":
        # "this morning", "earlier this afternoon": the day of writing, as "today" is
        return _Raw(calendar.start("rel"), end, "dayword", {"word": "today"})
    if unit == "day" and not plural:
        the = _before(_THE_BEFORE, flat, start)
        alone = _BEFORE_AFTER_ALONE.match(flat, end)
        if the and alone:  # "the day before," (not "the day after Syria is stabilized")
            return _Raw(the.start(), alone.end(), "daybefore", {"dir": alone.group("dir")})
    return None


def _weekday_raw(flat: str, m: re.Match[str]) -> _Raw | None:
    start, end = m.span()
    if not _word_start(flat, start):
        return None
    rel = _before(_REL_BEFORE, flat, start)
    g = {"wd": m.group("wd"), "rel": rel.group("rel") if rel else None}
    return _Raw(rel.start() if rel else start, end, "weekday", g)


def _dayword_raw(flat: str, m: re.Match[str]) -> _Raw | None:
    start, end = m.span()
    word = m.group("word")
    if not _word_start(flat, start):
        return None
    if word[0].isupper() and not _at_start(flat, start):
        return None  # "Russia Today", "USA Today": a name, not a day
    return _Raw(start, end, "dayword", {"word": word})


def _digit_starts(flat: str) -> list[int]:
    """Where a digit anchor can start: every ASCII digit."""
    return char_positions(flat, "0123456789")


def _stem_starts(flat: str, stems: tuple[str, ...]) -> list[int] | None:
    """Where a word beginning with one of the lower-case ``stems`` can start, any case
    (None if lower-casing moves offsets)."""
    lower = lowered(flat)
    if len(lower) != len(flat):
        return None
    starts = set()
    for stem in stems:
        at = lower.find(stem)
        while at >= 0:
            starts.add(at)
            at = lower.find(stem, at + 1)
    return sorted(starts)


def _unit_starts(flat: str) -> list[int] | None:
    return _stem_starts(flat, _UNIT_STEMS)


def _dayword_starts(flat: str) -> list[int] | None:
    return _stem_starts(flat, _DAYWORD_STEMS)


# Anchor patterns with what builds a raw expression from their matches, and (for the patterns
# that start with a common letter or a look-ahead, which the regex engine tries at every
# character) where their matches can start: they are tried only there.
_ANCHORS: tuple[tuple[re.Pattern[str], Callable, Callable[[str], list[int] | None] | None], ...]
_ANCHORS = (
    (_MONTH_ANCHOR, _month_raw, None),
    (_DIGIT_ANCHOR, _digit_raw, _digit_starts),
    (_UNIT_ANCHOR, _unit_raw, _unit_starts),
    (_WEEKDAY_ANCHOR, _weekday_raw, None),
    (_DAYWORD_ANCHOR, _dayword_raw, _dayword_starts),
)


def _matches(pattern: re.Pattern[str], flat: str, starts: list[int] | None) -> list[re.Match]:
    """``pattern.finditer(flat)``, trying only the positions ``starts`` if given."""
    return list(pattern.finditer(flat)) if starts is None else matches_at(pattern, flat, starts)


def _scan(flat: str, spans: list[tuple[int, int]]) -> list[_Raw]:
    """Every date-like expression inside ``spans``, overlaps resolved (earliest, then longest)."""
    found: list[_Raw] = []
    for pattern, build, starts_of in _ANCHORS:
        for match in _matches(pattern, flat, starts_of(flat) if starts_of else None):
            if not _inside(match.start(), spans):
                continue
            raw = build(flat, match)
            if raw is not None:
                if flat[raw.end - 1] == ".":
                    # "on 3 May." ends a sentence; a final "Jan." reads fine as "Jan" too.
                    raw = _Raw(raw.start, raw.end - 1, raw.kind, raw.g)
                found.append(raw)
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Raw] = []
    for raw in found:
        if kept and raw.start < kept[-1].end:
            continue
        kept.append(raw)
    return kept


def _at_start(flat: str, offset: int) -> bool:
    before = flat[max(0, offset - 3) : offset].strip()
    return not before or before[-1] in ".!?\"“'‘(—:"


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo][0] <= offset


# --- resolving ----------------------------------------------------------------------------


def _yearless(month: int, day: int, published: date | None, weekday: int | None) -> date | None:
    """The year that puts month/day closest before or around publication.

    A date up to a month after publication is read as upcoming ("talks on Feb. 3" in a late
    January article), anything later as last year's. A written weekday overrides when exactly
    one nearby year agrees with it.
    """
    if published is None:
        return None
    candidates = []
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # Feb. 29 in a non-leap year
            continue
    if weekday is not None:
        agreeing = [c for c in candidates if c.weekday() == weekday]
        if len(agreeing) == 1:
            return agreeing[0]
    horizon = published + timedelta(days=31)
    for candidate in candidates:  # latest first
        if candidate <= horizon:
            return candidate
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift(anchor: date, unit: str, amount: int) -> date:
    if unit == "day":
        return anchor + timedelta(days=amount)
    if unit == "week":
        return anchor + timedelta(weeks=amount)
    if unit == "month":
        return (anchor + relativedelta(months=amount)).replace(day=1)
    return date(anchor.year + amount, 1, 1)


_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unknown": 4}
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


def _count_from(anchor: DateMention | None, unit: str, amount: int) -> tuple[date | None, str]:
    """``anchor`` moved by ``amount`` units; precision no finer than the anchor's or the unit's."""
    if anchor is None or anchor.value is None:
        return None, "unknown"
    wanted = _UNIT_PRECISION[unit]
    have = "day" if anchor.precision == "range" else anchor.precision
    if _PRECISION_RANK[have] > _PRECISION_RANK[wanted]:
        if unit in ("day", "week"):
            return None, "unknown"  # "a day later" than "in 2018" is no date
        wanted = have
    value = _shift(anchor.value, unit, amount)
    if wanted == "month":
        value = value.replace(day=1)
    elif wanted == "year":
        value = date(value.year, 1, 1)
    return value, wanted


def _absolute(raw: _Raw, published: date | None) -> tuple[date | None, str, str]:
    """(value, precision, basis) of a date written in full or without its year."""
    g = raw.g
    kind = raw.kind
    if kind == "iso":
        value = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return value, "day" if value else "unknown", "explicit"
    if kind in ("mdy", "dmy"):
        month = _month_number(g["mon"])
        day = int(re.sub(r"\D", "", g["day"]))
        ranged = g.get("day2") is not None
        precision = "range" if ranged else "day"
        weekday = _weekday_number(g["wd"]) if g.get("wd") else None
        if g.get("year"):
            value = _safe_date(int(g["year"]), month, day)
            return value, precision if value else "unknown", "explicit"
        value = _yearless(month, day, published, weekday)
        return value, precision if value else "unknown", "explicit" if value else "unknown"
    if kind == "my":
        month = _month_number(g["mon"])
        precision = "range" if g.get("mon2") else "month"
        return date(int(g["year"]), month, 1), precision, "explicit"
    if kind == "month":
        month = _month_number(g["mon"])
        if published is None:
            return None, "unknown", "unknown"
        rel = (g.get("rel") or "").lower()
        if rel in ("last", "past"):
            year = published.year if month < published.month else published.year - 1
            return date(year, month, 1), "month", "relative"
        if rel == "next":
            year = published.year if month > published.month else published.year + 1
            return date(year, month, 1), "month", "relative"
        if rel == "this":
            return date(published.year, month, 1), "month", "relative"
        value = _yearless(month, 1, published, None)
        return value, "month" if value else "unknown", "explicit" if value else "unknown"
    # year
    precision = "range" if g.get("year2") else "year"
    return date(int(g["year"]), 1, 1), precision, "explicit"


def _relative(
    raw: _Raw,
    flat: str,
    published: date | None,
    previous: DateMention | None,
    sentence_start: int,
) -> tuple[date | None, str]:
    """(value, precision) of a relative expression; (None, "unknown") when not resolvable."""
    g = raw.g
    kind = raw.kind
    if kind == "count":
        amount = _count_amount(raw)
        direction = _DIRECTIONS[g["dir"]]
        unit = g["unit"]
        if amount is None:
            return None, "unknown"
        if g["dir"] == "ago":
            return _from_publication(published, unit, -amount)
        # "two months after that interview" counts from the date just mentioned; "one day
        # after Iran fired a missile" counts from an undated event: no date.
        if g["dir"] in ("after", "before") and not _ANAPHOR.match(flat, raw.end):
            return None, "unknown"
        return _count_from(previous, unit, direction * amount)
    if kind == "next":
        step = {"next": 1, "following": 1, "same": 0}.get(g["which"], -1)
        unit = g["unit"]
        unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
        unit = "week" if unit == "weekend" else unit
        return _count_from(previous, unit, step)
    if kind == "daybefore":
        return _count_from(previous, "day", 1 if g["dir"] == "after" else -1)
    if kind == "vague" or published is None:
        return None, "unknown"
    if kind == "dayword":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return published + timedelta(days=offset), "day"
    if kind == "calendar":
        rel = g["rel"].lower().split()[0]
        unit = g["unit"]
        step = {"last": -1, "this": 0, "next": 1}[rel]
        if rel == "this" and "past" in g["rel"].lower():
            if unit == "week":  # "this past week": the seven days before publication
                return published - timedelta(days=7), "range"
            step = -1
        if unit in ("week", "weekend"):
            monday = published + relativedelta(weekday=MO(-1))
            value = monday + timedelta(weeks=step)
            if unit == "weekend":
                value += timedelta(days=5)
            return value, "range"
        if unit == "month":
            return (published + relativedelta(months=step)).replace(day=1), "month"
        return date(published.year + step, 1, 1), "year"
    # weekday
    weekday = _weekday_number(g["wd"])
    rel = (g.get("rel") or "").lower()
    if rel == "next" or (rel != "last" and _governed_by_future(flat[sentence_start : raw.start])):
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead), "day"
    back = (published.weekday() - weekday) % 7
    if back == 0 and rel in ("last", "past"):
        back = 7
    return published - timedelta(days=back), "day"


def _governed_by_future(before: str) -> bool:
    """Whether the verb governing a bare weekday, given the sentence text before it, is future.

    Quoted words are another sentence: closed quotes are skipped, and a weekday inside an open
    quote reads only the quote. Clauses are read from the weekday back: the first with a future
    cue ("will", "is to", "scheduled") makes it future, the first with another verb past.
    """
    text = _QUOTED.sub(" ", before)
    opened = max((m.end() for m in _OPEN_QUOTE.finditer(text)), default=0)
    text = text[opened:]  # a weekday inside an open quote reads only the quote
    for clause in reversed(_CLAUSE_MARK.split(text)):
        if _FUTURE.search(clause):
            return True
        if _NON_FUTURE_VERB.search(clause):
            return False
    return False


def _from_publication(published: date | None, unit: str, amount: int) -> tuple[date | None, str]:
    if published is None:
        return None, "unknown"
    pseudo = DateMention(0, 0, "", published, "day", "explicit")
    return _count_from(pseudo, unit, amount)


def _resolve(
    raws: list[_Raw],
    flat: str,
    published: date | None,
    readable,
    sentence_start_of,
) -> list[DateMention]:
    mentions: list[DateMention] = []
    previous: DateMention | None = None
    i = 0
    while i < len(raws):
        raw = raws[i]
        start, end = raw.start, raw.end
        if raw.kind in _ABSOLUTE:
            value, precision, basis = _absolute(raw, published)
        else:
            nxt = raws[i + 1] if i + 1 < len(raws) else None
            if (
                nxt is not None
                and nxt.kind in _ABSOLUTE
                and raw.kind in _LEAD_IN
                and _GLUE.match(flat[end : nxt.start])
                and not (raw.kind == "count" and raw.g["dir"] in ("after", "before"))
            ):
                # "Three days later, on Jan. 26": the written date is the value.
                value, precision, basis = _absolute(nxt, published)
                end = nxt.end
                i += 1
            elif (
                nxt is not None
                and nxt.kind in _ABSOLUTE
                and raw.kind == "count"
                and raw.g["dir"] in ("after", "before")
                and not flat[end : nxt.start].strip()
            ):
                # "two days after May 5": counted from the written date.
                anchor_value, anchor_precision, _ = _absolute(nxt, published)
                anchor = DateMention(0, 0, "", anchor_value, anchor_precision, "explicit")
                step = _DIRECTIONS[raw.g["dir"]]
                amount = _count_amount(raw)
                value, precision = (
                    _count_from(anchor, raw.g["unit"], step * amount)
                    if amount is not None
                    else (None, "unknown")
                )
                basis = "relative" if value else "unknown"
                end = nxt.end
                i += 1
            else:
                value, precision = _relative(
                    raw, flat, published, previous, sentence_start_of(start)
                )
                basis = "relative" if value else "unknown"
        # "X said on Wednesday, a week after Iran said ...": the event named after the count is
        # that far before (after) the day of its sentence, which stays the day the story is at.
        event_counted = (
            raw.kind == "count"
            and raw.g["dir"] in ("after", "before")
            and not _ANAPHOR.match(flat, raw.end)
            and previous is not None
            and previous.value is not None
            and previous.precision == "day"
            and sentence_start_of(previous.start) == sentence_start_of(start)
        )
        if event_counted and value is None:
            amount = _count_amount(raw)
            if amount is not None:
                step = -_DIRECTIONS[raw.g["dir"]] * amount
                value, precision = _count_from(previous, raw.g["unit"], step)
                basis = "relative" if value else "unknown"
        if value is None:
            precision, basis = "unknown", "unknown"
        mention = DateMention(
            start, end, readable(start, end), value, precision, basis, anchors=not event_counted
        )
        mentions.append(mention)
        if not event_counted:
            previous = mention
        i += 1
    return mentions


def _count_amount(raw: _Raw) -> int | None:
    return number_value(raw.g["num"])


def number_value(word: str) -> int | None:
    """The number a count word stands for ("a", "three", "12"), from ``numbers`` in
    date_words.yaml; None for one it does not fix ("several")."""
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower())


# --- public API ---------------------------------------------------------------------------


# The build reads an article's dates twice: without a publication date (to infer one) and with
# it. Finding the expressions does not depend on it, only resolving them: the last article's
# scan is kept (one entry: memory does not grow) so the second reading only resolves.
_LAST_SCAN: list[tuple[str, list[tuple[int, int]], list[_Raw]]] = []


def _scan_once(flat: str, spans: list[tuple[int, int]]) -> list[_Raw]:
    last = next(iter(_LAST_SCAN), None)  # one read: safe if threads share the module
    if last is not None and last[0] is flat and last[1] == spans:
        return last[2]
    raws = _scan(flat, spans)
    _LAST_SCAN[:] = [(flat, list(spans), raws)]
    return raws


def find_dates(article: Article) -> list[DateMention]:
    """All date expressions in the article's body sentences, in reading order, resolved."""
    spans = [(s.start, s.end) for s in article.sentences]
    raws = _scan_once(article.flat, spans)

    def sentence_start_of(offset: int) -> int:
        sentence = article.sentence_at(offset)
        return sentence.start if sentence else offset

    def readable(start: int, end: int) -> str:
        if article.text.find("\n", start, end) >= 0:
            return article.readable(start, end)
        # What readable() gives when no line break is inside, for a fraction of the cost.
        return " ".join(article.flat[start:end].split())

    return _resolve(raws, article.flat, article.published, readable, sentence_start_of)


def find_dates_in_text(text: str, published: date | None) -> list[DateMention]:
    """Date expressions in a plain string (a header or dateline line), resolved like find_dates."""
    flat = _FLAT_SPACES.sub(" ", text)
    raws = _scan(flat, [(0, len(flat))])

    def readable(start: int, end: int) -> str:
        return _SPACES.sub(" ", flat[start:end]).strip()

    def sentence_start_of(offset: int) -> int:
        cut = max(flat.rfind(". ", 0, offset), flat.rfind("\n", 0, offset))
        return cut + 1 if cut >= 0 else 0

    return _resolve(raws, flat, published, readable, sentence_start_of)
