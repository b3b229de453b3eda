"""Nothing from an article is executed or read as markup: in tables, notebooks and charts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsframe.build import build
from newsframe.corpus import load_corpus
from newsframe.figures import articles_by_outlet

HOSTILE = (
    "<script>alert('x')</script> Officials in Ankara said on Monday that talks with Moscow "
    "would cost $5 and $10 million, up 50% from last year. The foreign minister told reporters "
    "the meeting was constructive, and that both sides wanted a ceasefire in the north.\n\n"
    "Analysts said the agreement reflected growing trust between the two governments, although "
    "disputes over the border region remained unresolved, officials said on Tuesday.\n"
)


def test_article_text_stays_literal_in_tables_html_and_charts(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (articles / "manifest.csv").write_text(
        "file,outlet\nhostile.txt,<b>Evil</b> $x$ 100% News\n", encoding="utf-8"
    )
    build(articles, tmp_path / "data", progress=False, warn=lambda m: None)
    corpus = load_corpus(tmp_path / "data")

    sentences = corpus.sentences["text"].tolist()
    assert any("<script>alert('x')</script>" in s for s in sentences)  # kept verbatim
    html = pd.DataFrame({"text": sentences})._repr_html_()  # what a notebook shows
    assert "<script>" not in html and "&lt;script&gt;" in html

    chart = articles_by_outlet(corpus)
    chart.export(tmp_path / "exports")
    svg = (tmp_path / "exports" / "fig01-articles-by-outlet.svg").read_text(encoding="utf-8")
    assert "<b>" not in svg and "<script" not in svg
    assert "&lt;b&gt;Evil&lt;/b&gt; $x$ 100% News" in svg  # the label, literal and escaped
