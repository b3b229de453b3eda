"""Read article files: bytes → decoded text, with the reason when a file cannot be an article.

Every file in the input folder becomes one row of ``articles.csv``. A file that is empty,
binary, undecodable, too large or not English is *rejected* (kept as a row with its reason);
nothing here raises on bad input. ``.html`` pages go through trafilatura, a maintained
main-content extractor; the extracted text is then "the text as read".
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from newsframe.config import MANIFEST_NAME, MAX_ARTICLE_BYTES

MANIFEST_COLUMNS = (
    "file",
    "outlet",
    "original_outlet",
    "url",
    "published",
    "headline",
    "author",
    "language",
)
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# Magic numbers of formats analysts save by mistake into an articles folder.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"RIFF", "RIFF media file"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)
_PARTIAL_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(slots=True)
class SourceFile:
    """One input file as read: its text, or the reason it is not an article."""

    file: str
    sha256: str
    size: int
    text: str = ""
    encoding: str = ""
    format: str = "txt"  # txt | html
    rejected: str = ""  # the reason, when the file cannot be an article
    warnings: list[str] = field(default_factory=list)
    html_metadata: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ManifestEntry:
    line: int
    values: dict[str, str]
    published: date | None = None
    published_precision: str = ""  # day | month | year, when the manifest gives a date


def list_inputs(input_dir: Path) -> list[Path]:
    """Every article file in ``input_dir`` (not the manifest, not hidden files), sorted by name."""
    return sorted(
        p
        for p in input_dir.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name != MANIFEST_NAME
    )


def read_source(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> SourceFile:
    """Read one file. Never raises for bad content: the reason lands in ``rejected``."""
    size = path.stat().st_size
    if size > max_bytes:
        digest = _sha256_of_file(path)
        return SourceFile(
            path.name,
            digest,
            size,
            rejected=f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB "
            "for one article)",
        )
    data = path.read_bytes()
    source = SourceFile(path.name, hashlib.sha256(data).hexdigest(), size)
    if not data:
        source.rejected = "empty file (0 bytes)"
        return source
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            source.rejected = f"binary file ({kind}), not text"
            return source

    text, encoding, problem = decode_bytes(data)
    if problem:
        source.rejected = problem
        return source
    source.encoding = encoding
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        source.warnings.append(f"{count} NUL byte(s) removed")
    if _control_ratio(text) > 0.05:
        source.rejected = "binary content (control characters), not text"
        return source
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")

    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data[:512]):
        source.format = "html"
        text, source.html_metadata = extract_html(text)
        if not text.strip():
            source.rejected = "HTML page with no extractable article text"
            return source
    if not text or text.isspace():  # (not text.strip(), without copying the text)
        source.rejected = "no text (whitespace only)"
        return source
    source.text = text
    return source


def decode_bytes(data: bytes) -> tuple[str, str, str]:
    """(text, encoding, problem). UTF-8 first; a BOM wins; otherwise charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ""
            except UnicodeDecodeError:
                return (
                    "",
                    "",
                    f"undecodable: starts with a {encoding} byte-order mark but is not {encoding}",
                )
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        return "", "", "binary content (NUL bytes in a file that is not UTF-16/32), not text"
    # imported lazily: only legacy files need them
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    best = from_bytes(data).best()
    if best is None:
        return "", "", "undecodable: not UTF-8 and no text encoding fits the bytes"
    encoding = best.encoding
    # On short English texts a detector cannot tell the single-byte code pages apart (cp1250,
    # cp775, latin-1 read ASCII alike and differ on a few accented letters). Windows-1252 is
    # what English-language legacy files are almost always in: it wins whenever it fits.
    if not is_multi_byte_encoding(encoding) and _decodes(data, "cp1252"):
        encoding = "cp1252"
    return data.decode(encoding), encoding, ""


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# U+0000-0008, 000B, 000E-001F, 007F-009F
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def _control_ratio(text: str) -> float:
    """Share of control characters (other than line breaks and tabs) in the first 20,000."""
    sample = text[:20000]
    if not sample:
        return 0.0
    # Counted on bytes, where deleting a set of values is one table pass: in Latin-1 each of
    # these characters is the byte of its number, and any character past U+00FF becomes "?".
    latin1 = sample.encode("latin-1", "replace")
    return (len(latin1) - len(latin1.translate(None, _CONTROL_BYTES))) / len(sample)


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of a saved web page (trafilatura)."""
    import trafilatura  # heavy import, only for HTML inputs

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
    )
    if document is None:
        return "", {}
    found = document.as_dict()
    metadata = {
        key: str(found.get(key) or "")
        for key in ("title", "author", "date", "sitename", "url", "hostname")
    }
    return str(found.get("text") or ""), metadata


@cache
def _language_identifier():  # noqa: ANN202 - py3langid has no public type for it
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# The commonest English words make up about a quarter of any English prose and almost none of
# French, German, Spanish or Arabic: past this share the text is English without asking a model.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in is that for on with as was were by it from at be has have said".split()
)
_ENGLISH_FUNCTION_BYTES = frozenset(w.encode() for w in _ENGLISH_FUNCTION_WORDS)
# The words are the runs of ASCII letters ([A-Za-z]+). Found on bytes: every other character
# (non-ASCII ones arrive as "?") becomes a space, letters become lower case; split() then gives
# the words, lower-cased, without a regex match per word.
_LOWER_LETTERS_ELSE_SPACE = bytes(
    c | 0x20 if chr(c).isascii() and chr(c).isalpha() else 0x20 for c in range(256)
)
ENGLISH_SHARE = 0.15


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language, from its first 2,000 characters.

    Clearly English text is recognised by its function words; anything else goes to py3langid.
    """
    sample = text[:2000]
    words = sample.encode("ascii", "replace").translate(_LOWER_LETTERS_ELSE_SPACE).split()
    if len(words) >= 30:
        share = sum(map(_ENGLISH_FUNCTION_BYTES.__contains__, words)) / len(words)
        if share >= ENGLISH_SHARE:
            return "en", 1.0
    code, probability = _language_identifier().classify(sample)
    return str(code), float(probability)


