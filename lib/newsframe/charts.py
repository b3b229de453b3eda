"""House style and export helper for every newsframe chart.

A notebook makes a chart like this::

    fig, ax = new_figure("slide")
    colours = outlet_colours(articles["outlet"])  # the whole corpus: same colours everywhere
    ax.barh(data["outlet"], data["rift_share"], color=[colours[o] for o in data["outlet"]])
    finish(fig, title="...", subtitle="...", source=source_line(articles))
    export_chart(fig, "fig04-rift-share-by-outlet", data, caption="...")

``export_chart`` writes ``exports/NAME.{png,svg,pdf,csv}`` and records the chart in
``exports/charts.json``; ``newsframe.briefing.build_briefing`` assembles ``briefing.pdf`` from
that manifest. SVG and PDF bytes depend only on the figure and the data: no dates, fixed ids.

Labels often come from article text (outlet names, quotes, cue words). The style turns mathtext
off (``text.parse_math: False``) so ``$...$`` renders as written, and export forces that on
every text of the figure; SVG and PDF writers escape ``<``, ``&`` and friends themselves.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import unicodedata
import warnings
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.text import Text
from matplotlib.textpath import text_to_path

from newsframe import config

STYLE_PATH = config.STYLE_DIR / "newsframe.mplstyle"
COLOURS_PATH = config.STYLE_DIR / "colours.csv"
MANIFEST_NAME = "charts.json"

# Okabe-Ito, in the order of the style sheet's colour cycle.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
    "#F0E442",
)
# Unknown outlet or country ("", NaN, "unknown"), and names left over once the palette is used
# up: grey says "not one of the compared groups" without competing with the palette.
UNKNOWN_COLOUR = "#999999"
OVERFLOW_COLOURS: tuple[str, ...] = ("#595959", "#7F7F7F", "#A6A6A6", "#BFBFBF")

FigureSize = Literal["slide", "document"]
# "slide" is 16:9 and is scaled up to the full width of a 13.3 in slide; "document" is the text
# width of an A4 or Letter page. See the header of the style sheet for why one style fits both.
FIGURE_SIZES: dict[str, tuple[float, float]] = {
    "slide": (8.0, 4.5),
    "document": (6.5, 4.0),
}
EXPORT_FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "csv")
EXPORT_DPI = 300

# Stable, file-system-safe chart names: "fig01-outlet-framing".
CHART_NAME_PATTERN = re.compile(r"fig\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*")

TITLE_SIZE = 14.0
SUBTITLE_SIZE = 10.5
SOURCE_SIZE = 8.0
TITLE_COLOUR = "#1A1A1A"
SUBTITLE_COLOUR = "#404040"
SOURCE_COLOUR = "#666666"
LINE_SPACING = 1.25  # multiple of the font size between baselines of wrapped lines
EDGE_PAD_IN = 0.12  # inches between the figure edge and the title block / source line
BLOCK_GAP_IN = 0.08  # inches between the title block and the plotting area

# Only the settings that make exported bytes reproducible; the look comes from the style sheet.
REPRODUCIBLE_RC: dict[str, Any] = {
    "svg.hashsalt": "newsframe",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "text.parse_math": False,
    "text.usetex": False,
}
SVG_METADATA = {"Date": None}
PDF_METADATA = {"CreationDate": None, "ModDate": None}


# --- style and colours --------------------------------------------------------------------


def use_style() -> None:
    """Apply the house style to this Python session (idempotent)."""
    plt.style.use(STYLE_PATH)


def _normalise_name(name: str) -> str:
    return " ".join(str(name).casefold().split())


@dataclass(frozen=True)
class _KnownColours:
    canonical: dict[str, str]  # canonical name -> colour
    lookup: dict[str, str]  # normalised name or alias -> canonical name


def _read_colour_table(kind: str) -> _KnownColours:
    """Read the analyst-editable colour table; ``#`` lines at the top are documentation."""
    lines = COLOURS_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
    body = "".join(line for line in lines if not line.lstrip().startswith("#"))
    canonical: dict[str, str] = {}
    lookup: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(body)):
        if row["kind"].strip() != kind:
            continue
        name = row["name"].strip()
        canonical[name] = row["colour"].strip()
        for alias in [name, *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                lookup[_normalise_name(alias)] = name
    return _KnownColours(canonical, lookup)


_KNOWN_OUTLETS = _read_colour_table("outlet")
_KNOWN_COUNTRIES = _read_colour_table("country")

# Fixed colours of the outlets and countries listed in style/colours.csv.
OUTLET_COLOURS: dict[str, str] = dict(_KNOWN_OUTLETS.canonical)
COUNTRY_COLOURS: dict[str, str] = dict(_KNOWN_COUNTRIES.canonical)


def _is_unknown(name: object) -> bool:
    if name is None or (isinstance(name, float) and np.isnan(name)) or name is pd.NA:
        return True
    return _normalise_name(str(name)) in {"", "unknown", "nan", "none"}


class ColourMap(dict[str, str]):
    """Colour by name; missing values (None, NaN, "", "unknown") are grey even as lookup keys.

    Any other name not in the map is a KeyError: it means the map was built from fewer names
    than the chart shows, and its colour would not be stable across charts.
    """

    def __missing__(self, key: object) -> str:
        if _is_unknown(key):
            return UNKNOWN_COLOUR
        raise KeyError(key)


def _colour_map(names: Iterable[object], known: _KnownColours) -> ColourMap:
    names = list(names)
    colours = ColourMap({str(n): UNKNOWN_COLOUR for n in names if _is_unknown(n)})
    unique = sorted({str(n) for n in names if not _is_unknown(n)}, key=_normalise_name)
    leftover = []
    for name in unique:
        canonical = known.lookup.get(_normalise_name(name))
        if canonical is not None:
            colours[name] = known.canonical[canonical]
        else:
            leftover.append(name)
    # Colours of listed names are kept for them even when they are absent, so adding an article
    # from a listed outlet never recolours the others. Only when the free palette runs out do
    # unlisted names borrow the colours of listed names absent here, then greys: never the
    # colour of a name present in the corpus.
    present = set(colours.values())
    free = [c for c in PALETTE if c not in known.canonical.values()]
    borrowed = [c for c in PALETTE if c not in free and c not in present]
    spare = free + borrowed + list(OVERFLOW_COLOURS)
    for index, name in enumerate(leftover):
        colours[name] = spare[index] if index < len(spare) else UNKNOWN_COLOUR
    return colours


def outlet_colours(outlets: Iterable[object]) -> ColourMap:
    """Colour per outlet: listed outlets fixed, others from the free palette by sorted name.

    Pass every outlet of the corpus (e.g. ``articles["outlet"]``), not just those on one chart,
    so that an unlisted outlet gets the same colour on every chart. Empty or unknown outlets
    are grey.
    """
    return _colour_map(outlets, _KNOWN_OUTLETS)


def country_colours(countries: Iterable[object]) -> ColourMap:
    """Colour per country, same rules as ``outlet_colours`` (Russia, Iran, Israel... fixed)."""
    return _colour_map(countries, _KNOWN_COUNTRIES)


# --- labels from article text -------------------------------------------------------------

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_label(value: object, max_chars: int | None = 60) -> str:
    """Text from an article made safe to show as a chart label, rendered exactly as written.

    Collapses newlines and runs of whitespace, drops control characters, shortens past
    ``max_chars`` with an ellipsis, shows missing values as "unknown", and keeps a leading
    underscore visible (matplotlib hides legend entries whose label starts with "_").
    ``$``, ``%`` and ``<`` need no escaping: the style turns mathtext off and the SVG/PDF
    writers escape markup.
    """
    if _is_unknown(value) and not (isinstance(value, str) and value.strip()):
        return "unknown"
    text = unicodedata.normalize("NFC", str(value))
    text = " ".join(_CONTROL_CHARS.sub(" ", text).split())
    if max_chars is not None and len(text) > max_chars:
        text = text[: max_chars - 1].rstrip() + "\u2026"
    if text.startswith("_"):
        text = "\u2060" + text  # word joiner: invisible, but the label no longer starts with "_"
    return text


# --- figures ------------------------------------------------------------------------------


def new_figure(size: FigureSize = "slide") -> tuple[Figure, Axes]:
    """A figure with one axes in the house style, at slide (16:9) or document size."""
    use_style()
    fig, ax = plt.subplots(figsize=_figure_size(size), layout="constrained")
    return fig, ax


def new_figure_grid(
    size: FigureSize = "slide", *, nrows: int = 1, ncols: int = 2, **subplots_kwargs: Any
) -> tuple[Figure, np.ndarray]:
    """A figure with a grid of axes in the house style (``squeeze=False``: always 2-D)."""
    use_style()
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=_figure_size(size),
        layout="constrained",
        squeeze=False,
        **subplots_kwargs,
    )
    return fig, axes


