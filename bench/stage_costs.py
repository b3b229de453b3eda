"""Per-article cost of each build stage, beside TextBlob sentiment alone over the same sentences.

For N perturbed seed articles (``scaled_corpus.make_corpus``) this runs the steps of
``newsframe.build.analyse_file`` one by one, in one process, timing each:

    read        ingest.read_source (bytes, sha256, decoding)
    body        boilerplate.separate_body
    sentences   sentences.split_sentences
    langid      ingest.detect_language
    metadata    headline, outlet, publication date (may infer it from the text's dates)
    actors      actors.find_actor_mentions
    dates       dates.find_dates
    statements  statements.extract_statements (quotes scored as the build scores them)
    events      events.extract_events
    frames      framing.find_frames
    sentiment   sentiment.score_texts over the sentences (TextBlob polarity/subjectivity + tone)

and, interleaved with them on the same article, ``TextBlob(s).sentiment`` for every sentence
(the floor cost the build is measured against), and the whole ``analyse_file``. Each article is
timed ``--rounds`` times; its per-stage time is the median over rounds. The table gives the
median and the mean over articles (the mean is what throughput sees) and each stage's share of
TextBlob alone. Times are CPU time of the process (``time.process_time``), which other
processes on a shared machine disturb far less than wall time; still, compare ratios, not ms.

    .venv/bin/python bench/stage_costs.py [-n 100] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import inspect
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scaled_corpus import make_corpus  # bench/ is on sys.path when this script runs
from textblob import TextBlob

from newsframe import build, ingest
from newsframe.actors import find_actor_mentions
from newsframe.article import Article
from newsframe.boilerplate import separate_body
from newsframe.dates import find_dates
from newsframe.events import extract_events
from newsframe.framing import find_frames
from newsframe.sentences import split_sentences
from newsframe.sentiment import score_texts
from newsframe.statements import extract_statements

STAGES = (
    "read",
    "body",
    "sentences",
    "langid",
    "metadata",
    "actors",
    "dates",
    "statements",
    "events",
    "frames",
    "sentiment",
)
# Stages newsframe adds on top of scoring sentences: what should be "nearly free".
EXTRACTION = ("actors", "dates", "statements", "events", "frames")
_STATEMENT_OPTIONS = set(inspect.signature(extract_statements).parameters)
# CPU time of this process: on a shared machine, wall time also counts the waits for a core.
_clock = time.process_time


def _timed(times: dict[str, float], stage: str, step: Callable[[], object]) -> object:
    started = _clock()
    value = step()
    times[stage] = _clock() - started
    return value


def _statements(article: Article, mentions: list, dates: list, scores: list) -> list:
    """extract_statements as the build calls it, sharing what this version of it accepts."""
    shared = {"mentions": mentions, "dates": dates, "sentence_scores": scores}
    return extract_statements(
        article, **{k: v for k, v in shared.items() if k in _STATEMENT_OPTIONS}
    )


def stage_times(path: Path) -> tuple[dict[str, float], list[str]]:
    """Seconds per stage for one article (as analyse_file runs them) and its sentences."""
    times: dict[str, float] = {}
    source = _timed(times, "read", lambda: ingest.read_source(path))
    body = _timed(times, "body", lambda: separate_body(source.text))
    article = Article(
        article_id=path.stem, file=path.name, text=source.text, flat=body.flat, body=body.body
    )
    article.sentences = _timed(times, "sentences", lambda: split_sentences(article))
    sentences = [s.clean for s in article.sentences]
    _timed(times, "langid", lambda: ingest.detect_language(" ".join(sentences)))
    row = {"headline": "", "original_outlet": "", "url": "", "author": ""}
    _timed(times, "metadata", lambda: build._fill_metadata(row, article, body, source, None))
    mentions = _timed(times, "actors", lambda: find_actor_mentions(article))
    dates = _timed(times, "dates", lambda: find_dates(article))
    scores = _timed(times, "sentiment", lambda: score_texts(sentences))
    _timed(times, "statements", lambda: _statements(article, mentions, dates, scores))
    _timed(times, "events", lambda: extract_events(article, dates=dates, mentions=mentions))
    _timed(times, "frames", lambda: find_frames(article, mentions=mentions))
    return times, sentences


def textblob_alone(sentences: list[str]) -> float:
    started = _clock()
    for sentence in sentences:
        TextBlob(sentence).sentiment  # noqa: B018 - the work being measured
    return _clock() - started


def whole(path: Path) -> float:
    started = _clock()
    build.analyse_file(path, None, path.stem)
    return _clock() - started


def measure(paths: list[Path], rounds: int) -> dict[str, list[float]]:
    """Per stage: each article's median seconds over ``rounds``."""
    samples: dict[str, list[list[float]]] = {}
    for path in paths[:3]:  # warm-up: lexicons, compiled patterns, TextBlob's lazy loading
        _, sentences = stage_times(path)
        textblob_alone(sentences)
        whole(path)
    for _ in range(rounds):
        gc.collect()
        for i, path in enumerate(paths):
            times, sentences = stage_times(path)
            times["TextBlob alone"] = textblob_alone(sentences)
            times["analyse_file"] = whole(path)
            for name, seconds in times.items():
                samples.setdefault(name, [[] for _ in paths])[i].append(seconds)
    return {name: [statistics.median(r) for r in per] for name, per in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="articles (default 100)")
    parser.add_argument("--rounds", type=int, default=5, help="timings per article (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = sorted(make_corpus(Path(tmp) / "corpus", args.n).glob("*.txt"))
        per_article = measure(paths, args.rounds)

    def med(name: str) -> float:
        return statistics.median(per_article[name]) * 1000

    def mean(name: str) -> float:
        return statistics.fmean(per_article[name]) * 1000

    floor_med, floor_mean = med("TextBlob alone"), mean("TextBlob alone")
    print(f"{args.n} perturbed seed articles, {args.rounds} rounds (median per article)")
    print(f"{'stage':22s} {'median ms':>10s} {'mean ms':>9s} {'/ TextBlob':>11s}")
    for name in STAGES:
        print(f"{name:22s} {med(name):10.3f} {mean(name):9.3f} {mean(name) / floor_mean:11.2f}")
    extraction = [sum(per_article[s][i] for s in EXTRACTION) for i in range(len(paths))]
    stages = [sum(per_article[s][i] for s in STAGES) for i in range(len(paths))]
    rows = [
        ("extraction (5 stages)", extraction),
        ("sum of stages", stages),
        ("analyse_file (whole)", per_article["analyse_file"]),
        ("TextBlob alone", per_article["TextBlob alone"]),
    ]
    print("-" * 55)
    for label, values in rows:
        m, a = statistics.median(values) * 1000, statistics.fmean(values) * 1000
        print(f"{label:22s} {m:10.3f} {a:9.3f} {a / floor_mean:11.2f}")
    print("-" * 55)
    print(
        f"extraction / TextBlob alone: {statistics.fmean(extraction) * 1000 / floor_mean:.2f} "
        f"(mean), {statistics.median(extraction) * 1000 / floor_med:.2f} (median)"
    )
    throughput = floor_mean / mean("analyse_file")
    print(
        f"analyse_file throughput / TextBlob alone: {throughput:.2f} "
        "(one process; target of issue 2: >= 0.80 for the whole build)"
    )


if __name__ == "__main__":
    main()
