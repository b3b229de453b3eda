"""The same statement or event reported by several articles, and where the reports disagree.

``cross_reference`` groups statements (same speaker, overlapping wording, or same topic and
channel at close dates) and events (same type and actor pair, dates within a window) across
articles, and lists each member's fields in ``crossrefs.csv`` form: one row per member and
field. When the article texts are given it also records, for every person named around a
member, the spelling and the title the outlet uses ("title:Sergei Vershinin"), and flags a title
that another member gives to someone else (``title_holder``). ``discrepancies`` keeps the
fields on which a group's members disagree, as a table an analyst can read.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from heapq import merge
from itertools import chain, islice
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

from newsframe.actors import (
    ActorMention,
    _capitalisations,
    _fold,
    _index,
    _unify,
    all_actors,
    find_actor_mentions,
    resolve_title,
)
from newsframe.article import Article
from newsframe.reference import read_reference_yaml
from newsframe.runtime import LazyModule, no_cycle_collection, pd
from newsframe.tables import COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.compute as pc
else:  # imported on first use (see newsframe.runtime.LazyModule)
    # pandas keeps its strings in Arrow arrays when it has pyarrow
    pa = LazyModule("pyarrow") if importlib.util.find_spec("pyarrow") else None
    pc = LazyModule("pyarrow.compute") if pa is not None else None

__all__ = [
    "CROSSREF_COLUMNS",
    "DISCREPANCY_COLUMNS",
    "article_title_claims",
    "cross_reference",
    "discrepancies",
    "title_conflicts",
]

CROSSREF_COLUMNS = list(COLUMNS["crossrefs"])
DISCREPANCY_COLUMNS = ["group_id", "kind", "subject", "field", "n_values", "values", "articles"]

STATEMENT_FIELDS = ("speaker", "speaker_role", "said_on", "said_on_precision", "channel", "quote")
EVENT_FIELDS = ("event_type", "date", "date_precision", "date_expression",
                "location")  # fmt: skip
# Fields that identify the group rather than describe a member: never a discrepancy.
_IDENTITY_FIELDS = {"speaker", "event_type", "actors"}

# Reports of one statement: same speaker and at least this share of the shorter quote's
# content words; or same speaker, topic and channel within STATEMENT_WINDOW_DAYS.
QUOTE_OVERLAP = 0.5
STATEMENT_WINDOW_DAYS = 3
# Reports of one event: same type and actor pair, dates within EVENT_WINDOW_DAYS.
EVENT_WINDOW_DAYS = 3

_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "they",
        "their",
        "there",
        "have",
        "were",
        "been",
        "will",
        "would",
        "what",
        "which",
        "when",
        "where",
        "about",
        "into",
        "than",
        "them",
        "these",
        "those",
        "also",
        "such",
        "very",
        "more",
        "most",
        "some",
        "only",
        "other",
        "just",
    ]
)
_TITLE_WORDS = read_reference_yaml("event_title_words.yaml")
_ROLE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in _TITLE_WORDS["role_nouns"]) + r")s?\b",
    re.IGNORECASE,
)
_IGNORE = frozenset(_TITLE_WORDS["ignore"])
# Premodifying title: words up to the name; leading lower-case words ("met with") are cut after.
_APPOSITIVE_BEFORE = re.compile(r"(?:^|[,;(]|\band\b)\s*(?P<title>[^,;()]{3,80}?),\s*$")
_APPOSITIVE_AFTER = re.compile(r",\s*(?P<title>[^,;()]{3,80}?)\s*[,;.)]")
_SPAN_BEFORE = 250  # attribution ("Ryabkov told CNN that ...") sits before the content span
_SPAN_AFTER = 120


def _content_words(text: str) -> frozenset[str]:
    return frozenset([w for w in _WORD.findall(str(text).lower()) if w not in _STOP])


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value and str(value) != "nan" else None
    except ValueError:
        return None


class _Groups:
    """Union-find over row positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def grow(self, n: int) -> None:
        """Positions up to ``n``, each in a group of its own."""
        self.parent += range(len(self.parent), n)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def union_all(self, items: list[int]) -> None:
        for j in items[1:]:
            self.union(items[0], j)

    def members(self, min_size: int = 1) -> list[list[int]]:
        """The components of ``min_size`` positions or more, by their smallest position."""
        parent = np.array(self.parent, dtype=np.int64)
        while True:  # every position to its root, all at once
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
        # A root is its component's smallest position (``union`` keeps the smaller one).
        order = np.argsort(parent, kind="stable")
        bounds = np.flatnonzero(np.diff(parent[order])) + 1
        starts = np.concatenate(([0], bounds)).tolist()
        ends = np.concatenate((bounds, [len(order)])).tolist()
        return [order[a:b].tolist() for a, b in zip(starts, ends, strict=True) if b - a >= min_size]


