"""Build the tables: every file in the input folder through the pipeline, then the corpus-wide
steps (duplicates, cross-references), then one atomic write of ``data/``.

``analyse_file`` is the per-article function: pure, picklable, no shared state. The local
engine maps it over a process pool; the Dask engine maps the same function over partitions.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as date_parser
from tqdm import tqdm

from newsframe import ingest
from newsframe.actors import ActorMention, find_actor_mentions
from newsframe.article import Article
from newsframe.boilerplate import BodyText
from newsframe.config import DATA_DIR, SEEDS_DIR, TABLE_NAMES
from newsframe.crossrefs import (
    StatementGroups,
    article_title_claims,
    cross_reference_parts,
    title_conflicts,
)
from newsframe.dates import find_dates
from newsframe.events import extract_events
from newsframe.framing import find_frames
from newsframe.ingest import ManifestEntry, SourceFile
from newsframe.pipeline import read_article
from newsframe.runtime import no_cycle_collection, pd
from newsframe.sentiment import article_tone, score_texts
from newsframe.statements import extract_statements
from newsframe.tables import TableWriter, check_table_format, to_frame

# Below this share of confidence the language guess is not trusted enough to reject a file.
MIN_LANGUAGE_CONFIDENCE = 0.80
# Two articles sharing this share of body sentences are the same article saved twice.
NEAR_DUPLICATE_SHARE = 0.8
PROGRESS_BAR_FROM = 20  # files
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(slots=True)
class ArticleResult:
    """Everything one input file contributes to the tables.

    ``rows`` are the extractors' dicts; ``pack`` turns them into ``columns`` (per table, one
    list per column), the form that crosses from a worker to the main process: each key is
    pickled once per table instead of once per row, and becomes a DataFrame column directly.
    """

    article: dict[str, object]
    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    fingerprint: frozenset[str] = frozenset()
    warnings: list[str] = field(default_factory=list)
    claims: list[dict[str, object]] = field(default_factory=list)  # people named, titles given
    columns: dict[str, dict[str, list[object]]] = field(default_factory=dict)

    def pack(self) -> ArticleResult:
        self.columns, self.rows = self.tables(), {}
        return self

    def tables(self) -> dict[str, dict[str, list[object]]]:
        """Per table, its rows as columns (packed or not)."""
        if self.columns:
            return self.columns
        return {name: rows_to_columns(rows) for name, rows in self.rows.items() if rows}


def rows_to_columns(rows: list[dict[str, object]]) -> dict[str, list[object]]:
    """Dict rows as column lists (keys in order of first appearance; a missing key is None)."""
    first = tuple(rows[0]) if rows else ()
    # The usual case, every row's keys in the same order (dict views compare as sets: not
    # enough), is transposed in one go.
    if all(tuple(row) == first for row in rows):
        values = zip(*[row.values() for row in rows], strict=True)
        return dict(zip(first, map(list, values), strict=True))
    keys = dict.fromkeys(key for row in rows for key in row)
    return {key: [row.get(key) for row in rows] for key in keys}


def article_id_for(file_name: str, taken: set[str] | None = None) -> str:
    """The file name without its extension; the whole name when two files share a stem."""
    stem = Path(file_name).stem
    return file_name.replace(".", "_") if taken and stem in taken else stem


def analyse_file(path: Path, entry: ManifestEntry | None, article_id: str) -> ArticleResult:
    """One file → its rows in every table (or a rejected articles row)."""
    source = ingest.read_source(path)
    manifest = entry.values if entry else {}
    row: dict[str, object] = {
        "article_id": article_id,
        "file": path.name,
        "sha256": source.sha256,
        "outlet": manifest.get("outlet", "") or source.html_metadata.get("sitename", ""),
        "original_outlet": manifest.get("original_outlet", ""),
        "url": manifest.get("url", "") or source.html_metadata.get("url", ""),
        "headline": manifest.get("headline", ""),
        "author": manifest.get("author", "") or source.html_metadata.get("author", ""),
        "published": "",
        "published_basis": "unknown",
        "published_precision": "",
        "language": manifest.get("language", ""),
        "n_sentences": 0,
        "n_words": 0,
        "status": "ok",
        "reason": "",
        "format": source.format,
        "encoding": source.encoding,
    }
    result = ArticleResult(row, warnings=[f"{path.name}: {w}" for w in source.warnings])
    if source.rejected:
        return _reject(result, source.rejected)

    article, body = read_article(
        source.text, article_id=article_id, file=path.name, outlet=str(row["outlet"])
    )
    if not article.sentences:
        return _reject(result, "no article text left after removing boilerplate")

    language = str(row["language"]).lower()
    if not language:
        language, confidence = ingest.detect_language(" ".join(s.clean for s in article.sentences))
        if language != "en" and confidence < MIN_LANGUAGE_CONFIDENCE:
            language = "en"  # too unsure to reject: short or mixed text
    row["language"] = language
    if language != "en":
        return _reject(
            result, f"language is {language!r}, not English (extraction is English-only)"
        )

    _fill_metadata(row, article, body, source, entry)  # sets the date the mentions depend on
    mentions = find_actor_mentions(article)
    words = sentence_words(article)
    rows = analyse_article(article, mentions=mentions, words=words)
    row["n_sentences"] = len(article.sentences)
    row["n_words"] = sum(sentence["n_words"] for sentence in rows["sentences"])  # type: ignore[misc]
    row["n_boilerplate_paragraphs"] = len(body.dropped)
    rows["boilerplate"] = [
        {
            "article_id": article_id,
            "start": p.start,
            "end": p.end,
            "kind": p.kind,
            "text": " ".join(source.text[p.start : p.end].split())[:200],
        }
        for p in body.dropped
    ]
    result.rows = rows
    result.claims = article_title_claims(source.text, article=article, mentions=mentions)
    result.fingerprint = body_fingerprint(words)
    return result


def sentence_words(article: Article) -> list[list[str]]:
    """The words of each body sentence (letters and digits, with inner apostrophes and
    hyphens: "don't", "Moscow-Tehran"), in sentence order."""
    return [_WORD.findall(s.clean) for s in article.sentences]


def body_fingerprint(words: list[list[str]]) -> frozenset[str]:
    """A short hash of each sentence's words (lower case, punctuation and spacing ignored):
    two files sharing most of them hold the same article, whatever boilerplate surrounds it."""
    return frozenset(
        hashlib.blake2b(
            " ".join(sentence)
            .lower()
            .replace("'", " ")
            .replace("’", " ")
            .replace("-", " ")
            .encode(),
            digest_size=8,
        ).hexdigest()
        for sentence in words
    )


def analyse_article(
    article: Article,
    *,
    mentions: list[ActorMention] | None = None,
    words: list[list[str]] | None = None,
) -> dict[str, list[dict[str, object]]]:
    """The per-article tables: sentences with tone, statements, events, frames.

    Actor mentions and each sentence's words (``mentions``, ``words``: when the caller has
    them) and dates are found once and shared by the steps that need them.
    """
    if mentions is None:
        mentions = find_actor_mentions(article)
    if words is None:
        words = sentence_words(article)
    dates = find_dates(article)
    scores = score_texts(s.clean for s in article.sentences)
    sentences = [
        {
            "article_id": article.article_id,
            "sentence_id": s.sentence_id,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "polarity": polarity,
            "subjectivity": subjectivity,
            "n_scored_words": n_scored,
            "tone": tone,
            "clean_text": s.clean,
            "n_words": len(its_words),
        }
        for s, (polarity, subjectivity, n_scored, tone), its_words in zip(
            article.sentences, scores, words, strict=True
        )
    ]
    return {
        "sentences": sentences,
        "statements": extract_statements(
            article, mentions=mentions, dates=dates, sentence_scores=scores
        ),
        "events": extract_events(article, dates=dates, mentions=mentions),
        "frames": find_frames(article, mentions=mentions),
    }


def _reject(result: ArticleResult, reason: str) -> ArticleResult:
    result.article["status"] = "rejected"
    result.article["reason"] = reason
    result.rows = {}
    result.columns = {}
    return result


def _fill_metadata(
    row: dict[str, object],
    article: Article,
    body: BodyText,
    source: SourceFile,
    entry: ManifestEntry | None,
) -> None:
    """Headline, original outlet, url and publication date: manifest, else text, else inferred."""
    if not row["headline"]:
        row["headline"] = source.html_metadata.get("title", "") or (article.headline)
    if not row["original_outlet"]:
        row["original_outlet"] = article.original_outlet
    if not row["url"]:
        row["url"] = body.url
    if not row["author"]:
        row["author"] = body.author
    article.headline = str(row["headline"])
    article.original_outlet = str(row["original_outlet"])

    published, precision, basis = _publication_date(article, body, source, entry)
    article.published, article.published_basis = published, basis
    row["published"] = published.isoformat() if published else ""
    row["published_precision"] = precision
    row["published_basis"] = basis


def _publication_date(
    article: Article, body: BodyText, source: SourceFile, entry: ManifestEntry | None
) -> tuple[date | None, str, str]:
    """(date, precision, basis) — never a silent guess: ``basis`` says where it came from."""
    if entry and entry.published and entry.published_precision == "day":
        return entry.published, "day", "manifest"
    stated = _stated_date(article.text[slice(*body.dateline)] if body.dateline else "")
    stated = stated or _stated_date(source.html_metadata.get("date", ""))
    if stated:
        return stated, "day", "text"
    window = None
    if entry and entry.published:
        window = (entry.published, entry.published_precision)
    inferred = infer_publication_date(article, window)
    if inferred:
        return inferred, "day", "inferred"
    if window:
        return window[0], window[1], "manifest"
    return None, "", "unknown"


def _stated_date(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date_parser.parse(value, fuzzy=True, default=None).date()  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None


def infer_publication_date(article: Article, window: tuple[date, str] | None = None) -> date | None:
    """The latest day the article refers to: it cannot have been written before it.

    Only day-exact dates count. Without a window, a date counts when the text gives its year
    (``January 27, 2019``) or a weekday that fixes it (``Friday January 25``); a window from the
    manifest (``2019-01``: the analyst knows the month) lets yearless dates count inside it.
    """
    anchor = window[0] if window else None
    article.published = anchor
    mentions = find_dates(article)
    article.published = None
    explicit = [m for m in mentions if m.basis == "explicit" and m.value is not None]
    if window:
        candidates = [
            m.value for m in explicit if m.precision == "day" and _inside(m.value, window)
        ]
    else:
        candidates = [
            m.value for m in explicit if m.precision == "day" and _YEAR.search(m.expression)
        ]
        latest_year = max((m.value.year for m in explicit), default=None)
        candidates += [
            d
            for m in mentions
            if m.value is None and (d := _date_from_weekday(m.expression, latest_year))
        ]
    return max(candidates) if candidates else None


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
WEEKDAY_YEARS_AHEAD = 6  # a weekday and a day of the month repeat every 5, 6 or 11 years


def _date_from_weekday(expression: str, after_year: int | None) -> date | None:
    """``Friday January 25`` fixes the year: the first year from the latest one the article
    mentions in which January 25 falls on a Friday. None when the text names no year at all."""
    weekday = _WEEKDAY.search(expression)
    if after_year is None or weekday is None:
        return None
    try:
        parsed = date_parser.parse(expression, default=datetime(after_year, 1, 1))
    except (ValueError, OverflowError):
        return None
    for year in range(after_year, after_year + WEEKDAY_YEARS_AHEAD + 1):
        try:
            candidate = parsed.replace(year=year).date()
        except ValueError:
            continue
        if candidate.weekday() == _WEEKDAYS.index(weekday.group(1).lower()):
            return candidate
    return None


def _inside(value: date, window: tuple[date, str]) -> bool:
    start, precision = window
    if precision == "year":
        return value.year == start.year
    return (value.year, value.month) == (start.year, start.month)


@dataclass(slots=True)
class BuildReport:
    """What a build made: the tables it kept in memory, its warnings, each table's row count."""

    tables: dict[str, pd.DataFrame]
    warnings: list[str]
    row_counts: dict[str, int] = field(default_factory=dict)


