"""The command line the contract names: `python -m newsframe build` and `--help`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsframe", *args], capture_output=True, text=True, check=False
    )


def test_help_lists_every_subcommand_with_its_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in ("build", "notebooks", "--out", "--jobs", "--engine", "--scheduler", "--input"):
        assert option in result.stdout, option


def test_build_writes_the_contract_tables(seeds_dir: Path, tmp_path: Path) -> None:
    result = run("build", str(seeds_dir), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "5 article(s), 0 rejected" in result.stderr
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {
        f"{t}.csv" for t in ("articles", "sentences", "statements", "events", "frames", "crossrefs")
    } <= names


def test_missing_input_folder_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