def _blocks(keys: list[object]) -> list[list[int]]:
    """Row positions sharing a key (None: in no block), blocks of two or more rows only."""
    blocks: dict[object, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            blocks.setdefault(key, []).append(i)
    return [b for b in blocks.values() if len(b) > 1]


def _join_close_dates(
    groups: _Groups, block: list[int], days: list[date], articles: list[str], window: int
) -> None:
    """Join rows of one block reported by different articles at dates within ``window`` days.

    Exactly the components of comparing every pair, without comparing every pair: rows are
    gathered by day; a day reported by two articles or more is one component (every row has a
    row of another article beside it), and two days within the window join unless both come
    from one and the same single article. Each day is compared with the days of the window
    only, so a block costs O(rows + days x window).
    """
    by_day: dict[date, list[int]] = {}
    for i in block:
        by_day.setdefault(days[i], []).append(i)
    ordered = sorted(by_day)
    only: dict[date, str | None] = {}  # the day's one article, None when it has several
    for day in ordered:
        rows = by_day[day]
        sources = {articles[i] for i in rows}
        only[day] = next(iter(sources)) if len(sources) == 1 else None
        if only[day] is None:
            groups.union_all(rows)
    for n, day in enumerate(ordered):
        for later in ordered[n + 1 :]:
            if (later - day).days > window:
                break
            if only[day] is not None and only[day] == only[later]:
                continue
            groups.union_all(by_day[day] + by_day[later])


# A block of one speaker's statements compares each statement with the representatives of the
# groups found so far (not with every member), through an index of their words; at most
# MAX_CANDIDATES representatives (those sharing the most words; words listed for more than
# MAX_POSTING representatives count only among a statement's three rarest) are scored.
MAX_CANDIDATES = 50
MAX_POSTING = 100
SAME_WORDING = 0.9


def _join_same_words(
    groups: _Groups, block: list[int], words: Sequence[frozenset[str]], articles: list[str]
) -> None:
    """Join rows whose quotes share QUOTE_OVERLAP of the shorter one's content words.

    A row is compared with representatives: the first row of each wording met so far. A row
    that no representative of another article matches almost word for word (SAME_WORDING)
    becomes one itself, so it can still join later rows that match it and not the others.
    """
    wordings = _Wordings(groups, articles)
    for i in block:
        wordings.add(i, words[i])


class _Wordings:
    """One block's ``_join_same_words``, a row at a time: what it has learnt from earlier rows
    (representatives, their words, the postings) is kept between rows, so the rows of a block
    may arrive over time (a build's chunks) and join as if the block had been read at once."""

    __slots__ = (
        "groups",
        "articles",
        "representatives",
        "their_words",
        "their_sizes",
        "postings",
        "by_article",
        "by_root",
        "larger",
    )

    def __init__(self, groups: _Groups, articles: Sequence[str]) -> None:
        # Sets of representatives are integers, bit r for representative r: a word's posting,
        # an article's representatives, a component's representatives (by its root). A quote's
        # words are an integer too (a bit per word of the block's representatives), to count
        # the shared ones.
        self.groups = groups
        self.articles = articles  # article of each row position (may grow between rows)
        self.representatives: list[int] = []  # rows
        self.their_words: list[int] = []  # each representative's words
        self.their_sizes: list[int] = []
        self.postings: dict[str, tuple[int, int, int]] = {}  # word -> (how many, which, bit)
        self.by_article: dict[str, int] = {}
        self.by_root: dict[int, int] = {}
        self.larger: list[int] = []  # [k]: the representatives of more than k words

    def add(self, i: int, mine: frozenset[str]) -> None:
        """Compare row ``i`` (its content words ``mine``) with the representatives so far."""
        size = len(mine)
        if size < 3:
            return
        postings, by_root, larger = self.postings, self.by_root, self.larger
        their_words, their_sizes = self.their_words, self.their_sizes
        find, union = self.groups.find, self.groups.union
        # Candidates through the query's rarer words (a word most representatives share
        # tells them apart poorly); the overlap is then counted exactly. Words in sorted order,
        # so equally rare words are taken in the same order in every process (a set's order
        # follows string hashing, which differs between runs).
        known = [postings.get(w, _UNSEEN) for w in sorted(mine)]
        rarest = sorted(known, key=_FIRST)
        taken = len(rarest)
        for n in range(3, taken):
            if rarest[n][0] > MAX_POSTING:
                taken = n
                break
        candidates = _most_shared([posting[1] for posting in rarest[:taken]])
        word_bits = sum([posting[2] for posting in known])  # distinct bits: their union
        closest = 0.0
        article = self.articles[i]
        own = self.by_article.get(article, 0)
        skip = own  # once closest reaches SAME_WORDING, only joins can change: skip the joined
        for count, level, keep in candidates:  # most shared words first
            whole = level
            level &= ~skip
            # At most count + (words not counted) shared: too few for QUOTE_OVERLAP when both
            # quotes have more than ``limit`` words (one word spare: no rounding at the edge).
            limit = int((count + size - taken) / QUOTE_OVERLAP) + 1
            if limit < size and limit < len(larger):
                level &= ~larger[limit]
            while level:
                bit = level & -level
                if keep and (whole & (bit - 1)).bit_count() >= keep:
                    break  # past the lowest ``keep`` of the level: not a candidate
                level ^= bit
                r = bit.bit_length() - 1
                shared = (word_bits & their_words[r]).bit_count()
                overlap = shared / min(size, their_sizes[r])
                if overlap >= QUOTE_OVERLAP:
                    a, b = find(i), find(self.representatives[r])
                    if a != b:
                        union(a, b)
                        by_root[min(a, b)] = by_root.pop(a, 0) | by_root.pop(b, 0)
                    closest = max(closest, overlap)
                    if closest >= SAME_WORDING:
                        skip = own | by_root[min(a, b)]
                        level &= ~skip
        if closest < SAME_WORDING:  # a new wording: later reports may match it only
            bit = 1 << len(self.representatives)
            for word in mine:
                count, which, word_bit = postings.get(word) or (0, 0, 1 << len(postings))
                postings[word] = (count + 1, which | bit, word_bit)
                word_bits |= word_bit
            self.by_article[article] = own | bit
            root = find(i)
            by_root[root] = by_root.get(root, 0) | bit
            self.representatives.append(i)
            their_words.append(word_bits)
            their_sizes.append(size)
            larger += [0] * (size - len(larger))
            for k in range(size):
                larger[k] |= bit


_UNSEEN = (0, 0, 0)
_FIRST = itemgetter(0)


def _most_shared(postings: list[int]) -> list[tuple[int, int, int]]:
    """The MAX_CANDIDATES members of most ``postings`` (sets as integers; ties: the lowest
    members), as (how many postings, set, keep) by how many postings hold them, most first:
    the last set may hold more, of which only the ``keep`` lowest count (0: all)."""
    planes: list[int] = []  # bit k of each member's count, as a binary counter
    for posting in postings:
        carry = posting
        for k, plane in enumerate(planes):
            if not carry:
                break
            planes[k], carry = plane ^ carry, plane & carry
        if carry:
            planes.append(carry)
    planes.reverse()  # highest bit first
    rest = 0
    for plane in planes:
        rest |= plane  # members of one posting or more
    found, left = [], MAX_CANDIDATES
    while rest:
        level, count = rest, 0  # narrowed, from the highest bit, to the members counting most
        for plane in planes:
            count <<= 1
            if level & plane:
                level &= plane
                count |= 1
        n = level.bit_count()
        if n >= left:
            found.append((count, level, left if n > left else 0))
            break
        found.append((count, level, 0))
        left -= n
        rest &= ~level
    return found


def _column(rows: pd.DataFrame, name: str) -> list[object]:
    return rows[name].tolist() if name in rows else [""] * len(rows)


def _texts(rows: pd.DataFrame, name: str, *, required: bool = False) -> list[str]:
    """``_text`` of each value of a column; "" for every row when there is no such column."""
    if name not in rows:
        if required:
            raise KeyError(name)
        return [""] * len(rows)
    column = rows[name]
    if isinstance(column.dtype, pd.StringDtype):  # strings and missing values only
        return column.fillna("").tolist()
    return [_text(v) for v in column.tolist()]


def _text_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``_factorized`` of the column's ``_text`` values (Arrow encodes a string column)."""
    if isinstance(column.dtype, pd.StringDtype):
        return _factorized(column.fillna(""))
    return _factorized(_objects([_text(v) for v in column.tolist()]))


def _days(values: list[str]) -> list[date | None]:
    """``_day`` of each value, each distinct value parsed once (dates repeat a lot)."""
    parsed: dict[str, date | None] = {}
    return [parsed[v] if v in parsed else parsed.setdefault(v, _day(v)) for v in values]


def _statement_groups(statements: pd.DataFrame) -> list[list[int]]:
    """Same speaker, and overlapping wording or same topic and channel at close dates.

    Rows are blocked by speaker first (then by topic and channel): nothing is compared across
    blocks, so the cost grows with the rows, not with their pairs.
    """
    grouping = StatementGroups()
    grouping.add(statements)
    return grouping.groups()


class StatementGroups:
    """``_statement_groups`` of a statements table that arrives in consecutive chunks.

    A build hands each chunk over as it makes it, while the workers analyse the next articles,
    rather than comparing the whole table in its last, single-core step. Each speaker's rows
    are compared with that speaker's earlier ones as they come (``_Wordings``); the dates are
    joined at the end. The groups are those of the whole table read at once (row positions
    count from the first chunk's first row). A speaker seen once keeps only that row's quote,
    so one-off speakers cost no index.
    """

    def __init__(self) -> None:
        self._groups = _Groups(0)
        self._articles: list[str] = []
        self._said: list[date | None] = []
        self._occasions: list[tuple[str, str, str] | None] = []
        self._wordings: dict[str, _Wordings] = {}
        self._first: dict[str, tuple[int, object]] = {}  # speaker seen once: (row, quote)

    def add(self, statements: pd.DataFrame) -> None:
        """The next rows of the table, in table order."""
        with no_cycle_collection():
            self._add(statements)

    def _add(self, statements: pd.DataFrame) -> None:
        rows = statements.reset_index(drop=True)
        offset = len(self._articles)
        self._articles += rows["article_id"].astype(str).tolist()
        self._groups.grow(len(self._articles))
        quotes = _column(rows, "quote")
        speaker = [
            sid or name
            for sid, name in zip(
                _texts(rows, "speaker_id"), _texts(rows, "speaker", required=True), strict=True
            )
        ]
        for k, who in enumerate(speaker):
            if not who:
                continue
            wordings = self._wordings.get(who)
            if wordings is None:
                first = self._first.pop(who, None)
                if first is None:
                    self._first[who] = (offset + k, quotes[k])
                    continue
                wordings = self._wordings[who] = _Wordings(self._groups, self._articles)
                wordings.add(first[0], _content_words(first[1]))  # type: ignore[arg-type]
            wordings.add(offset + k, _content_words(quotes[k]))  # type: ignore[arg-type]
        said = _days(_texts(rows, "said_on"))
        topic = _texts(rows, "topic")
        channel = [c.lower() for c in _texts(rows, "channel")]
        self._said += said
        self._occasions += [
            (who, subject, where) if who and subject and where and day is not None else None
            for who, subject, where, day in zip(speaker, topic, channel, said, strict=True)
        ]

    def groups(self) -> list[list[int]]:
        """The groups (row positions) of more than one article, once every chunk is in."""
        self._wordings, self._first = {}, {}  # no row can join them any more
        groups, articles = self._groups, self._articles
        for block in _blocks(self._occasions):
            _join_close_dates(groups, block, self._said, articles, STATEMENT_WINDOW_DAYS)  # type: ignore[arg-type]
        return [g for g in groups.members(2) if len({articles[i] for i in g}) > 1]


def _event_groups(events: pd.DataFrame) -> list[list[int]]:
    """Same type and the same two actors (either order), both dated, dates within the window."""
    rows = events.reset_index(drop=True)
    days = _days(_texts(rows, "date", required=True))
    types = rows["event_type"].astype(str).tolist()
    articles = rows["article_id"].astype(str).tolist()
    groups = _Groups(len(rows))
    # Two different actors, in either order: the pair sorted.
    keys = [
        (kind, (a, b) if a < b else (b, a)) if a and b and a != b and day is not None else None
        for kind, a, b, day in zip(
            types,
            _texts(rows, "actor1", required=True),
            _texts(rows, "actor2", required=True),
            days,
            strict=True,
        )
    ]
    for block in _blocks(keys):
        _join_close_dates(groups, block, days, articles, EVENT_WINDOW_DAYS)  # type: ignore[arg-type]
    return [g for g in groups.members(2) if len({articles[i] for i in g}) > 1]


def _outlets(articles: pd.DataFrame) -> dict[str, str]:
    outlets: dict[str, str] = {}
    names = [articles[c].tolist() if c in articles else [None] * len(articles)
             for c in ("outlet", "original_outlet")]  # fmt: skip
    for article_id, *values in zip(articles["article_id"].tolist(), *names, strict=True):
        name = next((v for v in values if isinstance(v, str) and v), "")
        outlets[str(article_id)] = name or str(article_id)
    return outlets


def _title_key(title: str) -> frozenset[str]:
    return frozenset(
        w for w in re.findall(r"[a-z]+", title.lower().replace("’", "'")) if w not in _IGNORE
    )


Claims = Mapping[str, list[dict]]


def article_title_claims(
    text: str,
    *,
    article: Article | None = None,
    mentions: Sequence[ActorMention] | None = None,
) -> list[dict]:
    """Every person named in one article's text: canonical name, spelling, title as written.

    One dict per mention: ``person``, ``surface`` (the spelling), ``title`` (empty when the
    text gives none), ``start``/``end`` (offsets into ``text``). The per-article step can make
    these (they depend on the article only) so the corpus-wide steps need not keep any text:
    pass ``claims={article_id: article_title_claims(text)}`` to ``cross_reference`` and
    ``title_conflicts``.

    The whole text is read, boilerplate included, and titles such as "the US president" are
    resolved without a date. A caller that already has the article (``article.text`` is
    ``text``) and its ``mentions = find_actor_mentions(article)`` passes both: the same claims
    are then made reading again only the stretches where the text differs from the article's
    ``flat`` (blanked boilerplate) or where the article's date changes who a title names.
    """
    if article is not None and mentions is not None and article.text == text:
        flat, found = _raw_text_mentions(article, mentions)
    else:
        flat = _WHITESPACE.sub(" ", text)  # same length: offsets stay the text's
        found = find_actor_mentions(flat)
    return [
        {"person": name, "surface": surface, "title": title, "start": start, "end": end}
        for name, surface, title, start, end in _person_titles_at(flat, found)
    ]


def _claims_of(texts: Mapping[str, str] | None, claims: Claims | None) -> Claims:
    """Claims given, else made from the texts (once per article, when first needed)."""
    if claims is not None:
        return claims
    return _LazyClaims(texts or {})


class _LazyClaims(dict):
    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.texts

    def __missing__(self, article_id: str) -> list[dict]:
        self[article_id] = value = article_title_claims(self.texts[article_id])
        return value

    def __iter__(self):
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def cross_reference(
    statements: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    texts: Mapping[str, str] | None = None,
    *,
    claims: Claims | None = None,
) -> pd.DataFrame:
    """Groups of the same statement or event across articles, one row per member and field,
    sorted as the ``crossrefs`` table is (event groups ``e…`` first, then statements ``s…``).

    ``texts`` (article_id -> original text) adds the spelling and title each outlet gives the
    people named around a member, and ``title_holder`` rows when members give one title (same
    content words) to different people. ``claims`` (article_id -> ``article_title_claims``)
    does the same without the texts, and wins over them.
    """
    parts = cross_reference_parts(statements, events, articles, texts, claims=claims, rows=None)
    return next(parts)


def cross_reference_parts(
    statements: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    texts: Mapping[str, str] | None = None,
    *,
    claims: Claims | None = None,
    rows: int | None,
    statement_groups: list[list[int]] | None = None,
) -> Iterator[pd.DataFrame]:
    """``cross_reference`` in consecutive parts of at most ``rows`` rows (None: one part), so a
    build can write the largest table without holding it whole: its rows are kept as numbers
    into their distinct strings until a part is made. ``statement_groups`` are the statements'
    groups when the caller has made them already (``StatementGroups`` of the same table)."""
    with no_cycle_collection():
        ordered = _cross_reference(statements, events, articles, texts, claims, statement_groups)
    yield from ordered.parts(rows)


def _cross_reference(
    statements: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    texts: Mapping[str, str] | None,
    claims: Claims | None,
    statement_groups: list[list[int]] | None = None,
) -> _SortedRows:
    outlets = _outlets(articles)
    known = _claims_of(texts, claims) if texts is not None or claims is not None else None
    grouped = _statement_groups if statement_groups is None else lambda _: statement_groups
    plans = (
        ("statement", "s", statements, STATEMENT_FIELDS, "statement_id", grouped),
        ("event", "e", events, EVENT_FIELDS, "event_id", _event_groups),
    )
    rows = _Rows()
    for kind, prefix, table, fields, id_column, grouper in plans:
        if table is None or table.empty:
            continue
        table = table.reset_index(drop=True)
        groups = grouper(table)
        if not groups:
            continue
        wanted = ("start", "end", "actor1", "actor2", *fields)
        columns = [c for c in dict.fromkeys(wanted) if c in table]
        members = _Members(table, groups, kind, prefix, id_column, outlets, columns)
        part = members.part
        for field in fields:
            if field in part:
                rows.add(members, None, field, _text_codes(part[field]))
        if kind == "event":  # the pair, in either order, is what was grouped on
            pairs = zip(_texts(part, "actor1"), _texts(part, "actor2"), strict=True)
            actors = [" & ".join(a for a in sorted({a1, a2}) if a) for a1, a2 in pairs]
            rows.add(members, None, "actors", actors)
        if known is not None:
            titles = _add_text_fields(rows, members, known)
            _add_title_holders(rows, members, titles)
    # Rows come by field, not by group: sorted (and freed of duplicates) the table is the same.
    return rows.sorted()


class _Members:
    """The members of a kind's groups, in group order: their rows and ``crossrefs`` identity."""

    def __init__(
        self,
        table: pd.DataFrame,
        groups: list[list[int]],
        kind: str,
        prefix: str,
        id_column: str,
        outlets: dict[str, str],
        columns: list[str],
    ) -> None:
        ids = table[id_column].tolist()
        groups.sort(key=lambda g: str(ids[g[0]]))
        sizes = [len(g) for g in groups]
        rows = list(chain.from_iterable(groups))
        self.kind = kind
        self.group = np.repeat(np.arange(len(groups)), sizes)  # group number of each member
        names = np.array([f"{prefix}{n:03d}" for n in range(1, len(groups) + 1)], dtype=object)
        self.group_id = names[self.group]
        self.member_id = _objects([str(ids[i]) for i in rows])
        article_ids = table["article_id"].tolist()
        self.article_id = _objects([str(article_ids[i]) for i in rows])
        self.outlet = _objects([outlets.get(a, a) for a in self.article_id.tolist()])
        self.part = table[columns].iloc[rows].reset_index(drop=True)


def _objects(values: Sequence[object]) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


class _Rows:
    """``crossrefs`` rows gathered as arrays (member, field, value), not one dict per row.

    A member's identity (group, kind, member id, article, outlet) is kept once per member.
    """

    _IDENTITY = ("group_id", "kind", "member_id", "article_id", "outlet")

    def __init__(self) -> None:
        self.identity: dict[str, list[np.ndarray]] = {c: [] for c in self._IDENTITY}
        self.offsets: dict[int, int] = {}  # id(members) -> their first position
        self.size = 0
        self.members: list[np.ndarray] = []
        # Fields and values as codes into distinct strings, by piece.
        self.fields: list[tuple[np.ndarray, np.ndarray]] = []
        self.values: list[tuple[np.ndarray, np.ndarray]] = []

    def add(
        self,
        members: _Members,
        which: np.ndarray | None,
        field: str | np.ndarray,
        values: Sequence[object] | np.ndarray | tuple[np.ndarray, np.ndarray],
    ) -> None:
        """Rows of the members at positions ``which`` (all when None), one field each; values
        as strings or as (codes, distinct strings)."""
        if not isinstance(values, tuple):
            values = _factorized(values if isinstance(values, np.ndarray) else _objects(values))
        n = len(values[0])
        if not n:
            return
        if id(members) not in self.offsets:
            self.offsets[id(members)] = self.size
            self.size += len(members.member_id)
            for column in self._IDENTITY:
                self.identity[column].append(
                    np.full(len(members.member_id), members.kind, dtype=object)
                    if column == "kind"
                    else getattr(members, column)
                )
        at = np.arange(len(members.member_id)) if which is None else which
        self.members.append(at + self.offsets[id(members)])
        if isinstance(field, str):
            self.fields.append((np.zeros(n, dtype=np.int64), _objects([field])))
        else:
            self.fields.append(_factorized(field))
        self.values.append(values)

    def sorted(self) -> _SortedRows:
        """The rows without duplicates, sorted by group, member, article, field and value: the
        order of the ``crossrefs`` table (``tables.SORT_KEYS``; a member is in one article)."""
        if not self.values:
            return _SortedRows({c: (np.zeros(0, np.int64), _objects([])) for c in CROSSREF_COLUMNS})
        member = np.concatenate(self.members)
        columns = {c: _codes_of(np.concatenate(v)) for c, v in self.identity.items()}
        columns["field"] = _merged(self.fields)
        columns["value"] = _merged(self.values)
        codes = {
            c: columns[c][0][member] if c in self._IDENTITY else columns[c][0] for c in columns
        }
        # Codes number the distinct strings in sorted order: sorting codes sorts the strings.
        sort_by = ["group_id", "member_id", "article_id", "field", "value"]
        order = np.lexsort([codes[c] for c in reversed(sort_by)])
        # Rows equal on the sort keys are equal (kind and outlet follow group and article).
        first = np.zeros(len(order), dtype=bool)
        first[:1] = True
        for c in sort_by:
            ranked = codes[c][order]
            first[1:] |= ranked[1:] != ranked[:-1]
        order = order[first]
        return _SortedRows({c: (codes[c][order], columns[c][1]) for c in CROSSREF_COLUMNS})


class _SortedRows:
    """The ``crossrefs`` rows in table order, each column as codes into its distinct strings."""

    def __init__(self, columns: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        self.columns = columns
        self.size = len(next(iter(columns.values()))[0])

    def parts(self, rows: int | None) -> Iterator[pd.DataFrame]:
        """The rows as frames of at most ``rows`` rows (None: one frame), in order."""
        step = rows or max(self.size, 1)
        for start in range(0, max(self.size, 1), step):
            yield pd.DataFrame(
                {
                    c: _strings(codes[start : start + step], distinct)
                    for c, (codes, distinct) in self.columns.items()
                }
            )


def _factorized(values: np.ndarray | pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the values and the distinct values (strings), as ``pd.factorize`` gives."""
    codes, distinct = pd.factorize(values)
    return codes, np.asarray(distinct, dtype=object)


def _merged(pieces: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Pieces of (codes, distinct strings) as one ``_codes_of`` of all their values."""
    starts = np.cumsum([0] + [len(distinct) for _, distinct in pieces[:-1]])
    rank, distinct = _codes_of(np.concatenate([d for _, d in pieces]))
    return np.concatenate(
        [rank[start + codes] for start, (codes, _) in zip(starts, pieces, strict=True)]
    ), distinct


def _codes_of(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each value's number among the distinct values in sorted order, and those values."""
    codes, distinct = pd.factorize(values)
    distinct = np.asarray(distinct, dtype=object)
    order = _string_order(distinct)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[codes], distinct[order]


def _string_order(strings: np.ndarray) -> np.ndarray:
    """Positions of ``strings`` in sorted order: by Arrow (byte order of UTF-8 is the order of
    code points, as Python compares) when it takes them, else by Python comparisons."""
    if pa is not None:
        try:
            return pc.array_sort_indices(pa.array(strings, type=pa.large_string())).to_numpy()
        except (pa.ArrowException, UnicodeError):
            pass  # a string Arrow cannot hold (a lone surrogate)
    return np.argsort(strings, kind="stable")


@cache
def _string_dtype() -> object:
    """What pandas makes of Python strings (asked once pandas is needed: it is imported lazily)."""
    return pd.Series(["text"]).dtype


def _strings(codes: np.ndarray, distinct: np.ndarray) -> pd.Series | np.ndarray:
    """The column of strings ``distinct[codes]``, built by Arrow when pandas stores strings so."""
    if pa is not None and getattr(_string_dtype(), "storage", None) == "pyarrow":
        try:
            dictionary = pa.array(distinct.tolist(), type=pa.large_string())
        except (pa.ArrowException, UnicodeError):
            return distinct[codes]  # a string Arrow cannot hold: pandas decides, as for a list
        array = pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), dictionary)
        return pd.Series(pd.array(array.cast(pa.large_string()), dtype=_string_dtype()), copy=False)
    return distinct[codes]


_ARTICLE_STRIDE = 1 << 40  # claim offsets stay below it: (article, offset) as one sortable key


def _add_text_fields(rows: _Rows, members: _Members, known: Claims) -> tuple[np.ndarray, ...]:
    """Spelling and title of the people named around each member's span.

    Each member takes the claims of its article that start from ``_SPAN_BEFORE`` characters
    before its span and end within ``_SPAN_AFTER`` after it: all members at once, through one
    sorted key (article, start) over every claim. Returns the title rows' (member, person,
    title), for ``_add_title_holders``.
    """
    article_ids = members.article_id.tolist()
    articles = [a for a in dict.fromkeys(article_ids) if a in known]
    number = {a: n for n, a in enumerate(articles)}
    claims = [known[a] for a in articles]
    fields = [_CLAIM_FIELDS(c) for c in chain.from_iterable(claims)]
    starts, ends, persons, surfaces, titles = (
        zip(*fields, strict=True) if fields else ((),) * 5  # type: ignore[assignment]
    )
    in_article = np.repeat(np.arange(len(claims), dtype=np.int64), [len(c) for c in claims])
    key = in_article * _ARTICLE_STRIDE + np.array(starts, dtype=np.int64)
    if len(key) and (np.diff(key) < 0).any():  # claims out of reading order: one at a time
        return _add_text_fields_slowly(rows, members, known)
    start = members.part["start"].to_numpy(dtype=np.int64)
    end = members.part["end"].to_numpy(dtype=np.int64)
    article = np.array([number.get(a, -1) for a in article_ids], dtype=np.int64)
    low = article * _ARTICLE_STRIDE + np.maximum(start - _SPAN_BEFORE, 0)
    high = end + _SPAN_AFTER
    first = np.searchsorted(key, low, side="left")
    last = np.searchsorted(key, article * _ARTICLE_STRIDE + high, side="left")
    last[article < 0] = first[article < 0]
    counts = last - first
    member = np.repeat(np.arange(len(counts)), counts)
    claim = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts - first, counts)
    inside = np.array(ends, dtype=np.int64)[claim] <= high[member]
    member, claim = member[inside], claim[inside]
    person_code, person_names = pd.factorize(_objects(persons))
    surface_code, surface_names = pd.factorize(_objects(surfaces))
    # Spellings of names only: "Putin's envoy to Syria" is a title, not a spelling.
    spelled = np.array([_is_spelling(s) for s in surface_names], dtype=bool)[surface_code]
    spelling_label = _objects([f"spelling:{p}" for p in person_names])
    title_label = _objects([f"title:{p}" for p in person_names])
    take = spelled[claim]
    chosen = claim[take]
    rows.add(
        members,
        member[take],
        spelling_label[person_code[chosen]],
        np.asarray(surface_names, dtype=object)[surface_code[chosen]],
    )
    title_of = _objects(titles)
    take = (title_of != "")[claim]
    chosen = claim[take]
    rows.add(members, member[take], title_label[person_code[chosen]], title_of[chosen])
    return (
        member[take],
        np.asarray(person_names, dtype=object)[person_code[chosen]],
        title_of[chosen],
    )


_CLAIM_FIELDS = itemgetter("start", "end", "person", "surface", "title")


def _is_spelling(surface: str) -> bool:
    return all(word[:1].isupper() for word in surface.replace("-", " ").split())


def _add_text_fields_slowly(
    rows: _Rows, members: _Members, known: Claims
) -> tuple[np.ndarray, ...]:
    """``_add_text_fields`` member by member (claims not in reading order: bisect as given)."""
    starts: dict[str, list[int]] = {}
    member, field, value, title_rows = [], [], [], ([], [], [])
    spans = zip(members.part["start"].tolist(), members.part["end"].tolist(), strict=True)
    for n, (article_id, (start, end)) in enumerate(
        zip(members.article_id.tolist(), spans, strict=True)
    ):
        if article_id not in known:
            continue
        claims = known[article_id]
        if article_id not in starts:
            starts[article_id] = [c["start"] for c in claims]
        lo, hi = int(start) - _SPAN_BEFORE, int(end) + _SPAN_AFTER
        for claim in claims[
            bisect_left(starts[article_id], lo) : bisect_left(starts[article_id], hi)
        ]:
            if claim["end"] > hi:
                continue
            name, surface, title = claim["person"], claim["surface"], claim["title"]
            if _is_spelling(surface):
                member.append(n), field.append(f"spelling:{name}"), value.append(surface)
            if title:
                member.append(n), field.append(f"title:{name}"), value.append(title)
                for column, item in zip(title_rows, (n, name, title), strict=True):
                    column.append(item)
    rows.add(members, np.array(member, dtype=np.int64), _objects(field), _objects(value))
    return np.array(title_rows[0], dtype=np.int64), _objects(title_rows[1]), _objects(title_rows[2])


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _add_title_holders(rows: _Rows, members: _Members, titles: tuple[np.ndarray, ...]) -> None:
    """Rows ``title_holder:<title>`` -> person when two members of a group give one title (same
    content words) to two people.

    Members are gathered by (person, title words) first, so a group of many reports of one
    statement compares its few distinct titles, not every pair of members.
    """
    member, person, title = titles
    if not len(member):
        return
    keys: dict[str, frozenset[str]] = {}  # title -> its words (titles repeat)
    order = np.argsort(members.group[member], kind="stable")
    group_of = members.group[member][order].tolist()
    article_of = members.article_id[member[order]].tolist()
    found: list[int] = []
    labels: list[str] = []
    holders: list[str] = []
    by_title: dict[tuple[str, frozenset[str]], list[tuple[int, str]]] = {}
    for n, (m, p, t) in enumerate(
        zip(member[order].tolist(), person[order].tolist(), title[order].tolist(), strict=True)
    ):
        if t not in keys:
            keys[t] = _title_key(t)
        by_title.setdefault((p, keys[t]), []).append((m, article_of[n]))
        if n + 1 == len(group_of) or group_of[n + 1] != group_of[n]:  # the group's last
            for m, label, holder in _title_holders(by_title):
                found.append(m), labels.append(label), holders.append(holder)
            by_title = {}
    rows.add(members, np.array(found, dtype=np.int64), _objects(labels), _objects(holders))


def _title_holders(
    by_title: dict[tuple[str, frozenset[str]], list[tuple[int, str]]],
) -> list[tuple[int, str, str]]:
    """(member, ``title_holder:<title>``, person) of one group, from its members by (person,
    title words): each member giving a title that another article gives someone else."""
    extra = []
    entries = sorted(by_title.items(), key=lambda item: (item[0][0], sorted(item[0][1])))
    for n, ((person, key), members) in enumerate(entries):
        for (other_person, other_key), others in entries[n + 1 :]:
            if other_person == person or len(key) < 2 and len(other_key) < 2:
                continue
            union = key | other_key
            if len(key & other_key) / len(union) < 0.5:
                continue
            label = f"title_holder:{' '.join(sorted(union))}"
            for side, against, holder in ((members, others, person),
                                          (others, members, other_person)):  # fmt: skip
                against_articles = {a for _, a in against}
                for m, article in side:
                    if against_articles - {article}:
                        extra.append((m, label, holder))
    return extra


def discrepancies(crossrefs: pd.DataFrame) -> pd.DataFrame:
    """Groups whose members disagree on a field: one row per group and field.

    ``values`` lists each distinct value followed by the outlets that gave it, e.g.
    ``2019-01-26 [Al-Monitor] | 2019-01-25 [Radio Farda; JNS]``.
    """
    if crossrefs.empty:
        return pd.DataFrame(columns=DISCREPANCY_COLUMNS)
    rows = []
    subjects = _subjects(crossrefs)
    for (group_id, field), part in crossrefs.groupby(["group_id", "field"], sort=True):
        part = part[part["value"].astype(str) != ""]
        if field in _IDENTITY_FIELDS or part["value"].nunique() < 2:
            continue
        # Only disagreement between articles counts: a field two articles never both report
        # (a title only one outlet gives) is not a disagreement.
        if part["article_id"].nunique() < 2:
            continue
        listed = []
        for value, by_value in part.groupby("value", sort=True):
            outlets = "; ".join(sorted(set(by_value["outlet"].astype(str))))
            listed.append(f"{value} [{outlets}]")
        rows.append(
            {
                "group_id": group_id,
                "kind": part["kind"].iloc[0],
                "subject": subjects.get(group_id, ""),
                "field": field,
                "n_values": int(part["value"].nunique()),
                "values": " | ".join(listed),
                "articles": "; ".join(sorted(set(part["article_id"].astype(str)))),
            }
        )
    return pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)


