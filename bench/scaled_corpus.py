"""Make a scaled corpus from the seeds: N articles, each a perturbed copy of one seed.

Each copy keeps the seed's layout and boilerplate but changes one word in every sentence-ish
chunk, so no two copies are duplicates of each other (newsframe rejects those) and the work per
article stays that of a real article. Deterministic: copy i always has the same bytes.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from newsframe.config import SEEDS_DIR

_VOCABULARY = (
    "Ankara Cairo Beirut Baghdad Amman Doha Riyadh Geneva Vienna Brussels officials envoys "
    "delegates analysts ministers talks meetings strikes sanctions forces troops"
).split()
_WORD = re.compile(r"\b[a-z]{5,}\b")


def make_corpus(folder: Path, n: int) -> Path:
    """Write ``n`` articles into ``folder`` (created); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    for i in range(n):
        rng = random.Random(i)
        chunks = seeds[i % len(seeds)].split(". ")
        perturbed = []
        for chunk in chunks:
            words = _WORD.findall(chunk)
            if words:
                target = rng.choice(words)
                chunk = chunk.replace(target, rng.choice(_VOCABULARY), 1)
            perturbed.append(chunk)
        text = ". ".join(perturbed) + f"\n\nCorpus copy {i}.\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder
