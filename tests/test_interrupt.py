"""A build killed at any moment (SIGKILL, workers included) leaves the previous tables intact.

The build runs as ``python -m newsframe build INPUT --out OUT --jobs 2`` in its own process
group; the whole group is killed: the main process and its pool workers, with no chance to
clean up. Three moments:

- mid-analysis: workers busy on a corpus that takes seconds (the real command, killed by time),
  while the first chunks of the tables are being streamed into the staging folder;
- mid-write: table files being fsynced in the staging folder;
- mid-swap: between the two renames, when OUT itself has been moved aside.

The last two are placed exactly by a few-line wrapper that runs the same ``main`` and pauses
in ``os.fsync`` / after the first ``os.replace``. After each kill the previous tables must be
there byte for byte (for mid-swap: in the moved-aside folder, which the next build moves back),
and the next build must succeed and leave no stray folders.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from newsframe.build import build
from newsframe.config import ROOT, TABLE_NAMES

LARGE_CORPUS = 300  # articles: several seconds of work for two workers, even on a fast machine
TIMEOUT = 120  # seconds any wait may take on a loaded machine before the test gives up

PAUSE_HOOK = """
import os, sys, time
stage, out = os.environ["NF_PAUSE_AT"], os.path.realpath(os.environ["NF_OUT"])
real_fsync, real_replace = os.fsync, os.replace
def fsync(fd):
    real_fsync(fd)
    if stage == "write":
        print("paused", flush=True)
        time.sleep(600)
def replace(src, dst):
    real_replace(src, dst)
    if stage == "swap" and os.path.realpath(src) == out:
        print("paused", flush=True)
        time.sleep(600)
os.fsync, os.replace = fsync, replace
from newsframe.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def stray_folders(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.*"))


def start(args: list[str], *, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its own process group: the build and every worker it starts
    )


def build_command(input_dir: Path, out: Path, *extra: str) -> list[str]:
    return [*extra, "build", str(input_dir), "--out", str(out), "--jobs", "2", "--quiet"]


def kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL the build and all its children; wait until not one of them is left."""
    group = os.getpgid(process.pid)
    os.killpg(group, signal.SIGKILL)
    process.wait(TIMEOUT)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError("a process of the killed build is still alive")


def wait_for_line(process: subprocess.Popen[str], expected: str) -> None:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
    line = process.stdout.readline().strip() if ready else "(nothing)"
    if line != expected:
        kill_group(process)
        raise AssertionError(f"expected {expected!r} from the build, got {line!r}")


def next_build(input_dir: Path, out: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "newsframe", *build_command(input_dir, out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 2,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]


@pytest.fixture(scope="module")
def previous(tmp_path_factory, seeds_dir) -> Path:
    """Complete tables from the seeds, plus a file of the analyst's own in the folder."""
    out = tmp_path_factory.mktemp("previous") / "data"
    build(seeds_dir, out, jobs=1, progress=False, warn=lambda message: None)
    (out / "NOTES.md").write_text("tables of the seeds, kept by hand\n", encoding="utf-8")
    assert {f"{name}.csv" for name in TABLE_NAMES} <= set(digest_tree(out))
    return out


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location(
        "scaled_corpus", ROOT / "bench" / "scaled_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus(tmp_path_factory.mktemp("large") / "articles", LARGE_CORPUS)


@pytest.fixture
def out(previous, tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(previous, target)
    return target


def test_kill_mid_analysis_keeps_the_previous_tables(previous, large_corpus, out, seeds_dir):
    before = digest_tree(out)
    process = start([sys.executable, "-m", "newsframe", *build_command(large_corpus, out)])
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + TIMEOUT
    while len(parent.children(recursive=True)) < 2:  # the two pool workers are at work
        assert process.poll() is None, "the build ended before its workers started"
        assert time.monotonic() < deadline, "the pool workers never started"
        time.sleep(0.02)
    time.sleep(0.5)
    workers = parent.children(recursive=True)
    assert process.poll() is None, "the build finished before it could be killed"
    # Tables are streamed into the staging folder while articles are analysed; the articles
    # table is written last, so its absence says the kill lands mid-analysis.
    staging = [out.parent / name for name in stray_folders(out)]
    assert all(".new-" in p.name for p in staging)
    assert not any((p / "articles.csv").exists() for p in staging), "killed too late"
    kill_group(process)
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)

    assert digest_tree(out) == before
    assert all(".new-" in name for name in stray_folders(out))  # left for the next build
    next_build(seeds_dir, out)
    assert digest_tree(out) == before  # the seeds again: the same bytes, the notes kept
    assert not stray_folders(out)


@pytest.mark.parametrize("moment", ["write", "swap"])
def test_kill_mid_write_or_mid_swap_keeps_the_previous_tables(
    previous, out, seeds_dir, tmp_path, moment
):
    before = digest_tree(out)
    # a smaller corpus than the previous one, so the new tables differ from the old
    corpus = tmp_path / "two"
    corpus.mkdir()
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(path, corpus / path.name)
    process = start(
        [sys.executable, "-c", PAUSE_HOOK, *build_command(corpus, out)],
        env={"NF_PAUSE_AT": moment, "NF_OUT": str(out)},
    )
    wait_for_line(process, "paused")
    kill_group(process)

    if moment == "write":
        assert digest_tree(out) == before
        assert any(".new-" in name for name in stray_folders(out)), "no staging folder seen"
    else:
        assert not out.exists(), "the kill did not land between the two renames"
        (aside,) = (out.parent / name for name in stray_folders(out) if ".old-" in name)
        assert digest_tree(aside) == before

    next_build(corpus, out)
    after = digest_tree(out)
    assert after["NOTES.md"] == before["NOTES.md"], "the analyst's file was lost"
    assert after["articles.csv"] != before["articles.csv"]
    assert set(after) == set(before)
    assert not stray_folders(out), "the next build left stray folders"
