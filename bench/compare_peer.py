"""newsframe against a peer pipeline (spaCy small + textacy + TextBlob): speed, memory, quality.

Speed: both run as the command an analyst would type, in a fresh process each round, on the same
scaled corpus (bench/scaled_corpus.py) with the same number of worker processes:
  newsframe: python -m newsframe build CORPUS --out OUT --jobs J --quiet
  peer:      python bench/peer_pipeline.py CORPUS OUT --jobs J
The rounds alternate (newsframe, peer, newsframe, peer ...) so that the machine's drift over
minutes falls on both; each round's ratio is printed too.
Reported: articles/s (median of --rounds; wall time includes start-up and model loading), peak
memory (largest resident set of the whole process tree, sampled every 20 ms), and the ratio.
The peer runs in its own virtualenv (--peer-python, default .venv-peer/bin/python: what
``make bench-peer`` creates), newsframe in the one running this script: each pays only for its
own packages at start-up.
Sizes above --peer-max are not run for the peer: its time there is extrapolated from the sizes
it was run on, as a fixed start-up cost plus a per-article cost fitted to them (with one measured
size, its rate is carried over unchanged, which slightly understates the peer: its start-up and
model loading weigh less on a larger corpus). The extrapolation is marked as such.

Quality: direct quotes of both pipelines against the hand-checked statements of the seeds
(tests/expected/statements_seeds.yaml, matched as in bench/statements_quality.py: a quote
matches an expected statement when its span contains the expected anchor):
  precision  quotes that contain the anchor of some expected statement / quotes reported
  recall     expected *direct* statements whose anchor lies in a reported quote / expected
  speaker    of the expected direct statements matched, those with the right speaker
             (canonical name or an accepted alternative), and the same over all expected.
newsframe's quotes are its statements of kind ``direct``; the peer's are every textacy triple.

--dask adds the Dask engine's speed-up of 2 workers over 1 (LocalCluster) on --dask-size articles.

    .venv/bin/python bench/compare_peer.py [--sizes 1000 10000] [--rounds 3] [--jobs 2]
        [--peer-python .venv-peer/bin/python]
        [--peer-max 1000] [--peer-rounds N] [--big-rounds N] [--dask] [--dask-size 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import yaml
from scaled_corpus import make_corpus  # bench/ is on sys.path when this script runs
from statements_quality import anchor_offset, speaker_ok

from newsframe.build import build
from newsframe.config import ROOT, SEEDS_DIR
from newsframe.pipeline import prepare_article

BENCH = Path(__file__).resolve().parent
EXPECTED = ROOT / "tests" / "expected" / "statements_seeds.yaml"


# --- quality ----------------------------------------------------------------------------------


def _gold() -> dict[str, list[tuple[int, dict]]]:
    """Expected statements by seed file: (anchor offset in the text, entry), body only."""
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    gold: dict[str, list[tuple[int, dict]]] = {}
    for name, items in expected.items():
        article = prepare_article((SEEDS_DIR / name).read_text(encoding="utf-8"))
        gold[name] = [
            (offset, item)
            for item in items
            if (offset := anchor_offset(article, item["anchor"])) is not None
        ]
    return gold


def _score(quotes: dict[str, list[dict]], gold: dict[str, list[tuple[int, dict]]]) -> dict:
    reported = correct = expected = found = speaker_right = 0
    for name, items in gold.items():
        rows = quotes.get(name, [])
        reported += len(rows)
        correct += sum(any(r["start"] <= o < r["end"] for o, _ in items) for r in rows)
        for offset, item in items:
            if item["kind"] != "direct":
                continue
            expected += 1
            hits = [r for r in rows if r["start"] <= offset < r["end"]]
            if hits:
                found += 1
                speaker_right += speaker_ok(str(hits[0]["speaker"]), str(item["speaker"]))
    return {
        "quotes": reported,
        "precision": correct / reported if reported else float("nan"),
        "recall": found / expected,
        "speaker_matched": speaker_right / found if found else float("nan"),
        "speaker_all": speaker_right / expected,
        "expected": expected,
        "found": found,
        "speaker_right": speaker_right,
    }


def quality(peer_python: str) -> dict[str, dict]:
    gold = _gold()
    statements = build(SEEDS_DIR, None, jobs=1, progress=False, warn=lambda m: None).tables[
        "statements"
    ]
    ours = {
        f"{article_id}.txt": group.to_dict("records")
        for article_id, group in statements[statements["kind"] == "direct"].groupby("article_id")
    }
    peer = json.loads(
        subprocess.run(
            [peer_python, str(BENCH / "peer_pipeline.py"), "--quotes-json"]
            + [str(SEEDS_DIR / name) for name in gold],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    return {"newsframe": _score(ours, gold), "peer": _score(peer, gold)}


# --- speed ------------------------------------------------------------------------------------


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def run_measured(command: list[str]) -> tuple[float, int]:
    """(seconds, peak bytes of the command's process tree), sampled every 20 ms."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, tree_rss(process))
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    stderr = child.stderr.read() if child.stderr else ""
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return elapsed, peak


def timed_in_turn(
    commands: list[list[str]], n: int, rounds: int
) -> list[tuple[float, float, list[float]]]:
    """Commands run in turn, round by round (a, b, a, b ...): for each, its median articles/s,
    the peak MiB of its process tree, and its articles/s in every round."""
    rates: list[list[float]] = [[] for _ in commands]
    peaks: list[list[float]] = [[] for _ in commands]
    for _ in range(rounds):
        for side, command in enumerate(commands):
            elapsed, peak = run_measured(command)
            rates[side].append(n / elapsed)
            peaks[side].append(peak / 2**20)
    return [(statistics.median(r), max(p), r) for r, p in zip(rates, peaks, strict=True)]


def timed(command: list[str], n: int, rounds: int) -> tuple[float, float]:
    """(median articles/s, peak MiB of the process tree) of a command over ``rounds`` runs."""
    rate, peak, _ = timed_in_turn([command], n, rounds)[0]
    return rate, peak


def newsframe_command(corpus: Path, out: Path, jobs: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsframe",
        "build",
        str(corpus),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
        *extra,
    ]


def peer_command(peer_python: str, corpus: Path, out: Path, jobs: int) -> list[str]:
    return [
        peer_python,
        str(BENCH / "peer_pipeline.py"),
        str(corpus),
        str(out),
        f"--jobs={jobs}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--peer-max", type=int, default=1000, help="largest size run for the peer")
    parser.add_argument("--peer-rounds", type=int, default=None, help="default: --rounds")
    parser.add_argument(
        "--big-rounds", type=int, default=None, help="rounds above --peer-max (default: --rounds)"
    )
    parser.add_argument("--dask", action="store_true", help="also: Dask, 2 workers over 1")
    parser.add_argument("--dask-size", type=int, default=1000, help="corpus size for --dask")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument(
        "--peer-python",
        default=str(ROOT / ".venv-peer" / "bin" / "python"),
        help="the peer's interpreter (make bench-peer installs it in .venv-peer)",
    )
    args = parser.parse_args()

    if not args.no_quality:
        print("direct quotes on the hand-checked seed statements (tests/expected/)")
        print(
            f"{'pipeline':10s} {'quotes':>6s} {'precision':>9s} {'recall':>7s} "
            f"{'speaker (matched)':>17s} {'speaker (all)':>13s}"
        )
        for name, q in quality(args.peer_python).items():
            print(
                f"{name:10s} {q['quotes']:6d} {q['precision']:9.3f} {q['recall']:7.3f} "
                f"{q['speaker_matched']:17.3f} {q['speaker_all']:13.3f}"
                f"   ({q['found']}/{q['expected']} found, {q['speaker_right']} right speaker)"
            )
        print()

    print(
        f"cores: {os.cpu_count()}, jobs: {args.jobs}, rounds: {args.rounds} (median), "
        f"load average at start: {os.getloadavg()[0]:.1f}"
    )
    print(f"{'articles':>8s} {'pipeline':28s} {'articles/s':>11s} {'peak MiB':>9s}")
    peer_rate: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = make_corpus(Path(tmp) / f"corpus-{n}", n)
            rounds = args.rounds if n <= args.peer_max else (args.big_rounds or args.rounds)
            ours_command = newsframe_command(corpus, Path(tmp) / "out-nf", args.jobs)
            peer = peer_command(args.peer_python, corpus, Path(tmp) / "out-peer", args.jobs)
            if n <= args.peer_max and (args.peer_rounds or rounds) == rounds:
                # Alternated (ours, peer, ours, peer ...): this shared machine's speed drifts by
                # 10-20 % over minutes, which all of one pipeline's rounds then the other's would
                # put into the ratio.
                (ours, ours_peak, our_rounds), (rate, peak, peer_rounds) = timed_in_turn(
                    [ours_command, peer], n, rounds
                )
                per_round = [a / b for a, b in zip(our_rounds, peer_rounds, strict=True)]
                note = f"  (per round: {', '.join(f'{r:.1f}' for r in per_round)})"
            else:
                ours, ours_peak = timed(ours_command, n, rounds)
                if n <= args.peer_max:
                    rate, peak = timed(peer, n, args.peer_rounds or args.rounds)
                note = ""
            print(f"{n:8d} {'newsframe':28s} {ours:11.1f} {ours_peak:9.0f}", flush=True)
            if n <= args.peer_max:
                peer_rate[n] = rate
                print(f"{n:8d} {'peer (spaCy+textacy+TextBlob)':28s} {rate:11.1f} {peak:9.0f}")
            else:
                if not peer_rate:
                    print(f"{n:8d} peer not run (above --peer-max, nothing to extrapolate from)")
                    continue
                rate, how = extrapolate(peer_rate, n)
                note = f"  (peer extrapolated: {how})"
                print(f"{n:8d} {'peer (extrapolated)':28s} {rate:11.1f} {'-':>9s}")
            print(f"{n:8d} {'ratio newsframe/peer':28s} {ours / rate:11.1f}{note}", flush=True)
            shutil_rmtree(Path(tmp) / "out-nf", Path(tmp) / "out-peer")
        if args.dask:
            n = args.dask_size
            corpus = make_corpus(Path(tmp) / f"corpus-{n}", n)
            rates = {}
            for workers in (1, 2):
                rates[workers], peak = timed(
                    newsframe_command(corpus, Path(tmp) / "out-dask", workers, "--engine", "dask"),
                    n,
                    args.rounds,
                )
                print(
                    f"{n:8d} {f'newsframe on Dask, {workers} worker(s)':28s} "
                    f"{rates[workers]:11.1f} {peak:9.0f}"
                )
            print(f"{n:8d} {'Dask speed-up 2 workers/1':28s} {rates[2] / rates[1]:11.2f}")


def extrapolate(rates: dict[int, float], n: int) -> tuple[float, str]:
    """The peer's articles/s at ``n``: time = fixed + n x per-article, fitted to measured sizes."""
    sizes = sorted(rates)
    if len(sizes) == 1:
        return rates[sizes[0]], f"rate of its {sizes[0]}-article run"
    times = [m / rates[m] for m in sizes]
    per_article, fixed = statistics.linear_regression(sizes, times)
    fixed = max(fixed, 0.0)
    sizes_text = ", ".join(map(str, sizes))
    how = f"{fixed:.1f} s fixed + {per_article * 1000:.1f} ms/article, fitted to {sizes_text}"
    return n / (fixed + n * per_article), how


def shutil_rmtree(*folders: Path) -> None:
    import shutil

    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
