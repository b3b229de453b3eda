"""Tables the notebooks show under their charts: the corpus, what was stripped, who said what.

Each function takes a ``Corpus`` and returns a small DataFrame ready to display; the notebooks
call them in one line each, so no notebook defines logic another one needs.
"""

from __future__ import annotations

import pandas as pd

from newsframe.corpus import Corpus


def article_list(corpus: Corpus) -> pd.DataFrame:
    """One row per analysed article: outlet, headline, date and how it is known, size."""
    return corpus.analysed[
        [
            "article_id",
            "outlet",
            "original_outlet",
            "headline",
            "published",
            "published_basis",
            "n_sentences",
            "n_words",
        ]
    ].sort_values(["published", "article_id"], na_position="last")


def rejected_files(corpus: Corpus) -> pd.DataFrame:
    """Files that could not be read as an article, and why."""
    return corpus.rejected[["file", "reason"]].sort_values("file").reset_index(drop=True)


def stripped_boilerplate(corpus: Corpus) -> pd.DataFrame:
    """Paragraphs dropped as boilerplate: kinds (columns) per article (rows)."""
    if corpus.boilerplate.empty:
        return pd.DataFrame()
    counts = corpus.boilerplate.pivot_table(
        index="article_id", columns="kind", values="start", aggfunc="count", fill_value=0
    )
    counts.columns.name = None
    return counts.reset_index()


def boilerplate_examples(corpus: Corpus, per_kind: int = 2) -> pd.DataFrame:
    """A few dropped paragraphs of each kind, to check the rules by eye."""
    if corpus.boilerplate.empty:
        return pd.DataFrame()
    examples = corpus.boilerplate.sort_values(["kind", "article_id", "start"])
    examples = examples.groupby("kind", sort=True).head(per_kind)
    return examples[["kind", "article_id", "text"]].reset_index(drop=True)


def statements_table(corpus: Corpus, topic: str | None = None) -> pd.DataFrame:
    """Who said what, when, through which channel, in which outlet."""
    statements = corpus.with_outlet(corpus.statements)
    if topic is not None:
        statements = statements[statements["topic"] == topic]
    columns = [
        "said_on",
        "speaker",
        "speaker_country",
        "speaker_role",
        "kind",
        "channel",
        "outlet",
        "topic",
        "stance",
        "quote",
        "statement_id",
    ]
    return (
        statements[columns]
        .sort_values(["said_on", "speaker", "statement_id"])
        .reset_index(drop=True)
    )


def quotes_behind(positions_plotted: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """The statements behind every plotted position, one row per quote."""
    ids = positions_plotted[["speaker", "said_on", "stance", "statement_ids"]].copy()
    ids["statement_id"] = ids["statement_ids"].str.split("|")
    ids = ids.explode("statement_id").drop(columns=["statement_ids"])
    quotes = corpus.with_outlet(corpus.statements)[["statement_id", "outlet", "channel", "quote"]]
    table = ids.merge(quotes, on="statement_id", how="left")
    return table.sort_values(["said_on", "speaker", "statement_id"]).reset_index(drop=True)


def top_cues(corpus: Corpus, per_frame: int = 5) -> pd.DataFrame:
    """The most frequent cue words behind each frame, with the outlets that used them."""
    frames = corpus.with_outlet(corpus.frames)
    counts = (
        frames.groupby(["frame", "cue"], sort=True)
        .agg(n=("cue", "size"), outlets=("outlet", lambda o: "; ".join(sorted(set(o)))))
        .reset_index()
        .sort_values(["frame", "n", "cue"], ascending=[True, False, True])
    )
    return counts.groupby("frame", sort=True).head(per_frame).reset_index(drop=True)


def outlet_tone(corpus: Corpus) -> pd.DataFrame:
    """Per outlet: mean tone and TextBlob polarity over scored sentences, and how many
    sentences have no tone (nothing scored) or a TextBlob polarity of exactly 0."""
    sentences = corpus.with_outlet(corpus.sentences)
    grouped = sentences.groupby("outlet", sort=True)
    table = pd.DataFrame(
        {
            "n_articles": grouped["article_id"].nunique(),
            "n_sentences": grouped.size(),
            "n_tone_unknown": grouped["tone"].apply(lambda s: int(s.isna().sum())),
            "n_textblob_zero": grouped["polarity"].apply(lambda s: int((s == 0).sum())),
            "tone": grouped["tone"].mean(),
            "textblob_polarity": grouped["polarity"].mean(),
        }
    )
    return table.reset_index()
