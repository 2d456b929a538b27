"""The corpus subcommands: ``marginalia search`` and the batch parts of ``marginalia extract``.

Imported by ``tui.cli`` on every start, so only argparse at import time; the index, the
extractor and the process pool are imported when a command runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

EXIT_USAGE = 2
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130

SEARCH_EXAMPLES = """\
examples:
  marginalia search news/ aleppo
  marginalia search news/ 'source:"Syrian Observatory" verdict:false'
  marginalia search news/ 'type:"Air/drone strike" place:Aleppo'
  marginalia search news/ 'entity:HTS unreviewed' --format json | jq .path

fields: source: cue: content: type: actor: place: entity: verdict: note: text: kind:
(claim, event, entity, text); the word `unreviewed` keeps only what still needs a
review. Words and phrases ("...") must all match; word* matches a prefix.
"""


def _error(message: str) -> None:
    from tui.corpus.visible import visible

    print(f"marginalia: {visible(message)}", file=sys.stderr)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs wants a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return n


def add_batch_options(p: argparse.ArgumentParser) -> None:
    """The batch options of ``marginalia extract``."""
    p.add_argument(
        "--write",
        action="store_true",
        help="fill or refresh each article's sidecar instead of printing (reviewed and "
        "rejected items never change; articles whose sidecar is current are skipped)",
    )
    p.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=_jobs,
        default=None,
        help="extract in N processes (default: all cores)",
    )
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster (tcp://host:8786); needs marginalia[dask] here and on "
        "the workers",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="extract again: even current sidecars (with --write), and not from the cache",
    )


def run_extract(args: argparse.Namespace, codebook: Any) -> int:
    """``marginalia extract``: JSON or YAML on stdout, or (--write) sidecars, in parallel."""
    from tui.corpus.dask_runner import BatchError
    from tui.corpus.discover import library_root
    from tui.corpus.ledger import Ledger
    from tui.corpus.runner import Batch, BatchOptions, default_jobs
    from tui.text.folders import articles_in

    paths: list[Path] = []
    for given in args.paths:
        found = articles_in(given)
        if not found:
            _error(f"{given}: no articles (.txt, .md) in this folder")
            return EXIT_USAGE
        paths.extend(found)
    options = BatchOptions(
        mode="write" if args.write else args.format,
        jobs=args.jobs or default_jobs(),
        dask=args.dask,
        codebook=codebook,
        max_bytes=args.max_size,
        force=args.force,
        cache=_extraction_cache(),
    )
    index = None
    if args.write:
        from tui.corpus.index import CorpusIndex

        index = CorpusIndex.open(library_root(args.paths))
    try:
        tally = Batch(paths, options, ledger=Ledger(index)).run()
    except BatchError as exc:
        _error(str(exc))
        return EXIT_USAGE
    finally:
        if index is not None:
            index.close()
    if tally.interrupted:
        _error(f"interrupted: {tally.summary()}; run the same command again to go on")
        return EXIT_INTERRUPTED
    if args.write:
        if tally.failed:
            _error(f"{tally.summary()} (failures listed above)")
            return EXIT_FAILED
        if sys.stderr.isatty():
            _error(tally.summary())
        return 0
    if tally.load_errors:
        return EXIT_USAGE
    return EXIT_FAILED if tally.failed else 0


def _extraction_cache() -> tuple[str, int] | None:
    """Where the config (its ``cache`` setting) keeps extractions: folder and size limit."""
    from tui.cache.extractions import settings_in_file

    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    settings, problems = settings_in_file(root / "marginalia" / "config.yaml")
    for problem in problems:
        _error(f"config: {problem}")
    cache = settings.open()
    return (str(cache.folder), cache.max_bytes) if cache is not None else None


# ---------------------------------------------------------------------- library


def library_articles(paths: list[Path]) -> tuple[Path, list[Path]] | str:
    """The library's folder and its articles, or a one-line reason why there are none."""
    from tui.corpus.discover import DiscoverError, find_articles, library_root

    try:
        articles = find_articles(paths)
    except DiscoverError as exc:
        return str(exc)
    if not articles:
        return f"{paths[0]}: no articles (.txt, .md) in this folder"
    return library_root(paths), articles


# ---------------------------------------------------------------------- search


def search_parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    p = parser_class(
        prog="marginalia search",
        description="Search every article of a folder: their texts and annotations.",
        epilog=SEARCH_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="the library's folder")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words, phrases and field:value")
    p.add_argument(
        "--format", choices=("table", "json"), default="table", help="output (default table)"
    )
    p.add_argument(
        "--limit", type=_jobs, default=100, metavar="N", help="at most N results (default 100)"
    )
    return p


def run_search(args: argparse.Namespace) -> int:
    from tui.corpus.discover import find_articles
    from tui.corpus.index import CorpusIndex
    from tui.corpus.progress import BatchProgress
    from tui.corpus.query import QueryError, parse_query
    from tui.corpus.search import search

    folder: Path = args.folder
    if not folder.is_dir():
        _error(f"{folder}: not a folder" if folder.exists() else f"{folder}: no such folder")
        return EXIT_USAGE
    try:
        query = parse_query(" ".join(args.query))
    except QueryError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if query.empty:
        _error("the query has no words or fields to search for")
        return EXIT_USAGE
    articles = find_articles([folder])
    with CorpusIndex.open(folder) as index:
        for note in index.notes.messages:
            _error(f"note: {note}")
        with BatchProgress(len(articles), label="indexing") as progress:
            index.refresh(articles, progress=lambda done, total: progress.reached(done, total))
        result = search(index, query, limit=args.limit)
    if args.format == "json":
        for h in result.hits:
            record = {
                "path": str(folder / h.path),
                "title": h.title,
                "kind": h.kind,
                "item": h.item or None,
                "start": h.start,
                "label": h.label,
                "sentence": h.sentence,
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        _print_table(result, folder)
    if result.more:
        _error(f"more than {args.limit} results: narrow the query or raise --limit")
    if result.unannotated:
        _error(f"note: {result.unannotated_note().replace('DIR', shlex.quote(str(folder)))}")
    return 0


def _print_table(result: Any, folder: Path) -> None:
    from tui.corpus.visible import visible

    if not sys.stdout.isatty():
        for h in result.hits:
            cells = (str(folder / h.path), h.item or "text", h.label, h.sentence)
            sys.stdout.write("\t".join(visible(c).replace("\t", " ") for c in cells) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=True)
    for name, ratio in (("article", 2), ("item", 1), ("what", 3), ("sentence", 5)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for h in result.hits:
        table.add_row(
            Text(visible(h.path)),
            Text(h.item or "text"),
            Text(visible(h.label)),
            Text(visible(h.sentence)),
        )
    console = Console(highlight=False, markup=False)
    console.print(table)
    console.print(Text(f"{len(result.hits)} result{'s' * (len(result.hits) != 1)}"))
