"""Assemble ``exports/briefing.pdf``: every exported chart with its title, caption and source.

The charts and their texts come from the manifest ``export_chart`` keeps (``charts.json``), in
order of their names (``fig01-…``, ``fig02-…``). The PDF carries no dates, so re-running on the
same exports gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from PIL import Image

from newsframe import config
from newsframe.charts import (
    PDF_METADATA,
    REPRODUCIBLE_RC,
    SOURCE_COLOUR,
    STYLE_PATH,
    SUBTITLE_COLOUR,
    TITLE_COLOUR,
    read_manifest,
    wrap_text,
)

BRIEFING_NAME = "briefing.pdf"
BRIEFING_TITLE = "newsframe briefing"
PAGE_SIZE_IN = (11.69, 8.27)  # A4 landscape: 16:9 charts fill it best
MARGIN_IN = 0.6
LINE_SPACING = 1.3

# (font size, weight, colour) of each kind of text on a chart page.
HEADING = (12.0, "bold", TITLE_COLOUR)
BODY = (10.5, "normal", SUBTITLE_COLOUR)
SMALL = (8.5, "normal", SOURCE_COLOUR)


def build_briefing(out_dir: Path | None = None) -> Path:
    """Write ``OUT_DIR/briefing.pdf``: a contents page, then one page per exported chart.

    Raises ``ValueError`` when no chart was exported to OUT_DIR and ``FileNotFoundError`` when
    a recorded chart's PNG is missing (so a stale manifest cannot pass unnoticed).
    """
    out = Path(out_dir) if out_dir is not None else config.EXPORTS_DIR
    charts = [chart for _name, chart in sorted(read_manifest(out).items())]
    if not charts:
        raise ValueError(f"no chart recorded in {out}; export charts with export_chart first")
    missing = [c["files"]["png"] for c in charts if not (out / c["files"]["png"]).exists()]
    if missing:
        raise FileNotFoundError(f"charts recorded in {out} but missing: {', '.join(missing)}")

    path = out / BRIEFING_NAME
    metadata = {**PDF_METADATA, "Title": BRIEFING_TITLE}
    with (
        mpl.rc_context(fname=STYLE_PATH),
        mpl.rc_context(REPRODUCIBLE_RC),
        PdfPages(path, metadata=metadata) as pdf,
    ):
        pdf.savefig(_contents_page(charts))
        for number, chart in enumerate(charts, start=1):
            pdf.savefig(_chart_page(out, chart, number, len(charts)))
    return path


def _new_page() -> Figure:
    # A bare Figure, not pyplot: building the briefing in a notebook must not display pages.
    return Figure(figsize=PAGE_SIZE_IN, layout="none")


def _write_lines(
    page: Figure, lines: list[str], y_in: float, style: tuple[float, str, str]
) -> float:
    """Write lines top-down from y (inches from the bottom); returns the y below them."""
    size, weight, colour = style
    width_in, height_in = page.get_size_inches()
    page.text(
        MARGIN_IN / width_in,
        y_in / height_in,
        "\n".join(lines),
        ha="left",
        va="top",
        fontsize=size,
        weight=weight,
        color=colour,
        linespacing=LINE_SPACING,
        parse_math=False,  # titles and captions may quote articles: "$" is a dollar sign
    )
    return y_in - (size + (len(lines) - 1) * size * LINE_SPACING) / 72


def _wrap(text: str, style: tuple[float, str, str]) -> list[str]:
    size, weight, _colour = style
    return wrap_text(text, size, (PAGE_SIZE_IN[0] - 2 * MARGIN_IN) * 72, weight)


def _contents_page(charts: list[dict[str, Any]]) -> Figure:
    page = _new_page()
    y = PAGE_SIZE_IN[1] - MARGIN_IN
    y = _write_lines(page, [BRIEFING_TITLE], y, (24.0, "bold", TITLE_COLOUR)) - 0.15
    count = f"{len(charts)} chart" + ("" if len(charts) == 1 else "s")
    y = _write_lines(page, [count], y, BODY) - 0.3
    for number, chart in enumerate(charts, start=1):
        y = _write_lines(page, _wrap(f"Figure {number}. {chart['title']}", BODY), y, BODY) - 0.1
    return page


def _chart_page(out: Path, chart: dict[str, Any], number: int, total: int) -> Figure:
    page = _new_page()
    page_width, page_height = PAGE_SIZE_IN
    files = chart["files"]
    heading = _wrap(f"Figure {number}. {chart['title']}", HEADING)
    caption = _wrap(chart.get("caption", ""), BODY) if chart.get("caption") else []
    source = _wrap(chart["source"], SMALL)
    reference = [
        f"Figure {number} of {total}  ·  files: "
        + ", ".join(files[fmt] for fmt in ("png", "svg", "pdf", "csv") if fmt in files)
    ]

    # Text block under the chart, measured first so the chart gets all the height left.
    def height(lines: list[str], style: tuple[float, str, str]) -> float:
        size = style[0]
        return (size + (len(lines) - 1) * size * LINE_SPACING) / 72 if lines else 0.0

    gaps = 0.25 + 0.12 + (0.12 if caption else 0.0) + 0.1
    text_height = (
        height(heading, HEADING) + height(caption, BODY) + height(source, SMALL)
        + height(reference, SMALL) + gaps
    )  # fmt: skip
    box_width = page_width - 2 * MARGIN_IN
    box_height = page_height - 2 * MARGIN_IN - text_height

    with Image.open(out / files["png"]) as png:
        pixels = np.asarray(png.convert("RGB"))
    image_height, image_width = pixels.shape[:2]
    scale = min(box_width / image_width, box_height / image_height)
    shown_width, shown_height = image_width * scale, image_height * scale
    image_top = page_height - MARGIN_IN
    ax = page.add_axes(
        (
            MARGIN_IN / page_width,
            (image_top - shown_height) / page_height,
            shown_width / page_width,
            shown_height / page_height,
        )
    )
    # "none": the PDF gets the 300 dpi pixels as they are, not a resampled copy.
    ax.imshow(pixels, interpolation="none", aspect="auto")
    ax.set_axis_off()

    y = image_top - shown_height - 0.25
    y = _write_lines(page, heading, y, HEADING) - 0.12
    if caption:
        y = _write_lines(page, caption, y, BODY) - 0.12
    y = _write_lines(page, source, y, SMALL) - 0.1
    _write_lines(page, reference, y, SMALL)
    return page