def build(
    input_dir: Path = SEEDS_DIR,
    out_dir: Path | None = DATA_DIR,
    *,
    jobs: int | None = None,
    progress: bool = True,
    warn: Callable[[str], None] = ingest.warn,
    engine: str = "local",
    scheduler: str | None = None,
    table_format: str = "csv",
    keep_tables: bool = True,
) -> BuildReport:
    """Build every table from ``input_dir``; write them to ``out_dir`` (None: do not write).

    ``engine="local"`` runs the per-article step on a process pool of ``jobs`` workers;
    ``engine="dask"`` runs the same step on a Dask cluster (``scheduler`` address, or a local
    cluster of ``jobs`` workers). The tables are the same either way.

    Tables are written as the articles are analysed, chunk by chunk, into a staging folder that
    replaces ``out_dir`` at the end. ``keep_tables=False`` (what the command line does) keeps
    in memory only what the corpus-wide steps need, so memory does not grow with the
    per-sentence tables; the report then holds articles, statements, events and crossrefs.
    """
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    manifest, problems = ingest.read_manifest(input_dir)
    for problem in problems:
        warn(problem)
    paths = ingest.list_inputs(input_dir)
    duplicated_stems = {stem for stem, n in Counter(p.stem for p in paths).items() if n > 1}
    tasks = [(p, manifest.get(p.name), article_id_for(p.name, duplicated_stems)) for p in paths]
    # In article-id order, the order of every per-article table: chunks append already sorted.
    tasks.sort(key=lambda task: task[2])
    with ExitStack() as stack:
        writer = None
        if out_dir is not None:
            writer = stack.enter_context(TableWriter(Path(out_dir), table_format=table_format))
        else:
            check_table_format(table_format)
        gatherer = TableGatherer(writer, keep=keep_tables or writer is None, expected=len(tasks))
        _gather(gatherer, tasks, jobs, engine, scheduler, progress)
        for result in _missing_files(manifest, {p.name for p in paths}):
            gatherer.add(result)
        for message in gatherer.warnings:
            warn(message)
        tables = gatherer.tables()
    counts = writer.row_counts if writer else {name: len(t) for name, t in tables.items()}
    return BuildReport(tables, problems + gatherer.warnings, dict(counts))


