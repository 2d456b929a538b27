"""The `marginalia` command: open the reader, or extract headlessly.

Every user error is one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from tui.cli_parsers import EXIT_USAGE, _extract_parser, _Parser, _reader_parser
from tui.corpus.cli import run_search, search_parser
from tui.extract.codebook import Codebook, CodebookError, load_codebook
from tui.seed_article import seed_working_copy
from tui.text import LoadError, load_document
from tui.text.visible import escaped

EXIT_INTERNAL = 1


def _error(message: str) -> None:
    """One line on stderr; paths and text from input in it can hold terminal controls."""
    print(f"marginalia: {escaped(message)}", file=sys.stderr)


def _codebook(path: Path | None) -> Codebook | None:
    """The user's codebook, or None for the default; CodebookError if it is unusable."""
    return load_codebook(path) if path is not None else None


def run_extract(args: argparse.Namespace) -> int:
    from tui.corpus.cli import run_extract as run_batch

    try:
        codebook = _codebook(args.codebook)
    except CodebookError as exc:
        _error(str(exc))
        return EXIT_USAGE
    return run_batch(args, codebook)


def run_reader(args: argparse.Namespace) -> int:
    paths: list[Path] = args.path
    library = len(paths) > 1 or (len(paths) == 1 and paths[0].is_dir())
    path = paths[0] if paths else seed_working_copy()
    if not library:
        try:
            load_document(path, max_bytes=args.max_size)  # fail here in one line, not in the UI
        except LoadError as exc:
            _error(str(exc))
            return EXIT_USAGE
    problem = _sidecar_problem(args.sidecar, paths, library)
    if problem:
        _error(problem)
        return EXIT_USAGE
    if args.config is not None and not args.config.is_file():
        _error(f"{args.config}: no such config file")
        return EXIT_USAGE
    try:
        codebook = _codebook(args.codebook)
    except CodebookError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if library:
        from tui.corpus.cli import library_articles

        found = library_articles(paths)
        if isinstance(found, str):
            _error(found)
            return EXIT_USAGE
        from tui.ui.library.app import run_library

        return run_library(
            *found,
            theme=args.theme,
            config_path=args.config,
            max_bytes=args.max_size,
            auto_advance=args.auto_advance,
            codebook=codebook,
        )
    # The extractor's process starts first: it loads its models on the other core
    # while this one imports the UI and draws the text (it is told to stop if the
    # sidecar already holds everything).
    from tui.ui.extraction import ProcessExtraction

    extraction = ProcessExtraction(codebook)
    from tui.ui.app import run_reader as run_app

    try:
        return run_app(
            path,
            theme=args.theme,
            config_path=args.config,
            max_bytes=args.max_size,
            auto_advance=args.auto_advance,
            codebook=codebook,
            extraction=extraction,
            sidecar=args.sidecar,
        )
    finally:
        extraction.cancel()


def _sidecar_problem(side: Path | None, paths: list[Path], library: bool) -> str | None:
    """Why ``--sidecar FILE`` cannot be used with these paths, if it cannot."""
    if side is None:
        return None
    if library or not paths:
        return "--sidecar goes with one article: marginalia ARTICLE --sidecar FILE"
    if side.is_dir():
        return f"{side}: a folder; --sidecar wants a file"
    if not side.parent.is_dir():
        return f"{side}: no such folder to keep it in"
    return None


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] == "extract":
        return run_extract(_extract_parser().parse_args(argv[1:]))
    if argv and argv[0] in ("export", "import"):
        from tui import interchange_cli  # formats load only when asked for

        return interchange_cli.main(argv)
    if argv and argv[0] == "search":
        return run_search(search_parser(_Parser).parse_args(argv[1:]))
    if argv and argv[0] == "adjudicate":
        from tui.cli_adjudicate import main as adjudicate

        return adjudicate(argv[1:])
    if argv and argv[0] == "agree":
        from tui.cli_agree import main as agree

        return agree(argv[1:])
    code = run_reader(_reader_parser().parse_args(argv))
    _READER_CLOSED.append(True)
    return code


_READER_CLOSED: list[bool] = []  # the reader ran and closed: everything is saved


def entry() -> NoReturn:
    """The ``marginalia`` command: :func:`main`, then out.

    After the reader (every annotation saved, the terminal given back) the process
    leaves at once instead of letting Python free a long article's objects one by one
    (2.7 s for 1 MB: a SIGHUP must end it within a second). Not while a thread that
    may still be writing is alive, nor after other commands.
    """
    import threading

    code = main()
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if _READER_CLOSED and not any(t.is_alive() and not t.daemon for t in others):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # closed or broken: nothing to say
                stream.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except SystemExit as exc:
        # argparse exits for --help, --version and usage errors; main() returns the
        # status instead, so it runs the same in-process (tests, scripts) as from a shell
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(escaped(str(exc.code)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `marginalia extract ... | head`: the reader went away; that is not an error.
        # Point stdout at /dev/null so the interpreter's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
