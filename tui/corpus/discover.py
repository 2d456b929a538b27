"""Which files of a folder (or of a list of paths) are articles, and where their index lives."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from tui.text.loader import MARKDOWN_SUFFIXES

ARTICLE_SUFFIXES = frozenset({".txt", *MARKDOWN_SUFFIXES})
INDEX_FOLDER = ".marginalia"


class DiscoverError(Exception):
    """A path given by the user that is neither an article nor a folder; one line."""


def _walk(folder: Path) -> list[Path]:
    """Articles under ``folder``, recursively, skipping hidden files and folders
    (``.marginalia``, ``.git``, our temporary files) in a stable order."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                found.append(base / name)
    return found


def expand(path: Path) -> list[Path]:
    """The articles of a folder (recursively), or the path itself when it is not a folder."""
    return _walk(path) if path.is_dir() else [path]


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """The articles named by ``paths``: folders are searched, files are taken as given.

    Each article appears once, in the order given (a folder's in name order). A path that
    does not exist raises DiscoverError.
    """
    seen: set[Path] = set()
    out: list[Path] = []
    for path in paths:
        if not (path.exists() or path.is_symlink()):
            raise DiscoverError(f"{path}: no such file or folder")
        for c in expand(path):
            key = c.resolve()
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def library_root(paths: Sequence[Path]) -> Path:
    """The folder whose ``.marginalia/`` holds the index: the folder given, or the
    nearest folder holding every article given (``news/*.txt`` -> ``news``)."""
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0].resolve()
    folders = [str((p if p.is_dir() else p.parent).resolve()) for p in paths]
    if not folders:
        return Path.cwd().resolve()
    return Path(os.path.commonpath(folders))
