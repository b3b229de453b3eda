"""Event extraction quality against the hand-checked sets in tests/expected/.

Prints event recall and precision (an event matches when it is in the same sentence with the
same event type), date accuracy on matched events (the exact date and precision; an expected
empty date must stay empty), the number of events given a date the text does not support, and
extraction speed. Run: .venv/bin/python bench/events_quality.py
"""

from __future__ import annotations

import csv
import io
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from newsframe.events import extract_events
from newsframe.pipeline import prepare_article

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected"
SEED_PUBLISHED = {
    "000": date(2018, 5, 22),
    "001": date(2019, 2, 1),
    "002": date(2019, 1, 28),
    "003": date(2018, 6, 17),
    "004": date(2019, 1, 31),
}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())


def seed_cases() -> list[tuple[object, list[tuple[str, str, str, str]]]]:
    """(article, [(sentence_contains, event_type, date, precision)]) per seed."""
    lines = (EXPECTED / "events_seeds.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(io.StringIO("\n".join(x for x in lines if not x.startswith("#")))))
    cases = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article_id = path.name[:3]
        article = prepare_article(
            path.read_text(encoding="utf-8"),
            article_id=article_id,
            file=path.name,
            published=SEED_PUBLISHED[article_id],
        )
        expected = [
            (r["sentence_contains"], r["event_type"], r["date"], r["date_precision"])
            for r in rows
            if r["article_id"] == article_id
        ]
        cases.append((article, expected))
    return cases


def own_cases() -> list[tuple[object, list[tuple[str, str, str, str]]]]:
    """Each hand-written text; events matched by type in order of sentences."""
    cases = []
    for n, item in enumerate(yaml.safe_load((EXPECTED / "events_own.yaml").read_text())):
        article = prepare_article(
            item["text"], article_id=f"own{n:02d}", published=item["published"]
        )
        expected = [(None, t, str(d or ""), str(p or "")) for t, d, p in item["events"]]
        cases.append((article, expected))
    return cases


def score(cases) -> dict[str, float]:
    tp = fp = fn = date_ok = dated_wrongly = 0
    misses, extras, wrong_dates = [], [], []
    for article, expected in cases:
        found = extract_events(article)
        clean = {s.sentence_id: _norm(s.clean) for s in article.sentences}
        unused = list(found)
        for contains, event_type, day, precision in expected:
            match = None
            for event in unused:
                if event["event_type"] != event_type:
                    continue
                if contains is None or _norm(contains) in clean[event["sentence_id"]]:
                    match = event
                    break
            if match is None:
                fn += 1
                misses.append((article.article_id, contains, event_type))
                continue
            unused.remove(match)
            tp += 1
            got = (match["date"], match["date_precision"] if match["date"] else "")
            if got == (day, precision if day else ""):
                date_ok += 1
            else:
                wrong_dates.append((article.article_id, match["sentence_id"], event_type, day, got))
                if match["date"] and match["date"] != day:
                    dated_wrongly += 1
        fp += len(unused)
        extras += [(article.article_id, e["sentence_id"], e["event_type"]) for e in unused]
    return {
        "expected": tp + fn,
        "found": tp + fp,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "date_accuracy": date_ok / tp if tp else 1.0,
        "unsupported_dates": dated_wrongly,
        "misses": misses,
        "extras": extras,
        "wrong_dates": wrong_dates,
    }


def main() -> int:
    verbose = "-v" in sys.argv
    for name, cases in (("seeds", seed_cases()), ("own sentences", own_cases())):
        result = score(cases)
        print(
            f"{name:14} expected={result['expected']:3} found={result['found']:3} "
            f"recall={result['recall']:.2f} precision={result['precision']:.2f} "
            f"date_accuracy={result['date_accuracy']:.2f} "
            f"unsupported_dates={result['unsupported_dates']}"
        )
        if verbose:
            for label in ("misses", "extras", "wrong_dates"):
                for item in result[label]:
                    print(f"   {label[:-1]}: {item}")
    articles = [a for a, _ in seed_cases()]
    start = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        for article in articles:
            extract_events(article)
    per_article = (time.perf_counter() - start) / (rounds * len(articles)) * 1000
    print(f"speed: {per_article:.2f} ms per seed article (events incl. dates and actors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
