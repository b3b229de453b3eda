"""The CSV writer: Arrow writes the rows, and what it writes reads back as the frame."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsframe.tables import FLOAT_FORMAT, csv_text, read_table, to_frame, write_csv


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": pd.Series(
                ['He said, "no."', "two\nlines", "", None, "plain", "ünïcode “quotes”"],
                dtype="str",
            ),
            "start": pd.array([0, 5, None, 7, 8, 9], dtype="Int64"),
            # halfway cases in decimal that binary cannot hold exactly, a negative zero, NaN
            "polarity": [0.12345, 0.00005, -0.0, np.nan, 1 / 3, -0.03125],
        }
    )


def _read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)


def test_header_is_bare_column_names() -> None:
    assert csv_text(_frame()).split("\n", 1)[0] == "text,start,polarity"


def test_rows_read_back_as_to_csv_writes_them() -> None:
    frame = _frame()
    ours = _read(csv_text(frame))
    theirs = _read(frame.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT))
    theirs["polarity"] = theirs["polarity"].replace("-0.0000", "0.0000")  # no negative zero
    pd.testing.assert_frame_equal(ours, theirs)
    assert ours["polarity"].tolist() == ["0.1235", "0.0001", "0.0000", "", "0.3333", "-0.0312"]


def test_empty_text_and_missing_values_are_empty_fields() -> None:
    lines = csv_text(_frame()).split("\n")  # the second text holds a line end: lines 2 and 3
    assert lines[1].startswith('"He said, ""no."""')
    assert lines[2:4] == ['"two', 'lines",5,0.0001']
    assert lines[4] == ",,0.0000"  # "" text, missing start, -0.0
    assert lines[5] == ",7,"


def test_header_only_for_an_empty_frame() -> None:
    assert csv_text(to_frame("frames", [])) == "article_id,sentence_id,frame,cue,start,end\n"


def test_chunks_without_header_append_to_one_file() -> None:
    frame = _frame()
    buffer = io.BytesIO()
    write_csv(frame.iloc[:2], buffer)
    write_csv(frame.iloc[2:], buffer, header=False)
    assert buffer.getvalue().decode() == csv_text(frame)


def test_written_table_reads_back_with_read_table(tmp_path) -> None:
    frame = to_frame(
        "statements",
        [
            {
                "statement_id": "a-q1",
                "article_id": "a",
                "start": 3,
                "end": 9,
                "quote": "x, y",
                "polarity": 0.25,
                "subjectivity": None,
            },
        ],
    )
    with (tmp_path / "statements.csv").open("wb") as handle:
        write_csv(frame, handle)
    read = read_table("statements", tmp_path)
    assert read.loc[0, "quote"] == "x, y"
    assert read.loc[0, "start"] == 3 and read.loc[0, "polarity"] == 0.25
    assert pd.isna(read.loc[0, "subjectivity"])
    assert read.loc[0, "speaker"] == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
            st.one_of(st.none(), st.floats(-1, 1)),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_any_text_and_score_reads_back(rows) -> None:
    frame = pd.DataFrame(
        {
            "text": pd.Series([t for t, _ in rows], dtype="str"),
            "score": pd.Series([s for _, s in rows], dtype="float64"),
        }
    )
    read = pd.read_csv(io.StringIO(csv_text(frame)), keep_default_na=False, dtype=str)
    # Arrow and pandas' reader agree on every text (a lone "\r" is a line end to both unless
    # quoted: Arrow quotes every text value)
    assert read["text"].tolist() == [t for t, _ in rows]
    expected = [
        "" if s is None else (FLOAT_FORMAT % s).replace("-0.0000", "0.0000") for _, s in rows
    ]
    assert read["score"].tolist() == expected


@pytest.mark.parametrize("value", [0.00005, 0.12345, 0.99995, -0.00015])
def test_rounding_is_python_formatting(value) -> None:
    text = csv_text(pd.DataFrame({"x": [value]}))
    assert text.split("\n")[1] == (FLOAT_FORMAT % value).replace("-0.0000", "0.0000")
