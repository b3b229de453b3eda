"""Split body paragraphs into sentences with offsets into the original text.

A rule splitter over ``Article.flat``, chosen by measurement (``bench/sentence_splitters.py``):
it handles the abbreviations of news copy (``Jan. 28``, ``U.S.``, ``Lt.-Col. (ret.)``, initials)
from an editable list, never splits inside a hard-wrapped line (flat text has no line breaks),
and keeps a closing quotation mark with its sentence.
"""

from __future__ import annotations

import re
from functools import cache

from newsframe.article import Article, Sentence
from newsframe.reference import read_reference_csv

# A candidate boundary: final punctuation, any closing quotes/brackets, space, then something
# that can open a sentence (a capital, a digit, an opening quote or bracket before one).
# (Written [.!?…][.!?…]* rather than [.!?…]+: a pattern that opens with a character class lets
# ``re`` skip ahead to the next punctuation mark instead of trying every position.)
_CANDIDATE = re.compile(r"""[.!?…][.!?…]*[”"’'»)\]]*(\s+)(?=[“"‘'«(\[]*[A-Z0-9])""")
_LAST_TOKEN = re.compile(r"(\S+)$")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts

# Words that open a sentence after an acronym that could also end one ("... by the U.S. The").
_SENTENCE_OPENERS = frozenset(
    {
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "But",
        "And",
        "Yet",
        "So",
        "However",
        "Meanwhile",
        "In",
        "On",
        "At",
        "For",
        "After",
        "Before",
        "When",
        "While",
        "Since",
        "If",
        "As",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
    }
)


@cache
def _abbreviations() -> dict[str, str]:
    return {row["abbreviation"]: row["kind"] for row in read_reference_csv("abbreviations.csv")}


class _AbbreviationView:
    """Read-only membership test over the abbreviation list, for other modules."""

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in _abbreviations()


ABBREVIATIONS = _AbbreviationView()


def _last_token(flat: str, start: int, end: int) -> str:
    """What ``(\\S+)$`` finds in ``flat[start:end]``: the non-space run ending the slice."""
    before = flat[start:end]
    if before[-1:] == "\n":  # ``$`` also matches before a final line break: leave it to re
        match = _LAST_TOKEN.search(flat, start, end)
        return match.group(1) if match else ""
    if not before or before[-1].isspace():
        return ""
    return before.rsplit(None, 1)[-1]


def _is_boundary(flat: str, punct_start: int, next_start: int) -> bool:
    if flat[punct_start] != ".":
        return True
    # the word before the period; a bounded look-back keeps this O(1) per candidate
    token = _last_token(flat, max(0, punct_start - 40), punct_start).lstrip("([“\"'‘")
    if not token:
        return True
    if len(token) == 1 and "A" <= token <= "Z":  # an initial
        return False
    kind = _abbreviations().get(token.lower())
    if kind in ("title", "other"):
        return False
    next_word = flat[next_start : next_start + 20].split(" ", 1)[0].lstrip("“\"‘'«([")
    if kind == "before_number":
        return not next_word[:1].isdigit()
    if kind == "acronym" or "." in token:
        return next_word.rstrip(",.;:") in _SENTENCE_OPENERS
    return True


def split_spans(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``flat[start:end]`` (one paragraph), trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    sent_start = start
    for match in _CANDIDATE.finditer(flat, start, end):
        space_start, next_start = match.span(1)
        if _is_boundary(flat, match.start(), next_start):
            spans.append((sent_start, space_start))
            sent_start = next_start
    spans.append((sent_start, end))
    trimmed = []
    for a, b in spans:
        while a < b and flat[a] == " ":
            a += 1
        while b > a and flat[b - 1] == " ":
            b -= 1
        if b > a and (flat[a].isalnum() or _ALNUM.search(flat, a, b)):
            trimmed.append((a, b))
    return trimmed


def split_sentences(article: Article) -> list[Sentence]:
    """The article's body sentences, numbered from 0 in reading order."""
    sentences: list[Sentence] = []
    flat, text, readable = article.flat, article.text, article.readable
    for para_start, para_end in article.body:
        for a, b in split_spans(flat, para_start, para_end):
            sentences.append(Sentence(len(sentences), a, b, text[a:b], readable(a, b)))
    return sentences
