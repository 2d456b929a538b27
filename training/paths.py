"""Where training and evaluation data live: ``../shared`` beside the checkout.

Every script takes ``--data DIR`` (training corpora) and ``--eval DIR`` (development
splits) to point elsewhere; nothing names an absolute machine path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
TRAIN_DIR = SHARED / "train"
EVAL_DIR = SHARED / "eval"


def add_data_options(ap: argparse.ArgumentParser, train: bool = True, dev: bool = True) -> None:
    """``--data`` (training corpora) and/or ``--eval`` (dev splits) with their defaults."""
    if train:
        ap.add_argument(
            "--data",
            type=Path,
            default=TRAIN_DIR,
            help="training corpora (default: ../shared/train beside the checkout)",
        )
    if dev:
        ap.add_argument(
            "--eval",
            type=Path,
            default=EVAL_DIR,
            help="development splits (default: ../shared/eval beside the checkout)",
        )


def need(path: Path) -> Path:
    """``path``, or a one-line error and exit status 2 when it is not there."""
    if not path.exists():
        print(f"error: {path} not found (see --data / --eval)", file=sys.stderr)
        raise SystemExit(2)
    return path
