"""Framing evidence: generic news frames and the rift/cooperation frame of a pair of actors.

Cues live in ``data/frame_cues.yaml``. Each list is compiled once into one regular expression,
so an article costs one scan per frame. Every hit keeps its cue text and span (offsets into
``Article.text``) so a chart can be traced back to the words behind it.

The relationship frame reads only sentences that name both members of the pair (a country, its
capital or government, or one of its people, as ``newsframe.actors`` knows them). Its cues are
read with their context, because the same word can assert or deny a relationship:

- negation: "not allies", "no longer partners" turn cooperation into rift; "no rift" into
  cooperation;
- erosion: in "the weakening of the alliance" the alliance is the thing damaged, so it counts as
  rift evidence, not cooperation;
- hedges before a cue ("speculation that there is a rift", "asked whether they are allies")
  report a claim without asserting it: not counted;
- dismissals after a cue ("... is a myth", "... are exaggerated") turn the first cue of the
  clause to the other side;
- contrast: in "not X, but Y" the negated X is dropped when Y is on the other side;
- a cue in a question is not an assertion: not counted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from operator import itemgetter

from newsframe.actors import ActorMention, FormScanner, find_actor_mentions, lowered
from newsframe.article import Article
from newsframe.reference import read_reference_yaml
from newsframe.runtime import pd
from newsframe.tables import COLUMNS

RIFT, COOPERATION = "rift", "cooperation"
RELATIONSHIP_LABELS = ("rift", "cooperation", "both", "neither")
FRAME_COLUMNS = [*COLUMNS["frames"], "basis"]  # basis: how the cue was read
HEDGE_WINDOW = 6  # words between a hedge ("speculation that ...") and the cue it hedges
MIN_STEM = 4  # a shorter stem ("war*") would catch unrelated words

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–?!]")
# Its word is the token it falls in. Case spelled out, not IGNORECASE: then the regex engine
# can skip ahead to an "n" instead of trying every character.
_CONTRACTED = re.compile(r"[nN]['’][tT](?!\w)")
_SEPARATOR = re.compile(r"[\s\-‐‑]+")

# Names of the cue lists besides the generic frames ("frame:conflict", ...).
COOP, RIFT_CUE, ACTING, NEGATOR, HEDGE, DISMISSAL, CONTRAST, ANAPHORA = (
    "cooperation",
    "rift",
    "acting_on_cooperation",
    "negator",
    "hedge",
    "dismissal",
    "contrast",
    "anaphora",
)
_STAR, _SEP = "*", " "  # prefix-tree edges: any word ending; a space or hyphen between words


def _normalise(cue_or_text: str) -> str:
    """Lower case, curly apostrophes straightened, spaces and hyphens between words as one space."""
    return _SEPARATOR.sub(" ", cue_or_text.replace("’", "'").lower()).strip()


def _trie_regex(cues: Iterable[str]) -> str:
    """One alternation for every cue, factored as a prefix tree.

    Python's ``re`` tries alternatives one by one: a few hundred cues cost milliseconds per
    article as a flat list, but fail after a letter or two as a tree. Greedy branches before the
    end make the longest cue win at a position.
    """
    trie: dict = {}
    for cue in cues:
        node = trie
        body = cue[:-1] if cue.endswith(_STAR) else cue
        for char in body:
            node = node.setdefault(char, {})
        node = node.setdefault(_STAR, {}) if cue.endswith(_STAR) else node
        node[""] = {}

    def unit(char: str) -> str:
        if char == _SEP:
            return r"[\s\-‐‑]+"
        if char == "'":
            return "['’]"
        if char == _STAR:
            return r"\w*"
        return re.escape(char)

    def render(node: dict) -> str:
        # Letters first, then "any ending", then the end: the longest cue wins.
        order = sorted(c for c in node if c and c != _STAR) + ([_STAR] if _STAR in node else [])
        branches = [unit(c) + render(node[c]) for c in order]
        if "" in node:
            branches.append(r"(?!\w)")  # a cue ends at a word end
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(trie)


@dataclass(frozen=True, slots=True)
class FrameCues:
    """Every cue list of frame_cues.yaml behind one regex, and the lists each cue belongs to."""

    regex: re.Pattern[str]  # case-insensitive, for text whose lower case moves characters
    lower_regex: re.Pattern[str]  # the same cues for lower-cased text: cheaper than IGNORECASE
    scanner: FormScanner | None  # finds what lower_regex finds, faster (cues starting a word)
    exact: dict[str, frozenset[str]]  # normalised cue -> list names
    stems: dict[str, frozenset[str]]  # normalised stem (cue without *) -> list names
    frames: tuple[str, ...]  # generic frame names, in file order
    object_window: int
    negation_window: int
    anaphora_reach: int
    memo: dict[str, frozenset[str]] = field(default_factory=dict)  # matched text -> lists
    # The cue lists of a match -> the generic frames among them, in file order.
    frame_memo: dict[frozenset[str], tuple[str, ...]] = field(default_factory=dict)

    def frames_of(self, lists: frozenset[str]) -> tuple[str, ...]:
        """The generic frames (in file order) a match with these cue lists is evidence of."""
        known = self.frame_memo.get(lists)
        if known is None:
            known = tuple(frame for frame in self.frames if f"frame:{frame}" in lists)
            self.frame_memo[lists] = known
        return known

    def lists_of(self, matched: str) -> frozenset[str]:
        """The cue lists a matched text belongs to (exact cue or any stem it extends)."""
        known = self.memo.get(matched)
        if known is not None:
            return known
        key = _normalise(matched)
        found = set(self.exact.get(key, ()))
        for cut in range(len(key), 0, -1):
            stem = self.stems.get(key[:cut])
            if stem is not None and " " not in key[cut:]:
                found |= stem
        known = self.memo[matched] = frozenset(found)
        return known

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[_Match]:
        """Every cue in ``text[start:end]``: (start, end, list names), longest first wins."""
        end = len(text) if end is None else end
        out = []
        lower = lowered(text)
        if len(lower) != len(text):  # a character whose lower case is longer: keep offsets
            spans = [m.span() for m in self.regex.finditer(text, start, end)]
        elif self.scanner is not None:  # every character kept its place: offsets still hold
            text, spans = lower, self.scanner.spans(lower, start, end)
        else:
            text, spans = lower, [m.span() for m in self.lower_regex.finditer(lower, start, end)]
        for cue_start, cue_end in spans:
            lists = self.lists_of(text[cue_start:cue_end])
            if lists:
                out.append(_Match(cue_start, cue_end, lists))
        return out


@dataclass(slots=True)  # not frozen: made for every cue, and frozen ones cost ~2x to make
class _Match:
    start: int
    end: int
    lists: frozenset[str]


@cache
def frame_cues() -> FrameCues:
    """The cue lexicon of ``data/frame_cues.yaml``, compiled once."""
    data = read_reference_yaml("frame_cues.yaml")
    relationship = data["relationship"]
    lists: dict[str, list[str]] = {f"frame:{name}": cues for name, cues in data["frames"].items()}
    lists[COOP] = relationship["cooperation"]
    lists[RIFT_CUE] = relationship["rift"]
    lists[ACTING] = relationship["acting_on_cooperation"]
    lists[NEGATOR] = [c for c in data["negators"] if c != "n't"]  # "n't": see _SentenceIndex
    lists[HEDGE] = data["hedges_before"]
    lists[DISMISSAL] = data["dismissals_after"]
    lists[CONTRAST] = data["contrast_markers"]
    lists[ANAPHORA] = data.get("pair_anaphora", [])
    exact: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    for name, cues in lists.items():
        for raw in cues:
            if not isinstance(raw, str):  # YAML reads a bare no / yes / on as a boolean
                raise ValueError(f"frame_cues.yaml: cue {raw!r} under {name} must be quoted")
            cue = _normalise(raw)
            if not cue:
                continue
            if cue.endswith(_STAR):
                stem = cue[:-1]
                if len(stem.replace(" ", "")) < MIN_STEM:
                    raise ValueError(f"frame_cues.yaml: stem {raw!r} shorter than {MIN_STEM}")
                stems.setdefault(stem, set()).add(name)
            else:
                exact.setdefault(cue, set()).add(name)
    forms = [*exact, *(f"{stem}{_STAR}" for stem in stems)]
    # The look-ahead on first letters lets the scan skip most words without entering the tree.
    first_letters = re.escape("".join(sorted({form[0] for form in forms})))
    pattern = rf"\b(?=[{first_letters}]){_trie_regex(forms)}"
    # The scanner's passes need cues that start with a word character (where \b is a word start).
    word_starts = all(form[0].isalnum() or form[0] == "_" for form in forms)
    return FrameCues(
        regex=re.compile(pattern, re.IGNORECASE),
        lower_regex=re.compile(pattern),
        scanner=FormScanner(forms, _trie_regex) if word_starts else None,
        exact={k: frozenset(v) for k, v in exact.items()},
        stems={k: frozenset(v) for k, v in stems.items()},
        frames=tuple(data["frames"]),
        object_window=int(relationship.get("object_window", 6)),
        negation_window=int(data.get("negation_window", 3)),
        anaphora_reach=int(data.get("anaphora_reach", 2)),
    )


# --- relationship frame of one sentence ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelationshipCue:
    frame: str  # rift | cooperation (after negation / dismissal)
    start: int  # evidence span, offsets into the text the sentence came from
    end: int
    basis: str  # cue | negated | dismissed | eroded


class _Hit:
    """A cue of one sentence: its span, clause number and (computed when first asked for, as
    most cues are never compared with another in their clause) its first and last word."""

    __slots__ = ("start", "end", "clause", "_index", "_first", "_last")

    def __init__(self, index: _SentenceIndex, start: int, end: int, clause: int) -> None:
        self.start, self.end, self.clause = start, end, clause
        self._index = index
        self._first: int | None = None
        self._last: int | None = None

    @property
    def first(self) -> int:
        """Token index of the first word."""
        if self._first is None:
            self._first = max(0, bisect.bisect_right(self._index.starts, self.start) - 1)
        return self._first

    @property
    def last(self) -> int:
        """Token index of the last word."""
        if self._last is None:
            self._last = max(self.first, bisect.bisect_left(self._index.starts, self.end) - 1)
        return self._last


class _SentenceIndex:
    """Word positions and clause numbers of one sentence, to measure distances in words."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._span = (text, start, end)
        self._starts: list[int] | None = None
        breaks = list(_CLAUSE_BREAK.finditer(text, start, end))
        self.breaks = [m.start() for m in breaks]
        # Clause i ends at break i: a "?" there makes it a question.
        self.question_clauses = {i for i, m in enumerate(breaks) if m.group() == "?"}
        # "wouldn't", "isn’t": the negation hangs on its verb, so it is found here, not in the scan.
        self.contracted_negations = [
            _Match(m.start(), m.end(), frozenset()) for m in _CONTRACTED.finditer(text, start, end)
        ]

    @property
    def starts(self) -> list[int]:
        """Start offsets of the sentence's words and marks, found when first needed: only
        cues sharing a clause with a negator, hedge, ... are ever compared in words."""
        if self._starts is None:
            text, start, end = self._span
            self._starts = [m.start() for m in _TOKEN.finditer(text, start, end)]
        return self._starts

    def hit(self, match: _Match) -> _Hit:
        return _Hit(self, match.start, match.end, bisect.bisect_right(self.breaks, match.start))


