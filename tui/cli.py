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
from typing import Any, NoReturn

from tui import __version__
from tui.corpus.cli import add_batch_options, run_search, search_parser
from tui.extract.codebook import Codebook, CodebookError, load_codebook
from tui.model import Annotations, Ref, Span
from tui.text import DEFAULT_MAX_BYTES, Document, LoadError, load_document
from tui.text.visible import escaped

EXIT_USAGE = 2
EXIT_INTERNAL = 1

READER_EXAMPLES = """\
examples:
  marginalia                          open the bundled seed article
  marginalia story.txt                read and review story.txt (annotations go to
                                      story.txt.marginalia.yaml beside it)
  marginalia news/                    the library: every article of news/, their review
                                      progress, search (ctrl+f); enter opens one
  marginalia --theme light notes.md   a Markdown article with the light theme
  marginalia extract a.txt b.txt      one JSON line of entities, claims, events per file
  marginalia extract a.txt --format yaml > a.txt.marginalia.yaml
  marginalia export news/ --format brat -o out/   also w3c, jsonl, doccano, acled,
                                      claimreview, conll (marginalia export --help)
  marginalia import story.txt --from brat story.ann   annotations made elsewhere
  marginalia agree alice/ bob/        how far two reviewers agree (see agree --help)
  marginalia adjudicate story.txt alice/ bob/   settle their differences into a merged review
  marginalia story.txt --sidecar merged.yaml   read and review with the annotations kept in
                                      merged.yaml (e.g. written by adjudicate --out)

keys in the reader: J/K claims, ]/[ events, e/E entities, / search, ? help, q quit
"""

EXTRACT_EXAMPLES = """\
examples:
  marginalia extract seeds/aleppo.txt
  marginalia extract news/ --write --jobs 4     fill or refresh every sidecar in news/
  marginalia extract news/ --write --dask tcp://scheduler:8786
  marginalia extract news/*.txt | jq -c '.claims[] | {cue: .cue.text, source: .source.text}'
  marginalia extract story.md --format yaml
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not the usage block plus a line."""

    def error(self, message: str) -> NoReturn:
        # the message quotes what was typed: control characters shown, never sent
        self.exit(EXIT_USAGE, f"{self.prog}: {escaped(message)} (see {self.prog} --help)\n")


def _max_size(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--max-size wants megabytes, got {value!r}") from None
    if not mb > 0:
        raise argparse.ArgumentTypeError("--max-size must be more than 0")
    return int(mb * 1024 * 1024)


def _reader_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="marginalia",
        description="A keyboard-driven terminal reader for news: entities, claims and events, "
        "reviewed claim by claim into a YAML file beside the article.",
        epilog=READER_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "path",
        nargs="*",
        type=Path,
        help="article (.txt or .md); a folder or several articles open the library; "
        "default: the bundled seed",
    )
    p.add_argument(
        "--theme", metavar="NAME", help="colour theme (dark, light, high-contrast, okabe-ito, ...)"
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="config file (default: ~/.config/marginalia/config.yaml)",
    )
    p.add_argument(
        "--max-size",
        metavar="MB",
        type=_max_size,
        default=DEFAULT_MAX_BYTES,
        help="refuse larger articles (default 20)",
    )
    p.add_argument(
        "--auto-advance",
        action="store_true",
        help="after a verdict, go to the next unreviewed claim",
    )
    p.add_argument(
        "--codebook",
        metavar="FILE",
        type=Path,
        help="event types, verdicts, entity types (YAML; default: the bundled ACLED one)",
    )
    p.add_argument(
        "--sidecar",
        metavar="FILE",
        type=Path,
        help="keep the article's annotations in FILE instead of ARTICLE.marginalia.yaml "
        "beside it (a merged review from adjudicate --out, a second reviewer's own file)",
    )
    p.add_argument("--version", action="version", version=f"marginalia {__version__}")
    return p


