"""One article through the pipeline: body → sentences → statements/events → frames/tone."""

from __future__ import annotations

from datetime import date

from newsframe.article import Article
from newsframe.boilerplate import BodyText, separate_body
from newsframe.sentences import split_sentences


def read_article(
    text: str,
    *,
    article_id: str = "test",
    file: str = "test.txt",
    published: date | None = None,
    outlet: str = "",
) -> tuple[Article, BodyText]:
    """An ``Article`` with body, sentences and what the text says of itself (headline,
    original outlet), and the body/boilerplate split it came from."""
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
        # from the text, not ``flat``: the headline is a dropped paragraph, blank there
        headline=" ".join(text[slice(*body.headline)].split()) if body.headline else "",
        headings=[
            (p.start, p.end)
            for p in body.paragraphs
            if p.kind == "heading" and (p.start, p.end) != body.headline
        ],
    )
    article.sentences = split_sentences(article)
    return article, body


def prepare_article(
    text: str,
    *,
    article_id: str = "test",
    file: str = "test.txt",
    published: date | None = None,
    outlet: str = "",
) -> Article:
    """An ``Article`` with body and sentences, from text already decoded (newlines ``\\n``)."""
    return read_article(text, article_id=article_id, file=file, published=published, outlet=outlet)[
        0
    ]