def relationship_cues(sentence: str, offset: int = 0) -> list[RelationshipCue]:
    """Rift and cooperation evidence in one sentence, context applied (no pair check).

    Spans are offsets into ``sentence`` plus ``offset`` (the sentence's start in its article).
    """
    matches = frame_cues().scan(sentence)
    return [
        replace(c, start=c.start + offset, end=c.end + offset)
        for c in _relationship_cues(sentence, 0, len(sentence), matches)
    ]


def _relationship_cues(
    text: str, start: int, end: int, matches: list[_Match]
) -> list[RelationshipCue]:
    """Rift and cooperation evidence among the cue ``matches`` of ``text[start:end]``."""
    # One regex, so cues never overlap; a cue on both sides is a rift.
    sides = [
        (match, RIFT if RIFT_CUE in match.lists else COOPERATION)
        for match in matches
        if RIFT_CUE in match.lists or COOP in match.lists
    ]
    if not sides:  # no relationship cue: no need to index the sentence's words
        return []
    cues = frame_cues()
    index = _SentenceIndex(text, start, end)  # a cue is a word: the sentence has words

    def of(name: str) -> list[_Hit]:
        return [index.hit(m) for m in matches if name in m.lists]

    acting, negators = of(ACTING), of(NEGATOR)
    negators += [index.hit(m) for m in index.contracted_negations]
    hedges, dismissals, contrasts = of(HEDGE), of(DISMISSAL), of(CONTRAST)
    kept = [(index.hit(match), frame) for match, frame in sides]

    found: list[tuple[_Hit, RelationshipCue]] = []
    eroders: set[int] = set()
    for hit, frame in kept:
        if hit.clause in index.question_clauses:
            continue  # a question asks, it does not assert
        hedged = any(
            h.clause == hit.clause and 0 < hit.first - h.last <= HEDGE_WINDOW for h in hedges
        )
        dismissed = any(d.clause == hit.clause and d.first > hit.last for d in dismissals)
        if hedged and not dismissed:
            continue  # "speculation that there is a rift" (but "rumours of a split are baseless")
        cue_start, basis = hit.start, "cue"
        eroder = None
        if frame == COOPERATION:
            eroder = next(
                (
                    a
                    for a in acting
                    if a.clause == hit.clause and 0 < hit.first - a.last <= cues.object_window
                ),
                None,
            )
        if eroder is not None:  # "the weakening of the alliance": the alliance is the object
            frame, cue_start, basis = RIFT, eroder.start, "eroded"
            eroders.add(eroder.start)
        else:
            for neg in negators:
                if neg.clause == hit.clause and 0 < hit.first - neg.last <= cues.negation_window:
                    frame = RIFT if frame == COOPERATION else COOPERATION
                    cue_start, basis = neg.start, "negated"
                    break
        found.append((hit, RelationshipCue(frame, cue_start, hit.end, basis)))
    # The eroding word is shown inside its eroded cue's span, not as a cue of its own.
    found = [(h, c) for h, c in found if not (c.basis == "cue" and c.start in eroders)]

    for dismissal in dismissals:  # "the weakening of the alliance is a myth"
        for i, (hit, cue) in enumerate(found):
            if hit.clause == dismissal.clause and hit.last < dismissal.first:
                flipped = RIFT if cue.frame == COOPERATION else COOPERATION
                found[i] = (hit, replace(cue, frame=flipped, end=dismissal.end, basis="dismissed"))
                break

    for contrast in contrasts:  # "not X, but Y": the negated X is corrected by Y
        after = {c.frame for h, c in found if h.first > contrast.last and c.basis != "negated"}
        found = [
            (h, c)
            for h, c in found
            if not (c.basis == "negated" and h.last < contrast.first and after - {c.frame})
        ]
    return [cue for _, cue in found]


