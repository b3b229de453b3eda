"""The briefing charts: each function turns a ``Corpus`` into one finished chart.

A chart is built here once and used twice: shown in its notebook, and exported by
``06-export-the-briefing`` through ``charts.export_chart``. Each returns the figure and exactly
the data it plots, so the exported CSV is what the reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from newsframe import charts
from newsframe.corpus import Corpus
from newsframe.events import timeline
from newsframe.framing import frame_rates
from newsframe.positions import positions
from newsframe.sentiment import targeted_tone
from newsframe.survey import outlet_tone

GENERIC_FRAMES = (
    "conflict",
    "military",
    "diplomacy",
    "security",
    "sovereignty_legality",
    "alliance",
    "humanitarian",
    "economic",
    "media_contest",
)
STANCE_MARKERS = {"affirms": "^", "denies": "v", "qualifies": "D", "mixed": "X"}
BASIS_LABELS = {
    "text": "stated in the text",
    "manifest": "from the manifest",
    "inferred": "inferred from the text",
}
TONE_TARGETS = {"Russia": "RUS", "Iran": "IRN", "Russia and Iran together": ("RUS", "IRN")}


@dataclass
class Chart:
    name: str  # stable export name, e.g. "fig04-frame-rates-by-outlet"
    figure: Figure
    data: pd.DataFrame  # exactly what is plotted
    title: str
    caption: str
    source: str

    def export(self, out_dir: Path | None = None) -> dict[str, Path]:
        """PNG, SVG, PDF and CSV of this chart in ``exports/``."""
        return charts.export_chart(
            self.figure,
            self.name,
            self.data,
            title=self.title,
            caption=self.caption,
            source=self.source,
            out_dir=out_dir,
        )


def _finish(
    fig: Figure,
    name: str,
    data: pd.DataFrame,
    corpus: Corpus,
    *,
    title: str,
    subtitle: str,
    caption: str,
) -> Chart:
    source = charts.source_line(corpus.analysed)
    charts.finish(fig, title=title, subtitle=subtitle, source=source)
    return Chart(name, fig, data.reset_index(drop=True), title, caption, source)


def _outlet_colours(corpus: Corpus) -> dict[str, str]:
    return charts.outlet_colours(corpus.analysed["outlet"])


def _outlet_legend(
    ax: plt.Axes,
    colours: dict[str, str],
    outlets: list[str],
    *,
    title: str = "Outlet",
    at_bottom: bool = False,
) -> None:
    """A legend of outlet colours to the right of the plot (top, or bottom under another)."""
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colours.get(o, charts.UNKNOWN_COLOUR))
        for o in outlets
    ]
    ax.legend(
        handles,
        [charts.safe_label(o, 30) for o in outlets],
        title=title,
        loc="lower left" if at_bottom else "upper left",
        bbox_to_anchor=(1.01, 0 if at_bottom else 1),
        frameon=False,
    )


def _date_axis(ax: plt.Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _period_label(dates: pd.Series) -> str:
    known = dates.dropna()
    if known.empty:
        return "dates unknown"
    first, last = known.min(), known.max()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    return f"{first:%B %Y} to {last:%B %Y}"


# --- 01 survey ----------------------------------------------------------------------------


def articles_by_outlet(corpus: Corpus) -> Chart:
    """When each outlet's articles were published, and how the date is known."""
    data = corpus.analysed[
        ["article_id", "outlet", "published", "published_basis", "n_words", "headline"]
    ].sort_values(["outlet", "published", "article_id"])
    colours = _outlet_colours(corpus)
    fig, ax = charts.new_figure("slide")
    outlets = sorted(data["outlet"].unique(), reverse=True)
    rows = {o: i for i, o in enumerate(outlets)}
    dated = data[data["published"].notna()]
    for basis, hollow in (("text", False), ("manifest", False), ("inferred", True)):
        part = dated[dated["published_basis"] == basis]
        if part.empty:
            continue
        colour = [colours.get(o, charts.UNKNOWN_COLOUR) for o in part["outlet"]]
        ax.scatter(
            part["published"],
            part["outlet"].map(rows),
            s=40 + part["n_words"].astype(float) / 8,
            facecolors="none" if hollow else colour,
            edgecolors=colour,
            linewidths=2,
            label=BASIS_LABELS[basis],
            zorder=3,
        )
    ax.set_yticks(range(len(outlets)), [charts.safe_label(o, 30) for o in outlets])
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    ax.set_xlabel("Publication date")
    _date_axis(ax)
    basis_handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=9,
            markeredgewidth=2,
            color="#555555",
            markerfacecolor="none" if basis == "inferred" else "#555555",
            label=BASIS_LABELS[basis],
        )
        for basis in ("text", "manifest", "inferred")
        if (dated["published_basis"] == basis).any()
    ]
    ax.legend(
        handles=basis_handles,
        title="Date",
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    ax.grid(axis="x", alpha=0.3)
    undated = int(data["published"].isna().sum())
    subtitle = "Each circle an article, sized by its length; hollow: the date is inferred"
    if undated:
        subtitle += f"; {undated} article(s) with no known date not shown"
    return _finish(
        fig,
        "fig01-articles-by-outlet",
        data,
        corpus,
        title=f"{len(data)} articles from {data['outlet'].nunique()} outlets, "
        f"{_period_label(data['published'])}",
        subtitle=subtitle,
        caption="Publication date of every analysed article by outlet. Filled markers: date "
        "stated in the article or given in the manifest; hollow: inferred from the latest "
        "dated reference in the text.",
    )


# --- 02 events ----------------------------------------------------------------------------


def event_timeline(corpus: Corpus) -> Chart:
    """Events by the date they happened, with the delay until the first report."""
    data = timeline(corpus.events, corpus.analysed)
    data = data[data["date_precision"].isin(["day", "month"])].copy()
    data["first_outlet"] = data["outlets"].str.split("; ").str[0]
    colours = _outlet_colours(corpus)
    types = sorted(data["event_type"].unique(), reverse=True)
    rows = {t: i for i, t in enumerate(types)}
    fig, ax = charts.new_figure("slide")
    y = data["event_type"].map(rows).to_numpy(dtype=float)
    jitter = (pd.Series(range(len(data))) % 3 - 1).to_numpy() * 0.18
    for (_, event), row_y in zip(data.iterrows(), y + jitter, strict=True):
        colour = colours.get(event["first_outlet"], charts.UNKNOWN_COLOUR)
        reported = pd.Timestamp(event["first_reported"])
        ax.plot([event["date"], reported], [row_y, row_y], color=colour, alpha=0.35, lw=1.5)
        ax.scatter(
            event["date"],
            row_y,
            color=colour,
            marker="o" if event["date_precision"] == "day" else "s",
            s=30 + 25 * int(event["n_reports"]),
            zorder=3,
        )
        ax.scatter(reported, row_y, color=colour, marker="|", s=80, zorder=3)
    ax.set_yticks(range(len(types)), [t.replace("_", " ").lower() for t in types])
    ax.set_xlabel("Date of the event (circle; square: month only) and of its first report (|)")
    _date_axis(ax)
    _outlet_legend(ax, colours, sorted(data["first_outlet"].unique()))
    ax.grid(axis="x", alpha=0.3)
    undated = int((corpus.events["date"].isna()).sum())
    return _finish(
        fig,
        "fig02-event-timeline",
        data.drop(columns=["first_outlet"]),
        corpus,
        title="What happened when, and when it was reported",
        subtitle=f"{len(data)} dated events by type (CAMEO); {undated} events in the text "
        "have no date and are not shown",
        caption="Events extracted from the articles, placed at the date they happened (not "
        "the publication date). The line runs to the first report; larger markers were "
        "reported by more outlets.",
    )


# --- 03 positions -------------------------------------------------------------------------


def stated_positions(corpus: Corpus, topic: str = "russia_iran_alliance") -> Chart:
    """Who said the Russia-Iran alliance is real, and who denied it, over time."""
    ledger = positions(corpus.statements, corpus.analysed, topic=topic)
    ledger = ledger[ledger["stance"].isin(STANCE_MARKERS)].copy()
    ledger["first_outlet"] = ledger["outlets"].str.split("; ").str[0]
    ledger["said_on"] = pd.to_datetime(ledger["said_on"], errors="coerce")
    dated = ledger[ledger["said_on"].notna()].copy()
    order = (
        dated.groupby(["speaker_country", "speaker"])["said_on"].min().sort_values().reset_index()
    )
    labels = [
        f"{charts.safe_label(s, 28)} ({c or '?'})"
        for s, c in zip(order["speaker"], order["speaker_country"], strict=True)
    ]
    rows = {s: i for i, s in enumerate(order["speaker"])}
    colours = _outlet_colours(corpus)
    fig, ax = charts.new_figure("slide")
    for stance, marker in STANCE_MARKERS.items():
        part = dated[dated["stance"] == stance]
        if part.empty:
            continue
        ax.scatter(
            part["said_on"],
            part["speaker"].map(rows),
            marker=marker,
            s=90,
            c=[colours.get(o, charts.UNKNOWN_COLOUR) for o in part["first_outlet"]],
            edgecolors="black",
            linewidths=0.5,
            zorder=3,
        )
    ax.set_yticks(range(len(rows)), labels)
    ax.set_ylim(-0.7, max(len(rows), 1) - 0.3)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    _date_axis(ax)
    stance_handles = [
        Line2D([], [], marker=m, linestyle="", color="#444444", label=s)
        for s, m in STANCE_MARKERS.items()
        if (dated["stance"] == s).any()
    ]
    first = ax.legend(
        handles=stance_handles,
        title="Stance on the alliance",
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    ax.add_artist(first)
    _outlet_legend(
        ax, colours, sorted(dated["first_outlet"].unique()), title="Reported by", at_bottom=True
    )
    undated = len(ledger) - len(dated)
    return _finish(
        fig,
        "fig03-stated-positions",
        dated.drop(columns=["first_outlet"]),
        corpus,
        title="Allies or not? What each side said about the Russia–Iran alliance",
        subtitle="Stated positions by speaker and date said; colour: outlet reporting it"
        + (f"; {undated} position(s) with no date not shown" if undated else ""),
        caption="Each marker is a speaker's stated position on the Russia–Iran alliance on one "
        "day (affirms / denies / qualifies), from direct and reported statements; the quotes "
        "behind each point are listed in notebook 03 and in the CSV (statement_ids).",
    )


# --- 04 framing ---------------------------------------------------------------------------


def _outlet_labels(rates: pd.DataFrame, notes: list[str] | None = None) -> list[str]:
    """``Outlet (n=3)`` or ``Outlet (n=3; note)``: the article count travels with the name."""
    notes = notes or [""] * len(rates)
    return [
        f"{charts.safe_label(o, 28)} (n={n}{'; ' + note if note else ''})"
        for o, n, note in zip(rates["outlet"], rates["n_articles"], notes, strict=True)
    ]


def _legend_right(ax: plt.Axes) -> None:
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def frame_heatmap(corpus: Corpus) -> Chart:
    """Frame cues per 1,000 words, outlet by frame."""
    rates = frame_rates(corpus.frames, corpus.analysed)
    columns = [f"{f}_per_1000_words" for f in GENERIC_FRAMES]
    data = rates[["outlet", "n_articles", "n_words", *columns]]
    values = data[columns].to_numpy(dtype=float)
    fig, ax = charts.new_figure("slide")
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(
        range(len(columns)),
        [f.replace("_", " ") for f in GENERIC_FRAMES],
        rotation=35,
        ha="right",
        rotation_mode="anchor",
    )
    ax.set_yticks(range(len(data)), _outlet_labels(data))
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    threshold = np.nanmax(values) * 0.6 if values.size else 0
    for (i, j), value in np.ndenumerate(values):
        ax.text(
            j,
            i,
            f"{value:.0f}",
            ha="center",
            va="center",
            fontsize=9,
            color="white" if value > threshold else "#1A1A1A",
        )
    fig.colorbar(image, ax=ax, label="cues per 1,000 words", shrink=0.8)
    return _finish(
        fig,
        "fig04-frame-rates-by-outlet",
        data,
        corpus,
        title="How each outlet frames the story",
        subtitle="Frame cue words per 1,000 words of body text; n = articles per outlet",
        caption="Frame cues (an editable lexicon after Semetko & Valkenburg and the Policy "
        "Frames Codebook) per 1,000 words. Outlets with one article are single-article "
        "readings, not outlet profiles.",
    )


def relationship_shares(corpus: Corpus) -> Chart:
    """Of the sentences about Russia and Iran, how many speak of a rift, how many of ties."""
    rates = frame_rates(corpus.frames, corpus.analysed)
    data = rates[
        [
            "outlet",
            "n_articles",
            "n_rift_sentences",
            "n_cooperation_sentences",
            "n_both_sentences",
            "rift_share",
            "cooperation_share",
        ]
    ].copy()
    data["n_pair_sentences"] = (
        data["n_rift_sentences"] + data["n_cooperation_sentences"] + data["n_both_sentences"]
    )
    fig, ax = charts.new_figure("slide")
    y = np.arange(len(data))
    height = 0.38
    ax.barh(y - height / 2, data["rift_share"], height, color="#D55E00", label="rift")
    ax.barh(y + height / 2, data["cooperation_share"], height, color="#0072B2", label="cooperation")
    notes = [f"{n} sentences on the pair" for n in data["n_pair_sentences"]]
    ax.set_yticks(y, _outlet_labels(data, notes))
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.invert_yaxis()
    _legend_right(ax)
    ax.grid(axis="x", alpha=0.3)
    return _finish(
        fig,
        "fig05-rift-vs-cooperation",
        data,
        corpus,
        title="Rift or partnership? How outlets describe Russia–Iran ties",
        subtitle="Share of sentences about both countries that carry rift or cooperation cues "
        "(a sentence can carry both)",
        caption="Relationship frame of every sentence that speaks of Russia and Iran, from "
        "cue words with negation and contrast handled ('not allies' is a rift, 'the "
        "weakening of the alliance is a myth' is not).",
    )


# --- 05 tone ------------------------------------------------------------------------------


def tone_by_outlet(corpus: Corpus) -> Chart:
    """Mean tone and TextBlob polarity per outlet, with the unscored sentences counted."""
    data = outlet_tone(corpus)
    fig, ax = charts.new_figure("slide")
    y = np.arange(len(data))
    ax.axvline(0, color="#999999", lw=1)
    ax.scatter(data["tone"], y, s=110, color="#0072B2", label="tone (newsframe)", zorder=3)
    ax.scatter(
        data["textblob_polarity"],
        y,
        s=110,
        facecolors="none",
        edgecolors="#E69F00",
        linewidths=2,
        label="TextBlob polarity",
        zorder=3,
    )
    notes = [
        f"{u} of {n} sentences unscored"
        for u, n in zip(data["n_tone_unknown"], data["n_sentences"], strict=True)
    ]
    ax.set_yticks(y, _outlet_labels(data, notes))
    limit = max(0.3, float(np.nanmax(np.abs(data[["tone", "textblob_polarity"]].to_numpy()))))
    ax.set_xlim(-limit * 1.15, limit * 1.15)
    ax.invert_yaxis()
    ax.set_xlabel("Mean over scored sentences (−1 negative … +1 positive)")
    _legend_right(ax)
    ax.grid(axis="x", alpha=0.3)
    return _finish(
        fig,
        "fig06-tone-by-outlet",
        data,
        corpus,
        title="Tone of coverage by outlet",
        subtitle="newsframe tone (calibrated for conflict and diplomatic language) beside "
        "TextBlob's polarity",
        caption="Mean sentence tone per outlet. TextBlob's polarity reads this language poorly "
        "(Spearman ≈ 0.1 with a hand-labelled sample; the calibrated tone ≈ 0.7). Unscored "
        "sentences are left out of the means, not counted as neutral.",
    )


def tone_toward(corpus: Corpus) -> Chart:
    """Tone of the sentences that mention Russia, Iran, or both, by outlet and month."""
    parts = []
    for label, target in TONE_TARGETS.items():
        part = targeted_tone(corpus.sentences, corpus.analysed, target)
        part.insert(0, "target", label)
        parts.append(part)
    data = pd.concat(parts, ignore_index=True)
    colours = _outlet_colours(corpus)
    fig, axes = charts.new_figure_grid("slide", nrows=1, ncols=len(TONE_TARGETS), sharey=True)
    periods = sorted(p for p in data["period"].unique() if p != "unknown")
    for ax, label in zip(axes[0], TONE_TARGETS, strict=True):
        part = data[(data["target"] == label) & (data["period"] != "unknown")]
        ax.axhline(0, color="#999999", lw=1)
        ax.scatter(
            part["period"].map({p: i for i, p in enumerate(periods)}),
            part["tone"],
            s=20 + 4 * part["n_tone_known"].astype(float),
            c=[colours.get(o, charts.UNKNOWN_COLOUR) for o in part["outlet"]],
            zorder=3,
        )
        ax.set_xticks(range(len(periods)), periods, rotation=45, ha="right", rotation_mode="anchor")
        ax.set_xlim(-0.6, len(periods) - 0.4)
        ax.set_title(label, loc="left", fontsize=11)
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].set_ylabel("Mean tone of sentences mentioning the target")
    _outlet_legend(axes[0][-1], colours, sorted(data["outlet"].unique()))
    return _finish(
        fig,
        "fig07-tone-toward-russia-and-iran",
        data,
        corpus,
        title="Tone toward Russia, Iran and the pair, by month of publication",
        subtitle="Each dot an outlet-month, sized by the number of scored sentences",
        caption="Targeted tone: the calibrated tone of the sentences that mention the target "
        "(its name, capital, leaders or institutions, from the actor list).",
    )


ALL_CHARTS = (
    articles_by_outlet,
    event_timeline,
    stated_positions,
    frame_heatmap,
    relationship_shares,
    tone_by_outlet,
    tone_toward,
)


def all_charts(corpus: Corpus) -> list[Chart]:
    """Every briefing chart, in pack order."""
    return [make(corpus) for make in ALL_CHARTS]


def export_pack(pack: list[Chart], out_dir: Path | None = None) -> pd.DataFrame:
    """Export every chart of ``pack``; one row per chart with the files written."""
    rows = []
    for chart in pack:
        files = chart.export(out_dir)
        rows.append(
            {
                "chart": chart.name,
                "title": chart.title,
                "files": ", ".join(sorted(path.name for path in files.values())),
            }
        )
    return pd.DataFrame(rows)


def assemble_briefing(out_dir: Path | None = None) -> str:
    """``briefing.pdf`` from the exported charts; returns its file name."""
    from newsframe.briefing import build_briefing

    return build_briefing(out_dir).name
