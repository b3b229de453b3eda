"""The chart style, the export helper and the briefing: reproducible bytes, literal labels."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

from newsframe import charts
from newsframe.briefing import build_briefing

# A label as an article could deliver it: mathtext, a percent sign and markup.
HOSTILE_LABEL = "$x$ 50% <script>"
TESTS_DIR = Path(__file__).resolve().parent


def sample_articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["The Jerusalem Post", "Al-Monitor", "JNS", HOSTILE_LABEL, "JNS"],
            "status": ["ok", "ok", "ok", "ok", "rejected"],
        }
    )


def sample_data() -> pd.DataFrame:
    return pd.DataFrame(
        {"outlet": ["The Jerusalem Post", "Al-Monitor", "JNS", HOSTILE_LABEL], "rift": [3, 1, 4, 2]}
    )


def export_sample(out_dir: Path) -> dict[str, Path]:
    """Two charts exported into out_dir; also run in a fresh interpreter by one test."""
    articles = sample_articles()
    data = sample_data()
    colours = charts.outlet_colours(articles["outlet"])
    paths = {}
    for number, size in enumerate(["slide", "document"], start=1):
        fig, ax = charts.new_figure(size)
        ax.barh(data["outlet"], data["rift"], color=[colours[o] for o in data["outlet"]])
        charts.finish(
            fig,
            title=f"Rift cues by outlet {HOSTILE_LABEL}",
            subtitle="Number of cues framing a rift between Russia and Iran",
            source=charts.source_line(articles),
        )
        paths = charts.export_chart(
            fig,
            f"fig0{number}-rift-{size}",
            data,
            caption=f"Caption {HOSTILE_LABEL}",
            out_dir=out_dir,
        )
        plt.close(fig)
    return paths


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("exports")
    export_sample(out_dir)
    return out_dir


def test_svg_pdf_png_csv_bytes_are_identical_in_a_fresh_interpreter(
    exported: Path, tmp_path: Path
) -> None:
    # A second process with another hash seed: no dates, no random ids, no set-order effects.
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
        "import test_charts; test_charts.export_sample(Path(sys.argv[2]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "MPLBACKEND": "agg"}
    subprocess.run(
        [sys.executable, "-c", script, str(TESTS_DIR), str(tmp_path)], check=True, env=env
    )
    names = sorted(p.name for p in exported.iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    assert {Path(n).suffix for n in names} == {".png", ".svg", ".pdf", ".csv", ".json"}
    for name in names:
        assert (exported / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_exports_carry_no_date(exported: Path) -> None:
    svg = (exported / "fig01-rift-slide.svg").read_text(encoding="utf-8")
    pdf = (exported / "fig01-rift-slide.pdf").read_bytes()
    assert "<dc:date>" not in svg
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf


def test_png_is_300_dpi_at_the_figure_size(exported: Path) -> None:
    for name, size in [("fig01-rift-slide", "slide"), ("fig02-rift-document", "document")]:
        with Image.open(exported / f"{name}.png") as png:
            assert [round(d) for d in png.info["dpi"]] == [300, 300]
            width_in, height_in = charts.FIGURE_SIZES[size]
            assert png.size == (round(width_in * 300), round(height_in * 300))


def test_csv_is_exactly_the_plotted_data(tmp_path: Path) -> None:
    data = sample_data()
    fig, ax = charts.new_figure("document")
    bars = ax.barh(data["outlet"], data["rift"])
    charts.finish(fig, title="t", source="Source: test")
    charts.export_chart(fig, "fig09-plotted", data, caption="c", out_dir=tmp_path)
    plt.close(fig)

    written = pd.read_csv(tmp_path / "fig09-plotted.csv")
    pd.testing.assert_frame_equal(written, data, check_dtype=False)
    assert [bar.get_width() for bar in bars] == written["rift"].tolist()
    assert (tmp_path / "fig09-plotted.csv").read_text(encoding="utf-8").startswith("outlet,rift\n")


def test_csv_keeps_row_labels_held_in_the_index(tmp_path: Path) -> None:
    # A heatmap's data is a pivot table: the outlets are its index, and must reach the CSV.
    shares = pd.DataFrame(
        {"frame": ["rift", "rift", "cooperation"], "outlet": ["JNS", "Al-Monitor", "JNS"]}
    ).pivot_table(index="outlet", columns="frame", aggfunc="size", fill_value=0)
    fig, ax = charts.new_figure("document")
    ax.imshow(shares.to_numpy())
    charts.finish(fig, title="t", source="Source: test")
    charts.export_chart(fig, "fig11-heatmap", shares, caption="c", out_dir=tmp_path)
    plt.close(fig)
    written = pd.read_csv(tmp_path / "fig11-heatmap.csv")
    assert written.columns.tolist() == ["outlet", "cooperation", "rift"]
    assert written["outlet"].tolist() == ["Al-Monitor", "JNS"]


def test_manifest_records_texts_with_sorted_keys(exported: Path) -> None:
    text = (exported / charts.MANIFEST_NAME).read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert text == json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    chart = manifest["fig01-rift-slide"]
    assert chart["title"] == f"Rift cues by outlet {HOSTILE_LABEL}"
    assert chart["caption"] == f"Caption {HOSTILE_LABEL}"
    assert chart["source"].startswith("Source: newsframe analysis of 4 articles from ")
    assert chart["files"]["svg"] == "fig01-rift-slide.svg"


def test_hostile_label_renders_literally_in_svg_and_pdf(exported: Path) -> None:
    svg = (exported / "fig01-rift-slide.svg").read_text(encoding="utf-8")
    pdf = (exported / "fig01-rift-slide.pdf").read_bytes()
    # The SVG keeps each text as a comment beside its glyphs; markup is escaped, never raw.
    assert "<!-- Rift cues by outlet $x$ 50% &lt;script&gt; -->" in svg
    assert "<!-- $x$ 50% &lt;script&gt; -->" in svg  # the tick label, made at draw time
    assert "<script" not in svg
    ElementTree.fromstring(svg)  # still well-formed XML, title metadata included
    # Mathtext would typeset $x$ with the italic (Oblique) face; literal text never uses it.
    assert "Oblique" not in svg
    assert b"Oblique" not in pdf


def test_export_is_literal_even_for_a_figure_made_outside_the_house_style(tmp_path: Path) -> None:
    with mpl.rc_context({"text.parse_math": True}):
        fig, ax = plt.subplots()
        ax.set_title(HOSTILE_LABEL)
        ax.bar([HOSTILE_LABEL], [1])
        charts.export_chart(
            fig,
            "fig10-outside",
            sample_data(),
            title="t",
            caption="c",
            source="s",
            out_dir=tmp_path,
        )
        plt.close(fig)
    svg = (tmp_path / "fig10-outside.svg").read_text(encoding="utf-8")
    assert svg.count("<!-- $x$ 50% &lt;script&gt; -->") == 2
    assert "Oblique" not in svg


def test_briefing_has_a_page_per_chart_and_identical_bytes_on_rerun(exported: Path) -> None:
    path = build_briefing(exported)
    first = path.read_bytes()
    assert build_briefing(exported).read_bytes() == first
    pages = re.findall(rb"/Type /Page\b", first)
    assert len(pages) == 1 + 2  # contents page, then one page per chart
    assert b"/CreationDate" not in first


def test_briefing_refuses_an_empty_or_stale_manifest(exported: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no chart"):
        build_briefing(tmp_path)
    stale = tmp_path / "stale"
    shutil.copytree(exported, stale)
    (stale / "fig02-rift-document.png").unlink()
    with pytest.raises(FileNotFoundError, match="fig02-rift-document.png"):
        build_briefing(stale)


def test_title_block_and_source_line_do_not_overlap_the_plot() -> None:
    fig, ax = charts.new_figure("document")
    ax.bar(["a", "b"], [1, 2])
    ax.set_xlabel("x label")
    long_title = "A long title that has to wrap onto a second line at document size " * 2
    charts.finish(fig, title=long_title, subtitle="A subtitle", source="Source: " + "x " * 90)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    plot_box = ax.get_tightbbox(renderer)
    title, subtitle, source = fig.texts
    assert title.get_text().count("\n") >= 1  # wrapped, not cut off at the figure edge
    assert source.get_text().count("\n") >= 1
    for text in (title, subtitle):
        assert text.get_window_extent(renderer).y0 > plot_box.y1
    assert source.get_window_extent(renderer).y1 < plot_box.y0
    for text in fig.texts:
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= fig.bbox.x1
    plt.close(fig)


def test_finish_called_twice_replaces_its_texts() -> None:
    fig, _ax = charts.new_figure()
    charts.finish(fig, title="first", subtitle="sub", source="src")
    charts.finish(fig, title="second", source="src")
    assert [t.get_text() for t in fig.texts] == ["second", "src"]
    plt.close(fig)


def test_export_rejects_names_that_are_not_stable_chart_names(tmp_path: Path) -> None:
    fig, _ax = charts.new_figure()
    charts.finish(fig, title="t", source="s")
    for bad in ["../fig01-escape", "fig1-short", "Fig01-Upper", "fig01-"]:
        with pytest.raises(ValueError, match="chart name"):
            charts.export_chart(fig, bad, sample_data(), caption="c", out_dir=tmp_path)
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_outlet_colours_are_fixed_for_listed_outlets_and_stable_for_others() -> None:
    listed = charts.outlet_colours(["JNS", "The Jerusalem Post"])
    assert listed["JNS"] == charts.OUTLET_COLOURS["JNS"]
    assert (
        charts.outlet_colours(["jerusalem post"])["jerusalem post"] == listed["The Jerusalem Post"]
    )

    corpus = ["Zeta News", "Alpha Daily", "JNS", "", None]
    colours = charts.outlet_colours(corpus)
    assert colours == charts.outlet_colours(list(reversed(corpus)))  # order does not matter
    assert colours["JNS"] == charts.OUTLET_COLOURS["JNS"]
    assert colours[""] == colours["None"] == charts.UNKNOWN_COLOUR
    assert colours[None] == colours[float("nan")] == charts.UNKNOWN_COLOUR
    with pytest.raises(KeyError):
        colours["An outlet the map was not built with"]
    # Unlisted outlets take palette colours no listed outlet owns, alphabetically.
    free = [c for c in charts.PALETTE if c not in charts.OUTLET_COLOURS.values()]
    assert [colours["Alpha Daily"], colours["Zeta News"]] == free[:2]


def test_many_outlets_never_share_a_colour_with_an_outlet_present() -> None:
    corpus = ["JNS", "Al-Monitor", *[f"Outlet {i:02d}" for i in range(8)]]
    colours = charts.outlet_colours(corpus)
    assert len(set(colours.values())) == len(corpus)


def test_country_colours_accept_codes_as_aliases() -> None:
    colours = charts.country_colours(["RUS", "Iran", "unknown"])
    assert colours["RUS"] == charts.COUNTRY_COLOURS["Russia"]
    assert colours["Iran"] == charts.COUNTRY_COLOURS["Iran"]
    assert colours["unknown"] == charts.UNKNOWN_COLOUR
    assert len(set(charts.COUNTRY_COLOURS.values())) == len(charts.COUNTRY_COLOURS)


def test_source_line_counts_analysed_articles_and_names_outlets() -> None:
    line = charts.source_line(sample_articles())
    assert line == (
        "Source: newsframe analysis of 4 articles from $x$ 50% <script>, Al-Monitor, JNS "
        "and The Jerusalem Post"
    )
    one = charts.source_line(pd.DataFrame({"outlet": ["JNS"]}))
    assert one == "Source: newsframe analysis of 1 article from JNS"
    many = charts.source_line(pd.DataFrame({"outlet": [f"Outlet {i}" for i in range(9)]}))
    assert many.endswith("Outlet 4 and 4 other outlets")


def test_safe_label_keeps_text_literal_and_visible_in_legends() -> None:
    assert charts.safe_label("line one\nline\ttwo\x00") == "line one line two"
    assert charts.safe_label(HOSTILE_LABEL) == HOSTILE_LABEL
    assert charts.safe_label(None) == charts.safe_label(float("nan")) == "unknown"
    assert charts.safe_label("a" * 100, max_chars=10) == "a" * 9 + "\u2026"
    fig, ax = charts.new_figure()
    ax.plot([0, 1], label=charts.safe_label("_hidden by matplotlib"))
    assert len(ax.legend().get_texts()) == 1
    plt.close(fig)


def test_style_sheet_sets_the_house_rules() -> None:
    with mpl.rc_context(fname=charts.STYLE_PATH):
        assert mpl.rcParams["text.parse_math"] is False
        assert mpl.rcParams["axes.spines.top"] is False
        assert mpl.rcParams["axes.spines.right"] is False
        assert mpl.rcParams["axes.titlelocation"] == "left"
        assert mpl.rcParams["font.sans-serif"][0] == "DejaVu Sans"
        colours = [c["color"].upper().lstrip("#") for c in mpl.rcParams["axes.prop_cycle"]]
        assert colours == [c.lstrip("#") for c in charts.PALETTE]