def label_from_cues(cues: Iterable[RelationshipCue]) -> str:
    """rift | cooperation | both | neither, from the cues of one sentence."""
    frames = {cue.frame for cue in cues}
    if frames == {RIFT, COOPERATION}:
        return "both"
    return frames.pop() if frames else "neither"


def _countries(mentions: Iterable[ActorMention]) -> set[str]:
    return {m.country for m in mentions if m.country}


def relationship_frame(sentence: str, pair: tuple[str, str] = ("RUS", "IRN")) -> str:
    """How one sentence frames the relationship of ``pair``: rift | cooperation | both | neither.

    A sentence that does not name both members of the pair is "neither".
    """
    if not set(pair) <= _countries(find_actor_mentions(sentence)):
        return "neither"
    return label_from_cues(relationship_cues(sentence))


# --- frames of an article ------------------------------------------------------------------------


def _by_sentence(article: Article, spans: Iterable) -> list[list]:
    """Items with a start offset, bucketed by the body sentence they start in."""
    sentences = article.sentences
    buckets: list[list] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    for item in spans:
        start = item.start
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < ends[i]:
            buckets[i].append(item)
    return buckets


def _pair_sentences(
    article: Article,
    pair: tuple[str, str],
    matches: list[list[_Match]],
    mentions: list[ActorMention],
) -> list[int]:
    """Positions of the sentences that speak of both members of the pair.

    A sentence that names both counts; so does one that uses a pair phrase ("the two
    countries") when both were named in it or in the few sentences before.
    """
    reach = frame_cues().anaphora_reach
    wanted = set(pair)
    named = [_countries(bucket) for bucket in _by_sentence(article, mentions)]
    chosen = []
    for i in range(len(article.sentences)):
        if wanted <= named[i]:
            chosen.append(i)
        elif any(ANAPHORA in m.lists for m in matches[i]):
            recent = set().union(*named[max(0, i - reach) : i + 1])
            if wanted <= recent:
                chosen.append(i)
    return chosen


