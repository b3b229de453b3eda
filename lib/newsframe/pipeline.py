"""One article through the pipeline: body → sentences → statements/events → frames/tone."""

from __future__ import annotations

from datetime import date

from newsframe.article import Article
from newsframe.boilerplate import separate_body
from newsframe.sentences import split_sentences


def prepare_article(
    text: str,
    *,
    article_id: str = "test",
    file: str = "test.txt",
    published: date | None = None,
    outlet: str = "",
) -> Article:
    """An ``Article`` with body and sentences, from text already decoded (newlines ``\\n``)."""
    body = separate_body(text)
    article = Article(
        article_id=article_id,
        file=file,
        text=text,
        flat=body.flat,
        body=body.body,
        published=published,
        outlet=outlet,
        original_outlet=body.original_outlet,
    )
    if body.headline:
        article.headline = article.readable(*body.headline)
    article.sentences = split_sentences(article)
    return article
