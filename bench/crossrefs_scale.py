"""Corpus-wide assembly time (``assemble_tables``: cross-references, title conflicts) by size.

Builds the per-article results of a scaled corpus once (``make_corpus``: perturbed copies of
the seeds; copy i is the same whatever the corpus size, so the smaller corpora are prefixes of
the largest one), caches them, then for each size times, in one run and as the median of
--rounds rounds:

  - ``before``: ``assemble_tables`` with the cross-reference module as committed at git HEAD
    (``--before-ref``), texts of the whole corpus passed in as today (skipped above
    --before-max articles: it is quadratic);
  - ``after``: ``assemble_tables`` with the current module; when the results carry per-article
    title claims (``ArticleResult.claims``, made in the per-article step) they are used, else
    the claims are made here from the texts, outside the timed part, as the per-article step
    would (their cost per article is printed separately).

    .venv/bin/python bench/crossrefs_scale.py [--sizes 300 1000 3000] [--rounds 3] [--jobs 2]
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
from newsframe import crossrefs

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


def assemble_with(cross_reference, title_conflicts, results) -> float:
    """Seconds for ``assemble_tables`` with these two corpus-wide functions."""
    saved = build_module.cross_reference, build_module.title_conflicts
    build_module.cross_reference, build_module.title_conflicts = cross_reference, title_conflicts
    try:
        started = time.perf_counter()
        build_module.assemble_tables(results)
        return time.perf_counter() - started
    finally:
        build_module.cross_reference, build_module.title_conflicts = saved


def after_functions(results) -> tuple[object, object, float]:
    """The current functions, fed the per-article title claims as the per-article step makes
    them (outside the timed part; ms per article returned); the texts are then dropped."""
    if all(getattr(r, "claims", None) is not None for r in results):
        return crossrefs.cross_reference, crossrefs.title_conflicts, float("nan")
    started = time.perf_counter()
    claims = {
        str(r.article["article_id"]): crossrefs.article_title_claims(r.text)
        for r in results
        if r.rows
    }
    per_article = (time.perf_counter() - started) / max(1, len(claims)) * 1000
    for r in results:
        r.text = ""  # the corpus's texts need not be kept once the claims are made

    def cross_reference(statements, events, articles, texts=None):
        return crossrefs.cross_reference(statements, events, articles, claims=claims)

    def title_conflicts(texts, articles):
        return crossrefs.title_conflicts(None, articles, claims=claims)

    return cross_reference, title_conflicts, per_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--before-ref", default="HEAD")
    parser.add_argument("--before-max", type=int, default=300)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nf-xref")
    args = parser.parse_args()
    before = load_before(args.before_ref)
    results_for(max(args.sizes), args.jobs, args.cache)  # build the cache once
    print(f"rounds: {args.rounds} (median); before = crossrefs.py at {args.before_ref}")
    print(f"{'articles':>8s} {'before s':>9s} {'after s':>8s} {'ratio':>7s} {'claims ms/art':>14s}")
    for n in args.sizes:
        before_s = float("nan")
        if n <= args.before_max:
            before_s = statistics.median(
                assemble_with(
                    before.cross_reference,
                    before.title_conflicts,
                    results_for(n, args.jobs, args.cache),
                )
                for _ in range(args.rounds)
            )
        times, claim_ms = [], []
        for _ in range(args.rounds):
            results = results_for(n, args.jobs, args.cache)
            cross_reference, title_conflicts, ms = after_functions(results)
            claim_ms.append(ms)
            times.append(assemble_with(cross_reference, title_conflicts, results))
        after_s = statistics.median(times)
        print(
            f"{n:8d} {before_s:9.2f} {after_s:8.2f} {before_s / after_s:7.1f} "
            f"{statistics.median(claim_ms):14.2f}"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
