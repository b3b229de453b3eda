"""The build end to end: seeds → tables; bad input → rejected rows; atomic, deterministic output."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from newsframe.build import build, rows_to_columns
from newsframe.tables import SORT_KEYS

ENGLISH = (
    "Turkey and Russia agree to resume talks\n\n"
    "Officials in Ankara said on Monday that talks with Moscow would resume next week. "
    "The foreign minister told reporters the meeting had been “constructive” and that both sides "
    "wanted a ceasefire in the north. Russia’s envoy was expected to arrive on Tuesday.\n\n"
    "Analysts said the agreement reflected growing trust between the two governments, although "
    "disputes over the border region remained unresolved.\n"
)
FRENCH = (
    "La Russie et l'Iran ne sont pas alliés en Syrie, a déclaré jeudi un haut diplomate russe. "
    "Selon lui, Moscou reste attaché à la sécurité d'Israël et Téhéran le sait. Les responsables "
    "iraniens n'ont pas souhaité commenter ces propos, tenus lors d'un entretien télévisé.\n"
)
ARABIC = (
    "قال دبلوماسي روسي كبير إن روسيا وإيران ليستا حليفتين في سوريا. وأضاف أن موسكو ملتزمة بأمن "
    "إسرائيل وأن طهران تعلم ذلك. ولم يعلق المسؤولون الإيرانيون على هذه التصريحات.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def quiet_build(folder: Path, out: Path | None = None, **kwargs):
    messages: list[str] = []
    report = build(folder, out, progress=False, jobs=1, warn=messages.append, **kwargs)
    return report, messages


def row_of(report, file: str) -> pd.Series:
    articles = report.tables["articles"]
    return articles.loc[articles["file"] == file].iloc[0]


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# --- the seeds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report(seeds_dir):
    before = digest_tree(seeds_dir)
    report, messages = quiet_build(seeds_dir)
    assert digest_tree(seeds_dir) == before, "the build wrote to seeds/"
    return report


def test_every_seed_is_an_ok_article(seed_report, seeds_dir) -> None:
    articles = seed_report.tables["articles"]
    assert sorted(articles["file"]) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert (articles["status"] == "ok").all()
    assert (articles["n_sentences"] > 5).all()
    assert articles["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


@pytest.mark.parametrize(
    ("file", "published", "basis"),
    [
        ("000_302eb67bd252ba68.txt", "2018-05-22", "text"),  # dateline "May 22, 2018 21:17"
        ("003_7ce049a2fe142570.txt", "2018-06-17", "text"),  # dateline "17 Jun 2018 - 16:08"
        ("002_438689cf3929fe33.txt", "2019-01-25", "inferred"),  # "Friday January 25" → 2019
        ("004_6baeffe0631c6030.txt", "2019-01-27", "inferred"),  # "January 27, 2019 meeting"
        ("001_5359c475bb044582.txt", "2019-01-28", "inferred"),  # "Jan. 28" in manifest's 2019-01
    ],
)
def test_publication_dates_are_read_or_marked_inferred(seed_report, file, published, basis) -> None:
    row = row_of(seed_report, file)
    assert (row["published"], row["published_basis"]) == (published, basis)


def test_metadata_from_manifest_and_text(seed_report) -> None:
    farda = row_of(seed_report, "002_438689cf3929fe33.txt")
    assert farda["outlet"] == "Radio Farda (RFE/RL)"
    assert farda["url"].startswith("https://en.radiofarda.com/")
    iran_project = row_of(seed_report, "003_7ce049a2fe142570.txt")
    assert iran_project["original_outlet"] == "Al-Monitor"  # from "Al-Monitor | :"
    assert iran_project["url"].startswith("https://www.theiranproject.com/en/article/309076")
    assert iran_project["headline"] == "How Russia-Israel engagement is benefiting Iran"
    monitor = row_of(seed_report, "001_5359c475bb044582.txt")
    assert monitor["headline"] == "TEHRAN, MOSCOW DIFFER ON SYRIA, BUT SHARE INTERESTS ELSEWHERE"


def test_every_table_is_sorted_on_its_keys(seed_report) -> None:
    for name, frame in seed_report.tables.items():
        resorted = frame.sort_values(list(SORT_KEYS[name]), kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(frame, resorted, obj=name)
    assert {g[0] for g in seed_report.tables["crossrefs"]["group_id"]} == {"e", "s", "t"}


def test_sentence_offsets_point_at_the_source(seed_report, seeds_dir) -> None:
    sentences = seed_report.tables["sentences"]
    for article_id, group in sentences.groupby("article_id"):
        text = (seeds_dir / f"{article_id}.txt").read_text(encoding="utf-8")
        for row in group.itertuples():
            assert text[row.start : row.end] == row.text


def test_building_twice_gives_identical_bytes(seeds_dir, tmp_path) -> None:
    quiet_build(seeds_dir, tmp_path / "one")
    quiet_build(seeds_dir, tmp_path / "two")
    assert digest_tree(tmp_path / "one") == digest_tree(tmp_path / "two")
    assert {p.name for p in (tmp_path / "one").iterdir()} >= {
        "articles.csv",
        "sentences.csv",
        "statements.csv",
        "events.csv",
        "frames.csv",
        "crossrefs.csv",
    }


def test_parallel_build_equals_serial_build(seeds_dir, tmp_path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(3):  # enough files for the process pool to be used; each copy differs
        for path in seeds_dir.glob("*.txt"):
            text = path.read_text(encoding="utf-8").replace("Syria", f"Syria{i}" if i else "Syria")
            (folder / f"{i}_{path.name}").write_text(text, encoding="utf-8")
    serial = build(folder, tmp_path / "serial", progress=False, jobs=1, warn=lambda m: None)
    parallel = build(folder, tmp_path / "parallel", progress=False, jobs=2, warn=lambda m: None)
    assert digest_tree(tmp_path / "serial") == digest_tree(tmp_path / "parallel")
    assert len(parallel.tables["articles"]) == len(serial.tables["articles"]) == 15


def _numbered_copies(seeds_dir: Path, folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        for path in sorted(seeds_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8").replace("Syria", f"Syria{i}")
            (folder / f"{i}_{path.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("table_format", ["csv", "parquet"])
def test_tables_streamed_in_small_chunks_equal_one_chunk(
    seeds_dir, tmp_path, monkeypatch, table_format
) -> None:
    from newsframe.build import TableGatherer

    folder = _numbered_copies(seeds_dir, tmp_path / "copies", 2)
    whole = build(folder, tmp_path / "whole", progress=False, jobs=1, warn=lambda m: None)
    monkeypatch.setattr(TableGatherer, "CHUNK_ARTICLES", 3)  # 10 articles: 4 chunks
    monkeypatch.setattr(TableGatherer, "CROSSREF_ROWS", 7)  # cross-references in many parts
    chunked = build(
        folder,
        tmp_path / "chunked",
        progress=False,
        jobs=1,
        warn=lambda m: None,
        table_format=table_format,
        keep_tables=False,
    )
    if table_format == "csv":
        assert digest_tree(tmp_path / "chunked") == digest_tree(tmp_path / "whole")
    for name, frame in whole.tables.items():
        if table_format == "parquet":
            read = pd.read_parquet(tmp_path / "chunked" / f"{name}.parquet")
            pd.testing.assert_frame_equal(read, frame, check_exact=True, obj=name)
        assert chunked.row_counts[name] == len(frame), name
    # Without keep_tables only what the corpus-wide steps need stays in memory: not even the
    # cross-references, written part by part.
    assert set(chunked.tables) == {"articles", "statements", "events"}
    assert chunked.row_counts["crossrefs"] > 7 * 3
    assert len(whole.tables["sentences"]) > 100


def test_tables_do_not_depend_on_string_hashing(seeds_dir, tmp_path) -> None:
    """Python salts str hashes per process: set and dict orders of words must never leak into
    the tables. Two builds of the same corpus under different PYTHONHASHSEED give the same
    bytes (cross-references included: every copy repeats the seeds' statements)."""
    import os
    import subprocess
    import sys

    folder = _numbered_copies(seeds_dir, tmp_path / "copies", 3)
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        subprocess.run(
            [sys.executable, "-m", "newsframe", "build", str(folder), "--out", str(out)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        digests.append(digest_tree(out))
    assert digests[0] == digests[1]
    assert (tmp_path / "out-1" / "crossrefs.csv").stat().st_size > 1000


def test_analysing_articles_leaves_pandas_unimported(seeds_dir) -> None:
    """The per-article step needs neither pandas nor pyarrow: a build's workers never import
    them, and its start-up (which every worker waits for) does not either. A fresh process
    analyses every seed and the bad-input cases and reports what got imported."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "import newsframe.build as b\n"
        "before = [m for m in ('pandas', 'pyarrow') if m in sys.modules]\n"
        f"paths = sorted(Path({str(seeds_dir)!r}).glob('*.txt'))\n"
        "results = [b.analyse_task((p, None, p.stem)) for p in paths]\n"
        "assert all(r.article['status'] == 'ok' for r in results)\n"
        "assert all(r.columns['statements'] for r in results)\n"
        "after = [m for m in ('pandas', 'pyarrow') if m in sys.modules]\n"
        "print(before, after)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    assert done.stdout.split() == ["[]", "[]"]


def test_tables_follow_article_ids_when_file_order_differs(corpus, tmp_path) -> None:
    # "report-2.txt" sorts before "report.txt" by file name ('-' < '.'), after it by id.
    other = (
        "Iran and Russia sign a trade deal\n\n"
        "Iran and Russia signed a trade agreement in Tehran on Wednesday, officials said. "
        "The deal covers grain and energy, a ministry spokesman told reporters.\n"
    )
    folder = corpus({"report.txt": ENGLISH, "report-2.txt": other})
    report, _ = quiet_build(folder, tmp_path / "out")
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv")
    assert sentences["article_id"].drop_duplicates().tolist() == ["report", "report-2"]
    assert pd.read_csv(tmp_path / "out" / "articles.csv")["file"].tolist() == [
        "report-2.txt",
        "report.txt",
    ]
    same = corpus({"report.txt": ENGLISH, "report-2.txt": ENGLISH + "\nShared by a reader.\n"})
    report, _ = quiet_build(same)
    assert row_of(report, "report.txt")["status"] == "ok"  # the first by id is kept
    assert row_of(report, "report-2.txt")["reason"].startswith("duplicate of report.txt")


# --- bad input ------------------------------------------------------------------------------


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n   \n", "whitespace only"),
    "picture.txt": (PNG, "binary file (PNG image)"),
    "nul-binary.txt": (b"\x00\x01\x02\x03" * 200, "binary"),
    "undecodable.txt": (bytes(range(128, 256)) * 4, "undecodable"),
    "french.txt": (FRENCH.encode(), "language is 'fr'"),
    "arabic.txt": (ARABIC.encode(), "language is 'ar'"),
    "zz-copy.txt": (ENGLISH.encode(), "duplicate of good.txt (identical bytes)"),
    "zz-resaved.txt": (
        (
            "Accessibility links\n\n" + ENGLISH + "\nYou have read 3 articles this month.\n"
            "Subscribe now to get full access to our reporting.\n"
        ).encode(),
        "duplicate of good.txt (same body text, different boilerplate)",
    ),
    "furniture-only.txt": (b"Related Content\n\nBreaking News\n\nShare\n", "no article text"),
}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "good.txt").write_text(ENGLISH, encoding="utf-8")
    for name, (content, _) in BAD_FILES.items():
        (folder / name).write_bytes(content)
    report, messages = quiet_build(folder)
    return folder, report, messages


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_becomes_a_rejected_row_with_its_reason(bad_corpus, name) -> None:
    _, report, messages = bad_corpus
    row = row_of(report, name)
    assert row["status"] == "rejected"
    assert BAD_FILES[name][1] in row["reason"]
    assert any(m.startswith(f"{name}: rejected: ") for m in messages), messages
    assert not (report.tables["sentences"]["article_id"] == row["article_id"]).any()


def test_good_article_is_built_as_if_alone(bad_corpus, tmp_path) -> None:
    folder, report, _ = bad_corpus
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(folder / "good.txt", alone / "good.txt")
    solo, _ = quiet_build(alone)
    for name in ("sentences", "articles"):
        ours = report.tables[name]
        ours = ours[ours["article_id"] == "good"].reset_index(drop=True)
        assert ours.equals(solo.tables[name]), name


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (ENGLISH.replace("Officials", "Café officials").encode("cp1252"), "cp1252"),
        (ENGLISH.encode("utf-16"), "utf-16"),  # with a byte-order mark
        (ENGLISH.encode("utf-8-sig"), "utf-8-sig"),
    ],
)
def test_legacy_encodings_are_decoded_not_mangled(corpus, content, encoding) -> None:
    report, messages = quiet_build(corpus({"a.txt": content}))
    row = row_of(report, "a.txt")
    assert (row["status"], row["encoding"]) == ("ok", encoding)
    text = " ".join(report.tables["sentences"]["text"])
    assert "“constructive”" in text and "Russia’s envoy" in text
    assert "Café" in text or encoding != "cp1252"


def test_stray_nul_bytes_are_removed_with_a_warning(corpus) -> None:
    folder = corpus({"a.txt": ENGLISH.replace("Analysts", "Analy\x00sts")})
    report, messages = quiet_build(folder)
    assert row_of(report, "a.txt")["status"] == "ok"
    assert "Analysts said" in " ".join(report.tables["sentences"]["text"])
    assert any(m.startswith("a.txt: ") and "NUL" in m for m in messages)


def test_files_sharing_a_stem_keep_apart_ids(corpus) -> None:
    other = ENGLISH.replace("Turkey", "Greece").replace("Ankara", "Athens")
    folder = corpus({"talks.txt": ENGLISH, "talks.md": other, "solo.txt": FRENCH})
    report, _ = quiet_build(folder)
    articles = report.tables["articles"]
    ids = dict(zip(articles["file"], articles["article_id"], strict=True))
    assert ids == {"talks.txt": "talks_txt", "talks.md": "talks_md", "solo.txt": "solo"}


def test_html_page_goes_through_the_extractor(corpus) -> None:
    page = (
        "<!doctype html><html><head><title>Talks resume | Example News</title>"
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2020-03-02T10:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Talks resume</h1>"
        + "".join(f"<p>{p}</p>" for p in ENGLISH.split("\n\n")[1:])
        + "</article><footer>Subscribe to our newsletter.</footer></body></html>"
    )
    report, _ = quiet_build(corpus({"page.html": page}))
    row = row_of(report, "page.html")
    assert (row["status"], row["format"], row["published"]) == ("ok", "html", "2020-03-02")
    assert row["author"] == "Jane Roe"
    texts = report.tables["sentences"]["clean_text"].tolist()
    assert texts[0].startswith("Officials in Ankara")
    assert not any("Home" in t or "newsletter" in t for t in texts)


def test_too_large_file_is_rejected_without_reading_it(corpus) -> None:
    folder = corpus({"huge.txt": ENGLISH * 30_000})  # ~13 MB
    report, _ = quiet_build(folder)
    assert "too large" in row_of(report, "huge.txt")["reason"]


# --- the manifest ---------------------------------------------------------------------------


def test_manifest_problems_name_the_line(corpus) -> None:
    folder = corpus(
        {
            "good.txt": ENGLISH,
            "manifest.csv": (
                "file,outlet,published,shoe_size\n"
                "good.txt,Example News,2020-13-45,42\n"
                "gone.txt,Example News,2020-03-02,41\n"
            ),
        }
    )
    report, messages = quiet_build(folder)
    assert any("line 1" in m and "shoe_size" in m for m in messages)
    assert any("line 2" in m and "2020-13-45" in m and "not a date" in m for m in messages)
    assert any("line 3" in m and "gone.txt" in m for m in messages)
    gone = row_of(report, "gone.txt")
    assert gone["status"] == "rejected" and "manifest.csv line 3" in gone["reason"]
    good = row_of(report, "good.txt")
    assert good["outlet"] == "Example News" and good["published_basis"] != "manifest"


def test_manifest_without_header_is_read_in_contract_order(corpus) -> None:
    folder = corpus({"good.txt": ENGLISH, "manifest.csv": "good.txt,Example News,,,2020-03-02\n"})
    report, messages = quiet_build(folder)
    assert any("line 1" in m and "no header" in m for m in messages)
    good = row_of(report, "good.txt")
    assert (good["outlet"], good["published"], good["published_basis"]) == (
        "Example News",
        "2020-03-02",
        "manifest",
    )


def test_manifest_value_wins_over_text(corpus, seeds_dir) -> None:
    text = (seeds_dir / "000_302eb67bd252ba68.txt").read_text(encoding="utf-8")
    folder = corpus(
        {"a.txt": text, "manifest.csv": "file,published,headline\na.txt,2018-05-23,Own title\n"}
    )
    row = row_of(quiet_build(folder)[0], "a.txt")
    assert (row["published"], row["published_basis"], row["headline"]) == (
        "2018-05-23",
        "manifest",
        "Own title",
    )


# --- atomic output --------------------------------------------------------------------------


def test_failed_build_leaves_previous_tables(seeds_dir, tmp_path, monkeypatch) -> None:
    out = tmp_path / "data"
    quiet_build(seeds_dir, out)
    before = digest_tree(out)

    import newsframe.build as build_module

    calls = {"n": 0}
    real = build_module.analyse_article

    def fail_on_third(article, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated crash mid-build")
        return real(article, **kwargs)

    monkeypatch.setattr(build_module, "analyse_article", fail_on_third)
    with pytest.raises(RuntimeError):
        quiet_build(seeds_dir, out)
    assert digest_tree(out) == before
    assert not list(tmp_path.glob(".data.*")), "staging folder left behind"


def test_swap_interrupted_between_renames_is_recovered(seeds_dir, tmp_path) -> None:
    out = tmp_path / "data"
    quiet_build(seeds_dir, out)
    before = digest_tree(out)
    out.rename(tmp_path / ".data.old-12345")  # as if killed right after the first rename
    from newsframe.tables import recover_interrupted_swap

    recover_interrupted_swap(out)
    assert digest_tree(out) == before


def test_rows_to_columns_keeps_each_value_under_its_key() -> None:
    same = [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert rows_to_columns(same) == {"a": [1, 2], "b": ["x", "y"]}
    # The same keys in another order, or missing: still by key, never by position.
    reordered = [{"a": 1, "b": "x"}, {"b": "y", "a": 2}]
    assert rows_to_columns(reordered) == {"a": [1, 2], "b": ["x", "y"]}
    ragged = [{"a": 1}, {"b": "y", "a": 2}, {"c": None}]
    columns = rows_to_columns(ragged)
    assert columns == {"a": [1, 2, None], "b": [None, "y", None], "c": [None, None, None]}
    assert list(columns) == ["a", "b", "c"]
    assert rows_to_columns([]) == {}
