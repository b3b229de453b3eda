"""Find actors (people, institutions, media, countries, groups) named in text.

The knowledge lives in ``data/actors.csv`` (one row per actor with its aliases and the titles
that name it without a name) and ``data/statement_speakers.yaml`` (institution heads such as
"Foreign Ministry", so "the Turkish Foreign Ministry" is found although only Turkey is listed).
Everything is compiled once, at first use, into a few regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, fields
from datetime import date
from functools import cache, lru_cache
from itertools import islice
from operator import itemgetter, le, methodcaller

from newsframe.article import Article
from newsframe.reference import read_reference_csv, read_reference_yaml

ACTOR_TYPES = ("person", "institution", "media", "country", "group", "anonymous")


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    type: str
    country: str
    role: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    active_from: date | None
    active_to: date | None

    def active_on(self, day: date) -> bool:
        """Whether the actor's titles applied on ``day``."""
        if self.active_from and day < self.active_from:
            return False
        return not (self.active_to and day > self.active_to)


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    surface: str
    actor_id: str
    name: str
    country: str
    role: str
    type: str  # person | institution | media | country | group | anonymous


def _parse_period_bound(value: str, *, end: bool) -> date | None:
    """'2019' / '2019-09' / '2019-09-10' -> date; a bare year or month covers the whole period."""
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], parts[1], parts[2])


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


_SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # surfaces repeat within and across articles
def _unify(form: str) -> str:
    """Form with one apostrophe and single spaces, so equal forms share one trie path."""
    return _SPACE_RUN.sub(" ", form.replace("’", "'")).strip()


