"""Frames: cue evidence with spans, the rift/cooperation frame of a pair, and per-outlet rates."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd
import pytest

from newsframe.framing import (
    find_frames,
    frame_cues,
    frame_names,
    frame_rates,
    relationship_cues,
    relationship_frame,
)
from newsframe.pipeline import prepare_article
from newsframe.reference import read_reference_yaml

LABELS = Path(__file__).parent / "labels" / "sentences_labelled.csv"
REQUIRED_FRAMES = {
    "conflict",
    "military",
    "diplomacy",
    "sovereignty_legality",
    "security",
    "alliance",
    "humanitarian",
    "economic",
    "media_contest",
}


def labelled() -> list[dict[str, str]]:
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def test_label_file_is_big_enough_and_well_formed() -> None:
    rows = labelled()
    assert len(rows) >= 80
    assert {r["frame"] for r in rows} == {"rift", "cooperation", "both", "neither"}
    assert {int(r["tone"]) for r in rows} <= {-2, -1, 0, 1, 2}
    assert LABELS.read_text(encoding="utf-8").startswith("# Hand-labelled")


def test_relationship_frame_accuracy_on_labelled_sentences() -> None:
    rows = labelled()
    correct = sum(relationship_frame(r["sentence"]) == r["frame"] for r in rows)
    assert correct / len(rows) >= 0.80
    written = [r for r in rows if r["source"] == "written"]
    correct_written = sum(relationship_frame(r["sentence"]) == r["frame"] for r in written)
    assert correct_written / len(written) >= 0.80  # sentences not taken from the seeds


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia and Iran are close allies.", "cooperation"),
        ("Russia and Iran are not allies.", "rift"),
        ("Iran is no longer Russia's partner in the region.", "rift"),
        ("There is no rift between Moscow and Tehran.", "cooperation"),
        ("The weakening of the Russia-Iran alliance is a myth.", "cooperation"),
        ("Rumours of a split between Moscow and Tehran are baseless.", "cooperation"),
        ("Commentators speculated that there is a rift between Moscow and Tehran.", "neither"),
        ("Is the partnership between Russia and Iran over?", "neither"),
        ("Iran does not have an alliance with Russia, but a close partnership.", "cooperation"),
        ("Moscow and Tehran differ on Syria, but share interests elsewhere.", "both"),
        ("Tehran criticised Moscow's silence.", "rift"),
        ("Russia and Turkey are close allies.", "neither"),  # Iran is not named
        ("Russian and Iranian diplomats met in Geneva.", "neither"),
    ],
)
def test_relationship_frame_reads_context(sentence: str, expected: str) -> None:
    assert relationship_frame(sentence) == expected


def test_relationship_frame_for_another_pair() -> None:
    sentence = "Ankara and Moscow deepened their cooperation on energy."
    assert relationship_frame(sentence, pair=("RUS", "TUR")) == "cooperation"
    assert relationship_frame(sentence) == "neither"


def test_relationship_cues_keep_the_words_behind_them() -> None:
    sentence = "Officials said Russia and Iran are not allies."
    (cue,) = relationship_cues(sentence, offset=100)
    assert (cue.frame, cue.basis) == ("rift", "negated")
    assert sentence[cue.start - 100 : cue.end - 100] == "not allies"


ARTICLE = (
    "Moscow and Tehran drift apart\n\n"
    "Russia and Iran have signed a new agreement on energy cooperation.\n"
    "But Russian officials voiced frustration with Tehran over Syria, where Israeli air\n"
    "strikes killed several soldiers.\n"
    "The two countries remain partners, an adviser said.\n"
    "Analysts called reports of a split exaggerated.\n"
)


def test_find_frames_rows_point_at_their_cues() -> None:
    article = prepare_article(ARTICLE, article_id="x1")
    rows = find_frames(article)
    assert rows == find_frames(article)  # deterministic
    assert rows, "no frame found"
    sentence_ids = {s.sentence_id: s for s in article.sentences}
    for row in rows:
        assert set(row) >= {"article_id", "sentence_id", "frame", "cue", "start", "end"}
        sentence = sentence_ids[row["sentence_id"]]
        assert sentence.start <= row["start"] < row["end"] <= sentence.end
        assert article.readable(row["start"], row["end"]).lower() == row["cue"]
    frames = {(r["frame"], r["cue"]) for r in rows}
    assert ("cooperation", "cooperation") in frames
    assert ("rift", "frustration") in frames
    assert ("military", "air strikes") in frames  # a cue wrapped over a line break
    assert ("humanitarian", "killed") in frames
    # "The two countries" speaks of the pair named in the sentences before it.
    assert ("cooperation", "partners") in frames
    # A sentence that names neither member carries no relationship frame.
    last = article.sentences[-1]
    assert not any(
        r["sentence_id"] == last.sentence_id and r["frame"] in ("rift", "cooperation") for r in rows
    )
    assert ("media_contest", "exaggerated") in frames


def test_frame_lexicon_has_the_required_frames() -> None:
    data = read_reference_yaml("frame_cues.yaml")
    assert set(data["frames"]) >= REQUIRED_FRAMES
    assert all(data["frames"][name] for name in REQUIRED_FRAMES)
    assert set(frame_names()) >= REQUIRED_FRAMES | {"rift", "cooperation"}
    cues = frame_cues()
    assert "frame:media_contest" in cues.lists_of("Myths")
    assert "frame:media_contest" in cues.lists_of("speculation")


def test_a_cue_in_the_middle_of_a_word_is_not_a_cue() -> None:
    cues = frame_cues()
    found = [m for m in cues.scan("The warden of the Warsaw gasworks.") if m.lists]
    assert found == []


def test_frame_rates_per_outlet_with_counts() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4"],
            "outlet": ["A", "A", "B", "C"],
            "n_words": [1000, 500, 2000, 300],
            "n_sentences": [40, 20, 80, 10],
            "status": ["ok", "ok", "ok", "rejected"],
        }
    )
    rows = [
        ("a1", 0, "military"),
        ("a1", 0, "rift"),
        ("a1", 1, "cooperation"),
        ("a1", 2, "rift"),
        ("a1", 2, "cooperation"),
        ("a2", 0, "military"),
        ("a2", 3, "rift"),
        ("a3", 5, "conflict"),
        ("a4", 0, "rift"),  # rejected article: ignored
    ]
    frames = pd.DataFrame(
        [
            {"article_id": a, "sentence_id": s, "frame": f, "cue": "x", "start": 0, "end": 1}
            for a, s, f in rows
        ]
    )
    out = frame_rates(frames, articles).set_index("outlet")
    assert list(out.index) == ["A", "B"]
    a = out.loc["A"]
    assert (a["n_articles"], a["n_words"], a["n_sentences"]) == (2, 1500, 60)
    assert a["military_n"] == 2
    assert a["military_per_1000_words"] == pytest.approx(2 / 1500 * 1000)
    # Sentences: a1/0 rift, a1/1 cooperation, a1/2 both, a2/3 rift.
    assert (a["n_rift_sentences"], a["n_cooperation_sentences"], a["n_both_sentences"]) == (2, 1, 1)
    assert a["rift_share"] == pytest.approx(3 / 4)
    assert a["cooperation_share"] == pytest.approx(2 / 4)
    b = out.loc["B"]
    assert b["conflict_per_1000_words"] == pytest.approx(0.5)
    assert math.isnan(b["rift_share"])  # nothing said about the relationship: no share
    per_article = frame_rates(frames, articles, by="article_id").set_index("article_id")
    assert per_article.loc["a2", "rift_n"] == 1
    assert "a4" not in per_article.index


def test_seed_frames_have_evidence(seeds_dir: Path) -> None:
    path = next(seeds_dir.glob("002_*.txt"))
    article = prepare_article(path.read_text(encoding="utf-8"), article_id="s2")
    rows = find_frames(article)
    rift = [r for r in rows if r["frame"] == "rift"]
    assert any("not allies" in r["cue"] for r in rift)
    dismissed = [r for r in rows if r.get("basis") == "dismissed"]
    assert dismissed and all(r["frame"] == "cooperation" for r in dismissed)
