"""Themes from ``themes/*.yaml``: a Textual Theme plus the entity palette and claim marks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from textual.color import Color, ColorParseError
from textual.theme import Theme

from tui.data import parse_yaml
from tui.ui.resources import themes_dir

DEFAULT_THEME = "dark"
COLOUR_FIELDS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
THEME_FIELDS = (
    "name",
    *COLOUR_FIELDS,
    "dark",
    "luminosity_spread",
    "text_alpha",
    "variables",
)
# The app's own theme variables, with fallbacks for themes that leave some out
# (Textual's built-in themes leave out all of them). Fallbacks name the theme's
# base colours; Textual's CSS cannot refer from one variable to another, so
# variable_defaults() resolves them against the current theme.
VARIABLE_DEFAULTS: dict[str, str] = {
    "entity-person": "$accent",
    "entity-org": "$secondary",
    "entity-gpe": "$success",
    "entity-loc": "$success",
    "entity-fac": "$warning",
    "entity-norp": "$primary",
    "entity-date": "$foreground 70%",
    "entity-time": "$foreground 70%",
    "entity-quantity": "$error",
    "entity-law": "$secondary",
    "entity-event": "$warning",
    "entity-other": "$foreground 85%",
    "claim-source": "$accent",
    "claim-cue-background": "$primary 40%",
    "claim-content-background": "$primary 15%",
    "event-trigger-background": "$warning 35%",
    "mention-current-background": "$accent 45%",
    "match-background": "$warning 30%",
    "match-current-background": "$warning 70%",
}

# The entity types a theme colours (entity-person -> "person"). A type from a custom
# codebook that no theme knows is drawn as "other": still marked, by its letter too.
ENTITY_STYLES: tuple[str, ...] = tuple(
    name.removeprefix("entity-") for name in VARIABLE_DEFAULTS if name.startswith("entity-")
)


def entity_style(entity_type: str) -> str:
    """The style name (``person``, ``gpe``, ``other``...) for an entity type."""
    name = entity_type.lower()
    return name if name in ENTITY_STYLES else "other"


def variable_defaults(theme: Theme) -> dict[str, str]:
    """VARIABLE_DEFAULTS with ``$name`` replaced by ``theme``'s colour of that name."""
    base = theme.to_color_system().generate()
    out: dict[str, str] = {}
    for name, value in VARIABLE_DEFAULTS.items():
        ref, _, alpha = value.partition(" ")
        colour = base.get(ref.lstrip("$"), "ansi_default")
        out[name] = f"{colour} {alpha}".strip()
    return out


@dataclass(frozen=True, slots=True)
class ThemeSet:
    themes: tuple[Theme, ...]
    problems: tuple[str, ...]

    @property
    def notice(self) -> str | None:
        if not self.problems:
            return None
        return "themes skipped: " + "; ".join(self.problems)


def load_theme(path: Path) -> Theme:
    """One theme file; ValueError with a short reason when it is not a usable theme."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))  # the C loader: five files a start
    except yaml.YAMLError:
        raise ValueError("not valid YAML") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    unknown = [str(k) for k in data if k not in THEME_FIELDS]
    if unknown:
        raise ValueError("unknown field " + ", ".join(unknown))
    for required in ("name", "primary"):
        if not isinstance(data.get(required), str):
            raise ValueError(f"missing {required}")
    variables = data.get("variables") or {}
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ValueError("variables must map names to colours")
    data["variables"] = {str(k): v for k, v in variables.items()}
    # Parse every colour now, so a typo is reported here and not at draw time.
    for key in COLOUR_FIELDS:
        if data.get(key) is not None:
            _colour(key, data[key])
    for key, value in data["variables"].items():
        _colour(key, value)
    try:
        return Theme(**data)
    except TypeError as exc:
        raise ValueError(f"bad value ({exc})") from None


def _colour(key: str, value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{key} must be a colour")
    try:
        Color.parse(value)
    except ColorParseError:
        raise ValueError(f"{key}: {value!r} is not a colour") from None


def load_theme_named(name: str, folders: tuple[Path, ...] | None = None) -> Theme | None:
    """The theme ``name`` when a file of that name holds it (the fast path at start-up)."""
    for folder in folders or (themes_dir(),):
        path = folder / f"{name}.yaml"
        if path.is_file():
            try:
                theme = load_theme(path)
            except ValueError:
                return None  # reported with the others by load_themes
            return theme if theme.name == name else None
    return None


def load_themes(folders: tuple[Path, ...] | None = None) -> ThemeSet:
    """All themes in the bundled folder (and any extra folders); bad files reported, skipped."""
    themes: list[Theme] = []
    problems: list[str] = []
    for folder in folders or (themes_dir(),):
        for path in sorted(folder.glob("*.yaml")):
            try:
                themes.append(load_theme(path))
            except ValueError as exc:
                problems.append(f"{path.name}: {exc}")
    return ThemeSet(tuple(themes), tuple(problems))
