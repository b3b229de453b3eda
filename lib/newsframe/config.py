"""Every path the project uses, in one place (cookiecutter-data-science style).

Paths resolve from the repository root, so notebooks, tests and the command line agree
wherever they are started from. NEWSFRAME_ROOT overrides the root (tests use it).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = PACKAGE_DIR / "data"  # analyst-editable lists: actors, verbs, cues, rules
STYLE_DIR = PACKAGE_DIR / "style"

ROOT = Path(os.environ.get("NEWSFRAME_ROOT", PACKAGE_DIR.parent.parent)).resolve()
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
EXPORTS_DIR = ROOT / "exports"
NOTEBOOKS_DIR = ROOT / "notebooks"

MANIFEST_NAME = "manifest.csv"
TABLE_NAMES = (
    "articles",
    "sentences",
    "statements",
    "events",
    "frames",
    "crossrefs",
)

# Inputs larger than this are rejected rather than read: a "20 MB article" is a dump, not an
# article, and would dominate memory and time of a build.
MAX_ARTICLE_BYTES = 5_000_000
