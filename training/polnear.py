"""PolNeAR (brat standoff) attributions, read at training or evaluation time.

An attribution is an ``E`` line joining a Cue, a Content (one or more T lines, each
possibly discontinuous) and, unless it is ``Attribution-no-source``, a Source. Offsets
are character offsets into the article's .txt, end exclusive. Nothing here is copied
into the project: the files are read from ``../shared`` (or ``--data``) when run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

Frag = tuple[int, int]
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
TRAIN_DIR = SHARED / "train" / "claims" / "polnear_train"
DEV_DIR = SHARED / "eval" / "claims" / "polnear_dev"


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold attribution: its cue, content and source fragments (source may be empty)."""

    cue: tuple[Frag, ...]
    content: tuple[Frag, ...]
    source: tuple[Frag, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and the attributions of each of its annotation files."""

    name: str
    text: str
    annotations: tuple[tuple[Gold, ...], ...]  # one tuple per .ann file, sorted by name

    @property
    def golds(self) -> tuple[Gold, ...]:
        """The first annotator's attributions (training uses one view per article)."""
        return self.annotations[0] if self.annotations else ()


def parse_ann(text: str) -> tuple[Gold, ...]:
    """The attributions of one .ann file's contents."""
    spans: dict[str, list[Frag]] = {}
    events: list[dict[str, list[str]]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            frags = []
            for piece in offsets.split(";"):
                s, e = piece.split()
                frags.append((int(s), int(e)))
            spans[parts[0]] = frags
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in parts[1].split()[1:]:
                role, _, ref = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)].append(ref)
            events.append(roles)
    out = []
    for roles in events:

        def frags(role: str, roles: dict[str, list[str]] = roles) -> tuple[Frag, ...]:
            return tuple(sorted(f for r in roles.get(role, []) for f in spans.get(r, [])))

        out.append(Gold(frags("Cue"), frags("Content"), frags("Source")))
    return tuple(out)


def read_articles(folder: Path) -> list[Article]:
    """Every article of a PolNeAR split folder (``text/`` and ``attributions/``), by name."""
    texts = sorted((folder / "text").glob("*.txt"))
    if not texts:
        raise FileNotFoundError(f"no PolNeAR articles under {folder}")
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_stem[ann.name.rsplit("_", 1)[0]].append(ann)
    out = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        anns = tuple(parse_ann(a.read_text(encoding="utf-8")) for a in by_stem.get(path.stem, []))
        out.append(Article(path.stem, text, anns))
    return out
