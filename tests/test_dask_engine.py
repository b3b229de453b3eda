"""The Dask engine builds the same tables as the local one, and Parquet holds the same data."""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import pandas as pd
import pytest

from newsframe.build import build
from newsframe.config import TABLE_NAMES
from newsframe.engines import batch_size
from newsframe.tables import csv_text

_WORD = re.compile(r"\b[a-z]{6,}\b")


def digest_tree(folder: Path, suffix: str) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.glob(f"*{suffix}"))
    }


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory, seeds_dir) -> Path:
    """The seeds and their manifest, perturbed copies of them, and two files to reject."""
    folder = tmp_path_factory.mktemp("dask-corpus")
    seeds = sorted(seeds_dir.glob("*.txt"))
    for path in seeds:
        (folder / path.name).write_bytes(path.read_bytes())
    if (seeds_dir / "manifest.csv").exists():
        (folder / "manifest.csv").write_bytes((seeds_dir / "manifest.csv").read_bytes())
    for i in range(6):
        rng = random.Random(i)
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        chunks = re.split(r"(?<=[.?!\n])", text)  # one word changed in every sentence
        for j, chunk in enumerate(chunks):
            words = _WORD.findall(chunk)
            if words:
                chunks[j] = chunk.replace(rng.choice(words), f"copy{i}word{j}", 1)
        (folder / f"gen{i:02d}.txt").write_text("".join(chunks), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "zz-duplicate.txt").write_bytes(seeds[0].read_bytes())
    return folder


@pytest.fixture(scope="module")
def built(mixed_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask-out")
    messages: dict[str, list[str]] = {"local": [], "dask": [], "parquet": []}
    local = build(
        mixed_corpus, out / "local", jobs=1, progress=False, warn=messages["local"].append
    )
    dask = build(
        mixed_corpus,
        out / "dask",
        engine="dask",
        jobs=2,
        progress=False,
        warn=messages["dask"].append,
    )
    # the --scheduler path: a cluster started outside the build, reached by its address
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        build(
            mixed_corpus,
            out / "parquet",
            engine="dask",
            scheduler=cluster.scheduler_address,
            table_format="parquet",
            progress=False,
            warn=messages["parquet"].append,
        )
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    return out, local, dask, messages


def test_dask_engine_writes_the_local_engines_bytes(built) -> None:
    out, local, dask, _ = built
    local_files = digest_tree(out / "local", ".csv")
    assert set(local_files) >= {f"{name}.csv" for name in TABLE_NAMES}
    assert digest_tree(out / "dask", ".csv") == local_files
    assert len(dask.tables["sentences"]) > 100
    assert len(dask.tables["articles"]) == 13
    statuses = dict(
        zip(dask.tables["articles"]["file"], dask.tables["articles"]["status"], strict=True)
    )
    assert statuses["empty.txt"] == statuses["zz-duplicate.txt"] == "rejected"
    assert sum(s == "ok" for s in statuses.values()) == 11


def test_dask_engine_reports_the_same_warnings(built) -> None:
    _, local, dask, messages = built
    assert dask.warnings == local.warnings
    assert messages["dask"] == messages["parquet"] == messages["local"]
    assert any(m.startswith("empty.txt: rejected: ") for m in messages["dask"])
    assert any(m.startswith("zz-duplicate.txt: rejected: duplicate") for m in messages["dask"])


def test_parquet_tables_read_back_as_the_csv_tables(built) -> None:
    out, local, _, _ = built
    parquet_files = sorted(p.name for p in (out / "parquet").glob("*.parquet"))
    assert parquet_files == sorted(f"{name}.parquet" for name in local.tables)
    assert not list((out / "parquet").glob("*.csv"))
    for name, frame in local.tables.items():
        read = pd.read_parquet(out / "parquet" / f"{name}.parquet")
        pd.testing.assert_frame_equal(read, frame, check_exact=True, obj=name)
        # written as CSV, the Parquet table gives the CSV file's bytes
        as_csv = csv_text(read)
        assert as_csv.encode() == (out / "local" / f"{name}.csv").read_bytes(), name


@pytest.mark.parametrize(
    ("n_tasks", "n_workers", "expected"),
    [(0, 2, 1), (10, 2, 1), (100, 2, 7), (10_000, 2, 64), (10_000, 0, 64)],
)
def test_batches_balance_workers_and_stay_bounded(n_tasks, n_workers, expected) -> None:
    assert batch_size(n_tasks, n_workers) == expected
