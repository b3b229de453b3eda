"""Find actors (people, institutions, media, countries, groups) named in text.

The knowledge lives in ``data/actors.csv`` (one row per actor with its aliases and the titles
that name it without a name) and ``data/statement_speakers.yaml`` (institution heads such as
"Foreign Ministry", so "the Turkish Foreign Ministry" is found although only Turkey is listed).
Everything is compiled once, at first use, into a few regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

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
    # Tried right after a country mention: "Turkish| Foreign Ministry", "Iraq|'s parliament".
    institution_tail: re.Pattern[str] | None
    media_heads: frozenset[str]


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    return _SPACE_RUN.sub(" ", text.replace("’", "'")).strip().casefold()


_LOWER_TITLE_WORDS = frozenset({"of", "the", "for", "to", "in"})


def _capitalisations(title: str) -> set[str]:
    """The ways a title is written: as listed, lower case, sentence case, title case."""
    title_case = " ".join(
        w if w in _LOWER_TITLE_WORDS else w[:1].upper() + w[1:] for w in title.split(" ")
    )
    return {title, title.lower(), title[0].upper() + title[1:], title_case}


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
            title_forms |= _capitalisations(_unify(title))
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


def resolve_title(title: str, on: date | None) -> Actor | None:
    """The one actor a title ("the Russian president") named on ``on``; None if ambiguous."""
    index = _index()
    folded = _fold(title)
    if folded.startswith("the "):
        folded = folded[4:]
    candidates = [index.actors[i] for i in index.by_title.get(folded, ())]
    if on is not None:
        candidates = [a for a in candidates if a.active_on(on)]
        # Overlapping open-ended terms: the holder who took office last is the current one.
        if len(candidates) > 1:
            latest = max(a.active_from or date.min for a in candidates)
            candidates = [a for a in candidates if (a.active_from or date.min) == latest]
    return candidates[0] if len(candidates) == 1 else None


def _mention(actor: Actor, start: int, end: int, surface: str) -> ActorMention:
    return ActorMention(
        start=start,
        end=end,
        surface=surface,
        actor_id=actor.actor_id,
        name=actor.name,
        country=actor.country,
        role=actor.role,
        type=actor.type,
    )


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
    for match in index.name_regex.finditer(text, start, end):
        surface = match.group()
        key = _unify(surface)
        actor_id = index.by_alias.get(key)
        if actor_id is None and _fold(surface) in index.by_title:
            if _NAME_AFTER_TITLE.match(text, match.end()):
                # "Iranian President Hassan Rouhani": the name that follows speaks; keep the
                # country the title opens with, if any.
                inner = _shorter_alias(text, match, index)
                if inner is None:
                    continue
                surface, match = inner.group(), inner
                actor_id = index.by_alias.get(_unify(surface))
            else:
                actor = resolve_title(surface, published)
                if actor is not None:
                    found.append(_mention(actor, match.start(), match.end(), surface))
                    continue
                # Unresolved title ("Iranian foreign ministry spokesman" in an undated text):
                # keep the longest alias it opens with.
                inner = _shorter_alias(text, match, index)
                if inner is None:
                    continue
                surface, match = inner.group(), inner
                actor_id = index.by_alias.get(_unify(surface))
        if actor_id is None:
            actor_id = index.by_alias_folded.get(_fold(surface))
        if actor_id is None:
            continue
        actor = index.actors[actor_id]
        if actor.type == "country" and index.institution_tail is not None:
            tail = index.institution_tail.match(text, match.end(), end)
            if tail is not None:
                found.append(_institution(actor, text, match.start(), tail, index))
                continue
        found.append(_mention(actor, match.start(), match.end(), surface))
    return found


def _shorter_alias(text: str, match: re.Match[str], index: _Index) -> re.Match[str] | None:
    """The longest listed alias starting where ``match`` starts but ending before it."""
    endpos = match.end() - 1
    while endpos > match.start():
        inner = index.name_regex.match(text, match.start(), endpos)
        if inner is None:
            return None
        if _unify(inner.group()) in index.by_alias:
            return inner
        endpos = inner.end() - 1
    return None


def _institution(
    country_actor: Actor, text: str, start: int, tail: re.Match[str], index: _Index
) -> ActorMention:
    """A country followed by an institution head: "Turkish Defence Ministry"."""
    head = tail.group("head")
    head_name = " ".join(w if w[0].isupper() else w.capitalize() for w in head.split())
    return ActorMention(
        start=start,
        end=tail.end(),
        surface=text[start : tail.end()],
        actor_id=f"{country_actor.actor_id}:{'_'.join(_fold(head).split())}",
        name=f"{head_name} of {country_actor.name}",
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
