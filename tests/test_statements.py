"""Statements: quotes and reported speech, speakers, dates, topic and stance."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsframe.pipeline import prepare_article
from newsframe.statements import STATEMENT_COLUMNS, _kind, alliance_stance, extract_statements

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _rows(text: str, published: date | None = date(2019, 3, 14)) -> list[dict]:
    article = prepare_article(text, article_id="t", published=published)
    return extract_statements(article, score=False)


def _by_quote(rows: list[dict], fragment: str) -> dict:
    hits = [r for r in rows if fragment in r["quote"]]
    assert len(hits) == 1, (fragment, [r["quote"] for r in rows])
    return hits[0]


def test_columns_and_offsets() -> None:
    text = 'Headline here\n\n"We reject this," Sergey Lavrov said on Monday.\n'
    article = prepare_article(text, article_id="a1", published=date(2019, 3, 14))
    rows = extract_statements(article)
    assert len(rows) == 1
    row = rows[0]
    assert set(STATEMENT_COLUMNS) <= set(row)
    assert row["statement_id"] == "a1-q001"
    assert text[row["start"] : row["end"]] == "We reject this"
    assert (row["kind"], row["speaker"], row["speaker_country"]) == (
        "direct",
        "Sergei Lavrov",
        "RUS",
    )
    assert (row["said_on"], row["date_basis"]) == ("2019-03-11", "relative")


def test_split_quote_and_pronoun_and_unknown_speaker() -> None:
    text = (
        "Title\n\n"
        "Iran’s envoy to Moscow, Kazem Jalali, struck a similar note. “Iran and Russia are "
        "strategic allies,” he wrote on Twitter, “and our alliance is stronger than ever.”\n"
    )
    rows = _rows(text)
    assert [r["speaker"] for r in rows] == ["Kazem Jalali", "Kazem Jalali"]
    assert {r["channel"] for r in rows} == {"Twitter"}
    assert rows[0]["stance"] == "affirms"


def test_block_quote_after_replied_and_title_speaker() -> None:
    text = (
        "Title\n\n"
        "Asked about the strikes, the Kremlin spokesman replied:\n\n"
        "We have said many times that such strikes violate international law.\n"
    )
    rows = _rows(text)
    row = _by_quote(rows, "such strikes violate")
    assert (row["kind"], row["speaker"], row["speaker_id"]) == ("direct", "Dmitry Peskov", "peskov")


def test_continuation_paragraph_keeps_speaker() -> None:
    text = (
        "Title\n\n"
        'Olga Petrenko, a researcher in Moscow, said: "Nobody here calls Iran an ally. '
        "Relations are pragmatic.\n\n"
        '"That will not change soon."\n\n'
        'The so-called "axis of resistance" is rarely mentioned.\n'
    )
    rows = _rows(text)
    assert [r["speaker"] for r in rows] == ["Olga Petrenko", "Olga Petrenko"]
    assert "axis of resistance" not in " ".join(r["quote"] for r in rows)


def test_reported_speech_forms() -> None:
    text = (
        "Title\n\n"
        "According to the daily Kommersant, Moscow has asked Tehran to pull back its fighters. "
        "The paper cited two diplomatic sources as saying the request was made last week. "
        "Iran is said to have 2,000 advisers in Syria.\n"
    )
    rows = _rows(text)
    assert [r["kind"] for r in rows] == ["indirect", "indirect"]
    assert rows[0]["speaker"] == "Kommersant"
    assert rows[1]["speaker"] == "two diplomatic sources"
    assert rows[1]["speaker_type"] == "anonymous"
    assert rows[1]["channel"] == "Kommersant"


def test_mixed_and_said_on_never_silently_publication() -> None:
    text = (
        'Title\n\nIranian lawmaker Mojtaba Zolnour said Tehran had "lost patience" with Moscow.\n'
    )
    (row,) = _rows(text)
    assert (row["kind"], row["speaker"]) == ("mixed", "Mojtaba Zolnour")
    assert (row["said_on"], row["date_basis"], row["said_on_precision"]) == (
        "",
        "unknown",
        "unknown",
    )


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("Russia and Iran are not allies in Syria", "denies"),
        (
            "We don't have a strategic alliance with Russia, but we have a strategic partnership",
            "qualifies",
        ),
        ("the weakening of the Iran-Russia alliance is a myth", "affirms"),
        ("Iran and Russia are strategic allies", "affirms"),
        ("more of a marriage of convenience than a strategic alliance", "qualifies"),
    ],
)
def test_alliance_stance(content: str, stance: str) -> None:
    assert alliance_stance(content) == stance


def test_label_refusal_denies_with_alliance_context() -> None:
    sentence = (
        "Asked whether Moscow and Tehran are allies, he said he wouldn't use this type of word."
    )
    assert alliance_stance("wouldn't use this type of word", sentence) == "denies"


def test_deterministic() -> None:
    text = (BENCH.parent / "seeds" / "000_302eb67bd252ba68.txt").read_text(encoding="utf-8")
    first = extract_statements(prepare_article(text, article_id="x"), score=False)
    second = extract_statements(prepare_article(text, article_id="x"), score=False)
    assert first == second
    assert [r["statement_id"] for r in first] == [f"x-q{n:03d}" for n in range(1, len(first) + 1)]
    assert [r["start"] for r in first] == sorted(r["start"] for r in first)


def test_quality_targets_on_expected_set() -> None:
    """Issue 3 targets, measured on tests/expected/statements_*.yaml by the bench script."""
    sys.path.insert(0, str(BENCH))
    try:
        from statements_quality import evaluate
    finally:
        sys.path.remove(str(BENCH))
    figures = evaluate()
    assert figures["direct_precision"] >= 0.95
    assert figures["direct_recall"] >= 0.95
    assert figures["reported_recall"] >= 0.80
    assert figures["reported_precision"] >= 0.85
    assert figures["speaker_accuracy"] >= 0.90
    assert figures["said_on_accuracy"] >= 0.90


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ('reports of a rift as "Western propaganda."', "affirms"),
        ("talk of a split between Moscow and Tehran is nothing but rumours", "affirms"),
        ("the alliance is not a myth but a fact", "affirms"),
        ("Russia is not our strategic ally", "denies"),
    ],
)
def test_dismissing_a_rift_affirms_the_alliance(content: str, stance: str) -> None:
    assert alliance_stance(content) == stance


# --- fast paths: each must give what the plain rule gives ----------------------------------------

_ODD_TEXTS = [
    "",
    "   ",
    "Lavrov has",
    " Lavrov has also",
    "the ministry later publicly  ",
    "Putin,\u00a0reportedly\u2009STILL ",
    "He Has",
    "x_ly 1ly -ly",
    "the  ſtill",  # long s: IGNORECASE reads it as "s"
    "a   ı ıs",  # dotless i: IGNORECASE reads it as "i"
    "already\nfirst\ttoo",
    "Iran’s envoy to Moscow, Kazem Jalali, he said",
]


def test_trailing_noise_walk_equals_the_pattern() -> None:
    import random

    from newsframe import statements

    words = [
        "has",
        "Has",
        "WAS",
        "is",
        "also",
        "Later",
        "quickly",
        "ly",
        "fly",
        "Putin",
        ",",
        "“",
        "-ly",
        "x_ly",
        "ſtill",
        "ı",
        "long",
        "too",
        "already",
        "himself",
    ]
    spaces = [" ", "  ", "\t", "\n", "\u00a0", "\u2009", ""]
    rng = random.Random(7)
    texts = list(_ODD_TEXTS)
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(0, 6)):
            parts += [rng.choice(spaces), rng.choice(words)]
        texts.append("".join(parts) + rng.choice(spaces))
    for text in texts:
        expected = statements._TRAILING_NOISE_RE.sub("", text)
        assert statements._strip_trailing_noise(text) == expected, text


@pytest.mark.parametrize(
    "pattern",
    [
        "_PASSIVE_AUX_END_RE",
        "_MODAL_OR_DETERMINER_END_RE",
        "_COMMA_END_RE",
        "_NAME_OR_PRONOUN_END_RE",
        "_QUOTE_MARK_END_RE",
    ],
)
def test_end_anchored_patterns_only_match_in_the_last_word(pattern: str) -> None:
    from newsframe import statements

    regex = getattr(statements, pattern)
    texts = _ODD_TEXTS + [
        "Russia said it was",
        "the move, which is ",
        "Tehran had “warned”  ",
        "sources,",
        "would ",
        "(is ",
        "X.Y. ",
        "the",
        " I ",
        "O’Brien\u00a0",
    ]
    for text in texts:
        for end in range(len(text) + 1):
            before = text[:end]
            tail = statements._last_word(before)
            assert before.endswith(tail)
            assert bool(regex.search(before)) == bool(regex.search(tail)), (pattern, before)


def test_lowerable_patterns() -> None:
    from newsframe.statements import _lowerable

    for pattern in [
        r"\bon twitter\b",
        r"\bop-ed\b",
        "[a-z]+",
        "[0-9]",
        "[^.;]{0,40}",
        "[^-z]",
        "n[’']t",
    ]:
        assert _lowerable(pattern), pattern
    for pattern in [r"\W", r"\bX\b", "(?i)x", r"\x41", r"(a)\1", "[!-_]", r"[\]-a]", "é"]:
        assert not _lowerable(pattern), pattern


def test_lower_case_paths_find_what_ignorecase_finds() -> None:
    """Channels, label refusal, comparative denial and stance words on lower-cased text."""
    from newsframe import statements as st

    texts = _ODD_TEXTS + [
        "He TWEETED it ON Telegram after a PRESS CONFERENCE",
        "in an interview with the paper",
        "I Wouldn’t USE this type of WORDS",
        "I would not call it that",
        "MORE of a marriage of convenience THAN a strategic ALLIANCE",
        "Partners of CONVENIENCE, RIVALS in the Caucasus, relations NEVER BEEN CLOSER",
        "We are allıes",  # dotless i: IGNORECASE matches "allies", lower() keeps "ı"
        "Our ſtrategic partnerſhip",
        "the KELVIN \u212a sign",
        "İstanbul talks, the meeting",  # lower() lengthens "İ": no lower-case path
    ]
    for text in texts:
        lowered = st.case_free_lower(text)
        channel = ""
        for pattern, name in st._CHANNELS:
            if pattern.search(text):
                channel = name
                break
        assert st._channel_in(text) == channel, text
        for patterns, lower in (
            (st._LABEL_REFUSAL_RES, st._LABEL_REFUSAL_LOWER_RES),
            (st._COMPARATIVE_RES, st._COMPARATIVE_LOWER_RES),
        ):
            assert st._any_match(patterns, lower, text) == any(p.search(text) for p in patterns)
        if lowered is None:
            continue
        plain, fast = st._STANCE_WORDS, st._STANCE_LOWER_WORDS
        assert fast is not None
        for name in (
            "alliance",
            "partner",
            "negator",
            "weakening",
            "dismissal",
            "partial",
            "relationship",
            "description",
            "limiting",
            "rivalry",
            "our_alliance",
        ):
            a, b = getattr(plain, name), getattr(fast, name)
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(lowered)]
        assert [len(c) for c in plain.clause_split.split(text)] == [
            len(c) for c in fast.clause_split.split(lowered)
        ]


def test_topic_hits_counted_at_cue_starts_equal_findall() -> None:
    """Topic cues tried only where one may start: the same counts as findall over the content."""
    import random

    from newsframe import statements as st

    contents = [
        "Russia and Iran are strategic allies and partners",
        "Israel’s security needs and the security of Israel come first",
        "the withdrawal of foreign forces, a pull-out of non-Syrian forces",
        "Israeli strikes, air attacks on Iranian targets and an airstrike",
        "the S-300 air-defence missile systems",
        "the political process in Astana, the constitutional committee",
        "Israel's security",
        "nothing at all",
        "Allies ALLIANCE strategic-partnership",
    ]
    cues = [c.lower() for spec in st._TOPICS["topics"].values() for c in spec["cues"]]
    rng = random.Random(5)
    fillers = ["", " ", "-", "x", "s", " of ", "’", "'"]
    for _ in range(2000):
        contents.append(
            "".join(rng.choice(cues) + rng.choice(fillers) for _ in range(rng.randint(1, 6)))
        )
    for content in contents:
        lowered = content.lower()
        hits = st._topic_hits(lowered)
        for name, pattern in st._TOPIC_LOWER_RES.items():
            assert hits.get(name, 0) == len(pattern.findall(lowered)), (name, content)


def test_quote_scores_reuse_sentence_scores_and_equal_textblob() -> None:
    from newsframe.sentiment import polarity_subjectivity, score_texts
    from newsframe.statements import score_quotes

    text = (
        "Title\n\n"
        "“This is a wonderful and terrible day,” Lavrov said. "
        "Putin said the talks were very good.\n"
    )
    article = prepare_article(text, article_id="t", published=date(2019, 3, 14))
    sentence_scores = score_texts([s.clean for s in article.sentences])
    rows = extract_statements(article, sentence_scores=sentence_scores)
    assert rows
    for row in rows:
        assert (row["polarity"], row["subjectivity"]) == polarity_subjectivity(row["quote"])
    quotes = [r["quote"] for r in rows] + [article.sentences[0].clean]
    # A quote equal to a sentence's clean text takes the sentence's values as given.
    fake = [(0.5, 0.25, 1, 0.5) for _ in article.sentences]
    scores = score_quotes(article, quotes, fake)
    assert scores is not None and scores[-1] == (0.5, 0.25)
    assert score_quotes(article, quotes) == [polarity_subjectivity(q) for q in quotes]


def test_dates_within_keeps_the_order_of_dates() -> None:
    from dataclasses import dataclass

    from newsframe.statements import _dates_within

    @dataclass
    class D:
        start: int
        value: object = 1

    ordered = [D(1), D(5), D(5), D(9, None), D(12)]
    shuffled = [D(12), D(1), D(9), D(5, None), D(3)]
    for dates in (ordered, shuffled):
        within = _dates_within(dates)  # type: ignore[arg-type]
        for a in range(0, 14):
            for b in range(a, 15):
                expected = [d for d in dates if a <= d.start < b and d.value is not None]
                assert within(a, b) == expected


def test_kind_clips_a_quote_that_begins_before_the_span() -> None:
    # A span that starts inside a quote is still all quote: "direct", not "mixed" (the quote's
    # start before the span used to be taken as a negative offset, keeping its words "outside").
    text = "“We are partners and never allies,” he said, “never.”"
    first = SimpleNamespace(start=0, end=text.index(",”") + 2)
    second = SimpleNamespace(start=text.index("“never"), end=len(text))
    ctx = SimpleNamespace(article=SimpleNamespace(flat=text))
    inside = text.index("partners")
    assert _kind(ctx, inside, first.end, [first]) == "direct"
    assert _kind(ctx, inside, len(text), [first, second]) == "mixed"  # "he said" is outside
    assert _kind(ctx, second.start, len(text), [second]) == "direct"


# --- generalisation fixes found by the blind held-out set (own sentences, not its texts) ---------


def test_a_surname_alone_names_the_person_the_text_introduced_in_full() -> None:
    rows = _rows(
        "Talks in Oslo\n\n"
        "Norwegian mediator Ingrid Solvang said on Monday that both delegations had stayed.\n\n"
        "Solvang added that a second round was planned for May.\n"
    )
    assert [r["speaker"] for r in rows] == ["Ingrid Solvang", "Ingrid Solvang"]


def test_a_surname_never_given_in_full_stays_a_surname() -> None:
    rows = _rows("Talks in Oslo\n\nSolvang said the delegations had stayed in Oslo.\n")
    assert [r["speaker"] for r in rows] == ["Solvang"]


def test_a_family_name_given_first_names_the_person_in_full() -> None:
    # Chinese, Korean and Hungarian names put the family name first: "Zhao" is Zhao Mingwei.
    # A full name ending in the word still wins ("Chen" after "Lydia Chen" is Lydia Chen).
    rows = _rows(
        "Summit\n\n"
        "Zhao Mingwei, an economist at a Beijing think tank, said on Monday that the bloc "
        "would grow.\n\n"
        "Zhao said trade in national currencies would rise.\n\n"
        "Analyst Lydia Chen said the summit was a success.\n\n"
        "Chen added that the bank would open in May.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Zhao Mingwei",
        "Zhao Mingwei",
        "Lydia Chen",
        "Lydia Chen",
    ]


def test_attribution_after_a_clause_that_holds_a_quote() -> None:
    # The clause goes on after its quoted fragment, then the attribution closes the sentence.
    rows = _rows(
        "Gas deal\n\n"
        "The pipeline is “a long-term project” that neither side will abandon, "
        "energy adviser Tomas Lindqvist said on Friday, a week after the talks in Baku.\n"
    )
    assert len(rows) == 1
    assert rows[0]["quote"].startswith("The pipeline is “a long-term project”")
    assert rows[0]["speaker"] == "Tomas Lindqvist"
    assert rows[0]["kind"] == "mixed"


def test_an_adverbial_after_the_verb_does_not_swallow_the_that_clause() -> None:
    # 'Name, title, denied at a briefing on Monday that ...': the content is the that-clause,
    # not the name before the verb.
    rows = _rows(
        "Arms claims\n\n"
        "Olga Petrenko, the ministry spokeswoman, denied at a briefing on Monday that any "
        "rockets had been shipped.\n"
    )
    assert len(rows) == 1
    assert rows[0]["quote"] == "any rockets had been shipped."
    assert rows[0]["speaker"] == "Olga Petrenko"


def test_a_possessive_appositive_after_the_name_leaves_the_name_as_speaker() -> None:
    rows = _rows(
        "Strike\n\n"
        "Colonel Avi Mizrahi, the air force’s deputy commander, told reporters that the "
        "target had been a depot.\n"
    )
    assert [r["speaker"] for r in rows] == ["Avi Mizrahi"]


def test_he_is_the_last_speaker_not_someone_named_in_what_they_said() -> None:
    rows = _rows(
        "Envoys\n\n"
        "Ambassador Karl Brenner said Marta Ruiz had misread the treaty. "
        "“We expect an apology,” he said.\n"
    )
    assert [r["speaker"] for r in rows] == ["Karl Brenner", "Karl Brenner"]


# --- stance beyond the alliance word (own sentences) ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # limits put on an affirmed partnership or alliance qualify it
        ("Moscow and Tehran are partners of convenience and little else", "qualifies"),
        ("they remain allies of necessity, not of choice", "qualifies"),
        ("the partnership is tactical and will last only as long as the war", "qualifies"),
        # ... but a negated limit does not
        ("ties between the two capitals are strategic, not tactical", "affirms"),
        # a relationship described as strategic or close affirms
        ("relations with Tehran have never been closer", "affirms"),
        ("the relationship between Moscow and Tehran is strategic by nature", "affirms"),
        # solidarity words, affirmed or negated
        ("we will stand with our Russian friends whatever happens", "affirms"),
        ("the two governments have acted side by side since 2015", "affirms"),
        ("the Russians are not our friends", "denies"),
        ("our views do not coincide on every issue", "qualifies"),
        # rivalry: alone it denies, beside an affirmation it qualifies
        ("in the oil market Russia and Iran are rivals", "denies"),
        ("in Syria they are partners, in Central Asia they are competitors", "qualifies"),
        # rift talk dismissed affirms
        ("predictions of a falling-out between Moscow and Tehran are wishful thinking", "affirms"),
        ("every Western attempt to drive a wedge between us has failed", "affirms"),
        # refusing the alliance label while naming a partnership instead qualifies
        ("no one here uses the word alliance, we speak of a partnership", "qualifies"),
        ("nobody in Tehran calls it an alliance", "denies"),
        # a negated limit beside an affirmed alliance: the limit is what is denied
        ("the pact is no longer a partnership of convenience, but a true alliance", "affirms"),
        # alignment affirmed, alliance denied
        ("Moscow and Tehran are on the same side in Syria, but they are not allies", "qualifies"),
        ("the two capitals are aligned on Ukraine but are not allies", "qualifies"),
        # distrust put on the partner denies
        ("Moscow has shown itself an unreliable partner for Tehran", "denies"),
        # rift talk called wishes, not reality
        ("talk of a split between Russia and Iran reflects their wishes, not reality", "affirms"),
        # a weakening denied affirms; a longer negation still reaches the limit
        ("there is no crack between Moscow and Tehran, whatever Washington hopes", "affirms"),
        ("this is far from a rift between Russia and Iran", "affirms"),
        ("the pact is no longer merely a marriage of convenience", "affirms"),
        ("hopes of driving a wedge between Moscow and Tehran are childish fantasies", "affirms"),
        # standing together, closeness at its highest, no disagreement: solidarity affirmed
        ("on the big questions Ankara and Baku stand together", "affirms"),
        ("the two governments will stand by each other whatever comes", "affirms"),
        ("ties between the two capitals are at the highest level in their history", "affirms"),
        ("there are no disagreements between Ankara and Baku", "affirms"),
        ("relations rest on mutual respect and common interests", "affirms"),
        # distrust of the partner denies; need and distrust together qualify
        ("there is deep distrust of Ankara in Baku", "denies"),
        ("they need each other in the Caucasus, but they do not trust each other", "qualifies"),
        # a rivalry denied is no rivalry
        ("we are not rivals, we are partners", "affirms"),
        # talk of a betrayal called a provocation affirms
        ("talk of a Turkish betrayal of Baku is a crude provocation", "affirms"),
        # a partial word far after the negation does not make it partial
        ("Ankara has never been a dependable partner and always puts itself first", "denies"),
        # a negated limit before the partner word: the partnership stands
        (
            "Ankara and Baku are no longer situational partners who meet when it suits them",
            "affirms",
        ),
        ("ties between Ankara and Baku have never been as close as they are today", "affirms"),
        # the relationship named in one clause, described in the next
        ("the relations are not tactical; they are strategic and long-term", "affirms"),
        # a rift asserted denies; beside an affirmation it qualifies
        ("this is the first public crack between Ankara and Baku", "denies"),
        ("they remain partners, but the rift over the corridor is real", "qualifies"),
        # ... but not someone else's claim or aim
        ("any attempt to drive a wedge between Ankara and Baku would be noticed", ""),
        # an axis affirms; a ceiling limits
        ("Ankara and Baku are one axis now", "affirms"),
        ("it is a real partnership, but one with a ceiling", "qualifies"),
        # no crisis between them; coordinating closely; relations at a new level
        ("there is no crisis between Ankara and Baku, and there will not be one", "affirms"),
        ("Ankara and Baku are still coordinating closely on the region", "affirms"),
        ("relations between the two countries have reached a qualitatively new level", "affirms"),
        # a limit negated, limits stated, rift talk called wrong, trust denied
        ("Ankara and Baku are not seasonal friends", "affirms"),
        ("the partnership is real but conditional", "qualifies"),
        ("the partnership has limits", "qualifies"),
        ("anyone who announces a rift between Ankara and Baku is mistaken", "affirms"),
        ("some hoped that Ankara and Baku would drift apart; they were wrong", "affirms"),
        ("we still do not trust Ankara", "denies"),
        # closeness said of the pair itself, with no relationship word
        ("Ankara and Baku have never been closer than they are today", "affirms"),
        ("our two countries have never been so close", "affirms"),
        # a rift someone dreams of is their aim; an ending that is not the relationship's
        ("our ties are strategic, and those who dream of a split will wait in vain", "affirms"),
        ("we remain strategic partners, and the end of the sanctions changes nothing", "affirms"),
        # pretending to be allies is not being allies
        ("Ankara and Baku are partners but should stop pretending to be allies", "qualifies"),
        # an alliance or partnership given a scope or a bound by a contrast after it
        ("Ankara and Baku are allies in the Caucasus, not in the Middle East", "qualifies"),
        ("Baku is Ankara's partner, not its vassal", "qualifies"),
        ("Baku is our partner on energy. That does not mean we share its goals", "qualifies"),
        # ... but not when the contrast rejects a rivalry or says more
        ("Ankara and Baku are partners, not rivals", "affirms"),
        ("Ankara and Baku are allies, not just partners", "affirms"),
        ("Ankara and Baku are partners, not merely neighbours", "affirms"),
        ("Ankara and Baku have a security partnership, not a commercial one", "affirms"),
        # a negation in a "but" clause after an affirmed partnership bounds it
        ("Baku is Ankara's partner in the Caucasus but will not be its shield", "qualifies"),
        ("Ankara and Baku are partners. But Ankara will not fight Moscow for Baku", "qualifies"),
        ("Ankara is our friend, but on the pipeline our position will not change", "qualifies"),
        # ... unless it is the usual assurance to others, or a rift denied
        ("we are strategic partners, but this is not directed against third countries", "affirms"),
        ("we are partners, but no one will ever split us", "affirms"),
        # the limits of the relationship, alone, qualify it
        ("the row exposed the limits of the Ankara-Baku relationship", "qualifies"),
    ],
)
def test_stance_beyond_the_alliance_word(content: str, stance: str) -> None:
    assert alliance_stance(content) == stance


def test_the_counterpart_named_in_the_paragraph_makes_the_pair() -> None:
    # The Iranian side is named in the sentence before the quote, in the same paragraph.
    rows = _rows(
        "Talks\n\n"
        "Russian Foreign Minister Sergei Lavrov met his Iranian counterpart in Moscow on Monday. "
        "“Our positions are close on almost every question,” Lavrov said.\n"
    )
    row = _by_quote(rows, "Our positions are close")
    assert (row["topic"], row["stance"]) == ("russia_iran_alliance", "affirms")


def test_a_pair_named_only_in_another_paragraph_is_not_the_pair() -> None:
    rows = _rows(
        "Talks\n\n"
        "Russian Foreign Minister Sergei Lavrov met his Iranian counterpart on Monday.\n\n"
        "“Our positions are close on almost every question,” Lavrov said of his talks in Minsk.\n"
    )
    row = _by_quote(rows, "Our positions are close")
    assert (row["topic"], row["stance"]) == ("", "")


# --- when said: the occasion referred to, deadlines; who: asides, titles (own sentences) ---------


def test_a_statement_at_the_occasion_the_story_reports_takes_its_day() -> None:
    rows = _rows(
        "Ministers meet in Oslo\n\n"
        "OSLO — Fisheries ministers of the Nordic states met in Oslo on Tuesday for their "
        "annual conference.\n\n"
        "Norwegian minister Ingrid Solvang told the conference that quotas would be cut.\n",
        published=date(2019, 3, 14),
    )
    row = _by_quote(rows, "quotas would be cut")
    assert (row["speaker"], row["said_on"], row["date_basis"]) == (
        "Ingrid Solvang",
        "2019-03-12",
        "relative",
    )


def test_no_occasion_referred_to_no_day() -> None:
    rows = _rows(
        "Ministers meet in Oslo\n\n"
        "OSLO — Fisheries ministers met in Oslo on Tuesday.\n\n"
        "Norwegian minister Ingrid Solvang has long said that quotas would be cut.\n"
    )
    assert _by_quote(rows, "quotas would be cut")["said_on"] == ""


def test_an_occasion_of_several_days_pins_no_day() -> None:
    rows = _rows(
        "Talks in Oslo\n\n"
        "OSLO — Delegations arrived on Tuesday for three days of talks.\n\n"
        "Mediator Ingrid Solvang said after the talks that a deal was near.\n"
    )
    assert _by_quote(rows, "a deal was near")["said_on"] == ""


def test_a_deadline_or_a_span_start_is_not_when_it_was_said() -> None:
    rows = _rows(
        "Trade\n\n"
        "Trade minister Lars Eriksen said the two ports had worked together since 2015. "
        "He added that freight could double by 2030.\n"
    )
    assert [r["said_on"] for r in rows] == ["", ""]


def test_negated_speech_is_not_an_attribution() -> None:
    rows = _rows(
        "Loan\n\n"
        "“It is a shared investment,” minister Lars Eriksen said. “Both of us will profit.” "
        "He did not say whether the loan would be in kroner.\n"
    )
    assert [r["speaker"] for r in rows] == ["Lars Eriksen", "Lars Eriksen"]
    assert not any("loan" in r["quote"] for r in rows)


def test_states_as_a_noun_is_not_a_speech_verb() -> None:
    rows = _rows("Summit\n\nThe five Baltic states met in Riga on Friday to discuss energy.\n")
    assert rows == []


def test_speaker_names_with_titles_hyphens_and_asides() -> None:
    rows = _rows(
        "Summit\n\n"
        "Kazakh Energy Minister Almas-Bek Nurlanov said the pipeline would open in May.\n\n"
        "Two senior officials, briefing on condition of anonymity, said the talks had stalled.\n\n"
        "Olav Brekke, deputy chairman of the Nordic Council, wrote that the vote was close.\n\n"
        "But Rear Admiral Henrik Dahl told reporters that the ships had left.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Almas-Bek Nurlanov",
        "Two senior officials",
        "Olav Brekke",
        "Henrik Dahl",
    ]


def test_before_adding_keeps_the_speaker_of_the_first_verb() -> None:
    rows = _rows(
        "Border\n\n"
        "Foreign Minister Lars Eriksen spoke in Oslo on Wednesday. “They bear the blame,” he "
        "said, before adding: “We will act alone if need be.”\n"
    )
    assert [r["speaker"] for r in rows] == ["Lars Eriksen", "Lars Eriksen"]


def test_a_title_owned_by_a_country_after_the_name_leaves_the_name_as_speaker() -> None:
    rows = _rows(
        "Vote\n\n"
        "Lars Ekberg, Sweden's ambassador to the United Nations, wrote on X that the vote was "
        "a mistake.\n\n"
        "Anders Holm, Norway’s deputy foreign minister, told reporters the talks would resume.\n"
    )
    assert [r["speaker"] for r in rows] == ["Lars Ekberg", "Anders Holm"]


def test_an_anonymous_source_with_a_relative_clause_and_its_later_mention() -> None:
    rows = _rows(
        "Border\n\n"
        "A senior Turkish diplomat who asked not to be named told Reuters that Ankara had a "
        "long record of patience with Baghdad.\n\n"
        '"We have learned to wait," the diplomat said.\n'
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("senior Turkish diplomat", "anonymous"),
        ("senior Turkish diplomat", "anonymous"),
    ]


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    rows = _rows(
        "Crisis\n\n"
        "The Turkish Foreign Ministry said in a statement on Monday that it was following "
        "events closely. “We urge restraint from every side,” the statement said.\n\n"
        "A statement from the Greek Foreign Ministry said Athens was ready to talk.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Turkish Foreign Ministry",
        "Turkish Foreign Ministry",
        "Greek Foreign Ministry",
    ]


def test_according_to_after_a_speech_verb_is_the_channel_not_the_speaker() -> None:
    text = (
        "Call\n\n"
        "In a phone call on Monday, Turkish Foreign Minister Kemal Aras told his Greek "
        "counterpart that Ankara would respond to any provocation, according to a statement "
        "from the Turkish Foreign Ministry.\n\n"
        "The ceasefire has collapsed, according to two officials.\n"
    )
    rows = _rows(text)
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("Kemal Aras", "Ankara would respond to any provocation"),
        ("two officials", "The ceasefire has collapsed"),
    ]
    assert "Turkish Foreign Ministry" in rows[0]["channel"]


def test_a_rejecting_speech_verb_turns_the_stance_of_what_it_reports() -> None:
    rows = _rows(
        "Talks\n\n"
        "Iranian Foreign Minister Ali Vaezi dismissed reports of a deepening rift between "
        "Tehran and Moscow.\n\n"
        "The Russian envoy denied that Russia and Iran were allies in the Caucasus.\n"
    )
    assert [(r["topic"], r["stance"]) for r in rows] == [
        ("russia_iran_alliance", "affirms"),
        ("russia_iran_alliance", "denies"),
    ]


def test_a_rejection_already_in_what_is_reported_is_not_turned_twice() -> None:
    rows = _rows(
        "Talks\n\n"
        "Foreign Ministry spokesman Ali Vaezi on Monday dismissed talk of a rift between Tehran "
        "and Moscow as a Western fantasy.\n"
    )
    assert [(r["topic"], r["stance"]) for r in rows] == [("russia_iran_alliance", "affirms")]


def test_a_noun_in_ly_ends_a_subject_but_an_adverb_does_not() -> None:
    rows = _rows(
        "Press\n\n"
        "The weekly wrote that the talks had failed.\n\n"
        "White House adviser Tom Kelly said that the talks had failed.\n\n"
        "The minister repeatedly said that the talks had failed.\n"
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("weekly", "media"),
        ("Tom Kelly", "person"),
        ("minister", "person"),
    ]


def test_a_quote_ending_a_clause_before_an_inverted_attribution_is_mixed() -> None:
    rows = _rows(
        "Jets\n\n"
        "ANKARA — Turkey will buy new fighter jets “within a year,” Kemal Aras, a member of the "
        "Turkish parliament's defence committee, told the Anadolu news agency on Sunday.\n\n"
        "Asked about the talks, “we are ready,” Aras said.\n"
    )
    assert [(r["kind"], r["speaker"], r["quote"]) for r in rows] == [
        ("mixed", "Kemal Aras", "Turkey will buy new fighter jets “within a year,”"),
        ("direct", "Kemal Aras", "we are ready"),
    ]


def test_a_quoted_title_inside_the_subject_phrase() -> None:
    rows = _rows(
        "Books\n\n"
        "Lena Berg, author of the book “Cold Neighbours: Sweden and Finland since 1945,” said: "
        '"The pact is hollow. It changes nothing."\n\n'
        "Olof Lind, author of “Northern Lights,” told reporters that the pact was hollow.\n"
    )
    assert [(r["kind"], r["speaker"]) for r in rows] == [
        ("direct", "Lena Berg"),
        ("indirect", "Olof Lind"),
    ]


def test_speakers_in_organisation_names_questions_and_honorifics() -> None:
    rows = _rows(
        "Talks\n\n"
        "Shirin Rad, a researcher at the Tehran Centre for Caspian Studies, is less sanguine. "
        "“They were already leaving,” she said.\n\n"
        "Lena Holm, the Swedish Foreign Ministry spokeswoman, on Friday rejected suggestions that "
        "Norway could act as a guarantor.\n\n"
        "Kremlin spokesman Dmitry Peskov declined on Wednesday to comment on the talks. Asked "
        'whether Putin would receive Araghchi in person, he said: "If there is a need, the '
        'president will find the time."\n\n'
        'Kaveh Nouri, a senior adviser, spoke on Monday. "We will not wait," Mr Nouri said.\n\n'
        "Parliament Speaker Reza Tabesh told lawmakers that the pact was strategic.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Shirin Rad",
        "Lena Holm",
        "Dmitry Peskov",
        "Kaveh Nouri",
        "Reza Tabesh",
    ]


def test_states_after_a_determiner_and_a_capitalised_word_is_a_noun() -> None:
    rows = _rows(
        "Sea\n\n"
        "The Gulf states have long feared a war at sea.\n\n"
        "Only the Black Sea states, the admiral argued, may keep warships there.\n"
    )
    assert [r["cue"] for r in rows] == ["argued"]


def test_a_readout_issued_by_a_ministry_and_the_top_diplomat() -> None:
    rows = _rows(
        "Call\n\n"
        "According to a readout issued by the Turkish Foreign Ministry on Tuesday evening, the "
        "ministers agreed to step up coordination ahead of the summit.\n\n"
        "“The sides expressed concern over the escalation,” the readout said.\n\n"
        "In the phone conversation on Tuesday, the Iranian top diplomat stressed that the two "
        "countries stand together.\n",
        published=date(2024, 10, 9),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Turkish Foreign Ministry", "2024-10-08"),
        ("Turkish Foreign Ministry", "2024-10-08"),
        ("Abbas Araghchi", "2024-10-08"),
    ]


def test_at_the_same_briefing_takes_the_day_of_the_speakers_briefing() -> None:
    rows = _rows(
        "Talks\n\n"
        "Deputy Foreign Minister Kemal Aras told reporters in Ankara on Tuesday that Turkey "
        "regretted the decision.\n\n"
        "Speaking a day earlier after talks with Aras, the Greek envoy Nikos Pappas said Europe "
        "had failed.\n\n"
        "At the same briefing, Aras said he had assured Pappas that Turkey would keep its word."
        "\n\n"
        "Asked at the briefing whether patience was running out, Aras said: “There is no crack "
        "between us.”\n",
        published=date(2019, 7, 3),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Kemal Aras", "2019-07-02"),
        ("Nikos Pappas", "2019-07-01"),
        ("Kemal Aras", "2019-07-02"),
        ("Kemal Aras", "2019-07-02"),
    ]


def test_a_day_right_after_the_verb_is_when_it_was_said_not_what() -> None:
    # wire style: "said Tuesday the ..." (no "on", no "that")
    rows = _rows(
        "Corridor\n\n"
        "Foreign Minister Kerem Aydin said Tuesday the monitoring centre would open within days. "
        "“Nobody is trying to exclude Baku,” he added.\n\n"
        "Greek Ambassador Petros Alexiou said on Monday the talks had gone well.\n",
        published=date(2020, 11, 18),
    )
    assert [(r["speaker"], r["said_on"], r["quote"][:7]) for r in rows] == [
        ("Kerem Aydin", "2020-11-17", "the mon"),
        ("Kerem Aydin", "2020-11-17", "Nobody "),
        ("Petros Alexiou", "2020-11-16", "the tal"),
    ]


def test_minutes_later_is_the_day_of_the_statement_before() -> None:
    rows = _rows(
        "Talks\n\n"
        "Deputy Foreign Minister Kemal Aras told reporters in Ankara on Tuesday that Turkey "
        "regretted the decision.\n\n"
        "Nikos Pappas, speaking a few minutes later, was blunt. “We disagree,” he said.\n\n"
        "Later that day, Greek Ambassador Petros Alexiou said the talks had failed.\n",
        published=date(2019, 7, 3),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Kemal Aras", "2019-07-02"),
        ("Nikos Pappas", "2019-07-02"),
        ("Petros Alexiou", "2019-07-02"),
    ]


def test_a_fellow_an_adverbial_before_a_name_and_the_occasion_set_just_before() -> None:
    rows = _rows(
        "Treaty\n\n"
        "Nikolai Orlov, a senior fellow at the Volga Institute for International Affairs in "
        "Moscow, argues that the Kremlin lost less in Syria than its critics claim.\n\n"
        "The treaty itself, signed in Moscow on January 17, runs to forty articles. At the "
        "ceremony Vladimir Putin said the document was not aimed at any third country.\n",
        published=date(2025, 3, 10),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Nikolai Orlov", ""),
        ("Vladimir Putin", "2025-01-17"),
    ]


def test_long_titles_parenthetical_party_and_a_communique_without_a_statement() -> None:
    rows = _rows(
        "Gulf\n\n"
        "Syrian Deputy Foreign Minister Ayman Haddad told reporters that Damascus was not a "
        "party to the dispute.\n\n"
        '"The two capitals are one axis," Sen. Dana Whitfield (R-Neb.), a member of the Armed '
        "Services Committee, wrote in a post on X.\n\n"
        "The Gulf Cooperation Council, meeting in Riyadh, issued a communique of its own. The "
        'occupation "undermines the security of the Gulf," the communique said.\n\n'
        "Farah Qadri, director of the Centre for Non-Proliferation Dialogue, spoke next. "
        "“There is little room left,” she said.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Ayman Haddad",
        "Dana Whitfield",
        "Gulf Cooperation Council",
        "Farah Qadri",
    ]


def test_the_occasion_that_closes_the_paragraph_before_dates_the_quote_after_it() -> None:
    rows = _rows(
        "Cabinet\n\n"
        "Speaking at a cabinet meeting on Sunday, Finance Minister Avi Levin went further.\n\n"
        '"The two countries are no longer just trading partners," Levin said.\n',
        published=date(2024, 2, 12),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [("Avi Levin", "2024-02-11")]


def test_generic_role_anaphors_a_name_before_its_workplace_and_minister_of_state() -> None:
    rows = _rows(
        "Moscow\n\n"
        "Deputy Foreign Minister Ali Vaezi said on arrival that the talks would be long.\n\n"
        'The official stressed that the sanctions were "illegal".\n\n'
        "Farah Qadri of the Centre for Arms Control told reporters the talks would fail.\n\n"
        "Minister of State Khalid Al Mansoori said Abu Dhabi valued its ties with Moscow.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Ali Vaezi",
        "Ali Vaezi",
        "Farah Qadri",
        "Khalid Al Mansoori",
    ]


def test_the_diplomat_is_the_one_the_text_introduced_as_a_diplomat() -> None:
    rows = _rows(
        "Talks\n\n"
        'Kremlin spokesman Dmitry Peskov said the talks were "useful".\n\n'
        'A senior Western diplomat described the two capitals as "partners with limits".\n\n'
        '"They want a seat at the table more than any outcome," the diplomat said.\n'
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows][-1] == (
        "senior Western diplomat",
        "anonymous",
    )


def test_an_appositive_without_a_role_noun_after_a_name_leaves_the_name() -> None:
    rows = _rows(
        "Athens\n\n"
        "Elena Kostas, a long-time critic of Nikos Papadakis, said she had asked him for the "
        "papers in May. The files were never sent, she added.\n"
    )
    assert [r["speaker"] for r in rows] == ["Elena Kostas", "Elena Kostas"]


def test_a_name_inside_a_fronted_participial_clause_is_not_the_pronoun() -> None:
    rows = _rows(
        "Nicosia\n\n"
        "When the Greek minister, Nikos Papadakis, arrived in Nicosia, the welcome was warm. "
        'Standing beside Andreas Demetriou, he said that ties were "stronger than ever".\n\n'
        'After meeting Andreas Demetriou, he told reporters the talks had been "frank".\n'
    )
    assert [r["speaker"] for r in rows] == ["Nikos Papadakis", "Nikos Papadakis"]


def test_the_subject_before_a_colon_ends_at_its_verb() -> None:
    rows = _rows(
        "Nicosia\n\n"
        'A veteran Cypriot banker summed it up for us: "Nobody here will sign before May."\n\n'
        "Pressed on the delays, the Greek Finance Ministry issued a short statement, which was "
        'posted online: "Talks continue in good faith and will conclude this year."\n'
    )
    assert [r["speaker"] for r in rows] == ["veteran Cypriot banker", "Greek Finance Ministry"]


def test_a_name_after_a_committee_title_is_the_person() -> None:
    rows = _rows(
        "Athens\n\n"
        '"Cyprus is a friend and a partner for us, but we keep our options open," Member of '
        "the Parliament Foreign Affairs Committee Nikos Giannakis told Kathimerini.\n\n"
        "The lawmaker added that parliament would monitor the talks closely.\n"
    )
    assert [r["speaker"] for r in rows] == ["Nikos Giannakis", "Nikos Giannakis"]


def test_a_surname_alone_before_an_appositive_is_the_speaker() -> None:
    rows = _rows(
        "Athens\n\n"
        "Elena Kostas, a deputy, spoke first.\n\n"
        "Kostas, a frequent critic of Sergei Lavrov, said she had written to him in May.\n\n"
        "Separately, a Greek website close to the opposition said the letter was never sent.\n"
    )
    assert [r["speaker"] for r in rows] == ["Elena Kostas", "Greek website close to the opposition"]


def test_a_participle_clause_speaks_for_the_unlisted_person_opening_the_sentence() -> None:
    rows = _rows(
        "Talks\n\n"
        "ATHENS (AFP) - Greek Foreign Minister Nikos Dendias on Saturday defended the deal, a day "
        "after a lawmaker's broadside.\n\n"
        "Dendias had struck a similar note the previous day, telling state television that banks "
        'bore "part of the responsibility" for the delay.\n',
        published=date(2021, 3, 8),
    )
    row = _by_quote(rows, "banks bore")
    assert (row["speaker"], row["said_on"]) == ("Nikos Dendias", "2021-03-05")


def test_a_two_word_surname_takes_the_full_name_not_a_listed_namesake() -> None:
    rows = _rows(
        "Talks\n\n"
        "Iran's Deputy Foreign Minister Ali Bagheri Kani said on Wednesday that talks would go on."
        '\n\n"We are ready," Bagheri Kani told reporters.\n',
        published=date(2023, 7, 6),
    )
    assert [r["speaker"] for r in rows] == ["Ali Bagheri Kani", "Ali Bagheri Kani"]


def test_a_name_does_not_run_across_a_paragraph_break() -> None:
    rows = _rows(
        "Talks\n\n"
        '"Athens is not our ally," Elena Kostas, a commentator, wrote on X.\n\n'
        "Marina Petrou, a specialist at the Centre for Policy, said Rome kept its hotline open.\n"
    )
    assert [r["speaker"] for r in rows] == ["Elena Kostas", "Marina Petrou"]


def test_an_event_counted_back_from_the_day_dates_only_its_own_clause() -> None:
    rows = _rows(
        "Talks\n\n"
        "MOSCOW (Reuters) - Athens cannot save the deal alone, Deputy Foreign Minister Nikos "
        "Dendias said on Wednesday, a week after Ankara said it would quit the pact.\n\n"
        '"We will keep trying," Dendias added.\n\n'
        "On Wednesday, a week after the vote, Nikos Dendias said the talks would go on.\n",
        published=date(2019, 5, 15),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Nikos Dendias", "2019-05-15"),
        ("Turkey", "2019-05-08"),  # Ankara: a seat of government stands for its country
        ("Nikos Dendias", "2019-05-15"),
        ("Nikos Dendias", "2019-05-15"),
    ]


def test_a_title_refers_back_to_the_person_the_text_named_with_it() -> None:
    rows = _rows(
        "Deal signed\n\n"
        "Greek Transport Minister Nikos Kostas and his Italian counterpart Marco Bianchi signed "
        "the deal in Athens on Wednesday.\n\n"
        "Bianchi told reporters after the signing that work would begin soon. The Greek "
        "minister, speaking at the same ceremony, said Athens was ready to supply rails.\n\n"
        "Greek Ambassador Petros Alexiou told ANSA on Tuesday that trade had grown. The Greek "
        "envoy said the two sides were close to linking their payment systems.\n",
        published=date(2023, 5, 18),
    )
    assert [r["speaker"] for r in rows] == [
        "Marco Bianchi",
        "Nikos Kostas",
        "Petros Alexiou",
        "Petros Alexiou",
    ]


def test_a_pronoun_opening_a_paragraph_is_the_person_the_paragraph_before_introduced() -> None:
    rows = _rows(
        "Corridor\n\n"
        '"The corridor will change the region," Deputy Minister Karl Brenner said on Monday.\n\n'
        "Anna Lindqvist, a professor of economics at Uppsala University, struck a more cautious "
        "note.\n\n"
        '"Sweden and Finland are partners, but they are also competitors," she said.\n'
    )
    assert [r["speaker"] for r in rows] == ["Karl Brenner", "Anna Lindqvist"]


def test_a_person_only_talked_about_in_the_paragraph_before_is_not_the_pronoun() -> None:
    rows = _rows(
        "Corridor\n\n"
        '"The corridor will change the region," Deputy Minister Karl Brenner said on Monday.\n\n'
        "Talks with Anna Lindqvist were tense.\n\n"
        '"Sweden and Finland are partners, but they are also competitors," he said.\n'
    )
    assert [r["speaker"] for r in rows] == ["Karl Brenner", "Karl Brenner"]


def test_a_relative_that_inside_a_bare_reported_clause_is_not_where_it_starts() -> None:
    rows = _rows(
        "Talks\n\n"
        "Anna Lindqvist, who heads a research centre in Uppsala, said Stockholm's caution "
        "reflected a calculation that long predated the crisis.\n\n"
        "Karl Brenner said on Monday that the talks would go on.\n\n"
        "Marta Ruiz said in a statement issued on Tuesday that the deal was dead.\n"
    )
    assert [r["quote"] for r in rows] == [
        "Stockholm's caution reflected a calculation that long predated the crisis.",
        "the talks would go on.",
        "the deal was dead.",
    ]


def test_a_whether_clause_after_the_verb_says_nothing() -> None:
    rows = _rows(
        "Talks\n\n"
        "Neither leader said whether the treaty covered intelligence sharing. "
        "Karl Brenner said the treaty was strong.\n"
    )
    assert [r["quote"] for r in rows] == ["the treaty was strong."]


def test_a_quoted_title_in_an_opening_participle_phrase_is_not_a_quote() -> None:
    rows = _rows(
        "Talks\n\n"
        'Speaking to presenter Anna Berg on SVT\'s weekly programme "Hard Talk", Karl Brenner '
        'said Stockholm had urged "all sides" to show restraint after the strikes.\n'
    )
    assert [(r["speaker"], r["quote"][:22]) for r in rows] == [
        ("Karl Brenner", 'Stockholm had urged "a')
    ]


def test_told_with_its_object_before_or_after_the_reported_clause() -> None:
    rows = _rows(
        "Grain\n\n"
        "Athens has proposed paying half in euros, a source close to the talks told Kathimerini."
        "\n\nRome wants cash, the official told reporters on Monday.\n\n"
        "Anna Berg told the Financial Times the deal was dead.\n\n"
        "Marta Ruiz told Kathimerini on Monday the loan was ready.\n"
    )
    assert [r["quote"] for r in rows] == [
        "Athens has proposed paying half in euros",
        "Rome wants cash",
        "the deal was dead.",
        "the loan was ready.",
    ]


def test_she_and_he_skip_a_person_the_text_marks_as_the_other_gender() -> None:
    rows = _rows(
        "Talks\n\n"
        '"The corridor is ready," Anna Petrova, the ministry spokeswoman, said on Monday.\n\n'
        '"We will pay on time," Deputy Minister Ivan Sokolov said.\n\n'
        '"Payments are not the problem," she said.\n\n'
        "Mr Ruiz, a banker, was upbeat. Ms Lindqvist, an economist, was cautious.\n\n"
        '"Rails are the problem," she said.\n'
    )
    assert [r["speaker"] for r in rows] == [
        "Anna Petrova",
        "Ivan Sokolov",
        "Anna Petrova",
        "Ms Lindqvist",
    ]


def test_a_title_after_the_verb_and_an_interviewers_question_are_not_quotes() -> None:
    rows = _rows(
        "Book\n\n"
        '"Each side has always suspected the other," Anna Berg writes in "Neighbours Without '
        'Illusions", her study of the two states.\n\n'
        '"Is Sweden going to leave the pact?" presenter Karl Brenner asked her.\n\n'
        '"No, we will stay in it," she said.\n'
    )
    assert [r["quote"] for r in rows] == [
        "Each side has always suspected the other",
        "No, we will stay in it",
    ]


def test_a_name_after_a_listed_country_adjective_is_a_person_for_pronouns() -> None:
    rows = _rows(
        "OPEC\n\n"
        '"OPEC is a tool," Foreign Minister Anna Berg said on Thursday.\n\n'
        "Saudi Energy Minister Khalid al-Nasser sounded a more conciliatory note. "
        '"Iran is a founding member and its voice is heard," he told AFP.\n'
    )
    assert [r["speaker"] for r in rows] == ["Anna Berg", "Khalid al-Nasser"]


def test_a_participle_clause_speaks_for_the_person_not_the_institution_before_the_name() -> None:
    rows = _rows(
        "Talks\n\n"
        "Kremlin spokesman Dmitry Peskov declined to comment on the report, saying only that "
        'Russia "maintains working contacts with all countries of the region."\n'
    )
    assert [r["speaker"] for r in rows] == ["Dmitry Peskov"]


def test_names_with_letters_beyond_ascii() -> None:
    rows = _rows(
        "Corridor\n\n"
        '"A partnership of necessity, not of trust," Selin Arıkan, an analyst in Ankara, said.\n\n'
        "Ayşe Gürbüz told reporters the route would open.\n"
    )
    assert [r["speaker"] for r in rows] == ["Selin Arıkan", "Ayşe Gürbüz"]


def test_a_pronoun_after_an_unnamed_person_introduced_since_the_last_statement() -> None:
    rows = _rows(
        "Vienna\n\n"
        '"The axis has lost its bridge," Defence Minister Karl Brenner wrote on X.\n\n'
        "In Moscow, the mood is calmer. When I put the question to a Russian diplomat in "
        "Vienna last month, he shrugged.\n\n"
        '"The army simply stopped fighting," he said.\n\n'
        "Minister of Information and Communications Technology Ali Karimi said the launch "
        "went well.\n\n"
        'Jets will come "soon," Anna Berg, a member of parliament, told TV4 on Sunday.\n\n'
        '"The first batch is paid for," she said.\n'
    )
    assert [r["speaker"] for r in rows] == [
        "Karl Brenner",
        "Russian diplomat in Vienna",
        "Ali Karimi",
        "Anna Berg",
        "Anna Berg",
    ]


def test_the_occasion_after_an_object_is_not_what_was_said_and_dates_the_next_quote() -> None:
    rows = _rows(
        "Launch\n\n"
        "MOSCOW - A rocket lifted off from Plesetsk on Thursday, the space agency said.\n\n"
        '"The satellite is in orbit," its director Ivan Sokolov told reporters after the launch.'
        "\n\nSpokeswoman Anna Petrova rejected those concerns at her weekly briefing on Wednesday. "
        'The satellite had "an exclusively peaceful purpose," she said.\n',
        published=date(2024, 2, 29),
    )
    assert [(r["quote"][:30], r["said_on"]) for r in rows] == [
        ("A rocket lifted off from Plese", "2024-02-29"),
        ("The satellite is in orbit", "2024-02-29"),
        ("those concerns", "2024-02-28"),
        ('The satellite had "an exclusiv', "2024-02-28"),
    ]


def test_an_unlisted_speaker_takes_the_country_of_the_title_they_were_named_with() -> None:
    rows = _rows(
        "Launch\n\n"
        "Iran's Minister of Information and Communications Technology Ali Karimi attended.\n\n"
        '"Our relations with the Russian Federation are strategic," Karimi said.\n'
    )
    assert [(r["speaker"], r["speaker_country"], r["topic"], r["stance"]) for r in rows] == [
        ("Ali Karimi", "IRN", "russia_iran_alliance", "affirms")
    ]


def test_summary_verbs_negated_speech_passives_and_whose_clauses() -> None:
    rows = _rows(
        "Deal\n\n"
        "Not everyone in Athens welcomed the deal. Anna Berg condemned the move.\n\n"
        "Karl Brenner said nothing about Rome, an omission that was noticed.\n\n"
        "Berg's warning against the deal was widely reported in Greek media.\n\n"
        "Greek Energy Minister Nikos Kostas, whose country won an exemption, told reporters on "
        'Friday that the club was not "a private club run by Rome".\n\n'
        "President Marta Ruiz described the launch as a clear sign of progress.\n\n"
        'Her office said only that the two leaders had discussed "the region."\n'
    )
    assert [(r["speaker"], r["quote"][:20]) for r in rows] == [
        ("Nikos Kostas", 'the club was not "a '),
        ("Marta Ruiz", "a clear sign of prog"),
        ("Marta Ruiz", "the two leaders had "),
    ]


def test_a_call_the_story_reports_is_an_occasion() -> None:
    rows = _rows(
        "Rail deal\n\n"
        "ATHENS (Reuters) - Greece and Italy signed a rail deal on Wednesday, in a video call "
        "between their prime ministers.\n\n"
        "Italian Prime Minister Marta Ruiz, who joined the call from Rome, said the line would "
        "open in 2027.\n",
        published=date(2023, 5, 18),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [("Marta Ruiz", "2023-05-17")]


def test_an_occasion_named_without_an_article_dates_a_later_reference_to_it() -> None:
    rows = _rows(
        "Talks\n\n"
        "Greece and Italy signed a deal on Wednesday.\n\n"
        "The Greek foreign minister had flown to Rome on Monday for talks with the premier.\n\n"
        "The Italian premier's office said in a statement after the talks that Rome wanted "
        "closer ties.\n",
        published=date(2018, 7, 26),
    )
    assert [r["said_on"] for r in rows] == ["2018-07-23"]


def test_a_title_reaches_an_unlisted_speaker_and_they_a_plural_subject() -> None:
    rows = _rows(
        "Sanctions\n\n"
        "US Secretary of State Antony Blinken said Iran had sent missiles.\n\n"
        "British Foreign Secretary David Lammy was also in London. At the same press conference, "
        "Lammy said the UK would cancel air services agreements.\n\n"
        '"This is a reckless escalation," the foreign secretary said.\n\n'
        "Lawmakers from all four factions spoke in favour of the treaty during the debate. "
        'They said it would help both countries "break the blockade."\n'
    )
    assert [r["speaker"] for r in rows] == [
        "Antony Blinken",
        "David Lammy",
        "David Lammy",
        "Lawmakers from all four factions",
    ]


def test_a_count_from_an_occasion_dates_the_statement_from_that_occasion() -> None:
    rows = _rows(
        "Rail deal\n\n"
        "ROME - Greece and Italy on Wednesday signed an agreement on the Patras rail line.\n\n"
        "In an interview a day before the signing, Greek Ambassador Petros Alexiou called the "
        'line "the most important project on our agenda."\n\n'
        "Two days after the vote, Marta Ruiz said the deal was safe.\n",
        published=date(2023, 5, 18),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Petros Alexiou", "2023-05-16"),
        ("Marta Ruiz", ""),
    ]


def test_a_count_from_any_event_the_text_dates_dates_the_statement() -> None:
    # The event need not be an occasion one speaks at: a summons, a strike, an election; the
    # sentence that dates it names it by its noun or its verb ("was summoned the same day").
    rows = _rows(
        "Envoy summoned\n\n"
        "Chile's foreign ministry protested on March 4, and the Peruvian envoy was summoned the "
        "same day.\n\n"
        "Three days after the summons, the envoy, Rosa Quispe, said the matter was closed.\n\n"
        "A drone strike hit a depot near Arica on 12 March. A week after the drone strike, "
        "Hugo Lagos told reporters that nobody had claimed it.\n\n"
        "Two days after the scandal, Ana Pino said she would stay.\n",
        published=date(2023, 3, 30),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Rosa Quispe", "2023-03-07"),
        ("Hugo Lagos", "2023-03-19"),
        ("Ana Pino", ""),
    ]


def test_an_undated_event_counted_from_leaves_the_other_date_rules_in_force() -> None:
    # "a day after the criticism by X" counts from something the text never dates: the
    # interview day named just before still dates what was said in it.
    rows = _rows(
        "Talks\n\n"
        "Carla Mora gave an interview to Radio Uno on March 9. A day after the criticism by the "
        "opposition, Mora explained that the treaty was safe.\n",
        published=date(2023, 3, 30),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [("Carla Mora", "2023-03-09")]


def test_a_following_made_the_remarks_sentence_dates_what_the_speaker_said() -> None:
    # Agency style: the statement first, its day in the next sentence ("X made the remarks on
    # Monday in a meeting with ..."), for that speaker only.
    rows = _rows(
        "Brun: accord stands\n\n"
        "Danish Foreign Minister Ana Brun has said that the accord with Oslo still stands.\n\n"
        "Brun made the remarks on Tuesday in a meeting with the Norwegian envoy.\n\n"
        "Lars Holm, the opposition leader, said the accord was dead. Erik Dahl said it was "
        "weak. He made the comments at a rally on 3 May.\n",
        published=date(2024, 5, 9),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Ana Brun", "2024-05-07"),
        ("Lars Holm", ""),
        ("Erik Dahl", "2024-05-03"),
    ]


def test_a_conjunction_before_an_unnamed_speaker_and_an_aside() -> None:
    rows = _rows(
        "Summit\n\n"
        "But a Norwegian official, speaking on condition of anonymity, told NRK that the deal "
        "was safe.\n\n"
        "And the ministry, citing new figures, said that exports had doubled.\n\n"
        "But on Tuesday, speaking in Bergen, Ola Berg said the port would open.\n"
    )
    assert [r["speaker"] for r in rows] == ["Norwegian official", "ministry", "Ola Berg"]


def test_sources_after_even_as_or_while_are_the_speaker() -> None:
    rows = _rows(
        "Talks\n\n"
        "The two delegations posed for photographs on Wednesday, even as sources told the "
        "paper that the talks had stalled.\n\n"
        "The talks ended on Monday, while officials said that a deal was near.\n"
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("sources", "anonymous"),
        ("officials", "anonymous"),
    ]


def test_an_organisation_named_with_for_or_of_is_one_body() -> None:
    rows = _rows(
        "Report\n\n"
        "The Caspian Observatory for Human Rights reported last week that police had set up a "
        "new position.\n\n"
        "The Centre for Eastern Studies wrote that trade had doubled.\n\n"
        "Analyst Farah Qureshi of the Centre for Gulf Studies said the port would open.\n"
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("Caspian Observatory for Human Rights", "institution"),
        ("Centre for Eastern Studies", "institution"),
        ("Farah Qureshi", "person"),
    ]


def test_he_is_the_subject_not_the_person_in_its_appositive() -> None:
    rows = _rows(
        "Border\n\n"
        "Omid Karimi, a senior adviser to President Hassan Rouhani, went further. Writing on "
        "X, he warned that Iran would block any attempt to cut its border.\n"
    )
    assert [r["speaker"] for r in rows] == ["Omid Karimi"]


def test_a_statement_in_a_leading_subordinate_clause_ends_at_its_comma() -> None:
    # "a day after X announced that ..., Y said ...": two statements, not one swallowing Y
    rows = _rows(
        "Talks\n\n"
        "On Friday, a day after the Norwegian premier announced that the talks would resume, "
        "Swedish Foreign Minister Anna Berg said Stockholm would host them.\n\n"
        "When the governor said that the port would open, the mayor said the city was ready.\n\n"
        "The envoy said that, when the talks resume, Oslo would host them.\n"
    )
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("Norwegian premier", "the talks would resume"),
        ("Anna Berg", "Stockholm would host them."),
        ("governor", "the port would open"),
        ("mayor", "the city was ready."),
        ("envoy", "when the talks resume, Oslo would host them."),
    ]


def test_a_relative_clause_after_a_colon_quote_speaker_is_not_part_of_the_name() -> None:
    rows = _rows(
        "Talks\n\n"
        "A Danish diplomat who spoke to the author on condition of anonymity put it more "
        "bluntly: “We are their partners, not their bodyguards.”\n\n"
        "One analyst who follows the talks closely was blunt: “It is over.”\n"
    )
    assert [(r["speaker"], r["kind"]) for r in rows] == [
        ("Danish diplomat", "direct"),
        ("One analyst", "direct"),
    ]


def test_an_institution_placed_in_a_capital_is_that_countrys() -> None:
    # "In Tehran, the Foreign Ministry said" is Iran's; an embassy is placed abroad, so the
    # city it is in says nothing of whose it is.
    rows = _rows(
        "Rail\n\n"
        "In Tehran, the Foreign Ministry said in a statement that the line was a symbol of "
        "friendship.\n\n"
        "The Defence Ministry in Ankara said the drills were over.\n\n"
        "In Baku, the embassy said it had received no complaint.\n\n"
        "The Foreign Ministry said it was pleased.\n"
    )
    assert [(r["speaker"], r["speaker_country"]) for r in rows] == [
        ("Iranian Foreign Ministry", "IRN"),
        ("Turkish Defence Ministry", "TUR"),
        ("embassy", ""),
        # the Foreign Ministry named before, not the Defence Ministry that spoke last
        ("Iranian Foreign Ministry", "IRN"),
    ]


def test_a_quote_of_two_sentences_reads_the_occasion_named_before_it() -> None:
    # The sentence before the quote names the occasion ("after the talks"); the attribution is
    # in the quote's second sentence.
    rows = _rows(
        "Talks\n\n"
        "Peru hosted talks with Chile in Lima today.\n\n"
        "Chilean Foreign Minister Ana Soto spoke to Radio Nacional after the talks. “We had "
        "useful talks. The border is calm,” the minister said.\n",
        published=date(2025, 6, 23),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [("Ana Soto", "2025-06-23")]


def test_a_reply_was_made_on_the_day_of_what_it_replies_to() -> None:
    rows = _rows(
        "Talks\n\n"
        "Chilean Foreign Minister Ana Soto is in Lima today for talks with Peru.\n\n"
        "Pedro Vidal said on Friday that the border was closed.\n\n"
        "Opening the talks, Soto told Luis Rivas that the border was calm.\n\n"
        "Rivas replied that it was anything but calm.\n\n"
        "Responding, Soto said that the patrols would stay.\n\n"
        "Rivas responded on Twitter on Tuesday that they would not.\n",
        published=date(2025, 6, 25),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Pedro Vidal", "2025-06-20"),
        ("Ana Soto", "2025-06-25"),
        ("Luis Rivas", "2025-06-25"),
        ("Ana Soto", "2025-06-25"),
        ("Luis Rivas", "2025-06-24"),  # a reply with its own day keeps it
    ]


def test_telling_the_chamber_refers_to_the_session_the_story_dates() -> None:
    # A debate report: "told deputies", "told the chamber" address the session the lede dates.
    rows = _rows(
        "Sejm backs treaty\n\n"
        "WARSAW, May 6 — The Sejm on Tuesday approved the port treaty after a long debate.\n\n"
        "Deputy Minister Jan Nowak told deputies that the treaty was sound.\n\n"
        "Ewa Lis, an opposition deputy, told the chamber that it was rushed.\n\n"
        "Adam Kowal told reporters that he would appeal.\n",
        published=date(2025, 5, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Jan Nowak", "2025-05-06"),
        ("Ewa Lis", "2025-05-06"),
        ("Adam Kowal", ""),
    ]


def test_the_next_statement_of_the_same_speaker_dates_an_undated_one() -> None:
    # One speaker's turn in a debate report; "has long said" is a habit, not that day's words.
    # (The lede names no sitting, so that every speaker is not taken to have spoken at it.)
    rows = _rows(
        "Sejm backs treaty\n\n"
        "WARSAW, May 6 — The Sejm on Tuesday approved the port treaty.\n\n"
        "Ewa Lis, an opposition deputy, said her party would vote yes, but she was blunt.\n\n"
        "“It is rushed,” she told the chamber.\n\n"
        "Jan Nowak has long said that the treaty was flawed. On Tuesday, he told reporters "
        "that it was sound.\n\n"
        "Adam Kowal said the port was too small. On Monday, he told reporters that it "
        "would grow.\n",
        published=date(2025, 5, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Ewa Lis", "2025-05-06"),
        ("Ewa Lis", "2025-05-06"),
        ("Jan Nowak", ""),
        ("Jan Nowak", "2025-05-06"),
        ("Adam Kowal", ""),  # "On Monday, he ..." opens a new scene
        ("Adam Kowal", "2025-05-05"),
    ]


def test_a_session_reports_speakers_spoke_on_the_day_of_the_sitting() -> None:
    # The lede reports a sitting and its day: a speaker there with no day of their own spoke
    # that day; not words written, given in an interview, to reporters, or by an aide.
    rows = _rows(
        "Council\n\n"
        "The Nordic Council met on Tuesday in an emergency session on the Baltic blockade.\n\n"
        "The Danish delegate said the blockade was illegal.\n\n"
        "“We will not accept it,” said Anna Holm of Sweden.\n\n"
        "In an interview with NRK, the Norwegian delegate said the talks had failed.\n\n"
        "Lars Dahl told reporters that he was pleased.\n\n"
        "A council aide said the next session would be in May.\n",
        published=date(2024, 6, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Danish delegate", "2024-06-04"),
        ("Anna Holm", "2024-06-04"),
        ("Norwegian delegate", ""),
        ("Lars Dahl", ""),
        ("council aide", ""),
    ]


def test_at_a_briefing_only_the_briefer_spoke_and_a_sitting_merely_named_is_none() -> None:
    briefing = _rows(
        "Briefing\n\n"
        "Foreign Ministry spokeswoman Olga Petrova held her weekly briefing on Thursday.\n\n"
        "Petrova told reporters that relations with Oslo were strong.\n\n"
        "The Norwegian ambassador said relations were strained.\n",
        published=date(2024, 6, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in briefing] == [
        ("Olga Petrova", "2024-06-06"),
        ("Norwegian ambassador", ""),
    ]
    named = _rows(
        "Talks\n\n"
        "Russia and Norway failed on Friday to agree on a committee to draft the treaty.\n\n"
        "The envoy said relations were strong.\n",
        published=date(2024, 6, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in named] == [("envoy", "")]


def test_a_delegate_named_with_the_country_in_brackets_un_style() -> None:
    # UN meeting summaries: "NAME (Country) said", the name often in capitals.
    rows = _rows(
        "Council\n\n"
        "ANNA HOLM (Sweden) said the blockade was illegal.\n\n"
        "Lars Dahl (Norway) said the talks had failed.\n\n"
        "VASSILY NEBENZIA (Russian Federation) said Moscow was in contact with all sides.\n"
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("Anna Holm", "person"),
        ("Lars Dahl", "person"),
        ("Vassily Nebenzia", "person"),
    ]
    assert (rows[2]["speaker_id"], rows[2]["speaker_country"]) == ("nebenzia", "RUS")


def test_a_capitalised_title_after_the_name_leaves_the_name_the_speaker() -> None:
    rows = _rows(
        "Council\n\n"
        "Briefing by video link, Geir Aasen, Special Envoy of the Secretary-General for the "
        "Arctic, said the escalation risked undoing months of work.\n\n"
        "Briefing the Council, Tarja Lind, Assistant Secretary-General for Political Affairs, said "
        "the exchange was serious.\n\n"
        "John Smith, Deputy Director of the Caspian Institute, said trade had doubled.\n\n"
        "Asked whether Putin would meet Iranian President Masoud Pezeshkian, Kremlin spokesman "
        "Dmitry Peskov said the two leaders talk often.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Geir Aasen",
        "Tarja Lind",
        "John Smith",
        "Dmitry Peskov",
    ]


def test_an_appositive_after_a_titled_name_or_a_name_with_its_home() -> None:
    rows = _rows(
        "Hearing\n\n"
        "Senator Ruth Olsen of Kansas, the subcommittee's ranking Republican, said the "
        "administration had been slow.\n\n"
        "Committee chairman Jack Rees, a Rhode Island Democrat, said the two countries were "
        "bound together.\n"
    )
    assert [r["speaker"] for r in rows] == ["Ruth Olsen", "Jack Rees"]


def test_a_briefing_transcripts_answers_are_the_briefers_and_its_questions_no_ones() -> None:
    rows = _rows(
        "Briefing\n\n"
        "Foreign Ministry spokeswoman Olga Petrova held her weekly briefing on Thursday.\n\n"
        "Petrova said relations with Oslo were strong.\n\n"
        "Q (NRK): Norwegian officials say the port deal is dead. Is it?\n\n"
        "A: The deal is alive. We will sign it in May.\n\n"
        "Q (TASS): What about the railway?\n\n"
        "A: Work is under way.\n",
        published=date(2024, 6, 7),
    )
    assert [(r["speaker"], r["kind"], r["quote"], r["said_on"]) for r in rows] == [
        ("Olga Petrova", "indirect", "relations with Oslo were strong.", "2024-06-06"),
        ("Olga Petrova", "direct", "The deal is alive. We will sign it in May.", "2024-06-06"),
        ("Olga Petrova", "direct", "Work is under way.", "2024-06-06"),
    ]


def test_an_interview_transcripts_answers_and_their_first_person_continuations() -> None:
    rows = _rows(
        "Interview\n\n"
        "The Nordic Review met Anna Holm, Sweden's ambassador, in Oslo.\n\n"
        "Holm: We are partners, not allies. I have said so many times.\n\n"
        "The trade figures speak for themselves, and I am proud of them.\n\n"
        "Holm: No. The talks will go on.\n\n"
        "The interview has been edited for length.\n"
    )
    assert [(r["speaker"], r["kind"], r["quote"]) for r in rows] == [
        ("Anna Holm", "direct", "We are partners, not allies. I have said so many times."),
        ("Anna Holm", "direct", "The trade figures speak for themselves, and I am proud of them."),
        ("Anna Holm", "direct", "No. The talks will go on."),
    ]


def test_labels_that_name_no_one_are_no_transcript() -> None:
    rows = _rows(
        "Fact check\n\n"
        "Claim: Oslo has signed the port deal.\n\n"
        "Verdict: False.\n\n"
        "Claim: Trade doubled last year.\n\n"
        "Verdict: True.\n"
    )
    assert rows == []


def test_told_an_occasion_then_when_is_a_postposed_attribution_after_a_dateline() -> None:
    rows = _rows(
        "Briefing\n\n"
        "MOSCOW, Oct 2 — Russia sees no need for new mediators, spokeswoman Olga Petrova told "
        "her weekly briefing on Thursday, a day after Iran offered to host talks.\n\n"
        "The port will open in May, the minister told a news conference on Thursday, a week "
        "after the vote.\n",
        published=date(2020, 10, 2),
    )
    assert [(r["speaker"], r["quote"], r["said_on"]) for r in rows] == [
        ("Olga Petrova", "Russia sees no need for new mediators", "2020-10-01"),
        ("minister", "The port will open in May", "2020-10-01"),
    ]


def test_a_session_reports_day_is_the_sittings_not_the_datelines() -> None:
    rows = _rows(
        "Hearing\n\n"
        "OSLO, June 7 — The port deal is dead, Admiral Ola Berg told the parliament's defence "
        "committee on Thursday.\n\n"
        "Committee chairman Anna Holm said the navy was ready.\n",
        published=date(2024, 6, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Ola Berg", "2024-06-06"),
        ("Anna Holm", "2024-06-06"),
    ]


def test_an_outlet_named_after_its_kind_is_the_name() -> None:
    rows = _rows(
        "Press\n\n"
        "Conservative daily Aftonposten reported on Monday that the deal was dead.\n\n"
        "Norwegian state TV channel NRK 2 said on Tuesday that the talks had failed.\n\n"
        "The news agency Nordpress said that the port would open.\n"
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("Aftonposten", "media"),
        ("NRK 2", "media"),
        ("Nordpress", "media"),
    ]


def test_a_title_leading_straight_into_a_name_after_an_adverbial_is_the_subject() -> None:
    rows = _rows(
        "Press\n\n"
        "In the tabloid Nordic Post, columnist Erik Lund wrote on Monday that the deal was "
        "dead.\n\n"
        "Lars Berg, adviser to President Anna Holm, said the talks had failed.\n"
    )
    assert [r["speaker"] for r in rows] == ["Erik Lund", "Lars Berg"]


def test_she_after_a_capacity_as_an_unnamed_role_is_the_person_before() -> None:
    # "as a legal adviser" is the capacity she spoke in, not a new, unnamed speaker
    rows = _rows(
        "Profile\n\n"
        "“We are partners, not allies,” Roya Karimi said in the interview.\n\n"
        "It was not always so. In 2019, as a legal adviser appearing before the committee, she "
        "told lawmakers that Russia had never been reliable.\n"
    )
    assert [r["speaker"] for r in rows] == ["Roya Karimi", "Roya Karimi"]


def test_present_tense_write_and_complain_report_what_was_said() -> None:
    rows = _rows(
        "Interview\n\n"
        "Many Swedes remember the war, and some newspapers here write that Oslo will always "
        "sell Stockholm out.\n\n"
        "My Norwegian counterparts sometimes complain that Swedish firms are too cautious.\n"
    )
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("some newspapers here", "Oslo will always sell Stockholm out."),
        ("My Norwegian counterparts", "Swedish firms are too cautious."),
    ]


def test_says_after_an_appositive_or_a_common_noun_and_replies() -> None:
    rows = _rows(
        "Timeline\n\n"
        "Lars Dahl, head of the committee, says Norway is “not a junior partner.”\n\n"
        "A ministry spokesperson says Oslo will be “watching closely.”\n\n"
        "Dahl replies that ties with Oslo are strong.\n"
    )
    assert [r["speaker"] for r in rows] == ["Lars Dahl", "ministry spokesperson", "Lars Dahl"]


def test_a_timeline_entrys_date_dates_its_statements() -> None:
    rows = _rows(
        "Timeline\n\n"
        "Key statements on the treaty:\n\n"
        "April 8 – The Storting ratifies the treaty. Lars Dahl, head of the committee, says "
        "Norway is an equal partner.\n\n"
        "April 21 – The king signs the law. Anna Holm tells reporters the treaty is in force.\n\n"
        "Most analysts expect the treaty to last. Erik Lund says it will not.\n",
        published=date(2025, 4, 22),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Lars Dahl", "2025-04-08"),
        ("Anna Holm", "2025-04-21"),
        ("Erik Lund", ""),
    ]


def test_a_podcast_transcript_with_labels_in_capitals() -> None:
    rows = _rows(
        "Podcast\n\n"
        "Host Claire Dunn spoke to Nina Berg, an economist, and Pavel Greko, an analyst.\n\n"
        "HOST: Is the railway the big moment it is being sold as?\n\n"
        "BERG: It is a real moment, but not a big one yet.\n\n"
        "GREKO: Very different. In Moscow this is the missing link.\n\n"
        "HOST: Are we looking at an alliance?\n\n"
        "BERG: No. They are partners, not allies.\n"
    )
    assert [(r["speaker"], r["kind"]) for r in rows] == [
        ("Nina Berg", "direct"),
        ("Pavel Greko", "direct"),
        ("Nina Berg", "direct"),
    ]


def test_a_transcripts_answers_were_given_on_the_day_the_intro_names() -> None:
    rows = _rows(
        "Podcast\n\n"
        "The Nordic Review spoke to Nina Berg, an economist, in Oslo on Tuesday, two days after "
        "six weeks of talks ended. The episode was released on Thursday.\n\n"
        "HOST: Is the railway a big moment?\n\n"
        "BERG: It is a real moment, but not a big one yet.\n\n"
        "HOST: Are we looking at an alliance?\n\n"
        "BERG: No. They are partners, not allies.\n",
        published=date(2024, 6, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Nina Berg", "2024-06-04"),
        ("Nina Berg", "2024-06-04"),
    ]


def test_a_style_of_address_stands_for_the_person_named_with_it() -> None:
    rows = _rows(
        "Speech\n\n"
        "The Secretary-General of the Nordic League, His Eminence Sheikh Omar Lund, affirmed "
        "on Friday that the alliance was solid.\n\n"
        "In a televised speech, His Eminence said that talk of a rift was wishful thinking.\n\n"
        "In Oslo, the envoy, Her Excellency Dr. Anna Berg, told reporters on Thursday that the "
        "port was open.\n\n"
        "Her Excellency stressed: “No country decides for us.”\n\n"
        "“We will stay,” the Sheikh added.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Omar Lund",
        "Omar Lund",
        "Anna Berg",
        "Anna Berg",
        "Omar Lund",
    ]


def test_an_aside_in_brackets_after_the_subject_is_not_the_speaker() -> None:
    rows = _rows(
        "Bloggers\n\n"
        "The Fjord channel (@fjord, about 1.3 million subscribers) wrote on Tuesday that the "
        "salvo was a demonstration. In a follow-up post, the channel added that the defences "
        "had been overloaded.\n"
    )
    assert [(r["speaker"], r["speaker_type"]) for r in rows] == [
        ("Fjord channel", "media"),
        ("Fjord channel", "media"),
    ]


def test_a_cue_inside_a_question_left_open_is_no_statement() -> None:
    rows = _rows(
        "Talks\n\n"
        "He did not say whether Oslo had warned Stockholm before the strikes.\n\n"
        "Spokesman Lars Dahl did not say whether the talks had failed, telling reporters only "
        'that the two sides had held "a warm conversation."\n'
    )
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("Lars Dahl", 'the two sides had held "a warm conversation."')
    ]


def test_told_an_audience_then_a_participle_is_a_postposed_attribution() -> None:
    rows = _rows(
        "Council\n\n"
        "The strikes had foiled a plan to launch drones, Admiral Ola Berg told the committee, "
        "holding up a map of the site.\n"
    )
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("Ola Berg", "The strikes had foiled a plan to launch drones")
    ]


def test_a_title_abbreviation_between_quote_and_cue_is_no_sentence_end() -> None:
    rows = _rows(
        "Hearing\n\n"
        "“Oslo has gone from customer to supplier,” Gen. Ola Berg said in his opening remarks. "
        "“That is a fundamental change.”\n\n"
        "“We are ready,” Lt. Col. Anna Holm told reporters.\n"
    )
    assert [(r["speaker"], r["kind"], r["quote"]) for r in rows] == [
        ("Ola Berg", "direct", "Oslo has gone from customer to supplier"),
        ("Ola Berg", "direct", "That is a fundamental change."),
        ("Anna Holm", "direct", "We are ready"),
    ]


def test_quoted_as_saying_after_a_quote_and_a_long_appositive() -> None:
    rows = _rows(
        "Deal\n\n"
        "“A partner like that is not an ally,” Lars Dahl, a conservative member of parliament's "
        "national security committee, was quoted as saying by the NTB news agency on Thursday.\n"
    )
    assert [(r["speaker"], r["kind"], r["quote"]) for r in rows] == [
        ("Lars Dahl", "direct", "A partner like that is not an ally")
    ]


def test_subjects_with_a_day_a_date_or_a_number_with_commas() -> None:
    rows = _rows(
        "Claims\n\n"
        "The Storting on Friday denied that the talks had failed.\n\n"
        "Spokeswoman Anna Holm, at her weekly briefing on Sept. 21, 2023, said: “We are "
        "partners.”\n\n"
        "A post shared more than 30,000 times on X since late January claims that the king "
        "called Oslo “a true ally.”\n"
    )
    assert [r["speaker"] for r in rows] == ["Storting", "Anna Holm", "post"]


def test_a_clause_joined_by_while_with_its_own_subject_and_cue_is_its_speakers() -> None:
    rows = _rows(
        "Council\n\n"
        "Foreign Minister Lars Dahl warned that the talks were stalling, while the envoy of "
        "Sweden said a settlement remained the only way out.\n"
    )
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("Lars Dahl", "the talks were stalling"),
        ("envoy of Sweden", "a settlement remained the only way out."),
    ]


def test_a_pronoun_after_an_opening_adverbial_is_the_subject() -> None:
    rows = _rows(
        "Bloggers\n\n"
        "Anna Holm, a former medic, wrote on Tuesday that the salvo was a demonstration. In the "
        "same post she claimed, without offering evidence, that a shipment had been held back.\n\n"
        "The Fjord channel took the opposite line. On Wednesday it wrote that talk of a rift was "
        "wishful thinking.\n"
    )
    assert [r["speaker"] for r in rows] == ["Anna Holm", "Anna Holm", "Fjord channel"]


def test_the_paper_is_the_daily_the_sentence_before_opens_with() -> None:
    rows = _rows(
        "Press\n\n"
        "The conservative daily Nordposten called for calm. The pro-government daily "
        "Aftonposten took a similar line on 4 March in an editorial. Norway had been “a useful "
        "partner but an unreliable guarantor”, the paper said.\n",
        published=date(2025, 3, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows][-1] == ("Aftonposten", "2025-03-04")


def test_he_after_a_sentence_is_its_subject_not_the_person_it_is_about() -> None:
    rows = _rows(
        "Visit\n\n"
        "Last month in Oslo, Prime Minister Erik Lund spent five hours with King Harald Berg. "
        "He told his cabinet the following day that the talks had been warm.\n\n"
        "Norwegian envoy Ola Dahl met Anna Holm on Monday. She said the port would open.\n"
    )
    assert [r["speaker"] for r in rows] == ["Erik Lund", "Anna Holm"]


def test_a_dateline_with_a_colon_is_not_part_of_the_speaker() -> None:
    rows = _rows(
        "Roundup\n\n"
        "OSLO: Norway said on Monday that the talks would resume.\n\n"
        "NEW DELHI: Indian officials said the venue was ready.\n\n"
        "OSLO: The Storting said it was pleased.\n"
    )
    assert [r["speaker"] for r in rows] == ["Norway", "Indian officials", "Storting"]


def test_an_honorific_before_a_name_is_not_part_of_it() -> None:
    rows = _rows(
        "Hearing\n\n"
        "The question was tabled by Fiona Marsh, the Labour MP for Ashby Vale.\n\n"
        "“It is a welcome admission,” Ms Marsh said.\n\n"
        "Dr Helen Carr, director of the programme, said the two were close.\n"
    )
    assert [r["speaker"] for r in rows] == ["Fiona Marsh", "Helen Carr"]


def test_a_panel_in_the_second_sentence_after_a_question_dates_its_speakers() -> None:
    rows = _rows(
        "Panel\n\n"
        "Are Norway and Sweden allies? The question felt pressing at a panel discussion hosted "
        "by the Nordic Centre in London on Thursday, October 10.\n\n"
        "The moderator, Dr Helen Carr, said the two countries were close.\n\n"
        "“It is a partnership of the sanctioned,” said Nina Berg, an economist.\n",
        published=date(2024, 10, 14),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Helen Carr", "2024-10-10"),
        ("Nina Berg", "2024-10-10"),
    ]


def test_a_relative_clause_after_a_role_appositive_leaves_the_named_subject() -> None:
    # "X, role of Org, which ..., told": "which" hangs on the company, the speaker is X
    rows = _rows(
        "Trade\n\n"
        "Pavel Orlov, deputy chief executive of Volgatrans Shipping, which runs tankers across "
        "the Caspian, told a conference in Astrakhan that the sector was tired of promises.\n\n"
        "Lena Brandt, head of research at Nordlicht Capital, who has followed the talks for a "
        "decade, said the price would be settled last.\n\n"
        "The ministry, which oversees the pipeline, said the talks were going well.\n"
    )
    assert [r["speaker"] for r in rows] == ["Pavel Orlov", "Lena Brandt", "ministry"]


def test_counsel_for_a_party_is_an_aside_not_the_speaker() -> None:
    rows = _rows(
        "Court\n\n"
        "On Wednesday, Daniel Okafor KC, for Parsian, told the judge that the buyer had kept "
        "buying cargoes.\n\n"
        "Helen Ward, for the claimants, said the award should stand.\n\n"
        "Fiona Marlowe MP said the minister had not answered.\n"
    )
    # letters after a name ("KC", "MP") are not part of it
    assert [r["speaker"] for r in rows] == ["Daniel Okafor", "Helen Ward", "Fiona Marlowe"]


def test_committee_minutes_session_held_professor_and_by_saying() -> None:
    rows = _rows(
        "Defence Committee: summary of evidence\n\n"
        "House of Lords. Session held on Wednesday 4 June 2025.\n\n"
        "Members present: Dame Ann Hope (Chair); Lord Reed; Mr Ian Bell.\n\n"
        "Witnesses: Dr Alan Moss, Fellow, Kestrel Institute; Professor Ruth Kerr, Professor "
        "of Law, University of Tain.\n\n"
        '1. The Chair opened the hearing by saying that the contract was "a test case".\n\n'
        '2. Dr Moss told the Committee that the contract was "badly drafted".\n\n'
        "3. Professor Kerr disagreed, saying that the contract had held up. The contract was, "
        'she said, "a model of its kind".\n',
        published=date(2025, 6, 6),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Dame Ann Hope", "2025-06-04"),  # "the Chair": the member listed as "(Chair)"
        ("Alan Moss", "2025-06-04"),
        ("Ruth Kerr", "2025-06-04"),
        ("Ruth Kerr", "2025-06-04"),
    ]


def test_it_after_a_bodys_account_and_the_same_statement() -> None:
    rows = _rows(
        "Calls\n\n"
        "The Kremlin said the call was useful. The Prime Minister's Office said Netanyahu had "
        "warned Putin.\n\n"
        "The Kremlin's account of the same call mentioned neither Iran nor Syria. It said only "
        'that the two leaders had discussed "topical issues".\n\n'
        "The Russian foreign ministry's version ran to two sentences. The ministers, it said, "
        '"noted the importance of partnership".\n\n'
        "In a statement on Saturday, Iran's foreign ministry said Zarif had given evidence. "
        'According to the same statement, sanctions were "illegal".\n'
    )
    assert [r["speaker"] for r in rows] == [
        "Russia",
        "Israeli Prime Minister's Office",
        "Russia",  # "It": the Kremlin's account
        "Russian Foreign Ministry",  # "it": the ministry's version
        "Iranian Foreign Ministry",
        "Iranian Foreign Ministry",  # "the same statement": the ministry's
    ]


def test_a_section_headings_day_dates_the_statements_under_it() -> None:
    # a compilation of readouts: each section's heading gives the day of its call
    rows = _rows(
        "Calls\n\n"
        "MOSCOW — Moscow spent the weekend on the phone. Below are the readouts.\n\n"
        "THE KREMLIN: PUTIN–RAISI, FRIDAY\n\n"
        'The Kremlin said the call was "constructive".\n\n'
        "Putin stressed that the talks must go on, the readout said.\n\n"
        "JERUSALEM: NETANYAHU–PUTIN, Saturday\n\n"
        "The Prime Minister's Office said Netanyahu had raised Syria.\n\n"
        "OUR NOTE\n\n"
        "Anna Berg, an analyst in Oslo, said the readouts differed.\n",
        published=date(2019, 6, 23),
    )
    assert [r["said_on"] for r in rows] == ["2019-06-21", "2019-06-21", "2019-06-22", ""]


def test_statements_at_a_panel_named_earlier_take_its_day() -> None:
    rows = _rows(
        "Seminar\n\n"
        "OSLO — Some fifty scholars met at Nordby College this week to discuss the pact.\n\n"
        "On Friday's closing panel, Tor Lund, a historian, rejected the idea of an alliance.\n\n"
        'Kari Moe, who joined the panel by video link, said the pact was "a lease".\n\n'
        "During the question-and-answer session, Lund conceded that the oil trade was a "
        '"sore point".\n\n'
        'From the floor, Per Dahl, a retired diplomat, insisted that talk of a rift was "noise".'
        "\n\n"
        "Closing the day, the dean told participants that the debate would go on.\n",
        published=date(2025, 3, 1),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Tor Lund", "2025-02-28"),
        ("Kari Moe", "2025-02-28"),
        ("Tor Lund", "2025-02-28"),
        ("Per Dahl", "2025-02-28"),
        ("dean", "2025-02-28"),
    ]


def test_a_live_blogs_day_dates_its_entries() -> None:
    rows = _rows(
        "Storm over the strait – as it happened\n\n"
        "Live coverage from Tuesday 4 March 2025. All times are GMT.\n\n"
        "16:10 GMT\n\n"
        "The Turkish foreign ministry has just posted a statement.\n\n"
        '"We call for calm," it reads. "The strait must stay open."\n\n'
        "14:30 GMT\n\n"
        "Anna Berg, a shipping analyst, said the insurers were nervous.\n\n"
        "Olav Dahl had warned last year that the strait would close.\n\n"
        "Yuri Lenz reads it more coolly than most.\n",
        published=date(2025, 3, 4),
    )
    # "it reads": the statement, its issuer's; "reads it more coolly" is no speech
    assert [(r["speaker"], r["quote"][:12], r["said_on"]) for r in rows] == [
        ("Turkish Foreign Ministry", "We call for ", "2025-03-04"),
        ("Turkish Foreign Ministry", "The strait m", "2025-03-04"),
        ("Anna Berg", "the insurers", "2025-03-04"),
        ("Olav Dahl", "the strait w", "2024-01-01"),  # its own date: last year
    ]


def test_long_body_names_participle_after_a_quoted_comma_and_a_claim_appositive() -> None:
    rows = _rows(
        "Tape\n\n"
        "A Swedish official close to the Nordic Council of Defence Ministers, speaking on "
        'condition of anonymity, told Reuters the leak was "an inside job".\n\n'
        'Lena Holm tweeted that the remarks had been "unwise," adding that Oslo had "never '
        'been a reliable ally" of Stockholm.\n\n'
        'Erik Dahl also says that the radars "have never once been switched on," a claim '
        "Moscow has previously rejected.\n"
    )
    assert [(r["speaker"], r["quote"][:14]) for r in rows] == [
        ("Swedish official close to the Nordic Council of Defence Ministers", 'the leak was "'),
        ("Lena Holm", "the remarks ha"),
        ("Lena Holm", 'Oslo had "neve'),
        ("Erik Dahl", 'the radars "ha'),
    ]


def test_words_after_a_match_take_the_matchs_day() -> None:
    rows = _rows(
        "Derby\n\n"
        "OSLO — Norway and Sweden drew 2-2 in a friendly at the Ullevaal Stadium on Tuesday "
        "night, a game both sides called a celebration.\n\n"
        '"We came to play football," Sweden\'s captain, Erik Lund, told reporters after the '
        "match.\n\n"
        "Norway's coach, Ola Berg, told his post-match news conference that his side had been "
        '"too slow".\n\n'
        'The ambassador, Kari Moe, told state television at half-time that the two were "old '
        'friends".\n\n'
        '"We are brothers," Anna Dahl, a student, said before Tuesday\'s kick-off.\n',
        published=date(2025, 3, 26),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Erik Lund", "2025-03-25"),
        ("Ola Berg", "2025-03-25"),
        ("Kari Moe", "2025-03-25"),
        ("Anna Dahl", "2025-03-25"),
    ]


def test_he_is_not_the_company_whose_director_was_named() -> None:
    rows = _rows(
        "Court\n\n"
        "The court also heard from Pavel Orlov, Volga Gas Trading's former commercial director, "
        "who gave evidence by video link. He said the buyer had pressed for payment.\n"
    )
    assert [r["speaker"] for r in rows] == ["Pavel Orlov"]


def test_he_is_the_subject_introduced_after_an_opening_adverbial() -> None:
    rows = _rows(
        "Fans\n\n"
        'Anna Dahl, a student, said before the game that the teams were "brothers".\n\n'
        "Standing a few metres away, Amir Karimi, an engineer who has lived in Kazan for nine "
        "years, was more guarded.\n\n"
        '"It is not an ally," he said.\n'
    )
    assert [r["speaker"] for r in rows] == ["Anna Dahl", "Amir Karimi"]


def test_she_is_not_the_consultancy_in_the_speakers_title() -> None:
    rows = _rows(
        "Gas\n\n"
        '"The paperwork is there," said Olga Lind, head of research at the consultancy Nordgas '
        'Analytics. She said the two sides remained "several dollars apart".\n\n'
        "Per Holm, a partner at Baltic Shipping, said the route was busy. He added that rates "
        "had doubled.\n"
    )
    assert [r["speaker"] for r in rows] == ["Olga Lind", "Olga Lind", "Per Holm", "Per Holm"]


def test_the_envoy_is_the_ambassador_who_just_spoke_not_an_earlier_envoy() -> None:
    rows = _rows(
        "Roundup\n\n"
        "Geir Pedersen, the UN special envoy, said the talks would resume.\n\n"
        "Russia's ambassador to Iran, Levan Dzhagaryan, told reporters that talk of a rift was "
        '"wishful thinking". "Russia and Iran are not allies against anyone," the Russian envoy '
        "was quoted as saying by IRNA.\n"
    )
    assert [r["speaker"] for r in rows] == ["Geir Pedersen", "Levan Dzhagaryan", "Levan Dzhagaryan"]


def test_a_postposed_attribution_followed_by_late_on_a_day() -> None:
    rows = _rows(
        "EU\n\n"
        "BRUSSELS — The union will try to keep the trade flowing, the bloc's foreign policy "
        "chief Anna Berg said late on Tuesday after meeting the ministers.\n\n"
        "The talks will resume in June, Ola Dahl said shortly after the meeting.\n",
        published=date(2018, 5, 16),
    )
    assert [(r["speaker"], r["quote"], r["said_on"]) for r in rows] == [
        ("Anna Berg", "The union will try to keep the trade flowing", "2018-05-15"),
        ("Ola Dahl", "The talks will resume in June", ""),
    ]


def test_a_block_quote_after_told_reporters_colon() -> None:
    rows = _rows(
        "Border\n\n"
        "Defence Minister Ola Berg went further during a visit to the border on Monday. He told "
        "reporters:\n\n"
        '"We are ready for any scenario. Whoever tests us will find out."\n\n'
        "The ministry said in a statement:\n\n"
        "The border will stay closed until further notice.\n"
    )
    assert [(r["speaker"], r["quote"][:20]) for r in rows] == [
        ("Ola Berg", "We are ready for any"),
        ("ministry", "The border will stay"),
    ]


def test_he_after_a_surname_alone_and_an_unnamed_diplomat_attending() -> None:
    rows = _rows(
        "Port\n\n"
        "Captain Rustam Tagiev has sailed the Caspian for thirty years.\n\n"
        "A port official in Baku, who asked not to be named, said the new berth would open "
        '"next year at the earliest."\n\n'
        'Back on deck, the fog has lifted and Tagiev is looking south. "The railway will come '
        'after I retire," he says.\n\n'
        "An Iranian diplomat attending as an observer, who asked not to be named, told this "
        'newspaper that Tehran had been "frankly disappointed".\n'
    )
    assert [r["speaker"] for r in rows] == [
        "port official in Baku",
        "Rustam Tagiev",
        "Iranian diplomat attending as an observer",
    ]


def test_people_named_by_first_name_only() -> None:
    rows = _rows(
        "Border\n\n"
        'Olav Berg, the mayor, said the road would open "within months".\n\n'
        "Not everyone is convinced. Leila, 54, who sells tea near the bazaar, has heard the "
        "promise before.\n\n"
        '"They said the road was coming when I was a girl," she said.\n\n'
        "At the port, a crane operator who gave his name only as Hossein was blunter. "
        '"Customers are fine. But don\'t call it an alliance," he said.\n'
    )
    assert [r["speaker"] for r in rows] == ["Olav Berg", "Leila", "Hossein"]


def test_a_lede_debate_in_a_televised_debate_dates_its_exchanges() -> None:
    rows = _rows(
        "Debate\n\n"
        "OSLO - Norway's two candidates clashed over ties with Russia in a televised debate on "
        "Tuesday night, three days before the vote.\n\n"
        'Ola Berg said the partnership had "broken the wall." His rival, he said, had wasted '
        "eight years.\n\n"
        '"Who has asked Moscow\'s permission?" Kari Moe replied.\n',
        published=date(2024, 7, 3),
    )
    assert [r["said_on"] for r in rows] == ["2024-07-02", "2024-07-02", "2024-07-02"]


def test_a_what_they_said_box_gives_each_entry_its_labels_speaker_and_day() -> None:
    rows = _rows(
        "FACTBOX-What they said about the pact\n\n"
        "OSLO, March 7 - Norway and Sweden signed a pact on Friday.\n\n"
        "Here is what officials have said:\n\n"
        "JONAS LIND, NORWEGIAN PRIME MINISTER, MARCH 7, at a news conference:\n\n"
        'Said the pact would take trade "to a new level".\n\n'
        '"Our ties are strategic," he said.\n\n'
        "KARIN VOSS, SWEDISH FOREIGN MINISTER, MARCH 5, on X:\n\n"
        "Wrote that the signing showed the two were close.\n\n"
        "ERIK MOE, ADVISER TO THE KING, in an interview last week:\n\n"
        '"Norway is a real ally of Sweden."\n\n'
        "ANNA DAHL, SENIOR FELLOW AT THE NORDIC INSTITUTE, MARCH 6, in a commentary:\n\n"
        '"This is a partnership of neighbours," she wrote.\n',
        published=date(2025, 3, 7),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Jonas Lind", "2025-03-07"),
        ("Jonas Lind", "2025-03-07"),
        ("Karin Voss", "2025-03-05"),
        ("Erik Moe", ""),
        ("Anna Dahl", "2025-03-06"),
    ]


def test_a_tv_script_soundbite_label_names_its_speaker() -> None:
    rows = _rows(
        "Strikes\n\n"
        "ANCHOR (DAVID HOLT): Good evening. Our correspondent Sara Lind reports.\n\n"
        "LIND (VOICE-OVER): Oslo has denied that its forces fired the rockets.\n\n"
        "(SOUNDBITE) (Norwegian) NORWEGIAN DEFENCE MINISTER, OLA BERG, SAYING:\n"
        '"We are not looking for a war with anyone."\n\n'
        "(SOUNDBITE) (English) SENIOR RESEARCHER AT THE NORDIC INSTITUTE, KARI MOE, SAYING:\n"
        '"Norway and Sweden are partners, but they are not allies."\n\n'
        "(SOUNDBITE) (Russian) RUSSIAN FOREIGN MINISTRY SPOKESWOMAN, MARIA ZAKHAROVA, SAYING:\n"
        '"We call on all sides to show restraint."\n'
    )
    assert [r["speaker"] for r in rows] == ["Oslo", "Ola Berg", "Kari Moe", "Maria Zakharova"]


def test_a_quote_closing_its_sentence_with_a_full_stop_is_not_the_next_sentences() -> None:
    rows = _rows(
        "Interview\n\n"
        "Olav Berg said the talks were useful.\n\n"
        'Relations with Oslo, he said, were "at the best level in their history." He '
        "conceded, however, that the two sides did not agree on everything.\n\n"
        "The Kremlin's spokesman, Dmitry Peskov, had made a similar point, telling reporters "
        'that the treaty was "not directed against any third country."\n\n'
        'He goes on to complain that every contract "went to a Russian company." He also says '
        "that the talks failed.\n"
    )
    assert [(r["speaker"], r["kind"], r["quote"][:24]) for r in rows] == [
        ("Olav Berg", "indirect", "the talks were useful."),
        ("Olav Berg", "mixed", "Relations with Oslo, he "),
        ("Olav Berg", "indirect", "the two sides did not ag"),
        ("Dmitry Peskov", "mixed", 'the treaty was "not dire'),
        ("Dmitry Peskov", "mixed", 'every contract "went to '),
        ("Dmitry Peskov", "indirect", "the talks failed."),
    ]


def test_he_went_on_as_an_aside_or_after_a_quote_is_an_attribution() -> None:
    rows = _rows(
        "Interview\n\n"
        "Olav Berg said the talks were useful.\n\n"
        'Relations with Oslo, he went on, were "at the best level in their history."\n\n'
        '"We are partners," he went on.\n\n'
        "The talks went on for hours.\n"
    )
    assert [(r["speaker"], r["kind"]) for r in rows] == [
        ("Olav Berg", "indirect"),
        ("Olav Berg", "mixed"),
        ("Olav Berg", "direct"),
    ]


def test_a_correction_note_and_an_explainers_question_are_no_statements() -> None:
    rows = _rows(
        "Explainer\n\n"
        "Clarification: An earlier version of this explainer said the pact obliges Norway to "
        "defend Sweden.\n\n"
        "What does it say about the fleet?\n\n"
        "Olav Berg said the fleet would stay in port.\n"
    )
    assert [r["speaker"] for r in rows] == ["Olav Berg"]


def test_a_countrys_possessive_title_is_its_adjective_title() -> None:
    rows = _rows(
        "Talks\n\n"
        "JERUSALEM — Russia's special envoy for Syria told Israeli diplomats last month that the "
        "police could not stay.\n",
        published=date(2018, 8, 1),
    )
    assert [r["speaker"] for r in rows] == ["Alexander Lavrentiev"]


def test_a_titled_person_who_did_something_and_said_is_the_person_not_the_country() -> None:
    rows = _rows(
        "Match\n\n"
        "In a post on X, Iranian Foreign Minister Abbas Araghchi congratulated both teams and "
        'said the game had shown "warmth".\n\n'
        "Tel Aviv changed its policy and acknowledged the strikes were real.\n"
    )
    assert [r["speaker"] for r in rows] == ["Abbas Araghchi", "Israel"]


def test_a_press_reviews_headlined_title_and_a_concluding_correspondent() -> None:
    rows = _rows(
        "Papers\n\n"
        '"The two presidents spoke as allies," its diplomatic correspondent, Olga Lind, '
        "concluded.\n\n"
        'Haaretz is more sceptical. In an editorial headlined "A Partner, Not an Ally," the '
        "paper argues that Norway has no interest in binding itself to Sweden.\n\n"
        "The talks concluded on Friday.\n\n"
        "Senior Norwegian officials have now concluded that the deal is dead.\n"
    )
    assert [(r["speaker"], r["quote"][:20]) for r in rows] == [
        ("Olga Lind", "The two presidents s"),
        ("Haaretz", "Norway has no intere"),
        ("Senior Norwegian officials", "the deal is dead."),
    ]


def test_we_are_partners_from_a_russian_or_iranian_speaker_is_about_the_alliance() -> None:
    rows = _rows(
        "Interview\n\n"
        "Russia's ambassador Levan Dzhagaryan spoke to the paper.\n\n"
        '"We are strategic partners, not twins," he said.\n\n'
        '"We are partners with Oslo," Norwegian-born trader Ola Berg said.\n'
    )
    assert [(r["topic"], r["stance"]) for r in rows] == [
        ("russia_iran_alliance", "qualifies"),
        ("", ""),  # the speaker's side is neither Russia nor Iran
    ]


def test_words_written_in_a_document_the_lede_dates_take_its_date() -> None:
    rows = _rows(
        "Answer\n\n"
        "LONDON — The government has described the pact as a partnership, in a written "
        "parliamentary answer dated 7 March that has angered MPs.\n\n"
        '"The pact is a partnership of convenience," Ms Anna Berg wrote.\n\n'
        'Ola Dahl, an MP, said the answer was "too late".\n',
        published=date(2023, 3, 9),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Anna Berg", "2023-03-07"),
        ("Ola Dahl", ""),
    ]


def test_a_dated_occasion_introduced_with_he_dates_the_quote_after_it() -> None:
    rows = _rows(
        "Obituary\n\n"
        "Ivan Orlov, the scholar, died on Monday.\n\n"
        'Speaking at a conference in Tehran on May 12, 2007, he went further. "Moscow and '
        'Tehran have never been allies," he told the audience.\n',
        published=date(2024, 2, 14),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [("Ivan Orlov", "2007-05-12")]


def test_the_message_said_is_whoever_sent_the_message() -> None:
    rows = _rows(
        "Tributes\n\n"
        "Foreign Minister Sergei Lavrov said in a message of condolence on Monday that Orlov "
        'had been "a scholar who understood Iran."\n\n'
        '"He did as much as anyone to turn two neighbours into partners," the message said.\n'
    )
    assert [r["speaker"] for r in rows] == ["Sergei Lavrov", "Sergei Lavrov"]


def test_a_parliamentary_speech_its_heckles_and_replies() -> None:
    rows = _rows(
        "Majlis\n\n"
        "TEHRAN — A lawmaker accused Russia on Tuesday of treating Iran as a card, in a speech "
        "to an open session of parliament that was repeatedly interrupted.\n\n"
        '"Mr Speaker, I am not against friendship with any nation," Leila Hosseini began.\n\n'
        '"Russia stood with us in Syria!" a deputy shouted from the front rows.\n\n'
        '"And where is Syria now?" Hosseini shot back.\n\n'
        'Ali Karimi, a cleric, called out: "Point of order, Mr Speaker!"\n\n'
        "The band began to play.\n",
        published=date(2025, 2, 19),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("lawmaker", "2025-02-18"),
        ("Leila Hosseini", "2025-02-18"),
        ("deputy", "2025-02-18"),
        ("Leila Hosseini", "2025-02-18"),
        ("Ali Karimi", "2025-02-18"),
    ]


def test_a_writer_in_a_journal_a_letters_author_a_co_author_and_the_expert() -> None:
    rows = _rows(
        "Views\n\n"
        '"Norway and Sweden share enemies, not goals," writes Olav Berg in Foreign Affairs.\n\n'
        "Kari Moe's letter, published on Tuesday, insists that the two have survived every "
        "forecast of a breakup.\n\n"
        "Co-author Arash Tabrizi said the data were thin.\n\n"
        "Commenting on the summit, Aigerim Zhaksy, a research fellow of the Almaty Institute for "
        "Strategic Studies, noted that the talks had been hard.\n\n"
        '"One should not overestimate the unity of Oslo and Stockholm," the expert said.\n'
    )
    assert [r["speaker"] for r in rows] == [
        "Olav Berg",
        "Kari Moe",
        "Arash Tabrizi",
        "Aigerim Zhaksy",
        "Aigerim Zhaksy",
    ]


def test_words_at_a_screening_the_lede_dates_take_its_day() -> None:
    rows = _rows(
        "Film week\n\n"
        "OSLO — The queue stretched past the bookshops on Monday evening, as the Swedish Film "
        "Week opened with a sold-out screening.\n\n"
        "Opening the festival, the ambassador, Anna Berg, told the audience that she had "
        '"waited a long time."\n\n'
        "Speaking after the screening, Kari Moe, an actress, said she had been warned that "
        "audiences would be reserved.\n",
        published=date(2019, 11, 20),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Anna Berg", "2019-11-18"),
        ("Kari Moe", "2019-11-18"),
    ]


def test_a_summit_held_on_a_day_dates_its_speakers() -> None:
    rows = _rows(
        "Summit\n\n"
        "OSLO — On March 3, the Nordic Summit was held in Oslo with the leaders of five states.\n\n"
        'Prime Minister Ola Berg said: "The sea belongs only to the Nordic countries."\n\n'
        "Kari Moe stated that the convention opened new opportunities.\n",
        published=date(2018, 3, 4),
    )
    assert [(r["speaker"], r["said_on"]) for r in rows] == [
        ("Ola Berg", "2018-03-03"),
        ("Kari Moe", "2018-03-03"),
    ]


def test_a_date_in_a_since_clause_is_no_day_of_speaking() -> None:
    rows = _rows(
        "Treaty\n\n"
        "Pezeshkian, on his first visit to Russia since taking office in July, told the news "
        "conference that the pact would help.\n",
        published=date(2025, 1, 17),
    )
    assert [r["said_on"] for r in rows] == [""]


def test_which_after_an_institution_and_a_military_official() -> None:
    rows = _rows(
        "Strikes\n\n"
        "The first reaction came not from President Vladimir Putin but from the Russian Foreign "
        'Ministry, which said in a statement that it "strongly condemned" the attack.\n\n'
        "A senior Iranian military official, speaking on condition of anonymity, told Reuters "
        "that Moscow had offered to send only a single corvette.\n"
    )
    assert [r["speaker"] for r in rows] == [
        "Russian Foreign Ministry",
        "senior Iranian military official",
    ]


def test_no_closing_single_quote_in_a_speaker() -> None:
    rows = _rows(
        "Drills\n\n"
        "A senior Norwegian naval official spoke to reporters.\n\n"
        "'Oslo likes to be seen with us, but it never forgets its interests,' the official said.\n"
    )
    assert [r["speaker"] for r in rows][-1:] == ["senior Norwegian naval official"]


def test_a_floor_given_to_reply_and_rejected_when_asked() -> None:
    rows = _rows(
        "Majlis\n\n"
        "TEHRAN — A lawmaker attacked the treaty on Tuesday, in a speech to an open session of "
        "parliament.\n\n"
        "Leila Hosseini took the floor as the Majlis began its review of the treaty that the "
        "presidents signed in Moscow on January 17.\n\n"
        'Ali Karimi was given the floor to reply. "The lady speaks as if the sanctions were '
        'written in Moscow," he said.\n\n'
        'Dmitry Peskov rejected such readings when asked on June 23. "Nothing changes that," '
        "he told reporters.\n",
        published=date(2025, 2, 19),
    )
    assert [(r["speaker"], r["quote"][:12], r["said_on"]) for r in rows] == [
        ("Ali Karimi", "The lady spe", "2025-02-18"),
        ("Dmitry Peskov", "such reading", "2024-06-23"),
        ("Dmitry Peskov", "Nothing chan", "2024-06-23"),
    ]


@pytest.mark.parametrize(
    "content",
    [
        "Russia and Iran are close partners, though not identical twins",
        "the partnership between Russia and Iran had limits",
        "Russia treats Iran as a useful partner",
    ],
)
def test_a_bounded_or_instrumental_partnership_qualifies(content: str) -> None:
    assert alliance_stance(content) == "qualifies"
