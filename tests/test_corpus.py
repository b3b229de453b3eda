"""Loading the tables for notebooks: filters, the survey tables and every briefing chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from newsframe import figures, survey
from newsframe.corpus import load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_window_and_outlet_filters_cut_every_table() -> None:
    everything = load_corpus()
    window = load_corpus(start="2019-01-01", end="2019-01-31")
    assert set(window.analysed["published"].dt.year) == {2019}
    assert window.n_outside_window == len(everything.analysed) - len(window.analysed) > 0
    kept = set(window.analysed["article_id"])
    for name in ("sentences", "statements", "events", "frames"):
        assert set(getattr(window, name)["article_id"]) <= kept
        assert len(getattr(window, name)) < len(getattr(everything, name))
    jns = load_corpus(outlets=["JNS"])
    assert jns.outlets == ["JNS"]
    assert set(jns.statements["article_id"]) == set(jns.analysed["article_id"])


def test_survey_tables_agree_with_the_tables(corpus) -> None:
    tone = survey.outlet_tone(corpus)
    assert tone["n_sentences"].sum() == len(corpus.sentences)
    assert tone["n_tone_unknown"].sum() == corpus.sentences["tone"].isna().sum()
    assert (survey.statements_table(corpus)["outlet"] != "").all()
    cues = survey.top_cues(corpus, per_frame=3)
    assert cues.groupby("frame").size().max() <= 3


@pytest.mark.parametrize("make", figures.ALL_CHARTS, ids=lambda f: f.__name__)
def test_every_chart_plots_data_and_names_its_source(corpus, make) -> None:
    chart = make(corpus)
    try:
        assert isinstance(chart.data, pd.DataFrame) and len(chart.data) > 0
        assert chart.name.startswith("fig") and chart.title and chart.caption
        assert chart.source.startswith(f"Source: newsframe analysis of {len(corpus.analysed)}")
        assert chart.figure.axes and any(ax.has_data() for ax in chart.figure.axes)
    finally:
        plt.close(chart.figure)


def test_positions_chart_points_back_to_statements(corpus) -> None:
    chart = figures.stated_positions(corpus)
    plt.close(chart.figure)
    quotes = survey.quotes_behind(chart.data, corpus)
    assert set(quotes["statement_id"]) <= set(corpus.statements["statement_id"])
    assert quotes["quote"].notna().all() and len(quotes) >= len(chart.data)