def find_frames(
    article: Article,
    pair: tuple[str, str] = ("RUS", "IRN"),
    mentions: list[ActorMention] | None = None,
) -> list[dict]:
    """frames.csv rows of an article: one per cue found in a body sentence.

    Generic frames (conflict, military, ...) come from every body sentence; the relationship
    frames ``rift`` and ``cooperation`` from sentences that speak of both members of ``pair``.
    ``basis`` says how a relationship cue was read (cue | negated | dismissed | eroded).
    ``mentions`` (the article's actor mentions) may be passed when already computed.
    """
    cues = frame_cues()
    if not article.sentences:
        return []
    if mentions is None:
        mentions = find_actor_mentions(article)
    flat, text, article_id = article.flat, article.text, article.article_id
    first, last = article.sentences[0].start, article.sentences[-1].end
    matches = _by_sentence(article, cues.scan(flat, first, last))
    rows: list[dict] = []

    def add(sentence_id: int, frames: Iterable[str], start: int, end: int, basis: str) -> None:
        if text.find("\n", start, end) >= 0:
            cue = article.readable(start, end).lower()
        else:  # what readable() gives when no line break is inside, for a fraction of the cost
            cue = " ".join(flat[start:end].split()).lower()
        for frame in frames:
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": sentence_id,
                    "frame": frame,
                    "cue": cue,
                    "start": start,
                    "end": end,
                    "basis": basis,
                }
            )

    for sentence, found in zip(article.sentences, matches, strict=True):
        for match in found:
            if match.end > sentence.end:
                continue
            frames = cues.frames_of(match.lists)
            if frames:
                add(sentence.sentence_id, frames, match.start, match.end, "cue")
    for i in _pair_sentences(article, pair, matches, mentions):
        sentence = article.sentences[i]
        inside = [m for m in matches[i] if m.end <= sentence.end]
        for cue in _relationship_cues(flat, sentence.start, sentence.end, inside):
            add(sentence.sentence_id, (cue.frame,), cue.start, cue.end, cue.basis)
    rows.sort(key=itemgetter("sentence_id", "start", "end", "frame"))
    return rows


