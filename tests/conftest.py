"""Shared fixtures: the seeds, and a helper to build a corpus folder in a temporary path."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsframe.config import ROOT, SEEDS_DIR


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def corpus(tmp_path: Path):
    """Write files into a fresh input folder: ``corpus({"a.txt": "text" or b"bytes"})``."""
    folder = tmp_path / "articles"
    folder.mkdir()

    def write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write
