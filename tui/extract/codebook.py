"""The codebook: event types, the claim verdict scale and entity types, with their keys.

The codebook is data (``tui/data/codebook.yaml``) a user can replace, as brat's
annotation.conf. :func:`load_codebook` validates it into plain frozen dataclasses and
reports any problem as one :class:`CodebookError` line naming the file and the fault,
so the UI can show it and fall back instead of crashing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tui.data import data_text, safe_yaml

FORMAT = 1
OBJECT_ROLES: tuple[str, ...] = ("target", "location")
# What an entity type can be when a reviewer builds a claim or an event by hand.
ROLES: tuple[str, ...] = ("source", "actor", "place")


class CodebookError(Exception):
    """A codebook that cannot be used; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class SubEventType:
    """An ACLED-style sub-event type and the words that report it."""

    name: str
    key: str
    event_type: str
    triggers: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    actor_cues: tuple[str, ...] = ()
    object: str = "target"
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    key: str
    subtypes: tuple[SubEventType, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class Casualties:
    """Words reporting deaths and injuries, and how a bare casualty report is coded."""

    subtype: str
    fatal: tuple[str, ...]
    injury: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Choice:
    """A named value with a one-key shortcut: a verdict or an entity type.

    Entity types may also name the ``letter`` that marks them on screen (default:
    the key, upper-cased) and the ``roles`` they can play when a reviewer builds a
    claim or an event by hand (``source``, ``actor``, ``place``).
    """

    name: str
    key: str
    description: str = ""
    letter: str = ""
    roles: tuple[str, ...] = ()
    # Other tools' names for it ("PER", "Person"), so imported labels map onto it.
    aliases: tuple[str, ...] = ()
    # Verdicts only: the numeric rating a ClaimReview carries (None: no number).
    rating: int | None = None


@dataclass(frozen=True, slots=True)
class Codebook:
    source: str
    event_types: tuple[EventType, ...]
    casualties: Casualties
    verdicts: tuple[Choice, ...]
    entity_types: tuple[Choice, ...]

    @property
    def subtypes(self) -> tuple[SubEventType, ...]:
        """All sub-event types in file order."""
        return tuple(s for t in self.event_types for s in t.subtypes)

    def subtype(self, name: str) -> SubEventType | None:
        for s in self.subtypes:
            if s.name == name:
                return s
        return None

    def event_type(self, name: str) -> EventType | None:
        for t in self.event_types:
            if t.name == name:
                return t
        return None

    def verdict_for_key(self, key: str) -> Choice | None:
        return next((v for v in self.verdicts if v.key == key), None)

    def entity_type_for_key(self, key: str) -> Choice | None:
        return next((e for e in self.entity_types if e.key == key), None)

    def subtype_for_key(self, key: str) -> SubEventType | None:
        return next((s for s in self.subtypes if s.key == key), None)


class _Reader:
    """Validation helpers that name the file and the path of the faulty field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> CodebookError:
        return CodebookError(f"{self.source}: {where}: {what}")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, found {_kind(value)}")
        return value

    def seq(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, found {_kind(value)}")
        return value

    def text(self, data: dict[str, Any], field: str, where: str, required: bool = True) -> str:
        if field not in data or data[field] is None:
            if required:
                raise self.fail(where, f"missing '{field}'")
            return ""
        value = data[field]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.fail(f"{where}.{field}", f"expected text, found {_kind(value)} (quote it)")
        value = str(value).strip()
        if required and not value:
            raise self.fail(f"{where}.{field}", "is empty")
        return value

    def key(self, data: dict[str, Any], where: str) -> str:
        key = self.text(data, "key", where)
        if len(key) != 1 or key.isspace():
            raise self.fail(f"{where}.key", f"must be one character, found {key!r}")
        return key

    def words(self, data: dict[str, Any], field: str, where: str) -> tuple[str, ...]:
        value = data.get(field)
        if value is None:
            return ()
        out = []
        for i, w in enumerate(self.seq(value, f"{where}.{field}")):
            if isinstance(w, bool) or not isinstance(w, (str, int)) or not str(w).strip():
                raise self.fail(f"{where}.{field}[{i}]", f"expected a word, found {w!r} (quote it)")
            out.append(" ".join(str(w).split()))
        return tuple(out)

    def unique(self, items: list[tuple[str, str]], what: str, where: str) -> None:
        seen: dict[str, str] = {}
        for value, item in items:
            if value in seen:
                raise self.fail(
                    where, f"{what} {value!r} used by both {seen[value]!r} and {item!r}"
                )
            seen[value] = item


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _subtype(r: _Reader, raw: Any, parent: str, where: str) -> SubEventType:
    data = r.mapping(raw, where)
    obj = r.text(data, "object", where, required=False) or "target"
    if obj not in OBJECT_ROLES:
        raise r.fail(f"{where}.object", f"must be one of {', '.join(OBJECT_ROLES)}, found {obj!r}")
    return SubEventType(
        name=r.text(data, "name", where),
        key=r.key(data, where),
        event_type=parent,
        triggers=r.words(data, "triggers", where),
        secondary=r.words(data, "secondary", where),
        cues=r.words(data, "cues", where),
        actor_cues=r.words(data, "actor_cues", where),
        object=obj,
        description=r.text(data, "description", where, required=False),
    )


def _event_types(r: _Reader, raw: Any) -> tuple[EventType, ...]:
    types = []
    for i, t in enumerate(r.seq(raw, "event_types")):
        where = f"event_types[{i}]"
        data = r.mapping(t, where)
        name = r.text(data, "name", where)
        subs = r.seq(data.get("subtypes"), f"{where}.subtypes")
        if not subs:
            raise r.fail(f"{where}.subtypes", "is empty")
        types.append(
            EventType(
                name=name,
                key=r.key(data, where),
                subtypes=tuple(
                    _subtype(r, s, name, f"{where}.subtypes[{j}]") for j, s in enumerate(subs)
                ),
                description=r.text(data, "description", where, required=False),
            )
        )
    if not types:
        raise r.fail("event_types", "is empty")
    r.unique([(t.name, t.name) for t in types], "event type name", "event_types")
    r.unique([(t.key, t.name) for t in types], "key", "event_types")
    subs_all = [s for t in types for s in t.subtypes]
    r.unique([(s.name, s.event_type) for s in subs_all], "sub-event type name", "subtypes")
    r.unique([(s.key, s.name) for s in subs_all], "key", "subtypes")
    return tuple(types)


def _choices(r: _Reader, raw: Any, field: str) -> tuple[Choice, ...]:
    out = []
    for i, c in enumerate(r.seq(raw, field)):
        where = f"{field}[{i}]"
        data = r.mapping(c, where)
        letter = r.text(data, "letter", where, required=False)
        if len(letter) > 1:
            raise r.fail(f"{where}.letter", f"must be one character, found {letter!r}")
        roles = r.words(data, "roles", where)
        unknown = [role for role in roles if role not in ROLES]
        if unknown:
            raise r.fail(
                f"{where}.roles", f"unknown role {unknown[0]!r} (known: {', '.join(ROLES)})"
            )
        rating = data.get("rating")
        if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)):
            raise r.fail(f"{where}.rating", f"expected a whole number, found {rating!r}")
        out.append(
            Choice(
                r.text(data, "name", where),
                r.key(data, where),
                r.text(data, "description", where, required=False),
                letter,
                roles,
                r.words(data, "aliases", where),
                rating,
            )
        )
    if not out:
        raise r.fail(field, "is empty")
    r.unique([(c.name, c.name) for c in out], "name", field)
    r.unique([(c.key, c.name) for c in out], "key", field)
    return tuple(out)


def parse_codebook(text: str, source: str = "codebook.yaml") -> Codebook:
    """Validate codebook YAML ``text``; ``source`` names it in error messages."""
    r = _Reader(source)
    try:
        raw = safe_yaml(text)
    except Exception as exc:
        # yaml is imported only here: the packaged codebook comes from the JSON cache,
        # and only a YAML parse (which has imported yaml already) raises YAMLError.
        import yaml

        if not isinstance(exc, yaml.YAMLError):
            raise
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1}" if mark is not None else "YAML"
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise CodebookError(f"{source}: {at}: {problem}") from None
    data = r.mapping(raw, "top level")
    version = data.get("format", FORMAT)
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT:
        raise r.fail(
            "format", f"version {version!r} is not supported (this program reads {FORMAT})"
        )
    for field in ("event_types", "verdicts", "entity_types"):
        if field not in data:
            raise r.fail("top level", f"missing '{field}'")
    event_types = _event_types(r, data["event_types"])
    cas_raw = r.mapping(data.get("casualties") or {}, "casualties")
    names = {s.name for t in event_types for s in t.subtypes}
    cas_sub = (
        r.text(cas_raw, "subtype", "casualties", required=False) or event_types[0].subtypes[0].name
    )
    if cas_sub not in names:
        raise r.fail("casualties.subtype", f"{cas_sub!r} is not a sub-event type")
    casualties = Casualties(
        cas_sub, r.words(cas_raw, "fatal", "casualties"), r.words(cas_raw, "injury", "casualties")
    )
    return Codebook(
        source=source,
        event_types=event_types,
        casualties=casualties,
        verdicts=_choices(r, data["verdicts"], "verdicts"),
        entity_types=_choices(r, data["entity_types"], "entity_types"),
    )


def load_codebook(path: Path | None = None) -> Codebook:
    """The codebook at ``path`` (default: the packaged one), validated."""
    if path is None:
        return parse_codebook(data_text("codebook.yaml"), "codebook.yaml")
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CodebookError(f"{path}: is a directory, not a codebook file") from None
    except UnicodeDecodeError:
        raise CodebookError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return parse_codebook(text, str(path))


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The packaged codebook, parsed once per process (parsing costs ~20 ms)."""
    return load_codebook()