def _subjects(crossrefs: pd.DataFrame) -> dict[str, str]:
    subjects: dict[str, str] = {}
    for group_id, part in crossrefs.groupby("group_id", sort=True):
        values = {
            field: sorted(set(part.loc[part["field"] == field, "value"].astype(str)) - {""})
            for field in ("speaker", "event_type", "actors")
        }
        holders = sorted(set(part.loc[part["field"] == "title_holder", "value"].astype(str)))
        if holders:
            subjects[group_id] = f"title given to {holders[-1]} / {' / '.join(holders[:-1])}"
        elif values["speaker"]:
            subjects[group_id] = f"statement by {values['speaker'][0]}"
        else:
            actors = "; ".join(values["actors"])
            subjects[group_id] = f"{'/'.join(values['event_type'])}: {actors}"
    return subjects


def _stems(title: str) -> frozenset[str]:
    # Five-letter stems so "Syrian"/"Syria" and "adviser"/"advisers" compare equal.
    return frozenset(w[:5] for w in _title_key(title))


# A conflict lists at most this many mentions supporting the other holder (actor list first,
# then articles in id order): a title repeated by thousands of articles is not listed whole.
MAX_SUPPORT = 8


def title_conflicts(
    texts: Mapping[str, str] | None,
    articles: pd.DataFrame,
    *,
    claims: Claims | None = None,
) -> pd.DataFrame:
    """Titles an outlet gives a person that fit someone else better, in crossrefs.csv form.

    A title ("Putin's adviser for Syrian affairs" for Sergei Vershinin) conflicts when another
    person's titles - in the actor list or as other articles write them - share more of its
    words (at least two) than the named person's own. Each conflict is a group (``t001``...)
    whose members are the conflicting mention and the mentions or list entry supporting the
    other holder (at most MAX_SUPPORT); fields ``title`` and ``title_holder``. ``claims``
    (article_id -> ``article_title_claims``) may replace the texts.

    Titles are compared as sets of word stems, each distinct set once: the work grows with the
    mentions and the distinct titles, not with pairs of mentions.
    """
    with no_cycle_collection():
        return _title_conflicts(texts, articles, claims)


