"""Which files of a folder (or of a list of paths) are articles, and where their index lives."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from tui.text.folders import articles_in

INDEX_FOLDER = ".marginalia"


class DiscoverError(Exception):
    """A path given by the user that is neither an article nor a folder; one line."""


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """The articles named by ``paths``: folders are searched, files are taken as given.

    Each article appears once, in the order given (a folder's in name order). A path that
    does not exist raises DiscoverError.
    """
    seen: set[str] = set()
    folders: dict[str, str] = {}  # each folder resolved once, not each file
    out: list[Path] = []
    for path in paths:
        if not (path.exists() or path.is_symlink()):
            raise DiscoverError(f"{path}: no such file or folder")
        for c in articles_in(path):
            parent, name = os.path.split(os.fspath(c))
            real = folders.get(parent)
            if real is None:
                real = folders[parent] = os.path.realpath(parent or ".")
            key = os.path.join(real, name)
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
