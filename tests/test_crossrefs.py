"""Cross-outlet groups: the seeds' CNN interview and Vershinin's borrowed title."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from newsframe.actors import find_actor_mentions
from newsframe.crossrefs import (
    CROSSREF_COLUMNS,
    MAX_CANDIDATES,
    MAX_POSTING,
    QUOTE_OVERLAP,
    SAME_WORDING,
    STATEMENT_WINDOW_DAYS,
    StatementGroups,
    _content_words,
    _Groups,
    _join_close_dates,
    _join_same_words,
    _most_shared,
    _statement_groups,
    article_title_claims,
    cross_reference,
    cross_reference_parts,
    discrepancies,
    title_conflicts,
)
from newsframe.pipeline import read_article
from newsframe.tables import SORT_KEYS, to_frame

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTLETS = {"000": "JPost", "001": "Al-Monitor", "002": "Radio Farda", "003": "Iran Project",
           "004": "JNS"}  # fmt: skip


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(OUTLETS), "outlet": list(OUTLETS.values())})


def _statement(texts, sid, article_id, quote, said_on, speaker="Sergei Ryabkov") -> dict:
    flat = re.sub(r"\s", " ", texts[article_id])
    match = re.search(r"\s+".join(map(re.escape, quote.split())), flat)
    assert match, quote
    return {
        "statement_id": sid, "article_id": article_id, "sentence_id": 0,
        "start": match.start(), "end": match.end(), "kind": "direct", "speaker": speaker,
        "speaker_id": speaker.split()[-1].lower(), "speaker_role": "Deputy Foreign Minister",
        "channel": "CNN", "quote": quote, "said_on": said_on, "said_on_precision": "day",
        "topic": "russia_iran_alliance",
    }  # fmt: skip


@pytest.fixture(scope="module")
def statements(texts) -> pd.DataFrame:
    # As the statements extractor reports the seeds' CNN interview (written by hand here).
    return pd.DataFrame(
        [
            _statement(texts, "001-s1", "001", "in no way underestimate the importance of "
                       "measures that would ensure very strong security of the state of Israel.",
                       "2019-01-26"),
            _statement(texts, "002-s1", "002", "We in no way underestimate the importance of "
                       "measures that would ensure very strong security of the state of Israel.",
                       "2019-01-25"),
            _statement(texts, "004-s1", "004", "We in no way underestimate the importance of "
                       "security measures that would ensure very strong security of the State "
                       "of Israel.", "2018-01-25"),
            _statement(texts, "003-s1", "003", "will go on, as for the settlement of the crisis "
                       "in Syria.", "2018-06-09", speaker="Vladimir Putin"),
        ]
    )  # fmt: skip


def test_cnn_interview_is_one_group_disagreeing_on_date_and_wording(
    statements, articles, texts
) -> None:
    events = pd.DataFrame(columns=["event_id", "article_id", "event_type", "actor1", "actor2",
                                   "date", "start", "end"])  # fmt: skip
    crossrefs = cross_reference(statements, events, articles, texts)
    assert list(crossrefs.columns) == CROSSREF_COLUMNS
    assert set(crossrefs["group_id"]) == {"s001"}  # Putin's unrelated quote is in no group
    assert set(crossrefs["member_id"]) == {"001-s1", "002-s1", "004-s1"}
    table = discrepancies(crossrefs)
    said_on = table[table["field"] == "said_on"].iloc[0]
    assert said_on["n_values"] == 3
    assert "2019-01-26 [Al-Monitor]" in said_on["values"]
    assert "2018-01-25 [JNS]" in said_on["values"]
    assert "quote" in set(table["field"])
    assert "channel" not in set(table["field"])  # all say CNN: not a discrepancy
    spelling = crossrefs[crossrefs["field"] == "spelling:Sergei Ryabkov"]
    assert "Sergey Ryabkov" in set(spelling["value"])  # Al-Monitor's spelling is recorded


def test_title_given_to_the_wrong_person_is_surfaced(texts, articles) -> None:
    table = discrepancies(title_conflicts(texts, articles))
    holders = table[table["field"] == "title_holder"]
    assert len(holders) == 1
    values = holders.iloc[0]["values"]
    assert "Sergei Vershinin [JNS]" in values and "Alexander Lavrentiev" in values
    titles = table[table["field"] == "title"].iloc[0]["values"]
    assert "adviser for Syrian affairs [JNS]" in titles


def test_events_group_by_type_actors_and_close_dates(articles) -> None:
    base = {"sentence_id": 0, "start": 0, "end": 1, "date_precision": "day",
            "date_expression": "", "date_basis": "explicit", "location": ""}  # fmt: skip
    events = pd.DataFrame(
        [
            {**base, "event_id": "002-e1", "article_id": "002", "event_type": "FIGHT",
             "actor1": "Israel", "actor2": "Iran", "date": "2019-01-20"},
            {**base, "event_id": "004-e1", "article_id": "004", "event_type": "FIGHT",
             "actor1": "Israel", "actor2": "Iran", "date": "2019-01-21", "location": "Syria"},
            {**base, "event_id": "000-e1", "article_id": "000", "event_type": "FIGHT",
             "actor1": "Israel", "actor2": "Iran", "date": "2018-05-10"},
        ]
    )  # fmt: skip
    crossrefs = cross_reference(pd.DataFrame(), events, articles)
    assert set(crossrefs["member_id"]) == {"002-e1", "004-e1"}  # May 2018 is another strike
    fields = set(discrepancies(crossrefs)["field"])
    assert fields == {"date"}  # location given by one outlet only is not a disagreement


def test_claims_made_per_article_give_the_same_tables_as_the_texts(
    statements, articles, texts
) -> None:
    # What build.py's per-article step can carry instead of the whole corpus's texts.
    claims = {article_id: article_title_claims(text) for article_id, text in texts.items()}
    events = pd.DataFrame(columns=["event_id", "article_id", "event_type", "actor1", "actor2",
                                   "date", "start", "end"])  # fmt: skip
    by_text = cross_reference(statements, events, articles, texts)
    by_claims = cross_reference(statements, events, articles, claims=claims)
    pd.testing.assert_frame_equal(by_text, by_claims)
    conflicts = title_conflicts(None, articles, claims=claims)
    pd.testing.assert_frame_equal(conflicts, title_conflicts(texts, articles))
    jns = [c for c in claims["004"] if c["person"] == "Sergei Vershinin" and c["title"]]
    assert any(texts["004"][c["start"] : c["end"]] == c["surface"] for c in jns)


# Dates around the terms in the actor list: each makes other titles ("the US president",
# "the Russian president") resolve with the article's date than without one.
CLAIM_DATES = [None, date(1999, 6, 1), date(2005, 6, 1), date(2013, 9, 1), date(2019, 1, 26),
               date(2021, 6, 1), date(2025, 6, 1)]  # fmt: skip
# Pieces that make an article's flat text differ from its raw text, or its scan from a raw one.
CLAIM_NOISE = ["\u200b", "\ufeff", "\t", "\u00a0", ",", ";", "“", "/", "—", "(", "7", "\n",
               "\n\n", " and ", ": ", "Related: ", "Advertisement", "Share this article\n\n",
               "the US president", "US President", "the Iranian president", "Russian president",
               "the Israeli defense minister", "Foreign Minister", "’s", ", the ", "Putin",
               "Russian Deputy Foreign Minister ", "Lavrov",
               "\n\nRead more: Trump\n\n"]  # fmt: skip


def _claims_both_ways(text: str, published: date | None) -> tuple[list[dict], list[dict]]:
    article, _ = read_article(text, published=published)
    shared = article_title_claims(text, article=article, mentions=find_actor_mentions(article))
    return article_title_claims(text), shared


@pytest.mark.parametrize("published", CLAIM_DATES)
def test_claims_from_the_article_mentions_equal_claims_from_the_text(texts, published) -> None:
    for text in texts.values():
        alone, shared = _claims_both_ways(text, published)
        assert shared == alone


@pytest.mark.parametrize("seed", range(40))
def test_claims_from_the_article_mentions_equal_claims_from_noisy_texts(texts, seed) -> None:
    rng = random.Random(seed)
    pieces = list(rng.choice(list(texts.values())))
    for _ in range(rng.randint(1, 60)):
        at = rng.randrange(len(pieces))
        if rng.random() < 0.3:
            del pieces[at : at + rng.randint(1, 30)]
        else:
            pieces.insert(at, rng.choice(CLAIM_NOISE))
    alone, shared = _claims_both_ways("".join(pieces), rng.choice(CLAIM_DATES))
    assert shared == alone


def test_claims_of_a_title_the_date_leaves_open() -> None:
    # Without a date "the Russian president" is Putin; in 1999 it names no listed holder.
    text = "Boilerplate line\n\nThe talks went on, the Russian president said. Lavrov agreed."
    alone, shared = _claims_both_ways(text, date(1999, 6, 1))
    assert shared == alone
    assert any(c["surface"] == "Russian president" for c in alone)


def _pairwise_components(days, articles, window) -> set[frozenset[int]]:
    """The reference: every pair compared (what _join_close_dates must equal)."""
    groups = _Groups(len(days))
    for i in range(len(days)):
        for j in range(i + 1, len(days)):
            if articles[i] != articles[j] and abs((days[i] - days[j]).days) <= window:
                groups.union(i, j)
    return {frozenset(g) for g in groups.members()}


@pytest.mark.parametrize("seed", range(30))
def test_blocked_date_joining_equals_comparing_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 40)
    days = [date(2019, 1, 1) + timedelta(days=rng.randint(0, 20)) for _ in range(n)]
    articles = [rng.choice("abcd") for _ in range(n)]
    groups = _Groups(n)
    _join_close_dates(groups, list(range(n)), days, articles, 3)
    assert {frozenset(g) for g in groups.members()} == _pairwise_components(days, articles, 3)


def test_many_reports_of_one_statement_are_one_group_without_pairwise_work() -> None:
    n = 3000  # one statement copied by 3,000 articles, each wording a little different
    rows = [
        {"statement_id": f"{i}-s1", "article_id": str(i), "speaker": "Sergei Ryabkov",
         "speaker_id": "ryabkov", "topic": "", "channel": "", "said_on": "",
         "quote": "We in no way underestimate the importance of measures that would ensure "
                  f"very strong security of the state of Israel variant{i % 7}",
         "start": 0, "end": 1}
        for i in range(n)
    ] + [
        {"statement_id": "x-s1", "article_id": "x", "speaker": "Sergei Ryabkov",
         "speaker_id": "ryabkov", "topic": "", "channel": "", "said_on": "",
         "quote": "Russia and Iran are not allies in Syria at all", "start": 0, "end": 1}
    ]  # fmt: skip
    groups = _statement_groups(pd.DataFrame(rows))
    assert [len(g) for g in groups] == [n]  # the unrelated quote is in no group


def _same_words_by_lists(groups, block, words, articles) -> None:
    """The reference for _join_same_words: postings as lists, every shared word counted."""
    representatives: list[int] = []
    index: dict[str, list[int]] = {}
    for i in block:
        if len(words[i]) < 3:
            continue
        shared: dict[int, int] = {}
        postings = sorted((index.get(w, []) for w in words[i]), key=len)
        for n, posting in enumerate(postings):
            if n >= 3 and len(posting) > MAX_POSTING:
                break
            for r in posting:
                shared[r] = shared.get(r, 0) + 1
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
        closest = 0.0
        for r, _ in ranked:
            j = representatives[r]
            if articles[j] == articles[i]:
                continue
            overlap = len(words[i] & words[j]) / min(len(words[i]), len(words[j]))
            if overlap >= QUOTE_OVERLAP:
                groups.union(i, j)
                closest = max(closest, overlap)
        if closest < SAME_WORDING:
            for word in words[i]:
                index.setdefault(word, []).append(len(representatives))
            representatives.append(i)


@pytest.mark.parametrize("seed", range(40))
def test_same_words_joining_equals_the_list_reference(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.choice([30, 200, 600])
    vocabulary = [f"word{k}" for k in range(rng.choice([6, 15, 40]))]
    # Variants of a few quotes (outlets rewording them), or of many: then a quote shares words
    # with hundreds of representatives, and candidates and postings are cut.
    quotes = [
        rng.sample(vocabulary, rng.randint(2, min(12, len(vocabulary))))
        for _ in range(rng.choice([8, n]))
    ]
    words = []
    for _ in range(n):
        quote = list(rng.choice(quotes))
        for _ in range(rng.randint(0, 3)):
            quote[rng.randrange(len(quote))] = rng.choice(vocabulary)
        words.append(frozenset(quote))
    articles = [str(rng.randrange(n // 2 + 1)) for _ in range(n)]
    expected, got = _Groups(n), _Groups(n)
    _same_words_by_lists(expected, list(range(n)), words, articles)
    _join_same_words(got, list(range(n)), words, articles)
    assert got.members() == expected.members()


QUOTE_WORDS = (
    "sanctions airspace troops withdrawal alliance partner strategic security missile defence "
    "border talks ceasefire pilots radar envoy summit treaty pressure convoy"
).split()


def _statement_groups_by_reference(rows: list[dict]) -> list[list[int]]:
    """Whole table at once: each speaker's rows by the list reference, then every pair of a
    speaker's rows with topic, channel and date compared by date."""
    n = len(rows)
    groups = _Groups(n)
    words = [_content_words(r["quote"]) for r in rows]
    articles = [r["article_id"] for r in rows]
    by_speaker: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r["speaker"]:
            by_speaker.setdefault(r["speaker"], []).append(i)
    for block in by_speaker.values():
        _same_words_by_lists(groups, block, words, articles)
    dated = [i for i, r in enumerate(rows) if r["speaker"] and r["topic"] and r["channel"]]
    day = [date.fromisoformat(r["said_on"]) for r in rows]
    for a in dated:
        for b in dated:
            same = all(rows[a][k] == rows[b][k] for k in ("speaker", "topic", "channel"))
            gap = abs((day[a] - day[b]).days)
            if a < b and same and articles[a] != articles[b] and gap <= STATEMENT_WINDOW_DAYS:
                groups.union(a, b)
    return [g for g in groups.members(2) if len({articles[i] for i in g}) > 1]