def _extract_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="marginalia extract",
        description="Extract entities, claims and events without the reader: one JSON object "
        "per file, one per line (or the sidecar YAML).",
        epilog=EXTRACT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="articles (.txt or .md) or folders"
    )
    p.add_argument(
        "--format", choices=("json", "yaml"), default="json", help="output format (default json)"
    )
    p.add_argument(
        "--codebook",
        metavar="FILE",
        type=Path,
        help="event types, verdicts, entity types (YAML; default: the bundled ACLED one)",
    )
    p.add_argument(
        "--max-size",
        metavar="MB",
        type=_max_size,
        default=DEFAULT_MAX_BYTES,
        help="refuse larger articles (default 20)",
    )
    add_batch_options(p)
    return p


# ------------------------------------------------------------------ headless output


def _span_json(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _ref_json(r: Ref, ann: Annotations) -> dict[str, Any]:
    d = _span_json(r.span)
    entity = ann.entity(r.entity)
    d["entity"] = r.entity
    d["name"] = entity.name if entity else None
    return d


def document_json(doc: Document, ann: Annotations, path: Path) -> dict[str, Any]:
    """The headless form of DESIGN.md (field names are stable; fields may be added)."""
    names = {e.id: e for e in ann.entities}
    entities = []
    for m in ann.mentions:
        e = names.get(m.entity)
        d = {
            "id": m.id,
            "type": m.type,
            **_span_json(m.span),
            "entity": m.entity,
            "name": e.name if e else None,
        }
        d["status"] = m.status
        d["confidence"] = round(m.confidence, 3)
        if m.estimate is not None:
            d["estimate"] = m.estimate
        entities.append(d)
    claims = [
        {
            "id": c.id,
            "kind": c.kind,
            "source": _ref_json(c.source, ann) if c.source is not None else None,
            "cue": _span_json(c.cue),
            "content": [_span_json(s) for s in c.content],
            "hedges": [_span_json(s) for s in c.hedges],
            "status": c.status,
            "verdict": c.review.verdict,
        }
        for c in ann.claims
    ]
    events = []
    for ev in ann.events:
        fat = None
        if ev.fatalities is not None:
            fat = {**_span_json(ev.fatalities.span), "estimate": ev.fatalities.estimate}
        events.append(
            {
                "id": ev.id,
                "type": ev.type,
                "subtype": ev.subtype,
                "trigger": _span_json(ev.trigger),
                # every span reporting the event, the trigger among them, in text order
                "mentions": [_span_json(s) for s in ev.trigger_spans],
                "actors": [_ref_json(r, ann) for r in ev.actors],
                "targets": [_ref_json(r, ann) for r in ev.targets],
                "location": [_ref_json(r, ann) for r in ev.location],
                "time": [_ref_json(r, ann) for r in ev.time],
                "fatalities": fat,
                "claim": ev.claim,
                "status": ev.status,
                "confidence": round(ev.confidence, 3),
            }
        )
    return {
        "path": str(path),
        "sha256": doc.sha256,
        "text_length": len(doc.text),
        "format": doc.format,
        "encoding": doc.encoding,
        "title": doc.title,
        "notices": list(doc.notices),
        "entities": entities,
        "claims": claims,
        "events": events,
    }


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


def bundled_seed() -> Path:
    """The seed article shipped with the package (or in the source checkout)."""
    from importlib import resources

    try:
        seed = resources.files("tui.seeds").joinpath("aleppo.txt")
        if seed.is_file():
            return Path(str(seed))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "seeds" / "aleppo.txt"


def seed_working_copy() -> Path:
    """The seed article copied to the user's data folder, so reviewing it writes the
    sidecar there, never into the installed package or the source checkout."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    copy = base / "marginalia" / "seeds" / "aleppo.txt"
    try:
        if not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(bundled_seed().read_bytes())
        return copy
    except OSError:
        return bundled_seed()  # read-only home: read the packaged copy


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
