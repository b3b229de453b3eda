"""The output tables: their columns, their order, and how they are written and read.

Columns listed first are the public contract (``CONTRACT.md``); extra columns follow them.
Rows are sorted on stable keys and written with fixed float precision, so the same inputs
give byte-identical files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from newsframe.config import DATA_DIR

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id",
        "file",
        "sha256",
        "outlet",
        "original_outlet",
        "url",
        "headline",
        "author",
        "published",
        "published_basis",
        "language",
        "n_sentences",
        "n_words",
        "status",
        "reason",
        # extras
        "published_precision",
        "format",
        "encoding",
        "n_boilerplate_paragraphs",
        "polarity",
        "subjectivity",
        "tone",
        "n_tone_known",
    ),
    "sentences": (
        "article_id",
        "sentence_id",
        "start",
        "end",
        "text",
        "polarity",
        "subjectivity",
        "n_scored_words",
        "tone",
        # extras
        "clean_text",
        "n_words",
    ),
    "statements": (
        "statement_id",
        "article_id",
        "sentence_id",
        "start",
        "end",
        "kind",
        "speaker",
        "speaker_id",
        "speaker_country",
        "speaker_role",
        "speaker_type",
        "cue",
        "channel",
        "quote",
        "said_on",
        "said_on_precision",
        "date_basis",
        "topic",
        "stance",
        "polarity",
        "subjectivity",
    ),
    "events": (
        "event_id",
        "article_id",
        "sentence_id",
        "start",
        "end",
        "date",
        "date_precision",
        "date_expression",
        "date_basis",
        "event_type",
        "actor1",
        "actor1_country",
        "actor2",
        "actor2_country",
        "location",
    ),
    "frames": ("article_id", "sentence_id", "frame", "cue", "start", "end"),
    "crossrefs": ("group_id", "kind", "member_id", "article_id", "outlet", "field", "value"),
    "boilerplate": ("article_id", "start", "end", "kind", "text"),
}

SORT_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("file",),
    "sentences": ("article_id", "sentence_id"),
    "statements": ("article_id", "start", "end", "statement_id"),
    "events": ("article_id", "start", "end", "event_id"),
    "frames": ("article_id", "sentence_id", "start", "frame", "cue"),
    "crossrefs": ("group_id", "member_id", "field"),
    "boilerplate": ("article_id", "start"),
}

FLOAT_FORMAT = "%.4f"
# Counts and offsets stay integers even where a rejected article leaves them empty.
INTEGER_COLUMNS = frozenset(
    {
        "n_sentences",
        "n_words",
        "n_boilerplate_paragraphs",
        "n_tone_known",
        "sentence_id",
        "start",
        "end",
        "n_scored_words",
    }
)


def to_frame(name: str, rows: list[Mapping[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Rows (dicts or a DataFrame) with the table's columns in order, sorted on its keys."""
    columns = list(COLUMNS[name])
    if isinstance(rows, pd.DataFrame):
        frame = rows.reset_index(drop=True).infer_objects()  # str columns, as from dicts
    else:
        frame = pd.DataFrame(list(rows), columns=None if rows else columns)
    extra = [c for c in frame.columns if c not in columns]
    frame = frame.reindex(columns=columns + sorted(extra))
    for column in INTEGER_COLUMNS.intersection(frame.columns):
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    if len(frame):
        frame = frame.sort_values(list(SORT_KEYS[name]), kind="stable").reset_index(drop=True)
    return frame


TABLE_FORMATS = ("csv", "parquet")


def write_tables(
    tables: Mapping[str, pd.DataFrame], out_dir: Path, *, table_format: str = "csv"
) -> None:
    """Write every table into ``out_dir`` atomically: all new files appear at once, or none.

    The tables go to a temporary folder beside ``out_dir``; then the old folder is moved aside
    and the new one moved in (two renames on one file system), and the old one is deleted. A
    build killed at any point leaves either the previous complete tables or the new ones.
    ``table_format="parquet"`` writes ``name.parquet`` files (pyarrow) for large outputs.
    """
    if table_format not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {table_format!r} ({', '.join(TABLE_FORMATS)})")
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted_swap(out_dir)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{out_dir.name}.new-{os.getpid()}-", dir=out_dir.parent)
    )
    try:
        for name, frame in tables.items():
            path = staging / f"{name}.{table_format}"
            if table_format == "parquet":
                frame.to_parquet(path, index=False)
            else:
                frame.to_csv(path, index=False, lineterminator="\n", float_format=FLOAT_FORMAT)
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
        _keep_unmanaged_files(out_dir, staging, {f"{name}.{table_format}" for name in tables})
        old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _keep_unmanaged_files(out_dir: Path, staging: Path, managed: set[str]) -> None:
    """Files in ``out_dir`` that are not tables (a README, a .gitkeep) move with the swap."""
    if not out_dir.exists():
        return
    for path in out_dir.iterdir():
        if path.name not in managed and path.is_file():
            shutil.copy2(path, staging / path.name)


def recover_interrupted_swap(out_dir: Path) -> None:
    """Clean up after a build that was killed: put the previous tables back if it died
    between its two renames, and remove staging folders whose build is no longer running."""
    for staging in out_dir.parent.glob(f".{out_dir.name}.new-*"):
        pid = staging.name.removeprefix(f".{out_dir.name}.new-").split("-", 1)[0]
        if not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(staging, ignore_errors=True)
    if out_dir.exists():
        for stale in out_dir.parent.glob(f".{out_dir.name}.old-*"):
            shutil.rmtree(stale, ignore_errors=True)
        return
    previous = sorted(out_dir.parent.glob(f".{out_dir.name}.old-*"))
    if previous:
        os.replace(previous[-1], out_dir)


FLOAT_COLUMNS = frozenset({"polarity", "subjectivity", "tone"})
DATE_COLUMNS = ("published", "said_on", "date")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A table from ``data_dir`` as the build made it: text columns keep ``""`` for empty,
    counts and offsets are integers, scores floats, and dates parsed (``NaT`` when unknown)."""
    frame = pd.read_csv(data_dir / f"{name}.csv", keep_default_na=False, dtype=str)
    for column in frame.columns:
        if column in INTEGER_COLUMNS:
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif column in FLOAT_COLUMNS:
            frame[column] = pd.to_numeric(frame[column])
        elif column in DATE_COLUMNS:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601", errors="coerce")
    return frame
