"""The user's config file: theme, keymap, measure, reviewer, min_confidence, cache.

``$XDG_CONFIG_HOME/marginalia/config.yaml`` (default ``~/.config``). Unknown keys
and bad values are collected into one notice for the user, never silently ignored;
a bad value falls back to the default and the rest of the file still applies.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tui.cache.extractions import CacheSettings, parse_settings
from tui.config_keys import CONFIG_KEYS
from tui.data import parse_yaml
from tui.ui.keymap import BINDING_IDS

# Every key some command reads (``publisher``: ``marginalia export``): only others are unknown.
KNOWN_KEYS = tuple(CONFIG_KEYS)
MIN_MEASURE, MAX_MEASURE = 30, 400


@dataclass(frozen=True, slots=True)
class Config:
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    measure: int = 100
    reviewer: str = ""
    # Suggestions the extractor is less sure of than this (0..1) are hidden; items a
    # reviewer made or judged always show.
    min_confidence: float = 0.0
    path: Path | None = None
    problems: tuple[str, ...] = ()
    # Where the extractor's suggestions are kept between openings (tui.cache.extractions).
    cache: CacheSettings = field(default_factory=CacheSettings)

    @property
    def notice(self) -> str | None:
        """All problems in one line, or None."""
        if not self.problems:
            return None
        where = self.path.name if self.path else "config"
        return f"{where}: " + "; ".join(self.problems)


def default_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "marginalia" / "config.yaml"


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (default: the XDG location); a missing default file is fine."""
    explicit = path is not None
    path = path or default_config_path()
    try:
        raw_text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            return Config(path=path, problems=("file not found",))
        return Config(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        return Config(path=path, problems=(f"cannot read it ({exc.__class__.__name__})",))
    try:
        data = parse_yaml(raw_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        return Config(path=path, problems=(f"not valid YAML{where}; using defaults",))
    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        return Config(path=path, problems=("expected a mapping of settings; using defaults",))
    return parse_config(data, path)


def parse_config(data: dict, path: Path | None = None) -> Config:
    problems: list[str] = []
    unknown = [str(k) for k in data if k not in KNOWN_KEYS]
    if unknown:
        problems.append("unknown key" + ("s " if len(unknown) > 1 else " ") + ", ".join(unknown))
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("theme must be a name")
        theme = None
    measure = data.get("measure", 100)
    if (
        isinstance(measure, bool)
        or not isinstance(measure, int)
        or not MIN_MEASURE <= measure <= MAX_MEASURE
    ):
        problems.append(f"measure must be a whole number of columns, {MIN_MEASURE}..{MAX_MEASURE}")
        measure = 100
    reviewer = data.get("reviewer", "")
    if not isinstance(reviewer, str):
        problems.append("reviewer must be a name")
        reviewer = ""
    min_confidence = data.get("min_confidence", 0.0)
    if (
        isinstance(min_confidence, bool)
        or not isinstance(min_confidence, (int, float))
        or not 0.0 <= min_confidence <= 1.0
    ):
        problems.append("min_confidence must be a number from 0 to 1")
        min_confidence = 0.0
    keymap: dict[str, str] = {}
    raw_keymap = data.get("keymap") or {}
    if not isinstance(raw_keymap, dict):
        problems.append("keymap must map binding ids to keys")
    else:
        bad_ids = [str(k) for k in raw_keymap if k not in BINDING_IDS]
        if bad_ids:
            problems.append("keymap: unknown binding id " + ", ".join(bad_ids) + " (see ? for ids)")
        for binding_id, keys in raw_keymap.items():
            if binding_id not in BINDING_IDS:
                continue
            if not isinstance(keys, str) or not keys.strip():
                problems.append(f"keymap: {binding_id} needs keys like 'ctrl+n' or 'n,down'")
                continue
            keymap[str(binding_id)] = keys.replace(" ", "")
    cache, cache_problems = parse_settings(data.get("cache"))
    problems.extend(cache_problems)
    return Config(
        theme,
        keymap,
        measure,
        reviewer.strip(),
        float(min_confidence),
        path,
        tuple(problems),
        cache=cache,
    )
