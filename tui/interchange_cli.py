"""`marginalia export` and `marginalia import`: a review out to other tools' formats, and back.

Format modules (tui/store/formats/) are imported only when their format is used.
Every user error is one line on stderr and exit status 2; an import that fails
leaves the sidecar exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TextIO

from tui.extract.codebook import Codebook, CodebookError, default_codebook, load_codebook
from tui.text import DEFAULT_MAX_BYTES
from tui.text.visible import escaped

EXIT_USAGE = 2
FOLDER_FORMATS = ("brat",)  # and w3c without --jsonl
FORMATS = ("brat", "w3c", "jsonl", "doccano", "acled", "claimreview", "conll")
IMPORT_FORMATS = ("brat", "jsonl", "doccano", "w3c")

EXPORT_EXAMPLES = """\
examples:
  marginalia export news/ --format brat -o brat-out/     open brat-out/ in brat as it is
  marginalia export a.txt b.txt --format jsonl > train.jsonl
  marginalia export news/ --format acled --status accepted -o events.csv
  marginalia export story.txt --format claimreview --html > story.claims.html
  marginalia export news/ --format w3c --jsonl > annotations.jsonl

--status: accepted (accepted items only), reviewed (accepted, or with a verdict or
note), all (rejected suggestions too); default: everything not rejected.
"""

IMPORT_EXAMPLES = """\
examples:
  marginalia import story.txt --from brat brat-out/story.ann
  marginalia import story.txt --from jsonl predictions.jsonl --as suggested
  marginalia import story.txt --from w3c annotations.jsonld --as accepted

The annotations enter story.txt's sidecar as one step (u in the reader undoes it);
accepted or rejected items there are never changed. Spans are placed by offset when
the text matches, else by their quote and context; what cannot be placed is kept
and listed under "needs attention" (!).
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {escaped(message)} (see {self.prog} --help)\n")


def _max_size(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--max-size wants megabytes, got {value!r}") from None
    if not mb > 0:
        raise argparse.ArgumentTypeError("--max-size must be more than 0")
    return int(mb * 1024 * 1024)


def _common(p: argparse.ArgumentParser) -> None:
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


def export_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="marginalia export",
        description="Export reviewed articles (their sidecars, placed as the reader places "
        "them) to another tool's format.",
        epilog=EXPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="articles or folders")
    p.add_argument("--format", required=True, choices=FORMATS, help="the format to write")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=Path,
        help="a folder (brat; w3c without --jsonl) or a file (default: stdout)",
    )
    p.add_argument(
        "--status",
        choices=("accepted", "reviewed", "all"),
        default="default",
        help="which items (default: everything not rejected)",
    )
    p.add_argument("--jsonl", action="store_true", help="w3c: one annotation per line")
    p.add_argument("--relations", action="store_true", help="doccano: the relation form")
    p.add_argument("--html", action="store_true", help="claimreview: an HTML page")
    p.add_argument("--publisher", metavar="NAME", help="claimreview: who publishes the review")
    p.add_argument("--url", metavar="URL", help="claimreview / w3c: the base url of the reviews")
    p.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="config file (default: ~/.config/marginalia/config.yaml)",
    )
    _common(p)
    return p


