"""Command line: ``python -m newsframe build [INPUT_DIR] [--out OUT_DIR]`` and friends."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsframe.config import DATA_DIR, SEEDS_DIR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsframe",
        description="Turn news articles into tables of statements, events, frames and tone.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="articles in INPUT_DIR → tables in OUT_DIR",
        description="Read every article in INPUT_DIR (and INPUT_DIR/manifest.csv when present) "
        "and write articles, sentences, statements, events, frames and crossrefs tables. "
        "Bad files become 'rejected' rows with a reason; the output folder is replaced "
        "atomically.",
    )
    build.add_argument(
        "input_dir", nargs="?", type=Path, default=SEEDS_DIR, help=f"default: {SEEDS_DIR}"
    )
    build.add_argument("--out", type=Path, default=DATA_DIR, help=f"default: {DATA_DIR}")
    build.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: all cores)"
    )
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool on this machine (default); dask: a Dask cluster",
    )
    build.add_argument(
        "--scheduler",
        default=None,
        help="with --engine dask: the scheduler address (tcp://host:8786); default: a local "
        "cluster of --jobs workers",
    )
    build.add_argument(
        "--format",
        dest="table_format",
        choices=("csv", "parquet"),
        default="csv",
        help="table files: csv (default) or parquet for large outputs",
    )
    run = commands.add_parser(
        "notebooks",
        help="re-execute notebooks in place (optionally on another corpus)",
        description="Execute each notebook top to bottom and save its outputs. With --input "
        "other than seeds/, the input folder is passed to the notebooks' parameters cell.",
    )
    run.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/[0-9]*.ipynb")
    run.add_argument("--input", type=Path, default=SEEDS_DIR, help="the corpus folder")
    # `--help` shows every subcommand with its options, not just their names.
    parser.epilog = "\n".join(
        f"--- {name} ---\n{sub.format_help()}" for name, sub in commands.choices.items()
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build":
        from newsframe.build import build

        try:
            report = build(
                args.input_dir,
                args.out,
                jobs=args.jobs,
                progress=not args.quiet,
                engine=args.engine,
                scheduler=args.scheduler,
                table_format=args.table_format,
                keep_tables=False,  # stream the tables to disk: memory stays flat
            )
        except FileNotFoundError as error:
            print(f"newsframe: error: {error}", file=sys.stderr)
            return 2
        articles = report.tables["articles"]
        ok = int((articles["status"] == "ok").sum())
        print(
            f"newsframe: built {args.out} from {len(articles)} file(s): {ok} article(s), "
            f"{len(articles) - ok} rejected, {report.row_counts['sentences']} sentences",
            file=sys.stderr,
        )
        return 0
    if args.command == "notebooks":
        from newsframe.config import NOTEBOOKS_DIR
        from newsframe.notebooks import run_notebooks

        paths = args.notebooks or sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))
        parameters = {}
        if args.input.resolve() != SEEDS_DIR.resolve():
            parameters["input_dir"] = str(args.input.resolve())
        run_notebooks(paths, parameters)
        return 0
    parser.print_help()
    return 0 if args.command is None else 2


def _exit(code: int, argv: list[str]) -> None:
    """Leave with ``code``. After a build every table is written, closed and swapped in:
    tearing down pandas, Arrow and the build's objects (0.1 s) would serve nothing, so the
    process ends at once. Other commands (notebooks shut kernels down at exit) end normally."""
    if code == 0 and argv[:1] == ["build"]:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    _exit(main(), sys.argv[1:])
