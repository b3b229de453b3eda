"""Build throughput and memory on scaled corpora, against TextBlob sentiment alone.

For each corpus size (default 1,000 and 10,000 articles made from the seeds) this prints, in
one run and with the same number of worker processes:
  - the whole build (`newsframe.build.build` as the command line runs it: tables streamed to
    disk): articles/s, peak memory
  - TextBlob sentiment alone over the same sentences: articles/s, peak memory
  - the ratio build / sentiment (target: >= 0.80; sentiment is the floor cost)
Throughput is the median of --rounds runs, each in a fresh process; peak memory is the largest
resident set of that run's whole process tree (parent + workers), sampled every 20 ms.

    .venv/bin/python bench/build_speed.py [--sizes 1000 10000] [--rounds 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import psutil
from scaled_corpus import make_corpus  # bench/ is on sys.path when this script runs
from textblob import TextBlob

from newsframe.build import build


class PeakMemory:
    """Largest total RSS of this process and its children while the block runs."""

    def __enter__(self) -> PeakMemory:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                total = me.memory_info().rss + sum(
                    c.memory_info().rss for c in me.children(recursive=True)
                )
            except psutil.Error:
                total = 0
            self.peak = max(self.peak, total)
            time.sleep(0.02)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _sentiment_of_article(sentences: list[str]) -> int:
    for sentence in sentences:
        TextBlob(sentence).sentiment  # noqa: B018 - the work being measured
    return len(sentences)


def sentiment_alone(articles: list[list[str]], jobs: int) -> None:
    if jobs == 1:
        for sentences in articles:
            _sentiment_of_article(sentences)
        return
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_sentiment_of_article, articles, chunksize=32))


def _measure_here(what: str, corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    """Run one measured job in this (fresh) process: articles/s and the tree's peak RSS."""
    if what == "build":
        work = lambda: build(  # noqa: E731
            corpus, out, jobs=jobs, progress=False, warn=lambda m: None, keep_tables=False
        )
        n = sum(1 for p in corpus.iterdir() if p.is_file())
    else:
        sentences = pd.read_csv(out / "sentences.csv", usecols=["article_id", "clean_text"])
        per_article = [g.tolist() for _, g in sentences.groupby("article_id")["clean_text"]]
        del sentences
        work = lambda: sentiment_alone(per_article, jobs)  # noqa: E731
        n = len(per_article)
    with PeakMemory() as memory:
        started = time.perf_counter()
        work()
        elapsed = time.perf_counter() - started
    return {"rate": n / elapsed, "peak_mib": memory.peak / 2**20}


def measure(what: str, corpus: Path, out: Path, jobs: int, rounds: int) -> tuple[float, float]:
    """Median articles/s and largest peak over ``rounds`` runs, each in a new process so one
    measurement's memory never counts in the next."""
    rates, peaks = [], []
    for _ in range(rounds):
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--measure",
                what,
                "--corpus",
                str(corpus),
                "--out",
                str(out),
                "--jobs",
                str(jobs),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        rates.append(figures["rate"])
        peaks.append(figures["peak_mib"])
    return statistics.median(rates), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--measure", choices=("build", "sentiment"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure_here(args.measure, args.corpus, args.out, args.jobs)))
        return
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs}, rounds: {args.rounds} (median)")
    print(f"{'articles':>8s} {'what':24s} {'articles/s':>11s} {'peak MiB':>9s}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = make_corpus(Path(tmp) / f"corpus-{n}", n)
            out = Path(tmp) / f"data-{n}"
            build_rate, build_peak = measure("build", corpus, out, args.jobs, args.rounds)
            alone_rate, alone_peak = measure("sentiment", corpus, out, args.jobs, args.rounds)
            ok = pd.read_csv(out / "articles.csv", usecols=["status"])["status"].eq("ok").sum()
            print(f"{n:8d} {'whole build':24s} {build_rate:11.1f} {build_peak:9.0f}")
            print(f"{n:8d} {'TextBlob sentiment alone':24s} {alone_rate:11.1f} {alone_peak:9.0f}")
            print(f"{n:8d} {'ratio build/sentiment':24s} {build_rate / alone_rate:11.2f}")
            if ok != n:
                print(f"         note: {n - ok} of {n} articles were rejected by the build")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork", force=True)
    main()