def sentence_relationships(frames: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, sentence) with relationship evidence: rift | cooperation | both."""
    rel = frames[frames["frame"].isin([RIFT, COOPERATION])]
    if rel.empty:
        return pd.DataFrame(columns=["article_id", "sentence_id", "relationship"])
    grouped = rel.groupby(["article_id", "sentence_id"], sort=True)["frame"]
    labels = grouped.agg(lambda s: label_from_cues(RelationshipCue(f, 0, 0, "") for f in s))
    return labels.rename("relationship").reset_index()


# --- rates per article / outlet ------------------------------------------------------------------


def frame_names() -> list[str]:
    """Every frame frames.csv can hold: the generic frames, then rift and cooperation."""
    return [*frame_cues().frames, RIFT, COOPERATION]


def frame_rates(frames: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Frame rates per group of articles (``by`` = "outlet", "article_id" or any articles column).

    One row per group, with the counts a reader needs to judge it (an outlet with 2 articles is
    not 200): ``n_articles, n_words, n_sentences``; for every frame ``<frame>_n`` (cue hits) and
    ``<frame>_per_1000_words``; and for the relationship frame the number of sentences with rift
    evidence, with cooperation evidence, with both, and ``rift_share`` / ``cooperation_share``:
    each side's sentences over the sentences with any relationship evidence (a "both" sentence
    counts on each side, so the shares can add up to more than 1). Shares are empty (NaN) where no
    sentence spoke of the relationship. Rejected articles are left out.
    """
    kept = articles
    if "status" in kept.columns:
        kept = kept[kept["status"].fillna("ok") == "ok"]
    columns = ["article_id", "n_words", "n_sentences"] + ([by] if by != "article_id" else [])
    groups = kept[columns].copy()
    if by != "article_id":
        groups[by] = groups[by].fillna("")
    out = groups.groupby(by, sort=True).agg(
        n_articles=("article_id", "nunique"),
        n_words=("n_words", "sum"),
        n_sentences=("n_sentences", "sum"),
    )
    group_of = pd.Series(groups[by].to_numpy(), index=groups["article_id"].to_numpy())
    hits = frames[frames["article_id"].isin(group_of.index)].copy()
    hits["group"] = hits["article_id"].map(group_of)
    counts = hits.groupby(["group", "frame"]).size().unstack(fill_value=0)
    for frame in frame_names():
        n = counts[frame] if frame in counts.columns else pd.Series(dtype="int64")
        out[f"{frame}_n"] = n.reindex(out.index, fill_value=0).astype("int64")
        per_word = out[f"{frame}_n"] / out["n_words"].where(out["n_words"] > 0)
        out[f"{frame}_per_1000_words"] = per_word * 1000

    relations = sentence_relationships(hits)
    relations["group"] = relations["article_id"].map(group_of)
    tally = relations.groupby(["group", "relationship"]).size().unstack(fill_value=0)
    for label in ("rift", "cooperation", "both"):
        n = tally[label] if label in tally.columns else pd.Series(dtype="int64")
        out[f"n_{label}_sentences"] = n.reindex(out.index, fill_value=0).astype("int64")
    with_evidence = out[["n_rift_sentences", "n_cooperation_sentences", "n_both_sentences"]].sum(
        axis=1
    )
    denominator = with_evidence.where(with_evidence > 0)
    out["n_relationship_sentences"] = with_evidence.astype("int64")
    out["rift_share"] = (out["n_rift_sentences"] + out["n_both_sentences"]) / denominator
    out["cooperation_share"] = (
        out["n_cooperation_sentences"] + out["n_both_sentences"]
    ) / denominator
    return out.reset_index()