def _title_conflicts(
    texts: Mapping[str, str] | None, articles: pd.DataFrame, claims: Claims | None
) -> pd.DataFrame:
    outlets = _outlets(articles)
    known_claims = _claims_of(texts, claims)
    given: list[tuple[str, int, str, str]] = []  # article_id, offset, person, title
    for article_id in sorted(known_claims):
        for claim in known_claims[article_id]:
            if claim["title"]:
                given.append((article_id, claim["start"], claim["person"], claim["title"]))
    # (person, stems) -> [(source, title)] in order: actor list first, then articles by id.
    entries: dict[tuple[str, frozenset[str]], list[tuple[str, str]]] = {}
    for actor in all_actors().values():
        if actor.type == "person":
            for title in (actor.role, *actor.titles):
                if title:
                    entries.setdefault((actor.name, _stems(title)), []).append(
                        ("actors.csv", title)
                    )
    stems_of: dict[str, frozenset[str]] = {}
    for article_id, _start, name, title in given:
        if title not in stems_of:
            stems_of[title] = _stems(title)
        entries.setdefault((name, stems_of[title]), []).append((article_id, title))
    # (person, stems) -> up to two distinct sources: enough to know one is another article.
    sources = {key: _first_sources(found) for key, found in entries.items()}
    by_person: dict[str, list[frozenset[str]]] = {}
    by_stem: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for person, stems in entries:
        by_person.setdefault(person, []).append(stems)
        for stem in stems:
            by_stem.setdefault(stem, []).append((person, stems))

    best_cache: dict[tuple[str, frozenset[str]], tuple[int, str, list[frozenset[str]]]] = {}

    def best_other(name: str, stems: frozenset[str]) -> tuple[int, str, list[frozenset[str]]]:
        """(score, person, their matching stem sets): the other person the title fits best."""
        key = (name, stems)
        if key not in best_cache:
            shared: dict[tuple[str, frozenset[str]], int] = {}
            for stem in stems:
                for entry in by_stem.get(stem, ()):
                    if entry[0] != name:
                        shared[entry] = shared.get(entry, 0) + 1
            per_person: dict[str, int] = {}
            for (person, _), n in shared.items():
                if n >= 2:
                    per_person[person] = max(per_person.get(person, 0), n)
            best, holder = 0, ""
            for person in sorted(per_person):  # ties: the first name in order, as listed
                if per_person[person] > best:
                    best, holder = per_person[person], person
            matching = [s for s in by_person.get(holder, []) if shared.get((holder, s), 0) >= 2]
            best_cache[key] = (best, holder, matching)
        return best_cache[key]

    own_cache: dict[tuple[str, frozenset[str]], list[tuple[int, set[str]]]] = {}

    def own_scores(name: str, stems: frozenset[str]) -> list[tuple[int, set[str]]]:
        """(shared stems, up to two sources) of the person's own titles, best first."""
        key = (name, stems)
        if key not in own_cache:
            scored = [(len(stems & s), set(sources[(name, s)])) for s in by_person.get(name, [])]
            own_cache[key] = sorted(scored, key=lambda item: -item[0])
        return own_cache[key]

    sorted_cache: dict[tuple[str, frozenset[str]], list[tuple[str, str]]] = {}

    def sorted_entries(person: str, stems: frozenset[str]) -> list[tuple[str, str]]:
        key = (person, stems)
        if key not in sorted_cache:
            sorted_cache[key] = sorted(entries[key], key=_support_order)
        return sorted_cache[key]

    rows: list[dict] = []
    n = 0
    for article_id, start, name, title in given:
        stems = stems_of[title]
        own = next((n for n, src in own_scores(name, stems) if src - {article_id}), 0)
        best, holder, matching = best_other(name, stems)
        # Conflict only when the title fits another person and hardly the named one
        # ("Russian Deputy Foreign Minister" fits two deputies: no conflict).
        if best < 2 or own >= 2 or best <= own:
            continue
        # The first MAX_SUPPORT of all matching entries sorted (stably): each entry list sorted
        # once, then merged (``heapq.merge`` keeps the order of equal items across lists).
        support = list(
            islice(
                merge(*(sorted_entries(holder, s) for s in matching), key=_support_order),
                MAX_SUPPORT,
            )
        )
        n += 1
        group_id = f"t{n:03d}"
        members = [(f"{article_id}@{start}", article_id, name, title)] + [
            (f"{src}:{holder}", src if src != "actors.csv" else "", holder, t)
            for src, t in support[:MAX_SUPPORT]
        ]
        for member_id, member_article, person, member_title in members:
            base = {
                "group_id": group_id,
                "kind": "title",
                "member_id": member_id,
                "article_id": member_article,
                "outlet": outlets.get(member_article, "actor list"),
            }
            rows.append({**base, "field": "title", "value": member_title})
            rows.append({**base, "field": "title_holder", "value": person})
    # str columns even with no rows: an object column would make pd.concat with a full
    # crossrefs table turn its every string into a Python object (+580 MiB at 10,000 articles)
    return pd.DataFrame(rows, columns=CROSSREF_COLUMNS, dtype=_string_dtype())