def _figure_size(size: str) -> tuple[float, float]:
    if size not in FIGURE_SIZES:
        raise ValueError(f"size must be one of {sorted(FIGURE_SIZES)}, not {size!r}")
    return FIGURE_SIZES[size]


# Screen sizes at which wrapped text is measured besides the exact outline width: hinting at low
# resolution widens glyphs, so a line that fits in the PDF may not fit in a notebook's PNG.
_MEASURE_DPIS = (100, 300)
_WRAP_SAFETY = 0.97  # fill at most 97% of the width: anti-aliasing bleeds past the advance


@cache
def _measuring_renderer(dpi: int) -> RendererAgg:
    return RendererAgg(1, 1, dpi)


def _text_width_pt(text: str, fontsize: float, weight: str = "normal") -> float:
    """Widest of the outline width and the rendered widths at screen and export resolution."""
    prop = FontProperties(family="DejaVu Sans", size=fontsize, weight=weight)
    widths = [text_to_path.get_text_width_height_descent(text, prop, False)[0]]
    for dpi in _MEASURE_DPIS:
        pixels = _measuring_renderer(dpi).get_text_width_height_descent(text, prop, False)[0]
        widths.append(pixels * 72 / dpi)
    return max(widths)


def wrap_text(text: str, fontsize: float, width_pt: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap of ``text`` to lines no wider than ``width_pt`` points."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and _text_width_pt(candidate, fontsize, weight) > width_pt * _WRAP_SAFETY:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


# Per figure: the texts finish() drew (to replace them when it is called again) and the title,
# subtitle and source export_chart records. Weak keys so closed figures are forgotten.
_FINISHED: weakref.WeakKeyDictionary[Figure, dict[str, Any]] = weakref.WeakKeyDictionary()


def finish(fig: Figure, *, title: str, subtitle: str = "", source: str = "") -> None:
    """Left-aligned title and subtitle at the top, source line at the bottom-left.

    Long texts are wrapped to the figure width, and the plotting area is shrunk to leave room
    for them, so nothing overlaps. Calling it again replaces the previous texts.
    """
    previous = _FINISHED.get(fig)
    if previous:
        for artist in previous["artists"]:
            artist.remove()

    width_in, height_in = fig.get_size_inches()
    text_width_pt = (width_in - 2 * EDGE_PAD_IN) * 72
    x = EDGE_PAD_IN / width_in
    artists: list[Text] = []

    def block(text: str, y_in: float, *, size: float, va: str, **style: Any) -> float:
        """Draw wrapped text at y (inches from the bottom); returns its height in inches."""
        lines = wrap_text(text, size, text_width_pt, style.get("weight", "normal"))
        artists.append(
            fig.text(
                x,
                y_in / height_in,
                "\n".join(lines),
                ha="left",
                va=va,
                fontsize=size,
                linespacing=LINE_SPACING,
                parse_math=False,
                **style,
            )
        )
        return (size + (len(lines) - 1) * size * LINE_SPACING) / 72

    top_in = height_in - EDGE_PAD_IN
    top_in -= block(title, top_in, size=TITLE_SIZE, va="top", weight="bold", color=TITLE_COLOUR)
    if subtitle:
        top_in -= 0.06
        top_in -= block(subtitle, top_in, size=SUBTITLE_SIZE, va="top", color=SUBTITLE_COLOUR)
    bottom_in = EDGE_PAD_IN
    if source:
        bottom_in += block(source, EDGE_PAD_IN, size=SOURCE_SIZE, va="bottom", color=SOURCE_COLOUR)
    top_in -= BLOCK_GAP_IN
    bottom_in += BLOCK_GAP_IN

    rect = (0.0, bottom_in / height_in, 1.0, (top_in - bottom_in) / height_in)
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=rect)
    else:
        fig.subplots_adjust(top=rect[1] + rect[3], bottom=rect[1] + 0.08)
    _FINISHED[fig] = {
        "artists": artists,
        "title": title,
        "subtitle": subtitle,
        "source": source,
    }


