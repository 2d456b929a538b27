"""Names across formats: brat-safe labels, and foreign labels mapped through the codebook.

brat stores a type as its first term, which must match ``[A-Za-z0-9_-]+`` (its own
``normalize_to_storage_form``); "Air/drone strike" is stored as ``Air_drone_strike``
and shown by its real name through visual.conf's [labels]. Importing goes the other
way: a label from another tool is matched against the codebook's names, their
storage forms and the codebook's ``aliases``, ignoring case; what matches nothing
is reported by the caller, never dropped in silence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tui.extract.codebook import Codebook, SubEventType

_NOT_STORAGE = re.compile(r"[^A-Za-z0-9_-]")


def storage_form(name: str) -> str:
    """``name`` as brat can store it: ASCII letters, digits, ``_`` and ``-`` only."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_STORAGE.sub("_", ascii_name.replace(" ", "_")) or "_"


def storage_forms(names: Iterable[str], used: set[str] | None = None) -> dict[str, str]:
    """A distinct storage form for each name (a clash gets ``_2``, ``_3``...).

    ``used`` holds forms already taken elsewhere; it is updated.
    """
    out: dict[str, str] = {}
    used = set() if used is None else used
    for name in names:
        if name in out:
            continue
        form = storage_form(name)
        base, n = form, 1
        while form in used:
            n += 1
            form = f"{base}_{n}"
        used.add(form)
        out[name] = form
    return out


def _key(label: str) -> str:
    return storage_form(label.strip()).casefold()


@dataclass(frozen=True, slots=True)
class LabelMap:
    """Foreign labels to codebook names: entity types, sub-event types and verdicts."""

    entity_types: dict[str, str]
    subtypes: dict[str, SubEventType]
    verdicts: dict[str, str]

    def entity_type(self, label: str) -> str | None:
        return self.entity_types.get(_key(label))

    def subtype(self, label: str) -> SubEventType | None:
        return self.subtypes.get(_key(label))

    def verdict(self, label: str) -> str | None:
        return self.verdicts.get(_key(label))


def label_map(codebook: Codebook) -> LabelMap:
    """Every name, storage form and alias the codebook knows, keyed ignoring case."""
    entity_types: dict[str, str] = {}
    for t in codebook.entity_types:
        for label in (t.name, *t.aliases):
            entity_types.setdefault(_key(label), t.name)
    subtypes: dict[str, SubEventType] = {}
    for s in codebook.subtypes:
        subtypes.setdefault(_key(s.name), s)
    verdicts = {_key(v.name): v.name for v in codebook.verdicts}
    return LabelMap(entity_types, subtypes, verdicts)
