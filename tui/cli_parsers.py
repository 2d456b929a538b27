"""The `marginalia` command's argument parsers: the reader's and `extract`'s, with their
examples, and the one-line usage error every subcommand shares."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from tui import __version__
from tui.corpus.cli import add_batch_options
from tui.text import DEFAULT_MAX_BYTES
from tui.text.visible import escaped

EXIT_USAGE = 2

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