def _gather(
    gatherer: TableGatherer,
    tasks: list[tuple[Path, ManifestEntry | None, str]],
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    progress: bool,
) -> None:
    """Every task's result into the gatherer, in task order, on the chosen engine."""
    if engine == "dask":
        from newsframe.engines import run_on_dask

        mapped: Iterable[ArticleResult] = run_on_dask(tasks, scheduler=scheduler, workers=jobs)
    elif engine == "local":
        mapped = _run(tasks, jobs)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    for result in tqdm(
        mapped,
        total=len(tasks),
        desc="articles",
        unit="file",
        disable=not progress or len(tasks) < PROGRESS_BAR_FROM,
    ):
        gatherer.add(result)


def _run(
    tasks: list[tuple[Path, ManifestEntry | None, str]], jobs: int | None
) -> Iterator[ArticleResult]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(tasks) < 2 * jobs:
        yield from (analyse_file(*task) for task in tasks)
        return
    # The first article is analysed here: it loads the lexicons and compiles the patterns once,
    # before the pool forks its workers, which then inherit them instead of each paying ~0.3 s
    # (the cross-references at the end use the same actor index). Long-lived objects only: the
    # cycle collector, which would walk them and every imported module again, waits.
    with no_cycle_collection():
        first = analyse_task(tasks[0])
    yield first
    rest = tasks[1:]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # What exists now is long-lived (lexicons, patterns, modules): frozen, the workers'
        # garbage collections do not walk it again and again. Workers are forked by map().
        gc.freeze()
        try:
            mapped = pool.map(
                analyse_task, rest, chunksize=max(1, min(32, len(rest) // (jobs * 8)))
            )
        finally:
            gc.unfreeze()
        yield from mapped


def analyse_task(task: tuple[Path, ManifestEntry | None, str]) -> ArticleResult:
    """``analyse_file`` over one (path, manifest entry, article id) task, packed for the trip
    to the main process: what engines map."""
    return analyse_file(*task).pack()


def _missing_files(manifest: dict[str, ManifestEntry], present: set[str]) -> list[ArticleResult]:
    """A manifest row naming a file that is not there keeps a rejected row, so it is seen."""
    missing = []
    for name, entry in sorted(manifest.items()):
        if name in present:
            continue
        result = ArticleResult(
            {
                "article_id": article_id_for(name),
                "file": name,
                "sha256": "",
                **{
                    k: entry.values.get(k, "")
                    for k in ("outlet", "original_outlet", "url", "headline", "author")
                },
                "status": "ok",
            }
        )
        missing.append(
            _reject(result, f"listed in manifest.csv line {entry.line} but the file does not exist")
        )
    return missing


class TableGatherer:
    """Collects results in article order into the tables, keeping only what the tables need.

    Duplicates are rejected as results arrive (the first article by id is kept: results come
    in the sorted order of the tasks). Every ``CHUNK_ARTICLES`` articles the rows are packed
    into sorted DataFrame chunks; with a ``writer`` each chunk is appended to its file at once,
    so the per-sentence tables never sit in memory whole. What the corpus-wide steps need is
    kept: the articles rows, statements and events (for cross-references), each article's
    tone and title claims; ``keep`` also keeps every table, to return them.
    """

    CHUNK_ARTICLES = 500
    # The last chunk is packed after the last article arrives, while the workers have finished:
    # with ``expected`` known, the chunk before it is cut short so that this one stays small.
    LAST_CHUNK_ARTICLES = 64
    # Cross-references are computed from these at the end, so their chunks are always kept.
    KEPT_FOR_CROSSREFS = ("statements", "events")
    CROSSREF_ROWS = 100_000  # rows per part of the cross-reference table, made and written

    def __init__(
        self, writer: TableWriter | None = None, *, keep: bool = True, expected: int | None = None
    ) -> None:
        self.warnings: list[str] = []
        self._to_come = expected  # results still expected, when the caller knows
        self.writer = writer
        self.keep = keep
        self._articles: list[dict[str, object]] = []
        self._rows: dict[str, dict[str, list[object]]] = {}  # pending chunk, as columns
        self._chunks: dict[str, list[pd.DataFrame]] = {}
        self._tone: list[pd.DataFrame] = []  # per-article tone, chunk by chunk
        self._claims: dict[str, list[dict[str, object]]] = {}
        self._pending = 0
        self._file_of_sha: dict[str, str] = {}
        self._owner_of_sentence: dict[str, int] = {}  # sentence hash -> kept article index
        self._kept: list[tuple[str, int]] = []  # (file, number of distinct sentences)
        # Statements are grouped across articles chunk by chunk, as they are packed.
        self._statement_groups = StatementGroups()

    def add(self, result: ArticleResult) -> None:
        if result.article["status"] == "ok":
            self._reject_if_duplicate(result)
        article = result.article
        self.warnings += result.warnings
        if article["status"] == "rejected":
            self.warnings.append(f"{article['file']}: rejected: {article['reason']}")
        self._articles.append(article)
        if self._to_come is not None:
            self._to_come -= 1
        if not (result.rows or result.columns):
            return
        for name, columns in result.tables().items():
            self._extend(name, columns)
        self._claims[str(article["article_id"])] = result.claims
        self._pending += 1
        if self._pending >= self.CHUNK_ARTICLES or self._to_come == self.LAST_CHUNK_ARTICLES:
            self._pack()

    def _reject_if_duplicate(self, result: ArticleResult) -> None:
        sha, file = str(result.article["sha256"]), str(result.article["file"])
        if sha in self._file_of_sha:
            _reject(result, f"duplicate of {self._file_of_sha[sha]} (identical bytes)")
            return
        self._file_of_sha[sha] = file
        shared: dict[int, int] = {}
        for h in result.fingerprint:
            owner = self._owner_of_sentence.get(h)
            if owner is not None:
                shared[owner] = shared.get(owner, 0) + 1
        size = len(result.fingerprint)
        for owner, n in sorted(shared.items()):
            twin_file, twin_size = self._kept[owner]
            if n >= NEAR_DUPLICATE_SHARE * min(size, twin_size):
                _reject(result, f"duplicate of {twin_file} (same body text, different boilerplate)")
                return
        for h in result.fingerprint:
            self._owner_of_sentence.setdefault(h, len(self._kept))
        self._kept.append((file, size))

    def _extend(self, name: str, columns: dict[str, list[object]]) -> None:
        """Append an article's columns to the pending chunk of table ``name``."""
        pending = self._rows.setdefault(name, {})
        size = len(next(iter(columns.values())))
        done = len(next(iter(pending.values()))) if pending else 0
        for key, values in columns.items():
            if key not in pending:
                pending[key] = [None] * done  # a column earlier articles did not have
            pending[key].extend(values)
        for key, values in pending.items():
            if key not in columns:
                values.extend([None] * size)

    def _pack(self) -> None:
        for name, columns in self._rows.items():
            if not columns:
                continue
            frame = to_frame(name, pd.DataFrame(columns))
            if name == "sentences":
                self._tone.append(article_tone(frame))
            elif name == "statements":
                self._statement_groups.add(frame)
            if self.writer is not None:
                self.writer.append(name, frame)
            if self.keep or name in self.KEPT_FOR_CROSSREFS:
                self._chunks.setdefault(name, []).append(frame)
        self._rows = {}
        self._pending = 0

    def _table(self, name: str) -> pd.DataFrame:
        chunks = self._chunks.get(name, [])
        return pd.concat(chunks, ignore_index=True) if chunks else to_frame(name, [])

    def tables(self) -> dict[str, pd.DataFrame]:
        """The corpus-wide tables (articles with their tone, cross-references), written last;
        returns every table kept in memory (without ``keep``: articles, statements, events)."""
        self._pack()
        articles = _with_article_tone(to_frame("articles", self._articles), self._tone)
        statements, events = self._table("statements"), self._table("events")
        # Without ``keep`` each part of the cross-references is written and let go: the largest
        # table is never whole in memory.
        crossrefs = self._stream("crossrefs", self._crossref_parts(statements, events, articles))
        if self.writer is not None:
            self.writer.append("articles", articles)
            for name in (*TABLE_NAMES, "boilerplate"):
                if not self.writer.started(name):
                    self.writer.append(name, to_frame(name, []))
        if not self.keep:
            return {"articles": articles, "statements": statements, "events": events}
        tables = {
            "articles": articles,
            "crossrefs": pd.concat(crossrefs, ignore_index=True),
            **{name: self._table(name) for name in self._chunks},
        }
        names = (*TABLE_NAMES, "boilerplate")
        return {name: tables.get(name, to_frame(name, [])) for name in names}

    def _crossref_parts(
        self, statements: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame
    ) -> Iterator[pd.DataFrame]:
        """The cross-reference table in order: groups e…, s… (sorted as they come, in parts),
        then title conflicts (t…)."""
        for part in cross_reference_parts(
            statements,
            events,
            articles,
            claims=self._claims,
            rows=self.CROSSREF_ROWS,
            statement_groups=self._statement_groups.groups(),
        ):
            yield to_frame("crossrefs", part, presorted=True)
        yield to_frame("crossrefs", title_conflicts(None, articles, claims=self._claims))

    def _stream(self, name: str, parts: Iterable[pd.DataFrame]) -> list[pd.DataFrame]:
        """Each part of table ``name`` written as it comes; the parts, when they are kept."""
        kept = []
        for part in parts:
            if self.writer is not None and len(part):
                self.writer.append(name, part)
            if self.keep:
                kept.append(part)
        return kept


def assemble_tables(results: Iterable[ArticleResult]) -> dict[str, pd.DataFrame]:
    """The tables from results in file order (duplicates rejected on the way)."""
    gatherer = TableGatherer()
    for result in results:
        gatherer.add(result)
    return gatherer.tables()


def _with_article_tone(articles: pd.DataFrame, tone_chunks: list[pd.DataFrame]) -> pd.DataFrame:
    if not tone_chunks:
        return articles
    wanted = ["polarity", "subjectivity", "tone", "n_tone_known"]
    tone = pd.concat(tone_chunks).set_index("article_id")[wanted]
    merged = articles.drop(columns=wanted).join(tone, on="article_id")
    merged["n_tone_known"] = merged["n_tone_known"].astype("Int64")
    return merged[list(articles.columns)]