def _support_order(item: tuple[str, str]) -> tuple[bool, str]:
    """The actor list first, then articles in id order."""
    return item[0] != "actors.csv", item[0]


def _first_sources(found: list[tuple[str, str]]) -> list[str]:
    first: list[str] = []
    for src, _ in found:
        if src not in first:
            first.append(src)
            if len(first) == 2:
                break
    return first


def _person_titles_at(
    flat: str, mentions: Sequence[ActorMention]
) -> list[tuple[str, str, str, int, int]]:
    """(name, spelling, title, start, end) of every person among ``mentions`` of ``flat``
    (the text with every white-space character a space)."""
    found = []
    previous_end = 0
    for mention in mentions:
        if mention.type == "person":
            title = " ".join(_title_of(flat, mention, previous_end).split())
            surface = " ".join(mention.surface.split())
            found.append((mention.name, surface, title, mention.start, mention.end))
            # A possessive name is part of the next title ("Putin's adviser for Syrian affairs").
            if not flat.startswith(("'", "’"), mention.end):
                previous_end = mention.end
    return found


_WHITESPACE = re.compile(r"\s")

# Claims from the mentions the per-article step already has. ``article_title_claims`` reads the
# raw text (every white-space character a space: "raw" below) without a date; the per-article
# step has scanned the article's ``flat`` (raw with boilerplate and invisible characters blanked)
# with the article's date. The two scans can differ only where the texts differ or on a title
# whose holder the date changes, and only locally: no listed form, institution tail or
# name-after-title test reads past a "stop" character (a comma, a quote mark: one that no form
# contains), so a stretch between two stops that raw and flat share is scanned alike by both.
# Only the stretches holding a difference are scanned again.
_CODE_LIMIT = 0x3001  # no white-space character lies above U+3000
_IS_SPACE, _IS_STOP = 1, 2  # classes of code points (``_classes``); 0: any other
# Digits and punctuation; those some form contains are left out (see ``_classes``).
_STOP_CANDIDATES = '0123456789,;:!?()[]{}<>"“”‘«»/\\|*+=%$#@&~^`•·€£§°—–…'


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@cache
def _classes() -> np.ndarray:
    """Code point (up to _CODE_LIMIT; above: the last entry, 0) -> _IS_SPACE, _IS_STOP or 0.

    A stop is a character no scan of ``find_actor_mentions`` reads past: the scans consume
    white space, apostrophes and the characters of the listed forms (which their patterns
    hold escaped), and test only the first character after a title.
    """
    index = _index()
    read = index.name_regex.pattern
    if index.institution_tail is not None:
        read += index.institution_tail.pattern
    table = np.zeros(_CODE_LIMIT + 1, dtype=np.uint8)
    table[[ord(c) for c in _STOP_CANDIDATES if re.escape(c) not in read]] = _IS_STOP
    table[[c for c in range(_CODE_LIMIT) if chr(c).isspace()]] = _IS_SPACE
    return table


