"""The article as it moves through the pipeline: text, body spans, sentences, metadata.

All offsets (``start``/``end``) anywhere in newsframe point into ``Article.text``: the file's
text as read (decoded, newlines normalised to ``\\n``). ``Article.flat`` is a same-length copy
in which line breaks, tabs, no-break spaces and footnote markers are blanked to spaces, so an
extractor can run one regex over flat text (a quote wrapped over three lines is one line there)
and its match offsets are already offsets into the original.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

# A word broken across a hard line wrap keeps its hyphen ("medium-\nintensity"): in wrapped
# news copy the hyphen is almost always a real compound hyphen, never a soft one.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
# Where such a break can start: the pattern above opens with a look-behind, so ``re`` tries it at
# every position of the text; this one starts with a literal and is scanned for quickly.
_HYPHEN_BEFORE_BREAK = re.compile(r"-[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    sentence_id: int  # 0-based position among the article's body sentences
    start: int
    end: int
    text: str  # exactly Article.text[start:end]
    clean: str  # readable form: line breaks joined, footnote markers dropped, spaces collapsed


@dataclass(slots=True)
class Article:
    article_id: str
    file: str
    text: str
    flat: str
    body: list[tuple[int, int]] = field(default_factory=list)  # blocks of the article's own text
    sentences: list[Sentence] = field(default_factory=list)
    published: date | None = None
    published_basis: str = "unknown"  # manifest | text | inferred | unknown
    outlet: str = ""
    original_outlet: str = ""
    headline: str = ""
    language: str = "en"
    # spans of the section headings inside the article (not the headline): "TEHRAN, SATURDAY"
    headings: list[tuple[int, int]] = field(default_factory=list)
    # (start, end) of every line-break hyphen match in ``text``, found on the first readable()
    # call: readable() is called for every sentence, quote, date and cue of the article.
    _hyphen_breaks: list[tuple[int, int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def readable(self, start: int, end: int) -> str:
        """The span ``text[start:end]`` as a reader would quote it (one line, no markers)."""
        flat = self.flat[start:end]
        breaks = self._hyphen_breaks
        if breaks is None:
            # the matches of _LINE_BREAK_HYPHEN.finditer(text): they cannot overlap
            breaks = self._hyphen_breaks = [
                m.span()
                for candidate in _HYPHEN_BEFORE_BREAK.finditer(self.text)
                if (m := _LINE_BREAK_HYPHEN.match(self.text, candidate.start()))
            ]
        if breaks:
            # The matches a search of text[start:end] alone would find: those starting inside
            # the span whose look-ahead character (at the match's end) is inside it too.
            # Each keeps its hyphen and loses the line break and indentation after it.
            pieces, kept = [], 0
            for a, b in breaks[bisect_left(breaks, (start, start)) :]:
                if b >= end:
                    break
                pieces.append(flat[kept : a + 1 - start])
                kept = b - start
            if pieces:
                pieces.append(flat[kept:])
                flat = "".join(pieces)
        # every run of whitespace as one space, none at the ends
        return " ".join(flat.split())

    def sentence_at(self, offset: int) -> Sentence | None:
        """The body sentence containing ``offset``, if any."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences) and self.sentences[lo].start <= offset:
            return self.sentences[lo]
        return None
