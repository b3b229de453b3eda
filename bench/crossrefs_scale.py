"""Cost of the cross-references by corpus size, and of the title claims each article makes.

Builds the per-article results of a scaled corpus once (``make_corpus``: perturbed copies of
the seeds; copy i is the same whatever the corpus size, so the smaller corpora are prefixes of
the largest one), caches them, then for each size times, as the median of --rounds rounds:

  - ``xref``: ``cross_reference`` and ``title_conflicts`` as ``assemble_tables`` calls them at
    the end of a build (with the per-article title claims), in ms per article: the serial work
    the main process does after the workers finish;
  - ``assemble``: the whole ``assemble_tables`` (tables, article tone, cross-references);
  - ``before``: the same two with the cross-reference module as committed at --before-ref
    (skipped above --before-max articles).

Then it times ``article_title_claims`` (run by every worker for every article) over the first
--claims articles, as the build runs it: from the text alone, and with the article and its
actor mentions (which the build has already found); both must give the same claims.

    .venv/bin/python bench/crossrefs_scale.py [--sizes 1000 10000] [--rounds 3] [--jobs 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scaled_corpus import make_corpus  # bench/ is on sys.path when this script runs

from newsframe import build as build_module
from newsframe import crossrefs, ingest
from newsframe.actors import find_actor_mentions
from newsframe.pipeline import read_article

ROOT = Path(__file__).resolve().parent.parent


def results_for(n: int, jobs: int, cache: Path) -> list[build_module.ArticleResult]:
    """Per-article results of the first ``n`` corpus copies (cached by the largest size)."""
    cache.mkdir(parents=True, exist_ok=True)
    cached = sorted(cache.glob("results-*.pickle"), key=lambda p: int(p.stem.split("-")[1]))
    usable = [p for p in cached if int(p.stem.split("-")[1]) >= n]
    if usable:
        results = pickle.loads(usable[0].read_bytes())[:n]
    else:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = make_corpus(Path(tmp) / "corpus", n)
            paths = sorted(corpus.glob("*.txt"))
            tasks = [(p, None, p.stem) for p in paths]
            results = list(build_module._run(tasks, jobs))
        (cache / f"results-{n}.pickle").write_bytes(pickle.dumps(results))
    return results


def load_before(ref: str):
    """The cross-reference module as it was at ``ref``, imported under another name."""
    source = subprocess.run(
        ["git", "show", f"{ref}:lib/newsframe/crossrefs.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "crossrefs_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("crossrefs_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assemble_with(cross_reference, title_conflicts, results) -> tuple[float, float]:
    """Seconds for ``assemble_tables`` and, within it, for the two corpus-wide functions."""
    spent = [0.0]

    def timed(function):
        def run(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - started

        return run

    saved = build_module.cross_reference, build_module.title_conflicts
    build_module.cross_reference = timed(cross_reference)
    build_module.title_conflicts = timed(title_conflicts)
    try:
        started = time.process_time()
        build_module.assemble_tables(results)
        return time.process_time() - started, spent[0]
    finally:
        build_module.cross_reference, build_module.title_conflicts = saved


def claims_costs(n: int, rounds: int) -> tuple[float, float]:
    """ms per article of ``article_title_claims`` from the text, and from the article too."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = sorted(make_corpus(Path(tmp) / "corpus", n).glob("*.txt"))
        items = []
        for path in paths:  # as analyse_file prepares the article
            source = ingest.read_source(path)
            article, body = read_article(source.text, article_id=path.stem, file=path.name)
            row = {"headline": "", "original_outlet": "", "url": ""}
            build_module._fill_metadata(row, article, body, source, None)
            items.append((source.text, article, find_actor_mentions(article)))
    for text, article, mentions in items:
        alone = crossrefs.article_title_claims(text)
        shared = crossrefs.article_title_claims(text, article=article, mentions=mentions)
        assert alone == shared, article.article_id

    def per_article(share: bool) -> float:
        started = time.process_time()
        for text, article, mentions in items:
            if share:
                crossrefs.article_title_claims(text, article=article, mentions=mentions)
            else:
                crossrefs.article_title_claims(text)
        return (time.process_time() - started) / len(items) * 1000

    alone = statistics.median(per_article(False) for _ in range(rounds))
    shared = statistics.median(per_article(True) for _ in range(rounds))
    return alone, shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--before-ref", default="HEAD")
    parser.add_argument("--before-max", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=200, help="articles for the claims timing")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nf-xref")
    args = parser.parse_args()
    before = load_before(args.before_ref)
    results_for(max(args.sizes), args.jobs, args.cache)  # build the cache once
    print(f"CPU time, median of {args.rounds} rounds; before = crossrefs.py at {args.before_ref}")
    header = ("articles", "before ms/art", "xref ms/art", "xref s", "assemble s")
    print(" ".join(f"{h:>13s}" for h in header))
    for n in args.sizes:
        results = results_for(n, args.jobs, args.cache)
        before_ms = float("nan")
        if n <= args.before_max:
            runs = [
                assemble_with(before.cross_reference, before.title_conflicts, results)[1]
                for _ in range(args.rounds)
            ]
            before_ms = statistics.median(runs) / n * 1000
        runs = [
            assemble_with(crossrefs.cross_reference, crossrefs.title_conflicts, results)
            for _ in range(args.rounds)
        ]
        xref = statistics.median(r[1] for r in runs)
        whole = statistics.median(r[0] for r in runs)
        print(f"{n:13d} {before_ms:13.3f} {xref / n * 1000:13.3f} {xref:13.2f} {whole:13.2f}")
        sys.stdout.flush()
    if args.claims:
        alone, shared = claims_costs(args.claims, args.rounds)
        print(
            f"article_title_claims ms/article over {args.claims} articles: {alone:.3f} from the "
            f"text alone, {shared:.3f} with the article and its mentions (same claims)"
        )


if __name__ == "__main__":
    main()