def _raw_text_mentions(
    article: Article, mentions: Sequence[ActorMention]
) -> tuple[str, list[ActorMention]]:
    """The raw text and ``find_actor_mentions`` of it, from the article's own mentions."""
    raw_codes = _codes(article.text).copy()
    classes = np.take(_classes(), raw_codes, mode="clip")
    raw_codes[classes == _IS_SPACE] = 32
    raw = raw_codes.tobytes().decode("utf-32-le", "surrogatepass")
    flat_codes = _codes(article.flat)
    if flat_codes.size != raw_codes.size:  # not the article's flat text: read it all
        return raw, find_actor_mentions(raw)
    differs = raw_codes != flat_codes
    marked = np.flatnonzero(differs)
    if article.published is not None:
        dated = _date_bound_offsets(raw, mentions, article.published)
        if dated:
            marked = np.concatenate((marked, dated))
    if not marked.size:
        return raw, list(mentions)
    # Stretch j runs from just past stop j-1 to just past stop j; scan again the marked ones,
    # neighbours merged.
    stops = np.concatenate(([-1], np.flatnonzero((classes == _IS_STOP) & ~differs), [len(raw) - 1]))
    marked = np.sort(marked)
    stretch = np.unique(np.searchsorted(stops, marked))  # stretch j: stops[j-1] + 1 to stops[j] + 1
    starts, ends = stops[stretch - 1] + 1, stops[stretch] + 1
    apart = np.flatnonzero(starts[1:] != ends[:-1]) + 1
    starts = starts[np.concatenate(([0], apart))]
    ends = ends[np.concatenate((apart - 1, [len(ends) - 1]))]
    # Narrower still: from the last word boundary before the first marked character to the
    # first one after the last (see ``_may_cut``).
    firsts = marked[np.searchsorted(marked, starts)].tolist()
    lasts = marked[np.searchsorted(marked, ends) - 1].tolist()
    zones = [
        (_cut_before(raw, start, first), _cut_after(raw, last + 1, end))
        for start, end, first, last in zip(
            starts.tolist(), ends.tolist(), firsts, lasts, strict=True
        )
    ]
    starts = [m.start for m in mentions]
    found: list[ActorMention] = []
    i = 0
    for start, end in zones:
        found += mentions[i : bisect_left(starts, start)]
        found += find_actor_mentions(raw, start, end)
        i = bisect_left(starts, end)
    found += mentions[i:]
    return raw, found


