"""`marginalia adjudicate ARTICLE A B [--out FILE]`: settle two reviews into a third.

Kept out of tui/cli.py so `marginalia` starts light: textual loads only when this runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXAMPLES = """\
examples:
  marginalia adjudicate story.txt alice/ bob/          merged into story.txt.marginalia.yaml
  marginalia adjudicate story.txt a.yaml b.yaml --out merged.yaml
  marginalia story.txt --sidecar merged.yaml           the reader on the merged review

A and B are each a sidecar, an article with its sidecar, or a folder holding a review
of ARTICLE (found by the sha256 of its text, else by file name; re-anchored when the
text differs). The merged review starts with what both agree on; run it again to go
on where you stopped.

keys: J/K next/previous difference · H take A's version · L take B's · u undo ·
every reader key (1-5 verdict, t type, v select, f field...) edits the merged item
"""


def parser() -> argparse.ArgumentParser:
    from tui.cli_parsers import DEFAULT_MAX_BYTES, _max_size, _Parser

    p = _Parser(
        prog="marginalia adjudicate",
        description="Two reviews of an article side by side on each difference; settle "
        "each into a third, merged review (every step undoable and saved at once).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("article", type=Path, metavar="ARTICLE")
    p.add_argument("a", type=Path, metavar="A", help="the first review")
    p.add_argument("b", type=Path, metavar="B", help="the second review")
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="where the merged review goes (default: the article's own sidecar); "
        "read it with: marginalia ARTICLE --sidecar FILE",
    )
    p.add_argument("--theme", metavar="NAME", help="colour theme")
    p.add_argument("--config", metavar="FILE", type=Path, help="config file")
    p.add_argument(
        "--codebook", metavar="FILE", type=Path, help="event types, verdicts, entity types"
    )
    p.add_argument("--max-size", metavar="MB", type=_max_size, default=DEFAULT_MAX_BYTES)
    return p


def main(argv: Sequence[str]) -> int:
    from tui.cli import _codebook, _error
    from tui.corpus.agreement_inputs import InputError
    from tui.extract.codebook import CodebookError
    from tui.text import LoadError

    args = parser().parse_args(argv)
    if args.config is not None and not args.config.is_file():
        _error(f"{args.config}: no such config file")
        return 2
    try:
        codebook = _codebook(args.codebook)
        from tui.ui.adjudicate.app import run_adjudicate

        return run_adjudicate(
            args.article,
            args.a,
            args.b,
            out=args.out,
            theme=args.theme,
            config_path=args.config,
            codebook=codebook,
            max_bytes=args.max_size,
        )
    except (LoadError, InputError, CodebookError) as exc:
        _error(str(exc))
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
