"""Property-based tests (hypothesis): every extractor survives any text and keeps its offsets.

Two kinds of input: arbitrary Unicode (as ingestion can hand it over: decoded, ``\\r`` folded to
``\\n``, NULs removed) and text assembled from news-like fragments (quotes of every style,
dates, names, speech verbs, abbreviations, line breaks, boilerplate lines, footnote markers),
which reaches the extractors' deeper paths far more often than random characters do.

For each extractor: no exception; every ``start``/``end`` lies in the text and ``text[start:end]``
is the span the row claims; ids are unique. Last, building the same small generated corpus twice
gives byte-identical tables.
"""

from __future__ import annotations

import hashlib
import math
import os
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textblob import TextBlob

from newsframe.actors import find_actor_mentions
from newsframe.article import Article
from newsframe.boilerplate import separate_body
from newsframe.build import build
from newsframe.dates import find_dates
from newsframe.events import extract_events
from newsframe.framing import find_frames
from newsframe.pipeline import prepare_article
from newsframe.sentences import split_sentences
from newsframe.sentiment import score_text
from newsframe.statements import extract_statements

# A fixed, modest number of examples keeps the suite fast and the same on every run (a red test
# stays red). NEWSFRAME_EXAMPLES=5000 runs a deep, randomised search instead.
DEEP = int(os.environ.get("NEWSFRAME_EXAMPLES", "0"))
PROPERTY = settings(
    max_examples=DEEP or 60,
    deadline=None,
    derandomize=not DEEP,
    database=None,  # nothing written into the repository
    suppress_health_check=[HealthCheck.too_slow],
)


def as_ingested(text: str) -> str:
    """What ``ingest.read_source`` hands the pipeline: newlines normalised, NULs removed."""
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


# Any code point a decoded file can hold (no surrogates).
unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400).map(
    as_ingested
)

FRAGMENTS = [
    # quotes and quote marks of every style
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    '"We will not allow it," ',
    "“We are not allies in Syria,” ",
    "‘a myth’",
    " said ",
    " told reporters ",
    " according to ",
    " added that ",
    " denied that ",
    " was quoted as saying ",
    ", he said.",
    ", she said. ",
    " stressed ",
    # speakers and other actors
    "Sergei Ryabkov",
    "Russia's Deputy Foreign Minister Sergei Ryabkov",
    "Ryabkov",
    "Putin",
    "Vladimir Putin",
    "Iranian Foreign Minister Mohammad Javad Zarif",
    "the Russian president",
    "Netanyahu",
    "the Kremlin",
    "Tehran",
    "Moscow",
    "Israel",
    "Iran",
    "Russia",
    "Syria",
    "the Turkish Defence Ministry",
    "IRGC",
    "CNN",
    "an Iranian official",
    "He ",
    "They ",
    # dates
    "on Friday January 25",
    "Jan. 25, 2019",
    "January 27, 2019",
    "May 22, 2018 21:17",
    "17 Jun 2018 - 16:08",
    "2018-05-22",
    "In October",
    "last week",
    "three days later",
    "The next day",
    "two months after that interview",
    "yesterday",
    "in 2018",
    "Feb. 30",
    "31/02/2019",
    # events and frames
    " struck ",
    " attacked ",
    " met with ",
    " signed an agreement with ",
    " imposed sanctions on ",
    " withdrew from ",
    " alliance ",
    " not allies ",
    " cooperation ",
    " rift ",
    " tensions ",
    " war ",
    " strategic partnership ",
    # abbreviations, markers, punctuation, line breaks
    "U.S.",
    "Lt.-Col.",
    "(ret.)",
    "Dr.",
    "Syria.”1",
    "20185",
    "[1]",
    ". ",
    "? ",
    "! ",
    "...",
    "…",
    ", ",
    "; ",
    ": ",
    " — ",
    " - ",
    "-\n",
    "\n",
    "\n\n",
    "\n\n\n",
    "\t",
    "\u00a0",
    " ",
    # boilerplate lines
    "\n\nRelated Content\n\n",
    "\n\nDear Reader, become a part of our mission.\n\n",
    "You have read 3 articles this month.",
    "\n\nAccessibility links\n\nBreaking News\n\n",
    "\n\nShare\n\n",
    "Story Code: 123456",
    "Read more here",
    "Photo: Reuters",
    "QR code",
    # words
    "the",
    "officials",
    "meeting",
    "Damascus",
    "ceasefire",
]
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=80).map(
    lambda parts: as_ingested("".join(parts))
)

any_text = st.one_of(unicode_text, news_text)
published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


def prepared(text: str, day: date | None = None) -> Article:
    article = prepare_article(text, article_id="p", file="p.txt", published=day)
    article.published_basis = "manifest" if day else "unknown"
    return article


def assert_span(text: str, start: object, end: object) -> None:
    assert isinstance(start, int) and isinstance(end, int), (start, end)
    assert 0 <= start <= end <= len(text), (start, end, len(text))


def assert_in_sentence(article: Article, sentence_id: object, start: int, end: int) -> None:
    assert isinstance(sentence_id, int) and 0 <= sentence_id < len(article.sentences)
    sentence = article.sentences[sentence_id]
    assert sentence.start <= start <= end <= sentence.end, (sentence, start, end)


# --- body and sentences ---------------------------------------------------------------------