@cache
def _form_words() -> frozenset[str]:
    """Every word of every form the actor scan reads (aliases, titles, institution heads)."""
    index = _index()
    forms = set(index.by_alias)
    forms |= {
        form
        for actor in index.actors.values()
        for title in actor.titles
        for form in _capitalisations(_unify(title))
    }
    speakers = read_reference_yaml("statement_speakers.yaml") or {}
    forms |= {_unify(head) for head in speakers.get("institution_heads") or []}
    return frozenset(word for form in forms for word in form.split(" "))


def _may_cut(word: str) -> bool:
    """Whether the actor scan never reads on past ``word`` and the space after it.

    A form read on past the space only if a word of it (from the start of the word or after a
    character that is no letter or digit) ended there; an institution ("Iran's Foreign
    Ministry") or a name after a title is read on only after a country or a title, which end
    with such a word too, or after a possessive.
    """
    words = _form_words()
    if word.isalnum():  # the common case: a plain word
        return word not in words
    word = word.replace("’", "'")
    if word.endswith("'s"):
        return False
    return word not in words and not any(
        word[k:] in words for k in range(1, len(word)) if not word[k - 1].isalnum()
    )


_MOST_WORDS_TRIED = 8


def _cut_before(raw: str, floor: int, at: int) -> int:
    """The last place in ``(floor, at]`` just past a word and a space where the scan may start
    afresh (``_may_cut``), else ``floor``."""
    space = raw.rfind(" ", floor, at)
    for _ in range(_MOST_WORDS_TRIED):
        if space <= floor:
            break
        # From floor on at most: the stop before it ends any form reading into the word.
        start = max(raw.rfind(" ", floor, space) + 1, floor)
        if start < space and _may_cut(raw[start:space]):
            return space + 1
        space = start - 1
    return floor


