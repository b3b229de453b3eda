"""Separate an article's own reporting from the page furniture saved around it.

The text is read as paragraphs; each is kept as body or dropped with the kind of boilerplate it
is (appeal, furniture, caption, heading, ...). The rules are data: ``data/boilerplate.yaml``.
Nothing here changes ``text``: the result is a list of body spans plus a same-length ``flat``
copy in which dropped paragraphs, line breaks and inline markers are blanked to spaces.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from re import _constants as sre_constants  # the parser's opcodes; see _needles
from re import _parser as sre_parser
from typing import Any

from newsframe.reference import read_reference_yaml

_CLOSERS = "”\"’'»)] \t\n"
# Every Unicode space (line breaks, no-break and zero-width spaces included) reads as " ": one
# character class (a regex sub scans it in C; str.translate looks each character up in a dict).
# Line breaks, by far the commonest, go first with str.replace. U+FEFF is not in the class: the
# table this replaced stopped at U+3000, and outputs must not change.
_OTHER_SPACES = re.compile(
    "["
    + "".join(
        re.escape(c)
        for c in map(chr, range(0x3001))
        if (c.isspace() or c == "\u200b") and c not in " \n"
    )
    + "]"
)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
# The first two words of a paragraph: paragraphs printed twice agree on them (see _mark_repeats)
_FIRST_WORDS = re.compile(r"[\W_]*([^\W_]+)(?:[\W_]+([^\W_]+))?")
_NOT_WORD = re.compile(r"[\W_]+")
_LINK_LABEL = re.compile(r"(?i)(news )?link\b|source\b|url\b")
# A standalone dateline: "May 22, 2018 21:17", "17 Jun 2018 - 16:08", "Tuesday, 22 May 2018".
_DATELINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?:\s*[-–—|,]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_ORIGINAL_OUTLET = re.compile(
    r"^original(?:ly)? publi(?:cation|shed)(?: (?:in|by|at))?:?\s+(\S.*)$", re.I
)
_OUTLET_TAG = re.compile(r"^([A-Za-z][\w .&'-]{1,40}?) \| ?:?\s")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    # body | furniture | appeal | caption | heading | standfirst | dateline | byline |
    # author_bio | duplicate | tail
    kind: str


@dataclass(slots=True)
class BodyText:
    """The result of separating body from boilerplate in one article."""

    flat: str
    paragraphs: list[Paragraph]
    inline_blanks: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    headline: tuple[int, int] | None = None
    original_outlet: str = ""
    url: str = ""
    author: str = ""  # from a byline ("By Jane Doe and John Roe")

    @property
    def body(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.paragraphs if p.kind == "body"]

    @property
    def dropped(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind != "body"]


@dataclass(frozen=True, eq=False)  # compared and hashed as itself: a key of candidates
class _Rule:
    """A compiled rule and its needles: strings of which every match contains at least one
    (``None`` when that cannot be worked out).

    Most paragraphs contain none of a rule's needles, and ``needle in text`` is much cheaper than
    running an alternation of many patterns at every position of every paragraph; the regex
    still decides wherever a needle is found, so the result is the regex's.
    """

    regex: re.Pattern[str]
    needles: tuple[str, ...] | None
    # Two ways for spans() to find the matches without trying the regex at every position:
    # a regex that only matches at line starts, compiled after a line break (re then jumps
    # from line break to line break); or strings at a bounded distance (nearest, farthest)
    # from the start of every match, near which alone the regex is tried.
    after_break: re.Pattern[str] | None = None
    anchor: tuple[tuple[str, ...], int, int] | None = None
    # A rule that is an alternation of the data file's patterns finds something in a paragraph
    # when one of them does: each is a rule of its own, tried only where its needles are.
    parts: tuple[_Rule, ...] = ()

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> _Rule:
        regex = re.compile(pattern, flags)
        return cls(regex, _needles(regex), _after_break(regex), _anchor(regex))

    @classmethod
    def alternation(cls, patterns: list[str]) -> _Rule:
        whole = cls.compile(_alternation(patterns))
        try:
            parts = tuple(cls.compile(p) for p in patterns)
        except re.error:  # valid only inside the alternation's parentheses: keep it whole
            return whole
        # Alone, a pattern's \1 would be its own first group, not the alternation's first one.
        if any(part.regex.groups and _refers_to_groups(part.regex) for part in parts):
            return whole
        return cls(whole.regex, whole.needles, parts=parts)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Of each match of ``regex.finditer(text)``, the span of its group ``drop`` if the
        regex has one, else the span of the match."""
        if not self.could_match(text):
            return []
        if "drop" in self.regex.groupindex:
            return [match.span("drop") for match, _ in self._matches(text)]
        return [(start, match.end()) for match, start in self._matches(text)]

    def _matches(self, text: str) -> Iterator[tuple[re.Match[str], int]]:
        """What ``regex.finditer(text)`` yields, with the start of each match (a match of
        ``after_break`` starts with the line break before the regex's)."""
        if self.after_break is not None:
            position = 0
            first = self.regex.match(text)  # the first line has no break before it
            if first:
                yield first, 0
                position = first.end()
            while match := self.after_break.search(text, max(position - 1, 0)):
                yield match, match.start() + 1
                position = match.end()
        elif self.anchor is not None:
            strings, nearest, farthest = self.anchor
            starts: set[int] = set()
            for string in strings:
                found = text.find(string)
                while found != -1:
                    starts.update(range(max(found - farthest, 0), found - nearest + 1))
                    found = text.find(string, found + 1)
            position = 0
            for start in sorted(starts):
                if start >= position and (match := self.regex.match(text, start)):
                    yield match, start
                    position = match.end()
        else:
            for match in self.regex.finditer(text):
                yield match, match.start()

    def could_match(self, text: str) -> bool:
        """False only when the regex cannot match anywhere in ``text``."""
        return self.needles is None or any(n in text for n in self.needles)

    def search(self, line: str) -> bool:
        return self.could_match(line) and self.regex.search(line) is not None

    def matching_lines(self, lines: list[str], candidates: dict[_Rule, set[int]]) -> set[int]:
        """Positions of the ``lines`` the regex finds something in, given the lines that
        contain one of the rule's needles (``_NeedleScan.candidates``)."""
        if self.parts:
            found: set[int] = set()
            for part in self.parts:
                if part.needles is None or part in candidates:
                    found |= part.matching_lines(lines, candidates)
            return found
        if self.needles is None:
            return {i for i, line in enumerate(lines) if self.regex.search(line)}
        return {i for i in candidates.get(self, ()) if self.regex.search(lines[i])}