@PROPERTY
@given(any_text)
def test_separate_body_keeps_offsets(text: str) -> None:
    body = separate_body(text)
    assert len(body.flat) == len(text)
    previous_end = 0
    for paragraph in body.paragraphs:
        assert_span(text, paragraph.start, paragraph.end)
        assert paragraph.start >= previous_end, "paragraphs overlap or go backwards"
        previous_end = paragraph.end
    for span in (body.dateline, body.headline):
        if span is not None:
            assert_span(text, *span)
    for start, end in body.inline_blanks:
        assert_span(text, start, end)


@PROPERTY
@given(any_text)
def test_sentences_are_their_spans(text: str) -> None:
    article = prepared(text)
    assert article.sentences == split_sentences(article)  # deterministic
    previous_end = 0
    for n, sentence in enumerate(article.sentences):
        assert sentence.sentence_id == n
        assert_span(text, sentence.start, sentence.end)
        assert sentence.start < sentence.end and sentence.start >= previous_end
        previous_end = sentence.end
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.clean.strip(), "an empty sentence"
        assert any(a <= sentence.start and sentence.end <= b for a, b in article.body)


# --- extractors -----------------------------------------------------------------------------


@PROPERTY
@given(any_text, published)
def test_dates_lie_in_sentences(text: str, day: date | None) -> None:
    article = prepared(text, day)
    for mention in find_dates(article):
        assert_span(text, mention.start, mention.end)
        assert mention.start < mention.end
        assert article.sentence_at(mention.start) is not None
        assert mention.precision in ("day", "month", "year", "range", "unknown")
        assert mention.basis in ("explicit", "relative", "unknown")
        assert (mention.value is None) == (mention.precision == "unknown") or mention.value


@PROPERTY
@given(any_text, published)
def test_actor_mentions_are_their_spans(text: str, day: date | None) -> None:
    article = prepared(text, day)
    previous_end = 0
    for mention in find_actor_mentions(article):
        assert_span(text, mention.start, mention.end)
        assert mention.start >= previous_end, "mentions overlap"
        previous_end = mention.end
        assert article.flat[mention.start : mention.end] == mention.surface
        assert mention.actor_id and mention.name
    assert [m.start for m in find_actor_mentions(text)] == [
        m.start for m in find_actor_mentions(text)
    ]


@PROPERTY
@given(any_text, published)
def test_statements_lie_in_the_text(text: str, day: date | None) -> None:
    article = prepared(text, day)
    rows = extract_statements(article)
    ids = [row["statement_id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert_span(text, row["start"], row["end"])
        assert row["start"] < row["end"]
        assert row["kind"] in ("direct", "indirect", "mixed")
        assert row["quote"] == article.readable(row["start"], row["end"])
        if row["sentence_id"] != -1:
            sentence = article.sentences[row["sentence_id"]]
            assert sentence.start <= row["start"] < sentence.end
        for score in ("polarity", "subjectivity"):
            assert score not in row or math.isfinite(float(row[score]))


@PROPERTY
@given(any_text, published)
def test_events_lie_in_their_sentences(text: str, day: date | None) -> None:
    article = prepared(text, day)
    rows = extract_events(article)
    ids = [row["event_id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert_span(text, row["start"], row["end"])
        assert_in_sentence(article, row["sentence_id"], row["start"], row["end"])
        if row["date"]:
            date.fromisoformat(str(row["date"]))


@PROPERTY
@given(any_text, published)
def test_frame_cues_lie_in_their_sentences(text: str, day: date | None) -> None:
    article = prepared(text, day)
    rows = find_frames(article)
    keys = [(row["sentence_id"], row["frame"], row["start"], row["end"]) for row in rows]
    assert len(keys) == len(set(keys)), "the same cue twice for one frame"
    for row in rows:
        assert_span(text, row["start"], row["end"])
        assert row["start"] < row["end"]
        assert_in_sentence(article, row["sentence_id"], row["start"], row["end"])
        assert row["cue"] == article.readable(row["start"], row["end"]).lower()


@PROPERTY
@given(any_text)
def test_sentiment_scores_stay_in_range(text: str) -> None:
    polarity, subjectivity, n_scored, tone = score_text(text)
    assert -1.0 <= polarity <= 1.0 and 0.0 <= subjectivity <= 1.0
    assert isinstance(n_scored, int) and n_scored >= 0
    assert tone is None or -1.0 <= tone <= 1.0
    assert score_text(text) == (polarity, subjectivity, n_scored, tone)
    # TextBlob's own figures, whatever the text: the pre-loaded analyser changes speed only.
    blob = TextBlob(text).sentiment_assessments
    assert (polarity, subjectivity, n_scored) == (
        blob.polarity,
        blob.subjectivity,
        len(blob.assessments),
    )


# --- the build ------------------------------------------------------------------------------


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@settings(max_examples=4, deadline=None, derandomize=True, database=None)
@given(st.lists(news_text.filter(lambda t: len(t) > 40), min_size=2, max_size=4))
def test_building_twice_gives_identical_bytes(tmp_path_factory, texts: list[str]) -> None:
    root = tmp_path_factory.mktemp("twice")
    folder = root / "articles"
    folder.mkdir()
    for n, text in enumerate(texts):
        (folder / f"a{n}.txt").write_text(text, encoding="utf-8")
    for out in ("one", "two"):
        build(folder, root / out, jobs=1, progress=False, warn=lambda message: None)
    one, two = digest_tree(root / "one"), digest_tree(root / "two")
    assert one == two
    assert "articles.csv" in one and "sentences.csv" in one
