"""The committed data/ is what the committed code builds from seeds/, byte for byte.

A change to the library that changes a table must come with the rebuilt table (`make data`)
and re-run notebooks (`make notebooks`), or nbval compares against stale outputs.
"""

from __future__ import annotations

from newsframe.build import build
from newsframe.config import DATA_DIR


def test_committed_tables_equal_a_fresh_build(seeds_dir, tmp_path) -> None:
    build(seeds_dir, tmp_path / "data", progress=False, warn=lambda message: None)
    fresh = {p.name: p.read_bytes() for p in sorted((tmp_path / "data").glob("*.csv"))}
    committed = {p.name: p.read_bytes() for p in sorted(DATA_DIR.glob("*.csv"))}
    assert sorted(committed) == sorted(fresh)
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"data/ is stale, run `make data`: {stale}"
