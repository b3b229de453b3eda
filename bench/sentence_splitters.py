"""Compare sentence splitters on the seeds' hand-checked sentences: quality and speed.

Every splitter gets the same body paragraphs (newsframe's boilerplate step decides those) as
flat text, so only the splitting differs. Quality: precision and recall of sentence
boundaries against tests/expected/seed_sentences.csv. Speed: articles per second over the five
seeds, median of several rounds.

    .venv/bin/python bench/sentence_splitters.py
"""

from __future__ import annotations

import csv
import statistics
import time
from collections.abc import Callable

import nupunkt
import pysbd

from newsframe.article import Article
from newsframe.boilerplate import separate_body
from newsframe.config import ROOT, SEEDS_DIR
from newsframe.sentences import split_spans

Splitter = Callable[[str], list[tuple[int, int]]]


def rules(paragraph: str) -> list[tuple[int, int]]:
    return split_spans(paragraph, 0, len(paragraph))


def nupunkt_spans(paragraph: str) -> list[tuple[int, int]]:
    return list(nupunkt.sent_spans(paragraph))


_PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)


def pysbd_spans(paragraph: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in _PYSBD.segment(paragraph)]


SPLITTERS: dict[str, Splitter] = {
    "newsframe rules": rules,
    "nupunkt 0.8": nupunkt_spans,
    "pysbd 0.3.4": pysbd_spans,
}


def paragraphs() -> dict[str, list[str]]:
    out = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = separate_body(text)
        article = Article(path.stem, path.name, text, body.flat, body.body)
        out[path.stem] = [article.flat[a:b] for a, b in article.body]
    return out


def expected_sentences() -> dict[str, list[str]]:
    with (ROOT / "tests/expected/seed_sentences.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["article_id"], []).append(_key(row["ends"]))
    return out


def _key(sentence: str) -> str:
    return "".join(sentence.split())[-20:]


def boundaries(paras: list[str], splitter: Splitter) -> list[str]:
    """The last 20 non-space characters of every sentence found: how the sentence is keyed."""
    return [_key(p[a:b]) for p in paras for a, b in splitter(p) if p[a:b].strip()]


# Hard cases written for the unit tests (tests/test_sentences.py), as paragraph → sentences.
HARD_CASES = {
    "On Jan. 28, the envoy landed in Jerusalem. He met officials.": 2,
    "The U.S. knows this. The Turks know it too.": 2,
    "Sanctions were imposed by the U.S. The next day Iran replied.": 2,
    "IDF Lt.-Col. (ret.) Michael Segall wrote the report. It was long.": 2,
    "The report was signed by J. R. Smith and Gen. Mark A. Milley. Both declined.": 2,
    "“We will not leave,” he said. “Nobody can force us.”": 2,
    "Is Russia an ally? Officials would not say! The question stays open…": 3,
    "Talks on Sept. 12 and No. 10 Downing St. staff were discussed. Mr. Lee left.": 2,
}


def main() -> None:
    paras = paragraphs()
    expected = expected_sentences()
    print(
        f"{'splitter':18s} {'precision':>9s} {'recall':>7s} {'hard cases':>10s} {'articles/s':>11s}"
    )
    for name, splitter in SPLITTERS.items():
        found_total = correct = expected_total = 0
        for article_id, article_paras in paras.items():
            found = boundaries(article_paras, splitter)
            gold = expected[article_id]
            found_total += len(found)
            expected_total += len(gold)
            remaining = list(gold)
            for end in found:
                if _key(end) in remaining:
                    remaining.remove(_key(end))
                    correct += 1
        rates = []
        for _ in range(7):
            started = time.perf_counter()
            for _ in range(20):
                for article_paras in paras.values():
                    for paragraph in article_paras:
                        splitter(paragraph)
            rates.append(20 * len(paras) / (time.perf_counter() - started))
        hard = sum(len(splitter(p)) == n for p, n in HARD_CASES.items())
        print(
            f"{name:18s} {correct / found_total:9.3f} {correct / expected_total:7.3f} "
            f"{hard:>5d}/{len(HARD_CASES):<4d} {statistics.median(rates):11.0f}"
        )


if __name__ == "__main__":
    main()
