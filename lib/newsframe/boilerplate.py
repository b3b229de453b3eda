"""Separate an article's own reporting from the page furniture saved around it.

The text is read as paragraphs; each is kept as body or dropped with the kind of boilerplate it
is (appeal, furniture, caption, heading, ...). The rules are data: ``data/boilerplate.yaml``.
Nothing here changes ``text``: the result is a list of body spans plus a same-length ``flat``
copy in which dropped paragraphs, line breaks and inline markers are blanked to spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsframe.reference import read_reference_yaml

_CLOSERS = "”\"’'»)] \t\n"
# Every Unicode space (line breaks, no-break and zero-width spaces included) reads as " ".
_SPACES_TO_BLANK = str.maketrans(
    {c: " " for c in map(chr, range(0x3001)) if c.isspace() or c in "\u200b\ufeff"}
)
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
_NOT_WORD = re.compile(r"[\W_]+")
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
    # body | furniture | appeal | caption | heading | standfirst | dateline | author_bio |
    # duplicate | tail
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

    @property
    def body(self) -> list[tuple[int, int]]:
        return [(p.start, p.end) for p in self.paragraphs if p.kind == "body"]

    @property
    def dropped(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind != "body"]


@dataclass(frozen=True)
class _Rules:
    furniture: re.Pattern[str]
    appeal: re.Pattern[str]
    tail: re.Pattern[str]
    caption: re.Pattern[str]
    author_bio: re.Pattern[str]
    blocks: tuple[tuple[re.Pattern[str], re.Pattern[str], int], ...]
    inline: tuple[re.Pattern[str], ...]


def ends_like_prose(line: str) -> bool:
    """Sentence-final punctuation, perhaps before closing quotes or brackets; or a colon that
    introduces a block quote ("Ryabkov replied:")."""
    stripped = line.rstrip()
    if stripped.endswith(":"):
        return True
    return stripped.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


# Rules are matched against the lower-cased paragraph (faster than re.IGNORECASE on every
# paragraph), so the patterns in the YAML file are written in lower case.
def _alternation(patterns: list[str], *, whole: bool = False) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body})$" if whole else body)


@cache
def load_rules() -> _Rules:
    """Compile ``data/boilerplate.yaml`` once."""
    raw = read_reference_yaml("boilerplate.yaml")
    return _Rules(
        furniture=_alternation(raw["furniture_lines"], whole=True),
        appeal=_alternation(raw["appeal_phrases"]),
        tail=re.compile("|".join(f"^(?:{p})" for p in raw["tail_starts"])),
        caption=_alternation(raw["captions"]),
        author_bio=_alternation(raw["author_bios"]),
        blocks=tuple(
            (
                re.compile(b["start"]),
                re.compile(b["end"]),
                int(b.get("max_paragraphs", 30)),
            )
            for b in raw["blocks"]
        ),
        inline=tuple(re.compile(p, re.MULTILINE) for p in raw["inline"]),
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
        para_start = block_start
        pos = block_start
        while True:
            newline = text.find("\n", pos, block_end)
            if newline == -1:
                break
            line = text[pos:newline].strip()
            next_newline = text.find("\n", newline + 1, block_end)
            following = text[newline + 1 : block_end if next_newline == -1 else next_newline]
            if _is_paragraph_end(line, following.strip()):
                spans.append((para_start, newline))
                para_start = newline + 1
            pos = newline + 1
        spans.append((para_start, block_end))
        block_start = next_start
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _is_paragraph_end(line: str, following: str) -> bool:
    if line.isupper() and following.isupper():
        return False  # a capitalised headline wrapped over two lines
    if following[:1].islower() or line.endswith(("-", ",")):
        return False  # the sentence goes on past the hard wrap
    if ends_like_prose(line):
        return not _ends_with_abbreviation(line)
    return len(line) < 45


def _ends_with_abbreviation(line: str) -> bool:
    from newsframe.sentences import ABBREVIATIONS  # the splitter owns the abbreviation list

    words = line.rsplit(None, 1)
    last = words[-1].rstrip(".").lower() if words else ""
    return line.endswith(".") and last in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _fingerprint(s: str) -> str:
    return _NOT_WORD.sub(" ", s.lower()).strip()


def separate_body(text: str) -> BodyText:
    """Find the body paragraphs of ``text`` and build its same-length ``flat`` copy."""
    rules = load_rules()
    inline_blanks: list[tuple[int, int]] = []
    for pattern in rules.inline:
        for match in pattern.finditer(text):
            inline_blanks.append(
                match.span("drop") if "drop" in pattern.groupindex else match.span()
            )
    flat = _blanked(text.translate(_SPACES_TO_BLANK), inline_blanks)

    spans = split_paragraphs(text)
    lines = [flat[a:b].strip() for a, b in spans]
    lowered = [line.lower() for line in lines]
    kinds = ["body"] * len(spans)
    result = BodyText(flat="", paragraphs=[], inline_blanks=sorted(inline_blanks))

    _mark_blocks(lowered, kinds, rules)
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
        if _DATELINE.match(line) and spans[i][0] < max(len(text) * 0.3, 600):
            if sum(bool(ends_like_prose(lines[j])) for j in range(i)) > 2:
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

    _mark_repeats(lines, kinds)

    for i, line in enumerate(lines):
        original = _ORIGINAL_OUTLET.match(line)
        if original and not result.original_outlet:
            result.original_outlet = original.group(1).strip()
        tag = _OUTLET_TAG.match(text[spans[i][0] : spans[i][1]])
        if tag and not result.original_outlet and kinds[i] == "body":
            result.original_outlet = tag.group(1).strip()
        if not result.url and re.match(r"(?i)(news )?link\b|source\b|url\b", line):
            # "News Link : https://..." with the address on the same or the next line
            url = _URL.search(" ".join(lines[i : i + 2]))
            result.url = url.group(0) if url else ""
        if kinds[i] != "body":
            continue
        if rules.furniture.match(lowered[i]):
            kinds[i] = "furniture"
        elif rules.appeal.search(lowered[i]):
            kinds[i] = "appeal"
        elif rules.caption.search(lowered[i]):
            kinds[i] = "caption"
        elif not ends_like_prose(line):
            kinds[i] = "heading"

    body_positions = [i for i, k in enumerate(kinds) if k == "body"]
    for i in body_positions[-2:]:
        if rules.author_bio.search(lowered[i]) and len(lines[i].split()) < 80:
            kinds[i] = "author_bio"

    if result.dateline is None or result.headline is None:
        first_heading = next((i for i, k in enumerate(kinds) if k == "heading"), None)
        if first_heading is not None and spans[first_heading][0] < max(len(text) * 0.3, 600):
            result.headline = spans[first_heading]

    result.paragraphs = [Paragraph(a, b, k) for (a, b), k in zip(spans, kinds, strict=True)]
    result.flat = _blanked(flat, [(p.start, p.end) for p in result.dropped])
    return result


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


def _mark_blocks(lines: list[str], kinds: list[str], rules: _Rules) -> None:
    for start_re, end_re, max_paragraphs in rules.blocks:
        for i, line in enumerate(lines):
            if not start_re.search(line) or kinds[i] != "body":
                continue
            stop = next(
                (
                    j
                    for j in range(i, min(len(lines), i + max_paragraphs))
                    if end_re.search(lines[j])
                ),
                i,
            )
            for j in range(i, stop + 1):
                kinds[j] = "appeal"


def _mark_repeats(lines: list[str], kinds: list[str]) -> None:
    """A paragraph printed twice is a caption, alt text or re-printed headline, not reporting.

    Body text is never printed twice in a row; a headline re-printed below the fold is a
    heading; both copies go.
    """
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        key = _fingerprint(line)
        if key:
            seen.setdefault(key, []).append(i)
    for positions in seen.values():
        if len(positions) > 1 and len(lines[positions[0]].split()) < 40:
            for i in positions:
                if kinds[i] == "body":
                    kinds[i] = "duplicate"
