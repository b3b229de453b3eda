"""The built tables as one object a notebook loads in one line, filtered by its parameters.

``load_corpus(data_dir, start=..., end=..., outlets=[...])`` keeps the articles published in the
window (articles with no known date drop out of a windowed view, and are counted) and from the
outlets asked for; every other table is cut to the kept articles. Rejected files always stay in
``articles`` so the survey can show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsframe.config import DATA_DIR, TABLE_NAMES
from newsframe.tables import read_table

OPTIONAL_TABLES = ("boilerplate",)


@dataclass(frozen=True)
class Corpus:
    articles: pd.DataFrame  # every input file, rejected ones included
    sentences: pd.DataFrame
    statements: pd.DataFrame
    events: pd.DataFrame
    frames: pd.DataFrame
    crossrefs: pd.DataFrame
    boilerplate: pd.DataFrame
    data_dir: Path
    window: tuple[str | None, str | None] = (None, None)
    n_outside_window: int = 0  # ok articles left out by the date window or outlet filter

    @property
    def analysed(self) -> pd.DataFrame:
        """The articles that were analysed (status ok), with their metadata."""
        return self.articles[self.articles["status"] == "ok"].reset_index(drop=True)

    @property
    def rejected(self) -> pd.DataFrame:
        return self.articles[self.articles["status"] == "rejected"].reset_index(drop=True)

    def with_outlet(self, table: pd.DataFrame) -> pd.DataFrame:
        """``table`` with each row's outlet, joined on ``article_id``."""
        return table.merge(self.analysed[["article_id", "outlet"]], on="article_id", how="left")

    @property
    def outlets(self) -> list[str]:
        return sorted(self.analysed["outlet"].replace("", "unknown").unique())


def load_corpus(
    data_dir: Path | str = DATA_DIR,
    *,
    start: str | None = None,
    end: str | None = None,
    outlets: Iterable[str] | None = None,
) -> Corpus:
    """Every table from ``data_dir``, cut to articles published in [start, end] from ``outlets``."""
    data_dir = Path(data_dir)
    tables = {name: read_table(name, data_dir) for name in TABLE_NAMES}
    for name in OPTIONAL_TABLES:
        path = data_dir / f"{name}.csv"
        tables[name] = read_table(name, data_dir) if path.exists() else pd.DataFrame()
    articles = tables["articles"]
    ok = articles["status"] == "ok"
    keep = ok.copy()
    if start is not None or end is not None:
        published = articles["published"]
        keep &= published.notna()
        if start is not None:
            keep &= published >= pd.Timestamp(start)
        if end is not None:
            keep &= published <= pd.Timestamp(end)
    if outlets is not None:
        keep &= articles["outlet"].isin(list(outlets))
    kept_ids = set(articles.loc[keep, "article_id"])
    filtered = {
        name: (
            frame[frame["article_id"].isin(kept_ids)].reset_index(drop=True)
            if len(frame.columns) and name != "articles"
            else frame
        )
        for name, frame in tables.items()
    }
    filtered["articles"] = articles[keep | ~ok].reset_index(drop=True)
    return Corpus(
        **filtered,
        data_dir=data_dir,
        window=(start, end),
        n_outside_window=int(ok.sum() - keep.sum()),
    )