@pytest.mark.parametrize("seed", range(25))
def test_statements_grouped_chunk_by_chunk_as_the_whole_table(seed: int) -> None:
    # The build hands StatementGroups each chunk as it packs it; the groups must be those of
    # the whole table, however the rows are cut and however the speakers interleave.
    rng = random.Random(seed)
    vocabulary = QUOTE_WORDS[: rng.choice([8, 20])]
    quotes = [" ".join(rng.sample(vocabulary, rng.randint(2, 7))) for _ in range(12)]
    rows = []
    for i in range(rng.choice([60, 200])):
        quote = rng.choice(quotes).split()
        quote[rng.randrange(len(quote))] = rng.choice(vocabulary)
        dated = rng.random() < 0.5
        rows.append({
            "statement_id": f"s{i:04d}", "article_id": f"a{i // rng.randint(1, 4):04d}",
            "speaker": rng.choice(["", "Lavrov", "Zarif", "Ryabkov", f"one-off {i}"]),
            "speaker_id": "", "quote": " ".join(quote),
            "topic": "syria_settlement" if dated else "", "channel": "TASS" if dated else "",
            "said_on": str(date(2019, 1, 1) + timedelta(days=rng.randint(0, 12))),
        })  # fmt: skip
    rows.sort(key=lambda r: r["article_id"])  # table order
    table = pd.DataFrame(rows)
    grouping = StatementGroups()
    cut = 0
    while cut < len(rows):
        size = rng.randint(1, 40)
        grouping.add(table.iloc[cut : cut + size])
        cut += size
    expected = _statement_groups_by_reference(rows)
    assert grouping.groups() == expected
    assert _statement_groups(table) == expected
    assert expected  # the rows were made to have groups
    assert any(not rows[i]["topic"] for g in expected for i in g)  # some joined by wording