def import_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="marginalia import",
        description="Import annotations made elsewhere into an article's sidecar.",
        epilog=IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("article", type=Path, metavar="ARTICLE", help="the article (.txt or .md)")
    p.add_argument(
        "--from", dest="source", required=True, choices=IMPORT_FORMATS, help="the file's format"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    p.add_argument(
        "--as",
        dest="status",
        choices=("suggested", "accepted"),
        default="suggested",
        help="status of items the file gives none (default: suggested)",
    )
    p.add_argument("--reviewer", metavar="NAME", help="who is importing (default: your login)")
    _common(p)
    return p


def _error(message: str) -> None:
    print(f"marginalia: {escaped(message)}", file=sys.stderr)  # paths can hold controls


def _note(message: str) -> None:
    _error(f"note: {message}")


def _codebook(path: Path | None) -> Codebook:
    return load_codebook(path) if path is not None else default_codebook()


# ------------------------------------------------------------------ export


@dataclass
class _Run:
    """One export's inputs, and what happened to them."""

    args: argparse.Namespace
    codebook: Codebook
    failed: int = 0
    exported: int = 0
    publisher: Any = None

    def articles(self) -> Iterator[Any]:
        """Each article in turn, loaded only when its turn comes (memory stays flat)."""
        from tui.store.formats.source import SourceError, article_paths, load_article

        for path in article_paths(self.args.paths):
            try:
                article = load_article(path, self.args.status, max_bytes=self.args.max_size)
            except SourceError as exc:
                _error(str(exc))
                self.failed += 1
                continue
            for notice in article.notices:
                _note(notice)
            self.exported += 1
            yield article


def _config(path: Path | None) -> dict[str, Any]:
    """The ``publisher`` section of the user's config ({} when there is none)."""
    import yaml

    if path is None:
        base = os.environ.get("XDG_CONFIG_HOME") or ""
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
        path = root / "marginalia" / "config.yaml"
        if not path.is_file():
            return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the config ({type(exc).__name__})") from None
    publisher = data.get("publisher") if isinstance(data, dict) else None
    if publisher is None:
        return {}
    if not isinstance(publisher, dict):
        raise ValueError(f"{path}: publisher: expected a mapping with name and url")
    return {str(k): str(v) for k, v in publisher.items() if v is not None}


def _publisher(args: argparse.Namespace) -> Any:
    """Who publishes the reviews, from the options or the config's ``publisher`` section."""
    from tui.store.formats.claimreview import Publisher

    conf = _config(args.config)
    url = args.url or conf.get("url", "")
    if not url:
        raise ValueError(
            "claimreview needs the url where the reviews are published (Google requires it):"
            " give --url, or publisher: {name: ..., url: ...} in the config"
        )
    return Publisher(url, args.publisher or conf.get("name", ""))


def _stream(run: _Run, out: TextIO) -> None:
    fmt = run.args.format
    articles = run.articles()
    if fmt == "jsonl":
        from tui.store.formats import jsonl

        jsonl.write(articles, out, _note)
    elif fmt == "doccano":
        from tui.store.formats import doccano

        doccano.write(articles, out, _note, relations=run.args.relations)
    elif fmt == "conll":
        from tui.store.formats import conll

        conll.write(articles, out, _note)
    elif fmt == "acled":
        from tui.store.formats import acled

        acled.write(articles, out, _note)
    elif fmt == "claimreview":
        from tui.store.formats import claimreview

        claimreview.write(
            articles,
            out,
            _note,
            codebook=run.codebook,
            publisher=run.publisher,
            as_html=run.args.html,
        )
    elif fmt == "w3c":
        from tui.store.formats import w3c

        w3c.write_jsonl(articles, out, _note)
    else:  # pragma: no cover - every stream format is dispatched above
        raise AssertionError(fmt)


def run_export(args: argparse.Namespace) -> int:
    try:
        run = _Run(args, _codebook(args.codebook))
        if args.format == "claimreview":
            run.publisher = _publisher(args)
    except (CodebookError, ValueError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    folder = args.format in FOLDER_FORMATS or (args.format == "w3c" and not args.jsonl)
    if folder:
        if args.output is None:
            _error(f"export --format {args.format} writes a folder: give it with -o OUT")
            return EXIT_USAGE
        if args.output.exists() and not args.output.is_dir():
            _error(f"{args.output}: exists and is not a folder")
            return EXIT_USAGE
        if args.format == "brat":
            from tui.store.formats import brat

            brat.write_folder(run.articles(), args.output, run.codebook)
        else:
            from tui.store.formats import w3c

            w3c.write_folder(run.articles(), args.output, args.url)
    elif args.output is not None:
        if args.output.is_dir():
            _error(f"{args.output}: is a folder; --format {args.format} writes one file")
            return EXIT_USAGE
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            _stream(run, out)
    else:
        _stream(run, sys.stdout)
        sys.stdout.flush()
    where = f" to {args.output}" if args.output is not None else ""
    _error(f"exported {run.exported} article{'s' if run.exported != 1 else ''}{where}")
    return EXIT_USAGE if run.failed else 0


# ------------------------------------------------------------------ import


def _read(args: argparse.Namespace, document: Any, codebook: Codebook) -> Any:
    """The file's annotations for the article (FormatError on bad input)."""
    text = document.text
    if args.source == "brat":
        from tui.store.formats.brat_read import read_brat

        return read_brat(args.file, text, codebook, args.status)
    if args.source == "jsonl":
        from tui.store.formats.jsonl import read_jsonl

        return read_jsonl(args.file, args.article, text, codebook, args.status)
    if args.source == "doccano":
        from tui.store.formats.doccano import read_doccano

        return read_doccano(args.file, args.article, text, codebook, args.status)
    if args.source == "w3c":
        from tui.store.formats.w3c_read import read_w3c

        return read_w3c(
            args.file, args.article, text, codebook, args.status, url=document.meta.get("url")
        )
    raise AssertionError(args.source)


def _quote(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def _print_report(session: Any, report: Any) -> None:
    from tui.model import Claim, Event, Mention

    def where(item: Any) -> str:
        if isinstance(item, Mention):
            return f"{item.type} {_quote(item.span.text)} [{item.span.start}, {item.span.end})"
        if isinstance(item, Claim):
            return f"claim {_quote(item.cue.text)} [{item.cue.start}, {item.cue.end})"
        if isinstance(item, Event):
            return f"{item.subtype} {_quote(item.trigger.text)} [{item.start}, {item.trigger.end})"
        return str(item)

    out = sys.stdout
    for label, ids in (("added", report.added), ("replaced", report.replaced)):
        kinds: dict[str, int] = {}
        for item_id in ids:
            item = session.item(item_id)
            name = type(item).__name__.lower() if item is not None else "item"
            kinds[name] = kinds.get(name, 0) + 1
        if ids:
            parts = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in sorted(kinds.items()))
            out.write(f"{label}: {parts}\n")
    for item_id in report.moved:
        out.write(f"moved: {item_id} {where(session.item(item_id))}\n")
    for item_id in report.orphaned:
        out.write(f"orphaned: {item_id} {where(session.item(item_id))} (see '!' in the reader)\n")
    for item_id in report.kept:
        out.write(f"left as it was: {item_id} {where(session.item(item_id))}\n")
    for line in report.skipped:
        out.write(f"not imported: {line}\n")
    out.write(report.summary() + "\n")


def run_import(args: argparse.Namespace) -> int:
    from tui.review import ReviewSession
    from tui.store.formats.incoming import FormatError
    from tui.text import LoadError

    try:
        codebook = _codebook(args.codebook)
        session = ReviewSession.open(
            args.article, max_bytes=args.max_size, reviewer=args.reviewer or "", codebook=codebook
        )
    except (CodebookError, LoadError) as exc:
        _error(f"{args.article}: {exc}" if isinstance(exc, LoadError) else str(exc))
        return EXIT_USAGE
    if session.read_only:
        _error(f"{args.article}: not importing: {session.read_only}")
        return EXIT_USAGE
    try:
        incoming = _read(args, session.document, codebook)
    except FormatError as exc:
        _error(str(exc))
        return EXIT_USAGE
    report = session.import_annotations(incoming)
    if not session.save():
        _error(f"{session.sidecar_path}: could not save ({session.save_state})")
        return 1
    _print_report(session, report)
    return 0


def main(argv: Sequence[str]) -> int:
    """``argv`` starts with 'export' or 'import'."""
    if argv[0] == "export":
        return run_export(export_parser().parse_args(argv[1:]))
    return run_import(import_parser().parse_args(argv[1:]))