def source_line(articles: pd.DataFrame, *, max_outlets: int = 6) -> str:
    """``Source: newsframe analysis of N articles from Outlet A, Outlet B and Outlet C``.

    Counts the articles that were analysed (``status == "ok"`` when the column exists) and names
    their outlets in sorted order; past ``max_outlets`` the rest are counted, not named.
    """
    analysed = articles
    if "status" in articles.columns:
        analysed = articles[articles["status"].fillna("ok") == "ok"]
    count = len(analysed)
    noun = "article" if count == 1 else "articles"
    outlets = (
        sorted({safe_label(o, max_chars=40) for o in analysed["outlet"]}, key=_normalise_name)
        if "outlet" in analysed.columns
        else []
    )
    named = [o for o in outlets if o != "unknown"]
    if len(named) < len(outlets):
        named.append("unknown outlets")
    if len(named) > max_outlets:
        others = len(named) - max_outlets + 1
        named = [*named[: max_outlets - 1], f"{others} other outlets"]
    line = f"Source: newsframe analysis of {count} {noun}"
    if named:
        listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        line += f" from {listed}"
    return line


# --- export -------------------------------------------------------------------------------


def export_chart(
    fig: Figure,
    name: str,
    data: pd.DataFrame,
    *,
    caption: str,
    title: str | None = None,
    source: str | None = None,
    out_dir: Path | None = None,
) -> dict[str, Path]:
    """Write ``NAME.png`` (300 dpi), ``.svg``, ``.pdf`` and ``.csv`` and record the chart.

    ``data`` is exactly the table plotted. It is written with ``index=False``; a meaningful
    index (named, or not a plain 0..n-1 range, as in a pivot table) becomes columns first, so
    the CSV keeps the row labels. ``title`` and ``source`` default to what ``finish`` drew.
    The chart is recorded (title, subtitle, caption, source, files) in ``OUT_DIR/charts.json``,
    which ``newsframe.briefing.build_briefing`` reads. Returns the path of each file by format.
    """
    if not CHART_NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"chart name {name!r} must look like 'fig01-outlet-framing' "
            "(fig, two digits, then lowercase words joined by '-')"
        )
    finished = _FINISHED.get(fig, {})
    title = title if title is not None else finished.get("title")
    source = source if source is not None else finished.get("source")
    if not title:
        raise ValueError("a title is needed: call finish(fig, title=...) or pass title=")
    if not source:
        raise ValueError("a source line is needed: finish(fig, source=source_line(articles))")
    if data.empty:
        warnings.warn(f"chart {name} is exported with no data rows", stacklevel=2)

    out = Path(out_dir) if out_dir is not None else config.EXPORTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out / f"{name}.{fmt}" for fmt in EXPORT_FORMATS}

    with mpl.rc_context(REPRODUCIBLE_RC):
        # Texts made before the style was applied may still parse "$...$"; article text must
        # render as written, whatever the session's settings.
        for text in fig.findobj(Text):
            text.set_parse_math(False)
        fig.savefig(paths["png"], dpi=EXPORT_DPI, format="png")
        fig.savefig(paths["svg"], format="svg", metadata={**SVG_METADATA, "Title": title})
        fig.savefig(paths["pdf"], format="pdf", metadata={**PDF_METADATA, "Title": title})
    if _index_carries_labels(data):
        data = data.reset_index()
    data.to_csv(paths["csv"], index=False, lineterminator="\n", encoding="utf-8")

    width_in, height_in = fig.get_size_inches()
    record = {
        "name": name,
        "title": title,
        "subtitle": finished.get("subtitle", ""),
        "caption": caption,
        "source": source,
        "files": {fmt: path.name for fmt, path in paths.items()},
        "size_in": [round(float(width_in), 3), round(float(height_in), 3)],
        "data_rows": len(data),
        "data_columns": [str(c) for c in data.columns],
    }
    _record_in_manifest(out / MANIFEST_NAME, record)
    return paths


def _index_carries_labels(data: pd.DataFrame) -> bool:
    index = data.index
    plain_range = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    return not plain_range or any(name is not None for name in index.names)


def read_manifest(out_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Charts recorded by ``export_chart`` in OUT_DIR, by name (empty if none)."""
    path = (Path(out_dir) if out_dir is not None else config.EXPORTS_DIR) / MANIFEST_NAME
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _record_in_manifest(path: Path, record: Mapping[str, Any]) -> None:
    charts = read_manifest(path.parent)
    charts[record["name"]] = dict(record)
    text = json.dumps(charts, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    # Write then rename, so a reader (or a crash) never sees half a manifest.
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=".charts-", suffix=".json", delete=False
    ) as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)  # NamedTemporaryFile makes it private; the manifest is not
    os.replace(handle.name, path)