def trie_pattern(forms: list[str]) -> str:
    """One regex alternation for many forms, factored as a prefix tree.

    Python's ``re`` tries alternatives one by one; with hundreds of aliases that costs
    milliseconds per article. Sharing prefixes makes each text position fail after a letter
    or two.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def unit(char: str) -> str:
        if char in "'’":
            return "['’]"
        if char == " ":
            return r"\s+"
        return re.escape(char)

    def render(node: dict) -> str:
        ends = "" in node
        branches = [unit(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy optional tail: the longest form wins, as in a longest-first alternation.
        return f"(?:{body})?" if ends else body

    # Apostrophes and spaces are matched by classes: fold them in the tree too.
    return render(trie)


# Below this many characters (a sentence), one pass of the single pattern costs less than the
# several passes' set-up.
_SHORT_TEXT = 256
_span = re.Match.span
_span_1 = methodcaller("span", 1)


def _disjoint(spans: list[tuple[int, int]]) -> bool:
    """Whether spans sorted by start do not overlap (each ends before the next starts)."""
    return all(map(le, map(itemgetter(1), spans), map(itemgetter(0), islice(spans, 1, None))))


class FormScanner:
    r"""Finds what ``finditer`` of ``(?<![\w<not_after>])(?:<forms>)<tail>`` finds, faster.

    One alternation of many forms is tried at every character of an article, and each try
    costs. Here each pass starts with something the regex engine can skip ahead to: forms that
    start with a capital (or a digit) are sought by their first character, rare in running
    text; lower-case forms only right after a space (a literal the engine finds fast), or
    after another non-word mark ('"', '(', '-', ...), or at the very start. A word start is
    in exactly one of these classes. The lower-case passes only look ahead, so they report
    every word start where a form matches, even inside another match ("defense" in
    "air-defense"); keeping the first of overlapping spans, as finditer does, gives its spans.

    ``render`` turns forms into a prefix-tree alternation (``trie_pattern`` or its like); the
    forms must start with a word character (else the single pattern is used throughout).
    """

    def __init__(
        self,
        forms: list[str],
        render: Callable[[list[str]], str],
        *,
        not_after: str = "",
        tail: str = "",
    ) -> None:
        not_after = re.escape(not_after)
        self.exact = re.compile(rf"(?<![\w{not_after}])(?:{render(forms)}){tail}")
        self._capital: re.Pattern[str] | None = None
        self._after_space: re.Pattern[str] | None = None
        self._after_mark: re.Pattern[str] | None = None
        self._at_start: re.Pattern[str] | None = None
        self._fast = bool(forms) and all(f and (f[0].isalnum() or f[0] == "_") for f in forms)
        if not self._fast:
            return
        capital: dict[str, list[str]] = {}
        for form in forms:
            if not form[0].islower():
                capital.setdefault(form[0], []).append(form[1:])
        if capital:
            # The look-behind after the first character keeps the pattern starting with a
            # plain character, which the engine searches for without trying each position.
            branches = [
                re.escape(first) + rf"(?<![\w{not_after}].)" + render(rests)
                for first, rests in sorted(capital.items())
            ]
            self._capital = re.compile(f"(?:{'|'.join(branches)}){tail}")
        lower = [form for form in forms if form[0].islower()]
        if lower:
            body = f"(?:{render(lower)}){tail}"
            self._after_space = re.compile(f" (?=({body}))")
            self._after_mark = re.compile(rf"([^A-Za-z0-9_ {not_after}])(?=({body}))")
            self._at_start = re.compile(body)

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text[start:end]``, in order, as ``exact`` finds."""
        end = len(text) if end is None else end
        if not self._fast or end - start < _SHORT_TEXT:
            return list(map(_span, self.exact.finditer(text, start, end)))
        found: list[tuple[int, int]] = []
        if self._after_space is not None and self._after_mark is not None:
            if start == 0:
                first = self._at_start.match(text, 0, end) if self._at_start else None
                found += [first.span()] if first else []
            before = max(start - 1, 0)  # the space or mark may stand just before ``start``
            found += map(_span_1, self._after_space.finditer(text, before, end))
            found += [
                m.span(2)
                for m in self._after_mark.finditer(text, before, end)
                if not m.group(1).isalnum()  # a letter outside A-Z ("ş") is no word break
            ]
        capitals = []
        if self._capital is not None:
            capitals = list(map(_span, self._capital.finditer(text, start, end)))
            found += capitals
        found.sort()
        if _disjoint(found):  # the usual case
            return found
        return self._first_of_overlaps(found, capitals, text, end)

    def _first_of_overlaps(
        self,
        found: list[tuple[int, int]],
        capitals: list[tuple[int, int]],
        text: str,
        end: int,
    ) -> list[tuple[int, int]]:
        """From spans sorted by start, each one that starts after the last one kept."""
        kept: list[tuple[int, int]] = []
        last = 0
        capital = set(capitals)
        i = 0
        while i < len(found):
            span = found[i]
            i += 1
            if span[0] >= last:
                kept.append(span)
                last = span[1]
            elif span in capital and span[1] > last and self._capital is not None:
                # A capital match inside a kept one: its pass went on from its end and may
                # have skipped a capital match after the kept one's end. Seek them again.
                again = list(map(_span, self._capital.finditer(text, last, end)))
                found = sorted([s for s in found[i:] if s not in capital] + again)
                capital = set(again)
                i = 0
        return kept


# The lower case of the article being processed: events and frames both scan it.
_LAST_LOWERED: list[tuple[str, str]] = []


def lowered(text: str) -> str:
    """``text.lower()``, computed once per article: the last text's is kept (one entry, so
    nothing is kept across articles)."""
    last = next(iter(_LAST_LOWERED), None)  # one read: safe if threads share the module
    if last is not None and last[0] is text:
        return last[1]
    lower = text.lower()
    _LAST_LOWERED[:] = [(text, lower)]
    return lower


# The letters IGNORECASE pairs with an ASCII letter of another shape ("ı" and "ſ" stay as they
# are under lower(); "İ" grows; the Kelvin sign is excluded too, to be safe).
_FOLDS_TO_ASCII = "İıſK"


