"""The output tables: their columns, their order, and how they are written and read.

Columns listed first are the public contract (``CONTRACT.md``); extra columns follow them.
Rows are sorted on stable keys and written with fixed float precision, so the same inputs
give byte-identical files.

CSV files are written by Arrow's CSV writer (C++), about ten times faster than ``to_csv``,
which made up a third of the main process's time in a large build. Arrow quotes every text
value; numbers and empty values are written bare, scores with four decimals.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsframe.config import DATA_DIR
from newsframe.runtime import LazyModule, pd

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv
else:  # imported on first use (see newsframe.runtime.LazyModule)
    pa = LazyModule("pyarrow")
    pc = LazyModule("pyarrow.compute")
    pa_csv = LazyModule("pyarrow.csv")

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

FLOAT_DECIMALS = 4
FLOAT_FORMAT = f"%.{FLOAT_DECIMALS}f"
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


def to_frame(
    name: str, rows: list[Mapping[str, object]] | pd.DataFrame, *, presorted: bool = False
) -> pd.DataFrame:
    """Rows (dicts or a DataFrame) with the table's columns in order, sorted on its keys
    (``presorted``: the caller has them in that order already; sorting would only copy them)."""
    columns = list(COLUMNS[name])
    if isinstance(rows, pd.DataFrame):
        frame = rows.reset_index(drop=True).infer_objects()  # str columns, as from dicts
    else:
        frame = pd.DataFrame(list(rows), columns=None if rows else columns)
    extra = [c for c in frame.columns if c not in columns]
    frame = frame.reindex(columns=columns + sorted(extra))
    for column in INTEGER_COLUMNS.intersection(frame.columns):
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    # Scores stay floats even in a chunk whose every score is empty (written the same either way).
    for column in FLOAT_COLUMNS.intersection(frame.columns):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    if len(frame) and not presorted:
        frame = frame.sort_values(list(SORT_KEYS[name]), kind="stable").reset_index(drop=True)
    return frame


TABLE_FORMATS = ("csv", "parquet")


def check_table_format(table_format: str) -> None:
    """A ValueError naming the formats when ``table_format`` is not one of them."""
    if table_format not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {table_format!r} ({', '.join(TABLE_FORMATS)})")


class TableWriter:
    """Writes tables chunk by chunk into a staging folder, then swaps it in for ``out_dir``.

    A build appends each table's rows as they are ready (sorted chunks, in sorted order), so
    the tables never have to sit in memory whole. ``commit`` (called on leaving the ``with``
    block without an error) fsyncs the files, moves the old folder aside, moves the new one in
    (two renames on one file system) and deletes the old one; an error or a kill at any point
    leaves either the previous complete tables or the new ones, never a mix.
    ``table_format="parquet"`` writes ``name.parquet`` files (pyarrow), a row group per chunk.
    """

    def __init__(self, out_dir: Path, *, table_format: str = "csv") -> None:
        check_table_format(table_format)
        self.table_format = table_format
        self.out_dir = Path(out_dir).resolve()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover_interrupted_swap(self.out_dir)
        self.staging = Path(
            tempfile.mkdtemp(
                prefix=f".{self.out_dir.name}.new-{os.getpid()}-", dir=self.out_dir.parent
            )
        )
        self.row_counts: dict[str, int] = {}
        self._columns: dict[str, list[str]] = {}
        self._open: dict[str, object] = {}  # name -> text handle (csv) or ParquetWriter

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    def started(self, name: str) -> bool:
        return name in self._columns

    def append(self, name: str, frame: pd.DataFrame) -> None:
        """Add rows to table ``name`` (the first call also writes its header)."""
        columns = [str(c) for c in frame.columns]
        first = name not in self._columns
        if first:
            self._columns[name] = columns
            self.row_counts[name] = 0
            self._open[name] = self._start(name, frame)
        elif columns != self._columns[name]:
            raise ValueError(f"{name}: a chunk has columns {columns}, not {self._columns[name]}")
        self._write(name, frame, header=first)
        self.row_counts[name] += len(frame)

    def _start(self, name: str, frame: pd.DataFrame) -> object:
        path = self.staging / f"{name}.{self.table_format}"
        if self.table_format == "csv":
            return path.open("wb")
        import pyarrow.parquet as pq

        schema = pa.Schema.from_pandas(frame, preserve_index=False)
        for i, arrow_field in enumerate(schema):
            if pa.types.is_null(arrow_field.type):  # an all-empty column: text
                schema = schema.set(i, arrow_field.with_type(pa.large_string()))
        return pq.ParquetWriter(path, schema)

    def _write(self, name: str, frame: pd.DataFrame, *, header: bool) -> None:
        target = self._open[name]
        if self.table_format == "csv":
            write_csv(frame, target, header=header)  # type: ignore[arg-type]
            return
        if not len(frame):
            return
        target.write_table(  # type: ignore[attr-defined]
            pa.Table.from_pandas(frame, schema=target.schema, preserve_index=False)  # type: ignore[attr-defined]
        )

    def _close_files(self) -> None:
        for handle in self._open.values():
            handle.close()  # type: ignore[attr-defined]
        self._open = {}

    def commit(self) -> None:
        """Make the written tables ``out_dir``'s, all at once."""
        try:
            self._close_files()
            for name in self._columns:
                with (self.staging / f"{name}.{self.table_format}").open("rb") as handle:
                    os.fsync(handle.fileno())
            managed = {f"{name}.{self.table_format}" for name in self._columns}
            _keep_unmanaged_files(self.out_dir, self.staging, managed)
            old = self.out_dir.parent / f".{self.out_dir.name}.old-{os.getpid()}"
            if self.out_dir.exists():
                os.replace(self.out_dir, old)
            os.replace(self.staging, self.out_dir)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop what was written; ``out_dir`` keeps its previous tables."""
        try:
            self._close_files()
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)


def write_csv(frame: pd.DataFrame, handle: BinaryIO, *, header: bool = True) -> None:
    """``frame``'s rows as CSV (UTF-8, ``\\n`` line ends, no index) onto a binary ``handle``.

    The header is written as the ``csv`` module writes it (bare names); the rows by Arrow, every
    text value quoted, empty text and missing values as empty fields, floats with
    ``FLOAT_DECIMALS`` decimals (rounded as ``FLOAT_FORMAT`` rounds), integers bare.
    """
    if header:
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow([str(c) for c in frame.columns])
        handle.write(line.getvalue().encode("utf-8"))
    if len(frame):
        options = pa_csv.WriteOptions(include_header=False, quoting_style="needed")
        pa_csv.write_csv(_for_csv(frame), handle, options)


def csv_text(frame: pd.DataFrame) -> str:
    """What ``write_csv`` writes for ``frame``, as a string."""
    buffer = io.BytesIO()
    write_csv(frame, buffer)
    return buffer.getvalue().decode("utf-8")


def _for_csv(frame: pd.DataFrame) -> pa.Table:
    columns = {}
    for name in frame.columns:
        series = frame[name]
        if pd.api.types.is_float_dtype(series.dtype):
            # Formatted by Python (correctly rounded, as to_csv's float_format), then read as
            # fixed-point decimals, which Arrow writes with exactly that many decimals.
            text = [None if value != value else FLOAT_FORMAT % value for value in series.tolist()]
            array = pa.array(text, pa.string()).cast(pa.decimal128(38, FLOAT_DECIMALS))
        else:
            array = pa.array(series, from_pandas=True)
            if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
                array = pc.if_else(pc.equal(array, ""), pa.scalar(None, array.type), array)
        columns[str(name)] = array
    return pa.table(columns)


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