# Letters by how common they are in English text, the space first. A needle is looked for from
# its least common character on ("subscribe " as "bscribe "): the scan stops at few positions.
_COMMON_CHARACTERS = " etaoinsrhldcumfpgwybvkxjqz"
_SCAN_LENGTH = 4  # needles are cut no shorter than this


@dataclass(frozen=True)
class _NeedleScan:
    """Finds, in one pass over an article's paragraphs, which paragraphs contain a needle of
    which rule. The pass is one regex (a prefix tree of the needles' cut forms), so ``re``
    skips from one possible first character to the next."""

    regex: re.Pattern[str]
    # first character → (cut needle, rules it belongs to), to tell the needles found apart
    by_first: dict[str, tuple[tuple[str, tuple[_Rule, ...]], ...]]

    @classmethod
    def of(cls, rules: list[_Rule]) -> _NeedleScan:
        owners: dict[str, list[_Rule]] = {}
        for part in (part for rule in rules for part in rule.parts or (rule,)):
            for needle in part.needles or ():
                owners.setdefault(_cut(needle), []).append(part)
        by_first: dict[str, list[tuple[str, tuple[_Rule, ...]]]] = {}
        for cut, rules_of_cut in owners.items():
            by_first.setdefault(cut[0], []).append((cut, tuple(rules_of_cut)))
        pattern = _prefix_tree(list(owners)) if owners else "(?!)"
        return cls(re.compile(pattern), {c: tuple(v) for c, v in by_first.items()})

    def candidates(self, joined: str, line_starts: list[int]) -> dict[_Rule, set[int]]:
        """For each rule, the lines (``joined`` is the lines joined by line breaks, starting at
        ``line_starts``) in which one of its needles is."""
        found: dict[_Rule, set[int]] = {}
        position = 0
        while match := self.regex.search(joined, position):
            position = match.start()
            line = bisect_right(line_starts, position) - 1
            for cut, rules in self.by_first[joined[position]]:
                if joined.startswith(cut, position):
                    for rule in rules:
                        found.setdefault(rule, set()).add(line)
            position += 1  # needles may overlap: look again from the next character
        return found