def _cut_after(raw: str, at: int, ceiling: int) -> int:
    """The first place in ``[at, ceiling)`` just past a whole word from ``at`` on and a space
    where the scan may stop (``_may_cut``), else ``ceiling``."""
    start = at if at == 0 or raw[at - 1] == " " else raw.find(" ", at, ceiling) + 1
    for _ in range(_MOST_WORDS_TRIED):
        if start <= 0:
            break
        space = raw.find(" ", start, ceiling)
        if space < 0:
            break
        if start < space and _may_cut(raw[start:space]):
            return space + 1
        start = space + 1
    return ceiling


@dataclass(frozen=True, slots=True)
class _DateBound:
    """Titles whose holder on one day is not their holder without a date."""

    resolved: frozenset[str]  # folded titles the day resolves (the article's mentions show them)
    holders: frozenset[str]  # the actor ids it resolves them to
    hidden: tuple[tuple[str, ...], ...]  # the other titles: each form's words, longest first


@lru_cache(maxsize=4096)  # one entry per publication date
def _date_bound(day: date) -> _DateBound:
    index = _index()
    resolved, holders, hidden = set(), set(), set()
    for key in index.by_title:
        on_day, undated = resolve_title(key, day), resolve_title(key, None)
        if on_day is not None and on_day != undated and _fold(key) == key:
            resolved.add(key)
            holders.add(on_day.actor_id)
        elif on_day != undated or _fold(key) != key:
            hidden.add(key)
    words = {
        tuple(sorted(set(re.split(r"[ ']+", form)) - {""}, key=len, reverse=True))
        for actor in index.actors.values()
        for title in actor.titles
        for form in _capitalisations(_unify(title))
        if _fold(form) in hidden
    }
    return _DateBound(frozenset(resolved), frozenset(holders), tuple(sorted(words)))


def _date_bound_offsets(raw: str, mentions: Sequence[ActorMention], day: date) -> list[int]:
    """An offset inside every title in ``raw`` whose holder the article's date changes.

    A title the day resolves is among the article's mentions; one it leaves open is not, and
    is looked for by its words as written (the scan reads them so, between spaces and
    apostrophes): all present, then at every place of the longest one.
    """
    bound = _date_bound(day)
    offsets = [
        m.start
        for m in mentions
        if m.actor_id in bound.holders and _fold(m.surface) in bound.resolved
    ]
    for words in bound.hidden:
        if words and all(word in raw for word in words):
            at = raw.find(words[0])
            while at >= 0:
                offsets.append(at)
                at = raw.find(words[0], at + 1)
    return offsets


_SPLIT_BEFORE = re.compile(r"\band\b|[.!?:]\s")
_AND = re.compile(r"\band\b")
# The words up to the name (at most 8), read backwards from it: as the forward pattern
# ``(?:[\w'’-]+\s+){1,8}$`` would find them, without trying every start.
_TITLE_BEFORE_REVERSED = re.compile(r"(?:\s+[\w'’-]+){1,8}")
_LEADING_LOWER = re.compile(r"^(?:[a-z0-9]+\s+)+")
_LEADING_ARTICLE = re.compile(r"^(?:the|and|a)\s+", re.IGNORECASE)
# ``_ROLE`` on ASCII text, lower-cased first: a case-sensitive pattern is searched much faster.
_ROLE_LOWER = re.compile(_ROLE.pattern.lower())


def _has_role(text: str) -> bool:
    if text.isascii():
        return _ROLE_LOWER.search(text.lower()) is not None
    return _ROLE.search(text) is not None


def _title_of(flat: str, mention: ActorMention, previous_end: int = 0) -> str:
    """The title written around a person's name; never reaching back past another person.

    The title before the name starts after the last "and" or sentence break ("X and Syrian
    President Bashar Assad"). An appositive (", title,") needs a comma before the name; the
    words up to the name hold no sentence break, so only an "and" among them can cut them.
    """
    title = ""
    before = flat[max(0, mention.start - 90, previous_end) : mention.start]
    if before.rstrip().endswith(","):
        match = _APPOSITIVE_BEFORE.search(_SPLIT_BEFORE.split(before)[-1])
        if match and _has_role(match.group("title")):
            title = match.group("title").strip()
    if not title:
        match = _TITLE_BEFORE_REVERSED.match(before[::-1])
        words = before[len(before) - match.end() :] if match else ""
        if "and" in words:
            words = _AND.split(words)[-1]
        if words and _has_role(words):
            title = _LEADING_LOWER.sub("", words.strip())
    if not title and flat.startswith(",", mention.end):
        match = _APPOSITIVE_AFTER.match(flat, mention.end)
        if match and _has_role(match.group("title")):
            title = match.group("title").strip()
    return _LEADING_ARTICLE.sub("", title)
