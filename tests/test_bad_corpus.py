"""One corpus with every kind of bad input at once, as analysts' folders really arrive.

``tests/test_build.py`` checks each bad-input case alone. Here they all sit in one folder beside
the seeds and a few good articles in awkward formats, and the build must: name every bad file
(and manifest line) in a message, keep a ``rejected`` row or warn as fits, and build every good
article — in every table, crossrefs included — exactly as a folder holding only the good files
does. A second folder repeats it with a manifest that lost its header row.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from newsframe.build import BuildReport, build

# --- good articles in awkward shapes (each about something else, so none is a duplicate) ---

SMART_QUOTES = (  # cp1252 has every character here: “ ” ‘ ’ – — é
    "Turkey and Russia agree to resume border talks\n\n"
    "ANKARA – Officials in Ankara said on Monday that talks with Moscow would resume next week. "
    "The foreign minister told reporters the meeting had been “constructive” and that both sides "
    "wanted a ceasefire in the north — a goal that has eluded them since 2016.\n\n"
    "“We are not there yet,” said Mehmet Öz, a spokesman for the ministry. Russia’s envoy was "
    "expected to arrive on Tuesday, and a café near the ministry was closed for the visit.\n\n"
    "Analysts said the agreement reflected growing trust between the two governments, although "
    "disputes over the ‘buffer zone’ remained unresolved.\n"
)
OIL_DEAL = (
    "Iran and China sign a long-term oil agreement\n\n"
    "Tehran and Beijing signed a 25-year agreement on Saturday covering oil supplies, ports and "
    "rail links, the Iranian foreign ministry said. Foreign Minister Javad Zarif called the deal "
    '"a roadmap for a comprehensive strategic partnership."\n\n'
    "Chinese officials did not publish the text. Critics in the Iranian parliament said the terms "
    "had been kept secret from lawmakers, and several deputies demanded a public debate.\n\n"
    "Washington warned that companies taking part could face sanctions.\n"
)
UN_VOTE = (
    "The Security Council voted on Thursday to extend the monitoring mission in Yemen for six "
    "months. Thirteen members voted in favour and two abstained.",
    '"This extension gives the parties time to build trust," the British ambassador told the '
    "council after the vote.",
    "The mission has monitored the ceasefire around the port of Hodeidah since January 2019, "
    "although both sides accuse each other of violations.",
)
DROUGHT = (
    "Iraq faces its worst drought in decades\n\n"
    "Water levels in the Tigris and Euphrates fell to record lows this summer, the Iraqi water "
    "ministry said on Wednesday. Farmers in the south have abandoned thousands of hectares.\n\n"
    "The minister said dams upstream in Turkey and Iran had cut the flow by half, and that Baghdad "
    "would ask both governments for talks on sharing the rivers.\n"
)
STRIKES = (
    "Israel strikes targets near Damascus airport\n\n"
    "Israeli jets struck weapons depots near Damascus airport overnight, the Syrian army said on "
    "Sunday. Syrian air defences intercepted most of the missiles, according to state media.\n\n"
    'Prime Minister Benjamin Netanyahu said Israel "will not allow Iran to entrench itself in '
    'Syria." The Russian foreign ministry called the strikes a violation of Syrian sovereignty.\n\n'
    "A war monitor reported that four fighters were killed.\n"
)
FRENCH = (
    "Le gouvernement a annoncé mardi une réforme des retraites qui repousse l'âge légal de départ. "
    "Les syndicats ont appelé à une journée de grève nationale la semaine prochaine et dénoncent "
    "une décision prise sans véritable concertation. Selon le ministre du travail, la réforme est "
    "indispensable pour garantir l'équilibre du système d'ici à la fin de la décennie.\n"
)
ARABIC = (
    "أعلنت وزارة الخارجية يوم الثلاثاء أن المحادثات بين الجانبين ستستأنف الأسبوع المقبل في "
    "العاصمة. وقال المتحدث باسم الوزارة إن الاجتماع سيبحث وقف إطلاق النار وتبادل الأسرى، مضيفا أن "
    "الحكومة ملتزمة بالحل السياسي. ولم يصدر أي تعليق من الطرف الآخر حتى الآن.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def html_page(paragraphs: tuple[str, ...]) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Council extends Yemen mission | World Desk</title>"
        '<meta name="author" content="Amira Haddad">'
        '<meta property="article:published_time" content="2021-07-15T09:30:00Z"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/login'>Sign in</a></nav>"
        "<article><h1>Council extends Yemen mission</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article><aside>Most read: ten recipes for summer</aside>"
        "<footer>Subscribe to our newsletter. © World Desk</footer></body></html>"
    )


def resaved(text: str) -> str:
    """The same article saved from another page: other navigation, appeals and links."""
    return (
        "Accessibility links\n\nSkip to main content\n\n"
        + text
        + "\nYou have read 3 articles this month. Subscribe now for unlimited access.\n\n"
        "Related Content\n\nRead more here\n"
    )


def huge_article() -> bytes:
    paragraph = DROUGHT.split("\n\n", 1)[1].replace("Iraq", "Syria")
    return (paragraph * (20_500_000 // len(paragraph) + 1)).encode()  # a little over 20 MB


SEED_MANIFEST_ROWS = 5

# name → bytes: the good files (built normally) and the bad ones (rejected or warned about)
GOOD = {
    "cp1252-quotes.txt": SMART_QUOTES.encode("cp1252"),
    "oil-utf16.txt": OIL_DEAL.encode("utf-16"),  # with a byte-order mark
    "un-vote.html": html_page(UN_VOTE).encode(),
    "drought-nul.txt": DROUGHT.replace("Farmers", "Far\x00mers").encode(),
    "strikes.txt": STRIKES.encode(),
}
# name → (content, what the message and reason must say)
REJECTED = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\n\t  \r\n   \n", "whitespace only"),
    "photo.txt": (PNG + bytes(range(256)) * 8, "binary file (PNG image)"),
    "dump.txt": (None, "too large (20.5 MB"),  # written by the fixture
    "french.txt": (FRENCH.encode(), "language is 'fr'"),
    "arabic.txt": (ARABIC.encode(), "language is 'ar'"),
    "zz-copy-of-000.txt": (None, "duplicate of 000_302eb67bd252ba68.txt (identical bytes)"),
    "zz-strikes-resaved.txt": (
        resaved(STRIKES).encode(),
        "duplicate of strikes.txt (same body text, different boilerplate)",
    ),
}
MISSING = "gone.txt"
BAD_DATE = "2021-02-30"


def manifest_rows(seeds_dir: Path) -> list[list[str]]:
    """The seeds' rows plus rows for the awkward good files (the analyst's knowledge)."""
    lines = (seeds_dir / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == SEED_MANIFEST_ROWS + 1 and lines[0].startswith("file,")
    rows = [line.split(",") for line in lines[1:]]
    return rows + [
        ["cp1252-quotes.txt", "Anadolu Agency", "", "", "", "", "", ""],
        ["oil-utf16.txt", "Tehran Times", "", "", "2020-07", "", "", ""],
        ["drought-nul.txt", "Rudaw", "", "", "", "", "Hana Ali", ""],
    ]


HEADER = "file,outlet,original_outlet,url,published,headline,author,language"


def csv_text(rows: list[list[str]], header: str | None = HEADER) -> str:
    return "".join(
        f"{line}\n" for line in ([header] if header else []) + [",".join(r) for r in rows]
    )


def write_good(folder: Path, seeds_dir: Path) -> None:
    folder.mkdir(parents=True)
    for path in seeds_dir.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for name, content in GOOD.items():
        (folder / name).write_bytes(content)


def quiet_build(folder: Path) -> tuple[BuildReport, list[str]]:
    messages: list[str] = []
    report = build(folder, None, progress=False, jobs=1, warn=messages.append)
    return report, messages


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, seeds_dir):
    """(clean, bad, headerless) builds: good files only; good + every bad case; no header."""
    root = tmp_path_factory.mktemp("bad-corpus")
    rows = manifest_rows(seeds_dir)

    clean = root / "clean"
    write_good(clean, seeds_dir)
    (clean / "manifest.csv").write_text(csv_text(rows), encoding="utf-8")

    bad = root / "bad"
    write_good(bad, seeds_dir)
    for name, (content, _) in REJECTED.items():
        if content is not None:
            (bad / name).write_bytes(content)
    (bad / "dump.txt").write_bytes(huge_article())
    shutil.copy(seeds_dir / "000_302eb67bd252ba68.txt", bad / "zz-copy-of-000.txt")
    # the manifest: an extra column, a malformed date on a good file, a row for a missing file
    bad_rows = [[*r, "x"] for r in rows]
    dated = next(r for r in bad_rows if r[0] == "cp1252-quotes.txt")
    dated[4] = BAD_DATE
    bad_rows.insert(2, [MISSING, "Nowhere News", "", "", "2021-01-01", "", "", "", "x"])
    (bad / "manifest.csv").write_text(csv_text(bad_rows, HEADER + ",desk"), encoding="utf-8")

    headerless = root / "headerless"
    write_good(headerless, seeds_dir)
    (headerless / "manifest.csv").write_text(csv_text(rows, header=None), encoding="utf-8")

    before = {p.name: p.read_bytes() for p in bad.iterdir() if p.name != "dump.txt"}
    built = {name: quiet_build(root / name) for name in ("clean", "bad", "headerless")}
    after = {p.name: p.read_bytes() for p in bad.iterdir() if p.name != "dump.txt"}
    assert after == before, "the build wrote into its input folder"
    return built


def good_ids(report: BuildReport) -> set[str]:
    articles = report.tables["articles"]
    return set(articles.loc[articles["status"] == "ok", "article_id"])


def rows_of(table: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    return table[table["article_id"].isin(ids)].reset_index(drop=True)


def row_of(report: BuildReport, file: str) -> pd.Series:
    articles = report.tables["articles"]
    found = articles.loc[articles["file"] == file]
    assert len(found) == 1, f"{file}: {len(found)} rows in articles"
    return found.iloc[0]


# --- every file is accounted for -------------------------------------------------------------


def test_every_file_has_exactly_one_articles_row(corpora) -> None:
    report, _ = corpora["bad"]
    expected = set(GOOD) | set(REJECTED) | {MISSING}
    files = list(report.tables["articles"]["file"])
    assert len(files) == len(set(files)) == len(expected) + SEED_MANIFEST_ROWS
    assert expected <= set(files)
    assert report.tables["articles"]["article_id"].is_unique


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_bad_file_is_rejected_with_a_message_naming_it(corpora, name) -> None:
    report, messages = corpora["bad"]
    row = row_of(report, name)
    why = REJECTED[name][1]
    assert row["status"] == "rejected"
    assert why in row["reason"]
    named = [m for m in messages if m.startswith(f"{name}: rejected: ")]
    assert len(named) == 1 and why in named[0], messages
    for table in ("sentences", "statements", "events", "frames", "crossrefs"):
        assert not (report.tables[table]["article_id"] == row["article_id"]).any(), table


@pytest.mark.parametrize(
    ("name", "encoding"), [("cp1252-quotes.txt", "cp1252"), ("oil-utf16.txt", "utf-16")]
)
def test_legacy_encoding_is_an_ok_article(corpora, name, encoding) -> None:
    report, messages = corpora["bad"]
    row = row_of(report, name)
    assert (row["status"], row["encoding"], row["format"]) == ("ok", encoding, "txt")
    assert not [m for m in messages if m.startswith(name)], "a clean decode needs no warning"


def test_html_page_is_an_ok_article(corpora) -> None:
    report, _ = corpora["bad"]
    row = row_of(report, "un-vote.html")
    assert (row["status"], row["format"], row["author"]) == ("ok", "html", "Amira Haddad")
    text = " ".join(rows_of(report.tables["sentences"], {row["article_id"]})["text"])
    assert "Security Council voted" in text
    assert not any(junk in text for junk in ("Sign in", "recipes", "newsletter"))


def test_nul_bytes_are_a_warning_naming_the_file(corpora) -> None:
    report, messages = corpora["bad"]
    assert row_of(report, "drought-nul.txt")["status"] == "ok"
    assert [m for m in messages if m.startswith("drought-nul.txt: ")] == [
        "drought-nul.txt: 1 NUL byte(s) removed"
    ]
    text = " ".join(rows_of(report.tables["sentences"], {"drought-nul"})["text"])
    assert "Farmers in the south" in text


# --- the manifest ------------------------------------------------------------------------------


def test_manifest_problems_name_the_line_and_file(corpora) -> None:
    _, messages = corpora["bad"]
    manifest = [m for m in messages if m.startswith("manifest.csv")]
    extra = [m for m in manifest if m.startswith("manifest.csv line 1: ")]
    assert len(extra) == 1 and "desk" in extra[0]
    # line 1 header, 2 and 3 the first seeds, 4 the missing file
    missing = [m for m in manifest if MISSING in m]
    assert len(missing) == 1 and missing[0].startswith(f"manifest.csv line 4: {MISSING}: ")
    dated_line = 2 + SEED_MANIFEST_ROWS + 1  # header, 5 seeds, missing file → cp1252 on line 8
    dated = [m for m in manifest if BAD_DATE in m]
    assert len(dated) == 1
    assert dated[0].startswith(f"manifest.csv line {dated_line}: cp1252-quotes.txt: ")
    assert "not a date" in dated[0]
    assert len(manifest) == 3, manifest


def test_missing_file_is_a_rejected_row_naming_the_manifest_line(corpora) -> None:
    report, messages = corpora["bad"]
    row = row_of(report, MISSING)
    assert row["status"] == "rejected"
    assert "manifest.csv line 4" in row["reason"]
    assert row["outlet"] == "Nowhere News"
    assert any(m.startswith(f"{MISSING}: rejected: ") for m in messages)


def test_malformed_date_drops_only_the_date(corpora) -> None:
    report, _ = corpora["bad"]
    row = row_of(report, "cp1252-quotes.txt")
    assert row["outlet"] == "Anadolu Agency"  # the rest of the manifest row still applies
    assert row["published_basis"] != "manifest"


def test_headerless_manifest_is_one_message_on_line_1(corpora) -> None:
    _, messages = corpora["headerless"]
    assert len(messages) == 2, messages  # the header, and the NUL byte
    header = next(m for m in messages if m.startswith("manifest.csv"))
    assert header.startswith("manifest.csv line 1: ") and "no header" in header


# --- the good articles are untouched ------------------------------------------------------------


@pytest.mark.parametrize("variant", ["bad", "headerless"])
@pytest.mark.parametrize(
    "table", ["articles", "sentences", "statements", "events", "frames", "boilerplate"]
)
def test_good_articles_are_built_as_without_the_bad_files(corpora, variant, table) -> None:
    clean, _ = corpora["clean"]
    other, _ = corpora[variant]
    ids = good_ids(clean)
    assert len(ids) == SEED_MANIFEST_ROWS + len(GOOD)
    assert good_ids(other) == ids
    expected = rows_of(clean.tables[table], ids)
    if table in ("sentences", "articles"):
        assert len(expected) >= len(ids)
    pd.testing.assert_frame_equal(rows_of(other.tables[table], ids), expected, check_exact=True)


@pytest.mark.parametrize("variant", ["bad", "headerless"])
def test_crossrefs_are_unchanged_by_the_bad_files(corpora, variant) -> None:
    clean, _ = corpora["clean"]
    other, _ = corpora[variant]
    pd.testing.assert_frame_equal(other.tables["crossrefs"], clean.tables["crossrefs"])


def test_clean_folder_builds_without_messages(corpora) -> None:
    _, messages = corpora["clean"]
    assert messages == ["drought-nul.txt: 1 NUL byte(s) removed"]


@pytest.mark.parametrize(
    ("name", "text"), [("cp1252-quotes.txt", SMART_QUOTES), ("oil-utf16.txt", OIL_DEAL)]
)
def test_legacy_encodings_decode_to_the_utf8_articles_rows(
    corpora, seeds_dir, tmp_path, name, text
) -> None:
    """Decoded, never mangled: every row is that of the same article saved as UTF-8."""
    report, _ = corpora["bad"]
    (tmp_path / name).write_text(text, encoding="utf-8")
    row = next(r for r in manifest_rows(seeds_dir) if r[0] == name)
    (tmp_path / "manifest.csv").write_text(csv_text([row]), encoding="utf-8")
    utf8, _ = quiet_build(tmp_path)
    article_id = row_of(report, name)["article_id"]
    for table in ("sentences", "statements", "events", "frames"):
        ours = rows_of(report.tables[table], {article_id})
        pd.testing.assert_frame_equal(ours, utf8.tables[table], check_exact=True, obj=table)
    assert "“constructive”" in " ".join(utf8.tables["sentences"]["text"]) or name != (
        "cp1252-quotes.txt"
    )
