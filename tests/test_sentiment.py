"""Tone: TextBlob's columns stay TextBlob's; ``tone`` reads diplomatic and conflict language."""

from __future__ import annotations

import csv
import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import textblob._text
import textblob.en
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob

from newsframe import sentiment
from newsframe.reference import read_reference_csv
from newsframe.sentiment import (
    article_tone,
    score_text,
    score_texts,
    targeted_tone,
    tone_lexicon,
)

LABELS = Path(__file__).parent / "labels" / "sentences_labelled.csv"


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties), as pandas computes it."""
    return float(pd.DataFrame({"a": a, "b": b}).corr(method="spearman").loc["a", "b"])


def labelled() -> list[dict[str, str]]:
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def tone(text: str) -> float | None:
    return score_text(text)[3]


def test_polarity_subjectivity_and_count_are_textblobs_own() -> None:
    for row in labelled()[::7]:
        text = row["sentence"]
        polarity, subjectivity, n_scored, _ = score_text(text)
        blob = TextBlob(text).sentiment_assessments
        assert polarity == pytest.approx(blob.polarity)
        assert subjectivity == pytest.approx(blob.subjectivity)
        assert n_scored == len(blob.assessments)


def test_nothing_scored_is_unknown_not_neutral() -> None:
    text = "The delegation arrived in Moscow on Sunday."
    assert TextBlob(text).sentiment_assessments.assessments == []  # precondition
    assert score_text(text) == (0.0, 0.0, 0, None)


def test_words_textblob_misreads_are_corrected() -> None:
    # TextBlob: "latest" +0.5, "attacks"/"tensions"/"enemies" nothing.
    assert TextBlob("The latest report was published.").sentiment.polarity > 0
    assert tone("The latest report was published.") == 0.0
    for text in (
        "The attacks continued overnight.",
        "Tensions grew between the neighbours.",
        "They called them enemies.",
    ):
        assert TextBlob(text).sentiment.polarity == 0  # precondition
        assert tone(text) < 0, text


def test_negation_turns_a_domain_word() -> None:
    assert tone("Moscow and Tehran are allies.") > 0
    assert tone("Moscow and Tehran are not allies.") < 0
    assert tone("There is no tension between the two governments.") > 0


def test_contrast_puts_the_weight_after_but() -> None:
    assert tone("They are rivals on paper, but partners in practice.") > 0
    assert tone("They are partners on paper, but rivals in practice.") < 0
    assert tone("We do not have an alliance, but we have a strong partnership.") > 0


def test_tone_is_bounded_and_score_texts_matches_score_text() -> None:
    texts = [row["sentence"] for row in labelled()]
    scores = score_texts(texts + texts[:3])
    assert len(scores) == len(texts) + 3
    for text, score in zip(texts, scores, strict=False):
        assert score == score_text(text)
        assert score[3] is None or -1.0 <= score[3] <= 1.0


def test_tone_tracks_the_analyst_far_better_than_textblob() -> None:
    rows = labelled()
    human = [int(r["tone"]) for r in rows]
    tones = [(tone(r["sentence"]) or 0.0) for r in rows]
    textblob = [TextBlob(r["sentence"]).sentiment.polarity for r in rows]
    assert spearman(human, tones) >= 0.60
    # The issue measured TextBlob at about 0.1 on this kind of text; if it were much better the
    # labels would not be the hard sample they claim to be.
    assert spearman(human, textblob) < 0.3


def test_tone_lexicon_is_well_formed() -> None:
    rows = read_reference_csv("tone_lexicon.csv")
    terms = [r["term"] for r in rows]
    assert len(terms) == len(set(terms)), "a term is listed twice"
    assert all(-1.0 <= float(r["score"]) <= 1.0 for r in rows)
    lexicon = tone_lexicon()
    assert lexicon.word_score("escalation") == lexicon.stems["escalat"]
    assert lexicon.word_score("unrelated") is None


def sentences_frame() -> pd.DataFrame:
    texts = {
        ("a1", 0): "Moscow and Tehran deepened their partnership.",
        ("a1", 1): "The weather in Vienna was mild.",
        ("a2", 0): "Russia and Iran are not allies.",
        ("a2", 1): "Russian officials arrived on Tuesday.",
        ("a3", 0): "Tensions between Russia and Iran grew.",
    }
    rows = []
    for (article_id, sentence_id), text in texts.items():
        polarity, subjectivity, n_scored, tone_value = score_text(text)
        rows.append(
            {
                "article_id": article_id,
                "sentence_id": sentence_id,
                "text": text,
                "polarity": polarity,
                "subjectivity": subjectivity,
                "n_scored_words": n_scored,
                "tone": tone_value,
            }
        )
    return pd.DataFrame(rows)


ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "a3"],
        "outlet": ["Outlet A", "Outlet A", "Outlet B"],
        "published": [date(2019, 1, 5), date(2019, 1, 20), None],
    }
)


def test_targeted_tone_of_a_pair_per_outlet_and_month() -> None:
    sentences = sentences_frame()
    out = targeted_tone(sentences, ARTICLES, ("RUS", "IRN"))
    by_cell = {(r.outlet, r.period): r for r in out.itertuples()}
    assert set(by_cell) == {("Outlet A", "2019-01"), ("Outlet B", "unknown")}
    cell = by_cell[("Outlet A", "2019-01")]
    assert cell.n_articles == 2 and cell.n_sentences == 2
    expected = (
        tone("Moscow and Tehran deepened their partnership.")
        + tone("Russia and Iran are not allies.")
    ) / 2
    assert cell.tone == pytest.approx(expected)
    assert by_cell[("Outlet B", "unknown")].tone < 0


def test_targeted_tone_of_one_country_takes_its_people_and_capital() -> None:
    out = targeted_tone(sentences_frame(), ARTICLES, "RUS")
    assert out["n_sentences"].sum() == 4  # every sentence but the one about the weather


def test_article_tone_counts_unknown_sentences() -> None:
    sentences = sentences_frame()
    sentences.loc[1, "tone"] = None
    out = article_tone(sentences).set_index("article_id")
    assert out.loc["a1", "n_tone_unknown"] == 1
    assert out.loc["a1", "tone"] == pytest.approx(sentences.loc[0, "tone"])
    assert not math.isnan(out.loc["a2", "tone"])


def test_loaded_analyser_gives_textblobs_scores_and_assessments() -> None:
    # The analyser is TextBlob's own with plain dict lookups: every figure and chunk must match
    # TextBlob(x).sentiment_assessments, including negations, modifiers, "!" and emoticons.
    texts = [row["sentence"] for row in labelled()] + [
        "It is not really good at all!",
        "A very, very bad idea :-( but not terrible.",
        "Never the worst; hardly surprising (!) and truly wonderful :)",
        "",
        "12 3.5 U.S. e.g. ... ?!",
    ]
    for text in texts:
        ours = score_text(text)
        blob = TextBlob(text).sentiment_assessments
        assert (ours[0], ours[1], ours[2]) == (
            blob.polarity,
            blob.subjectivity,
            len(blob.assessments),
        )
        assert sentiment._pattern_sentiment(text).assessments == blob.assessments


# The tokenizer: TextBlob's words, faster. Text built from the pieces its rules look at
# (contractions, quote marks, blank lines, abbreviations, "...", emoticons, "(!)", the marker
# it uses for a sentence end, white space of every kind) reaches every one of its paths.
TOKENIZER_PIECES = [
    *"aoOxXDdpPbcS3s.,;:!?()[]{}<>=*^-_/\\|&$#@%~`'\"“”‘’°♥8 \n\r\t\u00a0\u2028\x1c",
    *("n't", "can't", "don't", "'s", "'ll", "'d", "END-OF-SENTENCE", "Mr.", "U.S.", "e.g."),
    *("Jan.", "St.", "Bc|x.", "w/", "...", "..", "  ", "\n\n", "\r\n\r\n", ":)", ": )", "( ! )"),
    *("(!)", "o.O", ">.>", ":'(", "xD", "2018", "Russia", "good", "not", "very", "bad", "\x01"),
]
tokenizer_text = st.lists(st.sampled_from(TOKENIZER_PIECES), max_size=30).map("".join)


def textblob_words(text: str) -> list[str]:
    return " ".join(textblob._text.find_tokens(text)).split()


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@given(st.one_of(tokenizer_text, st.text(alphabet=st.characters(exclude_categories=("Cs",)))))
def test_tokenizer_gives_textblobs_words(text: str) -> None:
    tokenizer = sentiment._pattern_analyser().tokenizer
    assert " ".join(tokenizer(text)).split() == textblob_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "He won't go: it is good :) and bad ( ! ) too.",  # emoticon, sarcasm: the whole text
        "Plan o. O no",  # "o . O" is an emoticon within one sentence of find_tokens' ...
        "He said no. O Canada",  # ... not across two: step 3 decides
        "First line.\n\nSecond line, don't.",
        "U.S. officials (ret.) met Jan. 25 ... and e.g. Mr. X.",
    ],
)
def test_tokenizer_edge_cases(text: str) -> None:
    assert " ".join(sentiment._pattern_analyser().tokenizer(text)).split() == textblob_words(text)


def test_tokenizer_words_do_not_depend_on_what_it_remembers() -> None:
    forgetful = sentiment._RememberingTokenizer(textblob.en.sentiment.tokenizer, limit=0)
    texts = [row["sentence"] for row in labelled()]
    assert [forgetful(t) for t in texts] == [textblob_words(t) for t in texts]
    assert not forgetful.memo


def test_textblob_is_used_without_importing_nltk_and_stays_whole() -> None:
    """newsframe loads only TextBlob's sentiment modules (no NLTK at start-up); a later
    ``import textblob`` in the same process is still the complete package, scoring alike."""
    script = (
        "import sys\n"
        "import newsframe.build\n"
        "from newsframe.sentiment import score_text\n"
        "assert 'nltk' not in sys.modules, 'nltk imported'\n"
        "assert not any(n.split('.')[0] == 'textblob' for n in sys.modules), 'textblob left'\n"
        "text = 'Not a strategic ally, but a good and useful partner.'\n"
        "ours = score_text(text)[:2]\n"
        "from textblob import TextBlob\n"
        "import textblob.en\n"
        "assert tuple(TextBlob(text).sentiment) == ours, (TextBlob(text).sentiment, ours)\n"
        "assert 'nltk' in sys.modules and hasattr(textblob.en, 'sentiment')\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def _lexicon_sample() -> list[str]:
    """Words of every kind TextBlob's ``assessments`` tells apart: scored words (some that
    modify the next one), negations, emoticons, "!" and "(!)", small and long unknown words."""
    analyser = sentiment._pattern_analyser()
    scored = sorted(analyser._scored)
    modifiers = [w for w in scored if analyser._scored[w][3]][:40]
    emoticons = sorted({e for forms in textblob._text.EMOTICONS.values() for e in forms})
    return [
        *scored[::60],
        *modifiers,
        *("really", "very", "truly", "hardly", "good", "bad", "not", "no", "never", "n't"),
        *emoticons,
        *(e.lower() for e in emoticons),
        *("!", "(!)", "(", ")", "'", "''", "'s", "a", "is", "at", "all", "2018", "3.5", "--"),
        *("u.s.", "“", "”", "...", "xd", "°o°", "unknownword", "ly", "x"),
    ]


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(_lexicon_sample()), max_size=25), st.booleans())
def test_assess_is_textblobs_assessments(words: list[str], negation: bool) -> None:
    analyser = sentiment._pattern_analyser()
    textblobs = textblob._text.Sentiment.assessments(analyser, ((w, None) for w in words), negation)
    assert analyser._assess(words, negation=negation) == textblobs


@settings(max_examples=1000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from([*_lexicon_sample(), " ", ", ", ". ", "\n\n"]), max_size=30))
def test_analyser_scores_text_as_textblob_does(pieces: list[str]) -> None:
    text = " ".join(pieces)
    ours = sentiment._pattern_analyser()(text)
    blob = TextBlob(text).sentiment_assessments
    assert (ours[0], ours[1]) == (blob.polarity, blob.subjectivity)
    assert ours.assessments == blob.assessments
