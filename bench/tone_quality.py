"""Print how well the relationship frame and the tone agree with the hand-labelled sentences.

Usage: .venv/bin/python bench/tone_quality.py [--errors]

Figures: relationship-frame accuracy (rift | cooperation | both | neither) against
tests/labels/sentences_labelled.csv, overall and on seed vs written sentences; Spearman rank
correlation of TextBlob polarity and of newsframe's `tone` with the analyst's tone (-2..+2); how
many sentences each leaves at exactly 0 or unknown; time per sentence.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import pandas as pd
from textblob import TextBlob

from newsframe.framing import relationship_frame
from newsframe.sentiment import score_text, tone_lexicon

LABELS = Path(__file__).resolve().parent.parent / "tests" / "labels" / "sentences_labelled.csv"


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties), as pandas computes it."""
    return float(pd.DataFrame({"a": a, "b": b}).corr(method="spearman").loc["a", "b"])


def load_labels() -> list[dict[str, str]]:
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def compare_vader(rows: list[dict[str, str]], human: list[int]) -> None:
    """The alternative the issue names: VADER alone, and VADER with the same domain lexicon
    (single words; scores scaled from -1..+1 to VADER's -4..+4; stems and phrases left out,
    VADER has no place for them). Printed beside the figures above, to show why TextBlob plus
    the lexicon was chosen."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - vaderSentiment is pinned in requirements.txt
        print("VADER not installed: comparison skipped")
        return
    sentences = [row["sentence"] for row in rows]
    plain = SentimentIntensityAnalyzer()
    rho_plain = spearman(human, [plain.polarity_scores(s)["compound"] for s in sentences])
    domain = SentimentIntensityAnalyzer()
    domain.lexicon.update({w: 4 * v for w, v in tone_lexicon().words.items()})
    rho_domain = spearman(human, [domain.polarity_scores(s)["compound"] for s in sentences])
    print(f"Spearman VADER compound vs labels: {rho_plain:.3f}")
    print(f"Spearman VADER + domain lexicon (words) vs labels: {rho_domain:.3f}")


def main() -> None:
    rows = load_labels()
    show_errors = "--errors" in sys.argv
    print(f"{len(rows)} labelled sentences ({LABELS.name})")

    hits = {"all": [0, 0], "seed": [0, 0], "written": [0, 0]}
    confusion: dict[tuple[str, str], int] = {}
    for row in rows:
        predicted = relationship_frame(row["sentence"])
        ok = predicted == row["frame"]
        group = "written" if row["source"] == "written" else "seed"
        for key in ("all", group):
            hits[key][0] += ok
            hits[key][1] += 1
        confusion[(row["frame"], predicted)] = confusion.get((row["frame"], predicted), 0) + 1
        if show_errors and not ok:
            print(
                f"  FRAME {row['label_id']} want={row['frame']} got={predicted}: "
                f"{row['sentence'][:110]}"
            )
    for key, (good, total) in hits.items():
        print(f"relationship-frame accuracy [{key}]: {good / total:.3f} ({good}/{total})")
    print(
        "confusion (label -> predicted):",
        ", ".join(f"{a}->{b}: {n}" for (a, b), n in sorted(confusion.items()) if a != b),
    )

    human = [int(row["tone"]) for row in rows]
    textblob = [TextBlob(row["sentence"]).sentiment.polarity for row in rows]
    scored = [score_text(row["sentence"]) for row in rows]
    tone_or_zero = [s[3] if s[3] is not None else 0.0 for s in scored]
    rho_tb = spearman(human, textblob)
    rho_tone = spearman(human, tone_or_zero)
    print(f"Spearman TextBlob polarity vs labels: {rho_tb:.3f}")
    print(f"Spearman tone (unknown as 0) vs labels: {rho_tone:.3f}")
    known = [(h, s[3]) for h, s in zip(human, scored, strict=True) if s[3] is not None]
    rho_known = spearman([h for h, _ in known], [t for _, t in known])
    print(f"Spearman tone (known only, n={len(known)}) vs labels: {rho_known:.3f}")
    for group in ("seed", "written"):
        idx = [i for i, r in enumerate(rows) if (r["source"] == "written") == (group == "written")]
        labels = [human[i] for i in idx]
        rho_tb_group = spearman(labels, [textblob[i] for i in idx])
        rho_tone_group = spearman(labels, [tone_or_zero[i] for i in idx])
        print(f"  [{group}] Spearman TextBlob {rho_tb_group:.3f}  tone {rho_tone_group:.3f}")
    compare_vader(rows, human)
    zero_tb = sum(1 for p in textblob if p == 0)
    zero_tone = sum(1 for s in scored if s[3] == 0)
    unknown = sum(1 for s in scored if s[3] is None)
    print(
        f"TextBlob polarity exactly 0: {zero_tb}/{len(rows)}; tone exactly 0: {zero_tone}; "
        f"tone unknown: {unknown}"
    )
    if show_errors:
        for row, h, s in zip(rows, human, scored, strict=True):
            t = s[3] if s[3] is not None else 0.0
            if abs(h / 2 - t) > 0.6 or (h != 0 and t * h <= 0):
                print(
                    f"  TONE {row['label_id']} want={h:+d} tone={s[3]} tb={s[0]:+.2f}: "
                    f"{row['sentence'][:100]}"
                )

    texts = [row["sentence"] for row in rows] * 20
    t0 = time.perf_counter()
    for text in texts:
        TextBlob(text).sentiment  # noqa: B018 - the baseline cost
    textblob_ms = (time.perf_counter() - t0) / len(texts) * 1000
    t0 = time.perf_counter()
    for text in texts:
        score_text(text)
    tone_ms = (time.perf_counter() - t0) / len(texts) * 1000
    print(
        f"time per sentence: TextBlob(x).sentiment {textblob_ms:.3f} ms; "
        f"score_text (polarity+tone) {tone_ms:.3f} ms"
    )


if __name__ == "__main__":
    main()