def read_manifest(input_dir: Path) -> tuple[dict[str, ManifestEntry], list[str]]:
    """Rows of ``manifest.csv`` by file name, and the problems found (each names the line)."""
    path = input_dir / MANIFEST_NAME
    if not path.exists():
        return {}, []
    problems: list[str] = []
    raw = path.read_bytes()
    text, _, problem = decode_bytes(raw)
    if problem:
        return {}, [f"{path.name}: {problem}; manifest ignored"]
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n"))))
    if not rows:
        return {}, []
    header = [h.strip().lower() for h in rows[0]]
    first_data_line = 2
    if "file" not in header:
        problems.append(
            f"{path.name} line 1: no header row (expected {','.join(MANIFEST_COLUMNS)}); "
            "reading the rows in that column order"
        )
        header = list(MANIFEST_COLUMNS)
        first_data_line = 1
        body = rows
    else:
        body = rows[1:]
        unknown = [h for h in header if h and h not in MANIFEST_COLUMNS]
        if unknown:
            problems.append(f"{path.name} line 1: unknown column(s) {', '.join(unknown)} ignored")
    entries: dict[str, ManifestEntry] = {}
    existing = {p.name for p in input_dir.iterdir()}
    for offset, row in enumerate(body):
        line = first_data_line + offset
        if not any(cell.strip() for cell in row):
            continue
        values = {
            column: (row[i].strip() if i < len(row) else "")
            for i, column in enumerate(header)
            if column in MANIFEST_COLUMNS
        }
        name = values.get("file", "")
        if not name:
            problems.append(f"{path.name} line {line}: no file name; row ignored")
            continue
        if name in entries:
            problems.append(
                f"{path.name} line {line}: {name} already listed on line {entries[name].line}; "
                "row ignored"
            )
            continue
        entry = ManifestEntry(line, values)
        if values.get("published"):
            parsed = parse_partial_date(values["published"])
            if parsed is None:
                problems.append(
                    f"{path.name} line {line}: {name}: published {values['published']!r} is not "
                    "a date (use YYYY-MM-DD, YYYY-MM or YYYY); ignored"
                )
                values["published"] = ""
            else:
                entry.published, entry.published_precision = parsed
        if name not in existing:
            problems.append(f"{path.name} line {line}: {name}: no such file in {input_dir.name}/")
        entries[name] = entry
    return entries, problems


def parse_partial_date(value: str) -> tuple[date, str] | None:
    """``2019-01-31`` → (date, 'day'); ``2019-01`` → (2019-01-01, 'month'); ``2019`` → year."""
    match = _PARTIAL_ISO.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        parsed = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return parsed, "day" if day else "month" if month else "year"


def warn(message: str) -> None:
    """One line on stderr, so a long build's log stays greppable."""
    print(f"newsframe: warning: {message}", file=sys.stderr)
