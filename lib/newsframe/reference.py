"""Load the analyst-editable reference lists in ``lib/newsframe/data/``.

CSV lists may open with ``#`` lines that explain how to extend them; those lines are
documentation and are skipped. YAML lists use YAML's own comments.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from newsframe.config import REFERENCE_DIR

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def reference_path(name: str) -> Path:
    """Path of a reference file by its file name, e.g. ``actors.csv``."""
    path = REFERENCE_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"reference list {name!r} not found in {REFERENCE_DIR}")
    return path


@cache
def read_reference_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a reference CSV as dicts (empty cells are ``""``), header comments skipped."""
    lines = reference_path(name).read_text(encoding="utf-8").splitlines(keepends=True)
    body = "".join(line for line in lines if not line.lstrip().startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    return tuple({k.strip(): (v or "").strip() for k, v in row.items()} for row in reader)


@cache
def read_reference_yaml(name: str) -> Any:
    """Parsed content of a reference YAML file (safe loading, by libyaml when PyYAML has it:
    ten times faster than the pure-Python loader, the same values)."""
    with reference_path(name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)