def _cut(needle: str) -> str:
    """The needle from its least common character on, keeping at least _SCAN_LENGTH of it:
    a text containing the needle contains that."""
    if len(needle) <= _SCAN_LENGTH:
        return needle
    starts = range(len(needle) - _SCAN_LENGTH + 1)
    rarity = {c: i for i, c in enumerate(_COMMON_CHARACTERS)}
    return needle[max(starts, key=lambda i: rarity.get(needle[i], len(rarity)) * 1000 - i) :]


def _prefix_tree(strings: list[str]) -> str:
    """One regex alternation of literal strings, factored as a prefix tree; it matches where
    any of them starts (with the shortest one there)."""
    tree: dict = {}
    for string in strings:
        node = tree
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        if "" in node:  # a string ends here: enough to stop at this position
            return ""
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(tree)


@dataclass(frozen=True)
class _Rules:
    furniture: re.Pattern[str]
    appeal: _Rule
    tail: re.Pattern[str]
    caption: _Rule
    author_bio: _Rule
    blocks: tuple[tuple[_Rule, _Rule, int], ...]
    inline: tuple[_Rule, ...]
    scan: _NeedleScan  # the needles of the rules run on paragraphs


# Needles are read off the parsed pattern (the standard library's own regex parser): a run of
# literal characters, or of small sets of them ("ads?-free" → "ad-free", "ads-free"), that every
# match must pass through. Anything the analysis does not know (case-insensitive flags,
# look-arounds, classes like \w, backreferences) gives no needle, never a wrong one.
_MAX_NEEDLES = 32
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def _needles(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        parsed = sre_parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an unexpected parser shape only costs the shortcut
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _required(list(parsed))
    if found is None:
        return None
    # a needle containing a shorter one adds nothing to "any needle in text"
    minimal: list[str] = []
    for needle in sorted(found, key=len):
        if not any(m in needle for m in minimal):
            minimal.append(needle)
    return tuple(minimal)


def _refers_to_groups(regex: re.Pattern[str]) -> bool:
    """Whether the pattern has a backreference or a group condition (or cannot be read)."""
    try:
        parsed = sre_parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - unreadable: assume the worst
        return True
    references = (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS)
    pending = list(parsed)
    while pending:
        op, av = pending.pop()
        if op in references:
            return True
        for value in av if isinstance(av, (tuple, list)) else (av,):
            if isinstance(value, sre_parser.SubPattern):
                pending += list(value)
            elif isinstance(value, list) and value and isinstance(value[0], sre_parser.SubPattern):
                for sub in value:
                    pending += list(sub)
    return False


def _after_break(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a regex that opens with ``^`` in multi-line mode (and never matches the empty
    string), the same regex after a line break; otherwise None."""
    try:
        parsed = sre_parser.parse(regex.pattern, regex.flags)
        if not (
            regex.flags & re.MULTILINE
            and parsed.getwidth()[0] > 0
            and list(parsed)[:1] == [(sre_constants.AT, sre_constants.AT_BEGINNING)]
        ):
            return None
        # the escape, not a line break character: verbose patterns ignore white space
        after_break = re.compile(rf"\n(?:{regex.pattern})", regex.flags)
    except Exception:  # noqa: BLE001 - e.g. global flags inside the pattern: no shortcut
        return None
    same_groups = (after_break.groups, after_break.groupindex) == (regex.groups, regex.groupindex)
    return after_break if same_groups else None


def _anchor(regex: re.Pattern[str]) -> tuple[tuple[str, ...], int, int] | None:
    """Strings of three characters or more, one of which every match has at a bounded
    distance from its start: (strings, nearest, farthest). None if there are none."""
    try:
        parsed = sre_parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - an unexpected parser shape only costs the shortcut
        return None
    if parsed.state.flags & re.IGNORECASE or parsed.getwidth()[0] == 0:
        return None
    items = list(parsed)
    best: tuple[tuple[int, int], tuple[str, ...], int, int] | None = None
    for start in range(len(items)):
        nearest, farthest = sre_parser.SubPattern(parsed.state, items[:start]).getwidth()
        if farthest - nearest > 64:
            break  # the start of a match is too far from anything after this
        for run in _exact_runs(items[start:]):
            if min(map(len, run)) >= 3 and (best is None or _cost(run) < best[0]):
                best = (_cost(run), tuple(sorted(run)), nearest, farthest)
    return None if best is None else best[1:]


def _exact(op: object, av: Any) -> set[str] | None:
    """The few strings one parsed item (an opcode and its operand) can match, or None."""
    if op is sre_constants.LITERAL:
        return {chr(av)}
    if op is sre_constants.IN:
        items = list(av)
        if len(items) <= 8 and all(o is sre_constants.LITERAL for o, _ in items):
            return {chr(c) for _, c in items}
        return None
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _exact_sequence(list(sub))
    if op is sre_constants.BRANCH:
        strings = _each_alternative(av[1], _exact_sequence)
        return strings if strings is not None and len(strings) <= _MAX_NEEDLES else None
    if op in _REPEATS:
        low, high, sub = av
        if (low, high) in ((0, 1), (1, 1)):
            exact = _exact_sequence(list(sub))
            if exact is not None and low == 0:
                exact.add("")  # the item may match nothing
            return exact
    return None


def _exact_runs(items: list[tuple[object, Any]]) -> Iterator[set[str]]:
    """The strings the first 1, 2, ... of ``items`` can match together, for as long as each
    item is exact and they stay at most _MAX_NEEDLES."""
    run = {""}
    for op, av in items:
        exact = _exact(op, av)
        if exact is None or len(run) * len(exact) > _MAX_NEEDLES:
            return
        run = {a + b for a in run for b in exact}
        yield run


def _exact_sequence(items: list[tuple[object, Any]]) -> set[str] | None:
    """The strings the whole sequence ``items`` can match, or None."""
    runs = list(_exact_runs(items))
    if len(runs) < len(items):
        return None
    return runs[-1] if runs else {""}


def _required(items: list[tuple[object, Any]]) -> set[str] | None:
    """Strings of which every match of the sequence ``items`` contains one, or None."""
    candidates: list[set[str]] = []
    for start in range(len(items)):
        # every run of consecutive exact items is a candidate: their strings are adjacent
        candidates += [run for run in _exact_runs(items[start:]) if "" not in run]
        op, av = items[start]
        inner = _required_inside(op, av)
        if inner is not None:
            candidates.append(inner)
    if not candidates:
        return None
    return min(candidates, key=_cost)


def _cost(needles: set[str]) -> tuple[int, int]:
    """One scan of the text per needle, and a penalty for short ones, which every paragraph
    contains ("(", "to "): the regex would run anyway. Then the longer the better."""
    return sum(1 + 8 ** max(0, 5 - len(n)) for n in needles), -min(map(len, needles))


def _each_alternative(
    alternatives: Any, analyse: Callable[[list[Any]], set[str] | None]
) -> set[str] | None:
    """The union of ``analyse`` over a branch's alternatives; None when one gives None."""
    strings: set[str] = set()
    for alternative in alternatives:
        found = analyse(list(alternative))
        if found is None:
            return None
        strings |= found
    return strings


def _required_inside(op: object, av: Any) -> set[str] | None:
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _required(list(sub))
    if op is sre_constants.BRANCH:
        return _each_alternative(av[1], _required)
    if op in _REPEATS:
        low, _, sub = av
        return _required(list(sub)) if low >= 1 else None
    if op is sre_constants.ATOMIC_GROUP:
        return _required(list(av))
    return None


def ends_like_prose(line: str) -> bool:
    """Sentence-final punctuation, perhaps before closing quotes or brackets; or a colon that
    introduces a block quote ("Ryabkov replied:")."""
    stripped = line.rstrip()
    if stripped.endswith(":"):
        return True
    return stripped.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


# Rules are matched against the lower-cased paragraph (faster than re.IGNORECASE on every
# paragraph), so the patterns in the YAML file are written in lower case.
def _alternation(patterns: list[str], *, whole: bool = False) -> str:
    body = "|".join(f"(?:{p})" for p in patterns)
    return rf"^(?:{body})$" if whole else body


@cache
def load_rules() -> _Rules:
    """Compile ``data/boilerplate.yaml`` once."""
    raw = read_reference_yaml("boilerplate.yaml")
    appeal = _Rule.alternation(raw["appeal_phrases"])
    caption = _Rule.alternation(raw["captions"])
    author_bio = _Rule.compile(_alternation(raw["author_bios"]))
    blocks = tuple(
        (_Rule.compile(b["start"]), _Rule.compile(b["end"]), int(b.get("max_paragraphs", 30)))
        for b in raw["blocks"]
    )
    return _Rules(
        furniture=re.compile(_alternation(raw["furniture_lines"], whole=True)),
        appeal=appeal,
        tail=re.compile("|".join(f"^(?:{p})" for p in raw["tail_starts"])),
        caption=caption,
        author_bio=author_bio,
        blocks=blocks,
        inline=tuple(_Rule.compile(p, re.MULTILINE) for p in raw["inline"]),
        # (the author bio rule is tried on two paragraphs, a block's end only after its start)
        scan=_NeedleScan.of([appeal, caption, *(start for start, _, _ in blocks)]),
    )


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, cut further where a line stands alone.

    Inside a block, a line break ends a paragraph when the line before it ends like prose or is
    short (a heading or caption on its own line); otherwise the break is a hard wrap and the
    paragraph goes on (``001_…`` is wrapped mid-sentence at ~90 characters).
    """
    spans: list[tuple[int, int]] = []
    block_start = 0
    for block_end, next_start in [(m.start(), m.end()) for m in _BLANK_LINES.finditer(text)] + [
        (len(text), len(text))
    ]:
        lines = text[block_start:block_end].split("\n")
        para_start = line_start = block_start
        if len(lines) > 1:
            stripped = [line.strip() for line in lines]
            for k in range(len(lines) - 1):
                newline = line_start + len(lines[k])
                if _is_paragraph_end(stripped[k], stripped[k + 1]):
                    spans.append((para_start, newline))
                    para_start = newline + 1
                line_start = newline + 1
        spans.append((para_start, block_end))
        block_start = next_start
    trimmed = []
    for a, b in spans:
        paragraph = text[a:b]
        rest = paragraph.lstrip()
        if rest:  # without the white space around it (str.strip's white space is isspace's)
            trimmed.append((b - len(rest), a + len(paragraph.rstrip())))
    return trimmed


def _is_paragraph_end(line: str, following: str) -> bool:
    if line.isupper() and following.isupper():
        return False  # a capitalised headline wrapped over two lines
    if following[:1].islower() or line.endswith(("-", ",")):
        return False  # the sentence goes on past the hard wrap
    if ends_like_prose(line):
        return not _ends_with_abbreviation(line)
    return len(line) < 45


def _ends_with_abbreviation(line: str) -> bool:
    if not line.endswith("."):
        return False
    from newsframe.sentences import ABBREVIATIONS  # the splitter owns the abbreviation list

    words = line.rsplit(None, 1)
    last = words[-1].rstrip(".").lower() if words else ""
    return last in ABBREVIATIONS


def separate_body(text: str) -> BodyText:
    """Find the body paragraphs of ``text`` and build its same-length ``flat`` copy."""
    rules = load_rules()
    inline_blanks: list[tuple[int, int]] = []
    for rule in rules.inline:
        inline_blanks += rule.spans(text)
    flat = _blanked(_OTHER_SPACES.sub(" ", text.replace("\n", " ")), inline_blanks)

    spans = split_paragraphs(text)
    lines = [flat[a:b].strip() for a, b in spans]
    lowered = [line.lower() for line in lines]
    # All paragraphs in one string (flat text has no line breaks left): the rules' needles are
    # looked for in one pass per article, not once per paragraph and rule.
    joined = "\n".join(lowered)
    line_starts = list(accumulate((len(line) + 1 for line in lowered[:-1]), initial=0))
    candidates = rules.scan.candidates(joined, line_starts)
    kinds = ["body"] * len(spans)
    result = BodyText(flat="", paragraphs=[], inline_blanks=sorted(inline_blanks))

    _mark_blocks(lowered, candidates, kinds, rules)
    tail_from = next(
        (
            i
            for i, line in enumerate(lines)
            if spans[i][0] >= len(text) * 0.5 and rules.tail.match(lowered[i])
        ),
        None,
    )
    if tail_from is not None:
        for j in range(tail_from, len(lines)):
            kinds[j] = "tail"
    # Header zone: a standalone dateline near the top closes headline and standfirst (at most
    # two prose paragraphs before it; more means the date belongs to the story, not the page).
    for i, line in enumerate(lines[:12]):
        if kinds[i] != "body":
            break
        if _DATELINE.match(line) and _near_top(spans[i][0], len(text)):
            if sum(bool(ends_like_prose(lines[j])) for j in range(i)) > HEADER_PROSE_PARAGRAPHS:
                break
            result.dateline = spans[i]
            kinds[i] = "dateline"
            for j in range(i):
                if rules.furniture.match(lowered[j]):
                    kinds[j] = "furniture"
                elif ends_like_prose(lines[j]):
                    kinds[j] = "standfirst"
                else:
                    kinds[j] = "heading"
            break

    _mark_byline(lines, spans, kinds, result, len(text))
    _mark_repeats(lines, lowered, kinds)

    appeals = rules.appeal.matching_lines(lowered, candidates)
    captions = rules.caption.matching_lines(lowered, candidates)
    may_have_tag = " |" in text  # every outlet tag has it
    for i, line in enumerate(lines):
        if not result.original_outlet:
            original = _ORIGINAL_OUTLET.match(line)
            if original:
                result.original_outlet = original.group(1).strip()
        if may_have_tag and not result.original_outlet and kinds[i] == "body":
            tag = _OUTLET_TAG.match(text[spans[i][0] : spans[i][1]])
            if tag:
                result.original_outlet = tag.group(1).strip()
        if not result.url and _LINK_LABEL.match(line):
            # "News Link : https://..." with the address on the same or the next line
            url = _URL.search(" ".join(lines[i : i + 2]))
            result.url = url.group(0) if url else ""
        if kinds[i] != "body":
            continue
        if rules.furniture.match(lowered[i]):
            kinds[i] = "furniture"
        elif i in appeals:
            kinds[i] = "appeal"
        elif i in captions:
            kinds[i] = "caption"
        elif not ends_like_prose(line):
            kinds[i] = "heading"

    body_positions = [i for i, k in enumerate(kinds) if k == "body"]
    for i in body_positions[-2:]:
        if rules.author_bio.search(lowered[i]) and len(lines[i].split()) < 80:
            kinds[i] = "author_bio"

    if result.dateline is None or result.headline is None:
        first_heading = next((i for i, k in enumerate(kinds) if k == "heading"), None)
        if first_heading is not None and _near_top(spans[first_heading][0], len(text)):
            result.headline = spans[first_heading]

    result.paragraphs = [Paragraph(a, b, k) for (a, b), k in zip(spans, kinds, strict=True)]
    result.flat = _blanked(flat, [(p.start, p.end) for p in result.dropped])
    return result


# The header (headline, standfirst, dateline, byline) sits near the top: in the first 30 % of
# the text or its first 600 characters, with at most this many prose paragraphs before the
# dateline or byline that closes it (more, and the date or name belongs to the story).
HEADER_PROSE_PARAGRAPHS = 2


def _near_top(offset: int, text_length: int) -> bool:
    return offset < max(text_length * 0.3, 600)


def _mark_byline(
    lines: list[str],
    spans: list[tuple[int, int]],
    kinds: list[str],
    result: BodyText,
    text_length: int,
) -> None:
    """A byline near the top ("By Jane Doe and John Roe") is boilerplate, gives the author,
    and closes the header as a standalone dateline does: the paragraph opening the article
    before it is the headline even when it ends like a sentence ("... Moscow isn't budging.").
    It must be near the top, after at most ``HEADER_PROSE_PARAGRAPHS`` prose paragraphs."""
    for i, line in enumerate(lines[:BYLINE_WITHIN]):
        if not _near_top(spans[i][0], text_length):
            return
        if kinds[i] not in ("body", "heading") or len(line.split()) > BYLINE_WORDS:
            continue
        byline = _BYLINE.match(line)
        if byline is None:
            continue
        prose = sum(kinds[j] == "body" and bool(ends_like_prose(lines[j])) for j in range(i))
        if prose > HEADER_PROSE_PARAGRAPHS:
            return
        kinds[i] = "byline"
        result.author = byline.group(1).strip()
        opening = [j for j in range(i) if kinds[j] in ("body", "standfirst", "heading")]
        if opening and "heading" not in (kinds[j] for j in opening):
            kinds[opening[0]] = "heading"
        for j in opening[1:]:
            if kinds[j] == "body":
                kinds[j] = "standfirst" if ends_like_prose(lines[j]) else "heading"
        return


BYLINE_WITHIN = 6  # paragraphs from the top
BYLINE_WORDS = 14
# "By Jane Doe", "By Jane Doe and John O'Roe", "By JANE DOE, Associated Press": capitalised
# names (with their particles) after "By"; an affiliation may follow a comma or a dash.
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|al-\w+|el-\w+|de|da|van|von|bin|ibn)"
_BYLINE = re.compile(
    rf"^By\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*"
    rf"(?:\s*(?:,|and|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD})*)*)"
    r"(?:\s*[,|—–-]\s*[A-Z][\w .'’&-]*)?\s*$"
)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span replaced by as many spaces (same length, same offsets)."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        pieces += [text[position:start], " " * (end - start)]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _mark_blocks(
    lines: list[str], candidates: dict[_Rule, set[int]], kinds: list[str], rules: _Rules
) -> None:
    for start_rule, end_rule, max_paragraphs in rules.blocks:
        starts = start_rule.matching_lines(lines, candidates)
        if not starts:
            continue
        for i in sorted(starts):
            if kinds[i] != "body":
                continue
            stop = next(
                (
                    j
                    for j in range(i, min(len(lines), i + max_paragraphs))
                    if end_rule.search(lines[j])
                ),
                i,
            )
            for j in range(i, stop + 1):
                kinds[j] = "appeal"


def _mark_repeats(lines: list[str], lowered: list[str], kinds: list[str]) -> None:
    """A paragraph printed twice is a caption, alt text or re-printed headline, not reporting.

    Body text is never printed twice in a row; a headline re-printed below the fold is a
    heading; both copies go. Paragraphs are the same when their words are (case, punctuation
    and spacing aside). Building that word string is costly, so it is built only for paragraphs
    that agree on their first two and last two words and are not equal already.
    """
    by_first_words: dict[tuple[str, str | None], list[int]] = {}
    for i, line in enumerate(lowered):
        first = _FIRST_WORDS.match(line)
        if first:  # None: no words at all
            by_first_words.setdefault(first.groups(), []).append(i)
    groups: list[list[int]] = []
    for same_start in by_first_words.values():
        if len(same_start) < 2:
            continue
        # reversed, the last two words are the first two (a word reversed is still one)
        for same_ends in _grouped(same_start, lambda i: _FIRST_WORDS.match(lowered[i][::-1])):
            if len({lowered[i] for i in same_ends}) == 1:
                groups.append(same_ends)
            else:
                groups += _grouped(same_ends, lambda i: _NOT_WORD.sub(" ", lowered[i]).strip())
    for positions in groups:
        if len(lines[positions[0]].split()) < 40:
            for i in positions:
                if kinds[i] == "body":
                    kinds[i] = "duplicate"


def _grouped(
    positions: Iterable[int], key: Callable[[int], re.Match[str] | str | None]
) -> list[list[int]]:
    """The groups of two or more ``positions`` with the same key (a match: its groups; a
    paragraph without words has no key and no group), each in order."""
    by_key: dict[object, list[int]] = {}
    for i in positions:
        found = key(i)
        if found:
            by_key.setdefault(found.groups() if isinstance(found, re.Match) else found, []).append(
                i
            )
    return [group for group in by_key.values() if len(group) > 1]