def case_free_lower(text: str, lower: str | None = None) -> str | None:
    """``text`` lower-cased (``lower``, when the caller has it) if lower-case patterns find in it
    exactly what the same patterns with IGNORECASE find in ``text`` (for about a third of the
    cost): lower-casing kept every offset, and none of ``_FOLDS_TO_ASCII`` is in the text.
    None otherwise: the caller then runs its IGNORECASE patterns on ``text``."""
    if lower is None:
        lower = text.lower()
    if len(lower) != len(text) or any(char in text for char in _FOLDS_TO_ASCII):
        return None
    return lower


def char_positions(text: str, chars: str) -> list[int]:
    """Ascending offsets of every occurrence of any of ``chars`` in ``text``.

    ``str.find`` of one character runs at memory speed, a regex character class at ~5-10 ns
    a character: for a few rare characters (digits, quotation marks) this is ~10x cheaper.
    """
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only match at one of ``starts``
    (ascending): tried only there, and after a match only from its end, as finditer does."""
    found = []
    resume = 0
    for start in starts:
        if start >= resume:
            match = pattern.match(text, start)
            if match:
                found.append(match)
                resume = match.end()
    return found


def _boundary(body: str) -> str:
    return rf"(?<![\w.]){body}(?![\w])"


@dataclass(frozen=True, slots=True)
class _Index:
    actors: dict[str, Actor]
    by_alias: dict[str, str]  # alias as written (spaces and apostrophes unified) -> actor_id
    by_alias_folded: dict[str, str]  # casefolded alias -> actor_id
    by_title: dict[str, tuple[str, ...]]  # casefolded title -> actor ids
    # One pass finds aliases and titles alike (titles in their usual capitalisations).
    name_regex: re.Pattern[str]
    names: FormScanner  # finds what name_regex finds, faster
    # Tried right after a country mention: "Turkish| Foreign Ministry", "Iraq|'s parliament".
    institution_tail: re.Pattern[str] | None
    media_heads: frozenset[str]


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    return _SPACE_RUN.sub(" ", text.replace("’", "'")).strip().casefold()


_LOWER_TITLE_WORDS = frozenset({"of", "the", "for", "to", "in"})


def _capitalisations(title: str, names: Collection[str] = ()) -> set[str]:
    """The ways a title is written: as listed, lower case, sentence case, title case, and with
    only the ``names`` in it capitalised ("Russia's ambassador in Tehran" for "Russia's
    Ambassador in Tehran")."""
    words = title.split(" ")
    title_case = " ".join(w if w in _LOWER_TITLE_WORDS else w[:1].upper() + w[1:] for w in words)
    names_only = " ".join(w if _POSSESSIVE.sub("", w) in names else w.lower() for w in words)
    forms = {title, title.lower(), title[0].upper() + title[1:], title_case, names_only}
    return forms | {names_only[0].upper() + names_only[1:]}


@cache
def _index() -> _Index:
    actors: dict[str, Actor] = {}
    for row in read_reference_csv("actors.csv"):
        actor = Actor(
            actor_id=row["actor_id"],
            name=row["name"],
            type=row["type"] or "person",
            country=row.get("country", ""),
            role=row.get("role", ""),
            aliases=_split(row.get("aliases", "")),
            titles=_split(row.get("titles", "")),
            active_from=_parse_period_bound(row.get("active_from", ""), end=False),
            active_to=_parse_period_bound(row.get("active_to", ""), end=True),
        )
        actors[actor.actor_id] = actor

    # Surnames are added automatically for people, unless two people share one (then only the
    # listed aliases identify them).
    surname_owners: dict[str, set[str]] = {}
    for actor in actors.values():
        if actor.type == "person" and " " in actor.name:
            surname = actor.name.split()[-1]
            surname_owners.setdefault(surname, set()).add(actor.actor_id)

    by_alias: dict[str, str] = {}
    for actor in actors.values():
        # A name like "the West" is display only; its aliases ("West") find it.
        forms = [actor.name] if not actor.name.startswith("the ") else []
        forms += actor.aliases
        if actor.type == "person" and " " in actor.name:
            surname = actor.name.split()[-1]
            if len(surname_owners[surname]) == 1:
                forms.append(surname)
        for form in forms:
            form = _unify(form)
            # The first actor to claim an alias keeps it: the list is ordered by the analyst.
            by_alias.setdefault(form, actor.actor_id)
            if len(form) >= 4 and form.upper() != form:
                by_alias.setdefault(form.upper(), actor.actor_id)
    by_alias_folded: dict[str, str] = {}
    for alias, actor_id in by_alias.items():
        by_alias_folded.setdefault(_fold(alias), actor_id)

    by_title: dict[str, list[str]] = {}
    title_forms: set[str] = set()
    for actor in actors.values():
        for title in actor.titles:
            owners = by_title.setdefault(_fold(title), [])
            if actor.actor_id not in owners:
                owners.append(actor.actor_id)
            title_forms |= _capitalisations(_unify(title), by_alias)
    forms = sorted(set(by_alias) | title_forms)
    # A look-ahead on the first letters lets the scan skip most positions cheaply.
    firsts = {form[0] for form in forms if form}
    firsts |= {"'", "’"} if firsts & {"'", "’"} else set()
    first_class = "".join(sorted(firsts))
    name_regex = re.compile(
        rf"(?=[{re.escape(first_class)}])" + _boundary(trie_pattern(forms))
        if firsts and not firsts & {" "}
        else _boundary(trie_pattern(forms))
    )
    names = FormScanner(forms, trie_pattern, not_after=".", tail=r"(?![\w])")

    words = read_reference_yaml("statement_speakers.yaml") or {}
    heads = sorted({_unify(h) for h in words.get("institution_heads") or []})
    media_heads = frozenset(_fold(h) for h in heads if _fold(h).split()[0] == "state")
    institution_tail = None
    if heads:
        institution_tail = re.compile(rf"(?:['’]s)?\s+(?P<head>{trie_pattern(heads)})(?![\w])")
    return _Index(
        actors=actors,
        by_alias=by_alias,
        by_alias_folded=by_alias_folded,
        by_title={k: tuple(v) for k, v in by_title.items()},
        name_regex=name_regex,
        names=names,
        institution_tail=institution_tail,
        media_heads=media_heads,
    )


def all_actors() -> dict[str, Actor]:
    """Every listed actor by ``actor_id``."""
    return dict(_index().actors)


def get_actor(actor_id: str) -> Actor | None:
    """The listed actor with this id, or None."""
    return _index().actors.get(actor_id)


def lookup_alias(surface: str) -> Actor | None:
    """The actor a whole surface form names ("Sergey Ryabkov", "Kremlin"), case-insensitively."""
    index = _index()
    actor_id = index.by_alias.get(surface) or index.by_alias_folded.get(_fold(surface))
    return index.actors.get(actor_id) if actor_id else None


_TITLE_SYNONYMS: dict[str, str] = {
    _fold(word): _fold(title)
    for word, title in (
        read_reference_yaml("statement_speakers.yaml").get("title_synonyms") or {}
    ).items()
}


# "top diplomat" -> "foreign minister", also with a country word between ("the top Iranian
# diplomat"): a pattern per synonym, its inner word kept before the title.
_TITLE_SYNONYM_RES = [
    (
        re.compile(r"\b" + r"\s+(\S+\s+)?".join(map(re.escape, word.split(maxsplit=1))) + r"\b"),
        title,
    )
    for word, title in _TITLE_SYNONYMS.items()
]


_COUNTRY_POSSESSIVE = re.compile(r"([a-z][a-z -]*?)'s (.+)")


def resolve_title(title: str, on: date | None) -> Actor | None:
    """The one actor a title ("the Russian president") named on ``on``; None if ambiguous."""
    index = _index()
    folded = _fold(title)
    if folded.startswith("the "):
        folded = folded[4:]
    candidates = [index.actors[i] for i in index.by_title.get(folded, ())]
    owner = _COUNTRY_POSSESSIVE.match(folded) if not candidates else None
    if owner is not None:
        # "Russia's special envoy for Syria" as "Russian special envoy for Syria": a country's
        # first alias is its adjective
        country = lookup_alias(owner.group(1).title())
        if country is not None and country.type == "country" and country.aliases:
            adjective = _fold(country.aliases[0])
            candidates = [
                index.actors[i] for i in index.by_title.get(f"{adjective} {owner.group(2)}", ())
            ]
    if not candidates:
        # "the Iranian top diplomat": the title under the word news uses for it
        for pattern, title_word in _TITLE_SYNONYM_RES:
            synonym = pattern.search(folded)
            if synonym is not None:
                inner = (synonym.group(1) or "") if pattern.groups else ""
                renamed = folded[: synonym.start()] + inner + title_word + folded[synonym.end() :]
                candidates = [index.actors[i] for i in index.by_title.get(renamed, ())]
                break
    if on is not None:
        candidates = [a for a in candidates if a.active_on(on)]
        # Overlapping open-ended terms: the holder who took office last is the current one.
        if len(candidates) > 1:
            latest = max(a.active_from or date.min for a in candidates)
            candidates = [a for a in candidates if (a.active_from or date.min) == latest]
    return candidates[0] if len(candidates) == 1 else None


# A frozen dataclass's __init__ sets each field through object.__setattr__, which costs more
# than finding the mention, and an article has about a hundred. _mention sets the slots
# directly: the same object (equal, same hash, still frozen) in half the time.
_new_mention = object.__new__
_MENTION_FIELDS = ("start", "end", "surface", "actor_id", "name", "country", "role", "type")
if tuple(f.name for f in fields(ActorMention)) != _MENTION_FIELDS:  # a field added: set it too
    raise RuntimeError("ActorMention fields changed: update _mention")
(
    _set_start,
    _set_end,
    _set_surface,
    _set_actor_id,
    _set_name,
    _set_country,
    _set_role,
    _set_type,
) = (getattr(ActorMention, name).__set__ for name in _MENTION_FIELDS)


def _mention(actor: Actor, start: int, end: int, surface: str) -> ActorMention:
    mention = _new_mention(ActorMention)
    _set_start(mention, start)
    _set_end(mention, end)
    _set_surface(mention, surface)
    _set_actor_id(mention, actor.actor_id)
    _set_name(mention, actor.name)
    _set_country(mention, actor.country)
    _set_role(mention, actor.role)
    _set_type(mention, actor.type)
    return mention


_NAME_AFTER_TITLE = re.compile(r"\s+(?:[A-Z][\w'’.-]*|al-|el-)")


def find_actor_mentions(
    article_or_text: Article | str, start: int = 0, end: int | None = None
) -> list[ActorMention]:
    """Listed actors mentioned in ``text[start:end]``, in reading order, non-overlapping.

    Offsets are into the article's original text. The longest form wins where forms overlap
    ("Russian Foreign Ministry" over "Russian"). Titles without a name ("the Russian president")
    are resolved against the article's publication date; a title followed by a name ("Russian
    President Vladimir Putin") leaves the name to speak for itself.
    """
    if isinstance(article_or_text, Article):
        text = article_or_text.flat
        published = article_or_text.published
    else:
        text = article_or_text
        published = None
    end = len(text) if end is None else end
    index = _index()

    found: list[ActorMention] = []
    by_alias = index.by_alias
    for match_start, match_end in index.names.spans(text, start, end):
        surface = text[match_start:match_end]
        # Most surfaces are written as listed; else spaces and apostrophes are unified.
        actor_id = by_alias.get(surface)
        if actor_id is None:
            actor_id = by_alias.get(_unify(surface))
        if actor_id is None and _fold(surface) in index.by_title:
            if not _NAME_AFTER_TITLE.match(text, match_end):
                actor = resolve_title(surface, published)
                if actor is not None:
                    found.append(_mention(actor, match_start, match_end, surface))
                    continue
            # A title followed by a name ("Iranian President Hassan Rouhani": the name speaks),
            # or one the date does not resolve ("Iranian foreign ministry spokesman" in an
            # undated text): keep the longest alias it opens with (a country, if any).
            inner = _shorter_alias(text, match_start, match_end, index)
            if inner is None:
                continue
            match_end = inner
            surface = text[match_start:match_end]
            actor_id = by_alias.get(_unify(surface))
        if actor_id is None:
            actor_id = index.by_alias_folded.get(_fold(surface))
        if actor_id is None:
            continue
        actor = index.actors[actor_id]
        if actor.type == "person" and _inside_longer_name(text, match_start, match_end, actor):
            continue
        if actor.type == "country" and index.institution_tail is not None:
            tail = index.institution_tail.match(text, match_end, end)
            if tail is not None:
                found.append(_institution(actor, text, match_start, tail, index))
                continue
        found.append(_mention(actor, match_start, match_end, surface))
    return found


_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z’'-]+)\b")


def _inside_longer_name(text: str, start: int, end: int, actor: Actor) -> bool:
    """Whether a person's bare surname is part of someone else's longer name: "Bagheri Kani"
    (or "Ali Bagheri Kani") in a text that names "Ali Bagheri Kani" is not Mohammad Bagheri.
    The text must give the longer name with a first name, so a capitalised word after a
    surname ("Putin Says" in a headline) is not read as a name by itself."""
    if end - start != len(actor.name) - actor.name.rfind(" ") - 1:
        return False  # not the bare surname (cheap test first: its length)
    surname = text[start:end]
    if not actor.name.endswith(" " + surname):
        return False
    following = _NEXT_NAME_WORD.match(text, end)
    if following is None:
        return False
    longer = f" {surname} {following.group(1)}"
    at = text.find(longer)
    while at > 0:
        before = text[:at].rsplit(None, 1)[-1] if text[:at].strip() else ""
        if before[:1].isupper() and before.isalpha() and before != actor.name.split()[0]:
            return True
        at = text.find(longer, at + 1)
    return False


def _shorter_alias(text: str, start: int, end: int, index: _Index) -> int | None:
    """End of the longest listed alias starting at ``start`` but ending before ``end``."""
    endpos = end - 1
    while endpos > start:
        inner = index.name_regex.match(text, start, endpos)
        if inner is None:
            return None
        if _unify(inner.group()) in index.by_alias:
            return inner.end()
        endpos = inner.end() - 1
    return None


def _institution(
    country_actor: Actor, text: str, start: int, tail: re.Match[str], index: _Index
) -> ActorMention:
    """A country followed by an institution head: "Turkish Defence Ministry"."""
    head = tail.group("head")
    head_name = " ".join(w if w[0].isupper() else w.capitalize() for w in head.split())
    # Named as the listed institutions are ("Russian Foreign Ministry"): the country's first
    # alias is its adjective ("Turkey's defence ministry" -> "Turkish Defence Ministry").
    adjective = country_actor.aliases[0] if country_actor.aliases else None
    return ActorMention(
        start=start,
        end=tail.end(),
        surface=text[start : tail.end()],
        actor_id=f"{country_actor.actor_id}:{'_'.join(_fold(head).split())}",
        name=f"{adjective} {head_name}" if adjective else f"{head_name} of {country_actor.name}",
        country=country_actor.country,
        role=head_name,
        type="media" if _fold(head) in index.media_heads else "institution",
    )


_POSSESSIVE = re.compile(r"['’]s?$")


def country_of(name_or_surface: str) -> str:
    """ISO 3166 alpha-3 code of the country an actor name or phrase points to; "" if unknown.

    Whole aliases first ("Kremlin" -> RUS, "Sergey Ryabkov" -> RUS); otherwise the first
    actor with a country mentioned inside the phrase ("a senior Iranian official" -> IRN).
    """
    surface = _POSSESSIVE.sub("", name_or_surface.strip())
    if not surface:
        return ""
    actor = lookup_alias(surface)
    if actor is not None and actor.country:
        return actor.country
    for mention in find_actor_mentions(surface):
        if mention.country:
            return mention.country
    return ""
