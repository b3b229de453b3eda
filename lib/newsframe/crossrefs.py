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

import re
from collections.abc import Mapping
from datetime import date

import pandas as pd

from newsframe.actors import ActorMention, all_actors, find_actor_mentions
from newsframe.reference import read_reference_yaml
from newsframe.tables import COLUMNS

__all__ = [
    "CROSSREF_COLUMNS",
    "DISCREPANCY_COLUMNS",
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
_TITLE_BEFORE = re.compile(r"(?P<title>(?:[\w'’-]+\s+){1,8})$")
_APPOSITIVE_BEFORE = re.compile(r"(?:^|[,;(]|\band\b)\s*(?P<title>[^,;()]{3,80}?),\s*$")
_APPOSITIVE_AFTER = re.compile(r",\s*(?P<title>[^,;()]{3,80}?)\s*[,;.)]")
_SPAN_BEFORE = 250  # attribution ("Ryabkov told CNN that ...") sits before the content span
_SPAN_AFTER = 120


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(str(text).lower()) if w not in _STOP)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if len(a) < 3 or len(b) < 3:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value and str(value) != "nan" else None
    except ValueError:
        return None


def _close(a: date | None, b: date | None, window: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= window


class _Groups:
    """Union-find over row positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            groups.setdefault(self.find(i), []).append(i)
        return sorted(groups.values())


def _statement_groups(statements: pd.DataFrame) -> list[list[int]]:
    rows = statements.reset_index(drop=True)
    words = [_content_words(q) for q in rows.get("quote", pd.Series([""] * len(rows)))]
    speaker = [
        str(sid) if str(sid or "") not in ("", "nan") else str(name)
        for sid, name in zip(rows["speaker_id"], rows["speaker"], strict=True)
    ]
    said = [_day(v) for v in rows.get("said_on", pd.Series([""] * len(rows)))]
    topic = [str(v or "") for v in rows.get("topic", pd.Series([""] * len(rows)))]
    channel = [str(v or "").lower() for v in rows.get("channel", pd.Series([""] * len(rows)))]
    articles = rows["article_id"].astype(str).tolist()
    groups = _Groups(len(rows))
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if articles[i] == articles[j] or speaker[i] != speaker[j] or not speaker[i]:
                continue
            same_words = _overlap(words[i], words[j]) >= QUOTE_OVERLAP
            same_occasion = (
                topic[i]
                and topic[i] == topic[j]
                and channel[i]
                and channel[i] == channel[j]
                and said[i] is not None
                and said[j] is not None
                and _close(said[i], said[j], STATEMENT_WINDOW_DAYS)
            )
            if same_words or same_occasion:
                groups.union(i, j)
    return [g for g in groups.members() if len({articles[i] for i in g}) > 1]


def _event_groups(events: pd.DataFrame) -> list[list[int]]:
    rows = events.reset_index(drop=True)
    pairs = [
        frozenset(x for x in (str(a or ""), str(b or "")) if x and x != "nan")
        for a, b in zip(rows["actor1"], rows["actor2"], strict=True)
    ]
    days = [_day(v) for v in rows["date"]]
    types = rows["event_type"].astype(str).tolist()
    articles = rows["article_id"].astype(str).tolist()
    groups = _Groups(len(rows))
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if articles[i] == articles[j] or types[i] != types[j]:
                continue
            # Both dated and close, same actors (at least two named between them).
            if days[i] is None or days[j] is None or len(pairs[i] | pairs[j]) < 2:
                continue
            if pairs[i] == pairs[j] and _close(days[i], days[j], EVENT_WINDOW_DAYS):
                groups.union(i, j)
    return [g for g in groups.members() if len({articles[i] for i in g}) > 1]


def _outlets(articles: pd.DataFrame) -> dict[str, str]:
    outlets: dict[str, str] = {}
    for row in articles.to_dict("records"):
        name = ""
        for column in ("outlet", "original_outlet"):
            value = row.get(column)
            if isinstance(value, str) and value:
                name = value
                break
        outlets[str(row["article_id"])] = name or str(row["article_id"])
    return outlets


def _title_key(title: str) -> frozenset[str]:
    return frozenset(
        w for w in re.findall(r"[a-z]+", title.lower().replace("’", "'")) if w not in _IGNORE
    )


def _person_titles(text: str, start: int, end: int) -> list[tuple[str, str, str]]:
    """(canonical name, spelling as written, title as written) for people around a span."""
    lo, hi = max(0, start - _SPAN_BEFORE), min(len(text), end + _SPAN_AFTER)
    return [(name, surface, title) for name, surface, title, _ in _person_titles_at(text, lo, hi)]


def _text_fields(text: str, start: int, end: int) -> list[tuple[str, str]]:
    fields = []
    for name, surface, title in _person_titles(text, start, end):
        # Spellings of names only: "Putin's envoy to Syria" is a title, not a spelling.
        if all(word[:1].isupper() for word in surface.replace("-", " ").split()):
            fields.append((f"spelling:{name}", surface))
        if title:
            fields.append((f"title:{name}", title))
    return fields


def cross_reference(
    statements: pd.DataFrame,
    events: pd.DataFrame,
    articles: pd.DataFrame,
    texts: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Groups of the same statement or event across articles, one row per member and field.

    ``texts`` (article_id -> original text) adds the spelling and title each outlet gives the
    people named around a member, and ``title_holder`` rows when members give one title (same
    content words) to different people.
    """
    outlets = _outlets(articles)
    rows: list[dict] = []
    plans = (
        ("statement", "s", statements, STATEMENT_FIELDS, "statement_id", _statement_groups),
        ("event", "e", events, EVENT_FIELDS, "event_id", _event_groups),
    )
    for kind, prefix, table, fields, id_column, grouper in plans:
        if table is None or table.empty:
            continue
        table = table.reset_index(drop=True)
        groups = sorted(grouper(table), key=lambda g: str(table.at[g[0], id_column]))
        for n, group in enumerate(groups, start=1):
            group_id = f"{prefix}{n:03d}"
            group_rows: list[dict] = []
            for i in group:
                record = table.iloc[i]
                article_id = str(record["article_id"])
                base = {
                    "group_id": group_id,
                    "kind": kind,
                    "member_id": str(record[id_column]),
                    "article_id": article_id,
                    "outlet": outlets.get(article_id, article_id),
                }
                values = [(f, _text(record.get(f, ""))) for f in fields if f in record]
                if kind == "event":  # the pair, in either order, is what was grouped on
                    pair = sorted({_text(record.get("actor1")), _text(record.get("actor2"))})
                    values.append(("actors", " & ".join(a for a in pair if a)))
                if texts is not None and article_id in texts:
                    values += _text_fields(
                        texts[article_id], int(record["start"]), int(record["end"])
                    )
                group_rows += [{**base, "field": f, "value": v} for f, v in values]
            rows += group_rows + _title_holders(group_rows)
    table = pd.DataFrame(rows, columns=CROSSREF_COLUMNS)
    return (
        table.drop_duplicates()
        .sort_values(["group_id", "field", "article_id", "member_id", "value"], kind="stable")
        .reset_index(drop=True)
    )


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _title_holders(group_rows: list[dict]) -> list[dict]:
    """Rows ``title_holder:<title>`` -> person when two members give one title to two people."""
    titles = [
        (row, row["field"].split(":", 1)[1], _title_key(row["value"]))
        for row in group_rows
        if row["field"].startswith("title:")
    ]
    extra = []
    for row, person, key in titles:
        for other_row, other_person, other_key in titles:
            if other_person == person or row["article_id"] == other_row["article_id"]:
                continue
            if len(key) >= 2 and len(key & other_key) / len(key | other_key) >= 0.5:
                label = " ".join(sorted(key | other_key))
                for r, p in ((row, person), (other_row, other_person)):
                    extra.append({**r, "field": f"title_holder:{label}", "value": p})
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


def title_conflicts(texts: Mapping[str, str], articles: pd.DataFrame) -> pd.DataFrame:
    """Titles an outlet gives a person that fit someone else better, in crossrefs.csv form.

    A title ("Putin's adviser for Syrian affairs" for Sergei Vershinin) conflicts when another
    person's titles - in the actor list or as other articles write them - share more of its
    words (at least two) than the named person's own. Each conflict is a group (``t001``...)
    whose members are the conflicting mention and the mentions or list entry supporting the
    other holder; fields ``title`` and ``title_holder``.
    """
    outlets = _outlets(articles)
    given: list[tuple[str, int, str, str]] = []  # article_id, offset, person, title
    for article_id in sorted(texts):
        text = texts[article_id]
        for name, _surface, title, start in _titles_in(text):
            given.append((article_id, start, name, title))
    known: dict[str, list[tuple[str, str]]] = {}  # person -> [(source, title)]
    for actor in all_actors().values():
        if actor.type == "person":
            for title in (actor.role, *actor.titles):
                if title:
                    known.setdefault(actor.name, []).append(("actors.csv", title))
    for article_id, _start, name, title in given:
        known.setdefault(name, []).append((article_id, title))

    rows: list[dict] = []
    n = 0
    for article_id, start, name, title in given:
        stems = _stems(title)
        own = max(
            (len(stems & _stems(t)) for src, t in known.get(name, []) if src != article_id),
            default=0,
        )
        best, support = 0, []
        for other, entries in sorted(known.items()):
            if other == name:
                continue
            matching = [(src, t) for src, t in entries if len(stems & _stems(t)) >= 2]
            score = max((len(stems & _stems(t)) for _, t in matching), default=0)
            if score > best:
                best, support = score, [(other, src, t) for src, t in matching]
        # Conflict only when the title fits another person and hardly the named one
        # ("Russian Deputy Foreign Minister" fits two deputies: no conflict).
        if best < 2 or own >= 2 or best <= own:
            continue
        n += 1
        group_id = f"t{n:03d}"
        members = [(f"{article_id}@{start}", article_id, name, title)] + [
            (f"{src}:{other}", src if src != "actors.csv" else "", other, t)
            for other, src, t in support
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
    return pd.DataFrame(rows, columns=CROSSREF_COLUMNS)


def _titles_in(text: str) -> list[tuple[str, str, str, int]]:
    return [
        (name, surface, title, start)
        for name, surface, title, start in _person_titles_at(text, 0, len(text))
        if title
    ]


def _person_titles_at(text: str, lo: int, hi: int) -> list[tuple[str, str, str, int]]:
    flat = re.sub(r"\s+", " ", text)
    found = []
    mentions = find_actor_mentions(flat, max(0, lo - 90), hi)
    previous_end = 0
    for mention in mentions:
        if mention.start >= lo and mention.type == "person":
            title = _title_of(flat, mention, previous_end)
            found.append((mention.name, mention.surface, title, mention.start))
        # A possessive name is part of the next title ("Putin's adviser for Syrian affairs").
        if mention.type == "person" and not flat.startswith(("'", "’"), mention.end):
            previous_end = mention.end
    return found


def _title_of(flat: str, mention: ActorMention, previous_end: int = 0) -> str:
    """The title written around a person's name; never reaching back past another person."""
    title = ""
    before = flat[max(0, mention.start - 90, previous_end) : mention.start]
    # "X and Syrian President Bashar Assad": the title starts after the conjunction.
    before = re.split(r"\band\b|[.!?:]\s", before)[-1]
    for pattern in (_APPOSITIVE_BEFORE, _TITLE_BEFORE):
        match = pattern.search(before)
        if match and _ROLE.search(match.group("title")):
            title = match.group("title").strip()
            if pattern is _TITLE_BEFORE:
                title = re.sub(r"^(?:[a-z0-9]+\s+)+", "", title)
            break
    if not title:
        match = _APPOSITIVE_AFTER.match(flat, mention.end)
        if match and _ROLE.search(match.group("title")):
            title = match.group("title").strip()
    return re.sub(r"^(?:the|and|a)\s+", "", title, flags=re.IGNORECASE)