@pytest.mark.parametrize("seed", range(30))
def test_most_shared_candidates_are_the_top_of_a_count(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.choice([10, 60, 300])
    postings = [
        {r for r in range(size) if rng.random() < rng.choice([0.05, 0.3, 0.8])}
        for _ in range(rng.randint(1, 14))
    ]
    counts: dict[int, int] = {}
    for posting in postings:
        for r in posting:
            counts[r] = counts.get(r, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
    as_bits = [sum(1 << r for r in posting) for posting in postings]
    got = []
    for count, level, keep in _most_shared(as_bits):
        members = [r for r in range(size) if level >> r & 1]
        got += [(count, r) for r in members[: keep or len(members)]]
    assert sorted(got, key=lambda item: (-item[0], item[1])) == [(c, r) for r, c in ranked]


def test_empty_results_have_string_columns_like_full_ones() -> None:
    # An empty object-typed part would make pd.concat with a full crossrefs table turn every
    # string into a Python object (what the build does with these two at the end).
    articles = to_frame("articles", [])
    empty = [
        title_conflicts(None, articles, claims={}),
        cross_reference(to_frame("statements", []), to_frame("events", []), articles, claims={}),
    ]
    full = pd.DataFrame({column: ["x"] for column in empty[0].columns})
    for part in empty:
        assert part.empty
        assert (part.dtypes == full.dtypes).all()
        assert (pd.concat([full, part]).dtypes == full.dtypes).all()


def test_cross_reference_rows_come_in_the_tables_order(statements, articles, texts) -> None:
    # The build writes them as they come (sorting 1.3 million rows again cost a copy of them).
    events = pd.DataFrame(
        [
            {"event_id": f"{a}-e1", "article_id": a, "sentence_id": 0, "start": 0, "end": 5,
             "date": "2019-01-25", "event_type": "meet", "actor1": "Russia", "actor2": "Iran"}
            for a in ("004", "001", "002")
        ]
    )  # fmt: skip
    shuffled = statements.sample(frac=1, random_state=3)
    table = cross_reference(shuffled, events, articles, texts)
    assert {g[0] for g in table["group_id"]} == {"e", "s"}
    keys = list(SORT_KEYS["crossrefs"])
    resorted = table.sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(table, resorted)
    assert not table.duplicated().any()


@pytest.mark.parametrize("rows", [1, 5, 35])
def test_cross_reference_parts_make_the_table_in_order(statements, articles, texts, rows) -> None:
    # The build writes the parts one after another: together they are the table, row for row.
    events = pd.DataFrame(
        [
            {"event_id": f"{a}-e1", "article_id": a, "sentence_id": 0, "start": 0, "end": 5,
             "date": "2019-01-25", "event_type": "meet", "actor1": "Russia", "actor2": "Iran"}
            for a in ("004", "001", "002")
        ]
    )  # fmt: skip
    whole = cross_reference(statements, events, articles, texts)
    parts = list(cross_reference_parts(statements, events, articles, texts, rows=rows))
    assert len(whole) > 35
    assert [len(p) for p in parts[:-1]] == [rows] * (len(parts) - 1)
    assert 0 < len(parts[-1]) <= rows
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)
