"""brat's own acceptance rules for a .ann against annotation.conf, for the export tests.

brat is not on PyPI, so this follows its configuration language (nlplab/brat
projectconfig.py and verify_annotations.py): types are declared per section, a "!"
type is a group only, event roles carry ? * + marks and list the types they take, a
repeated role is written Role2, Role3..., attributes list the types they apply to
and their values, and Equiv relations link spans of one declared type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    events: dict[str, dict[str, tuple[int, int, set[str]]]] = field(default_factory=dict)
    unused: set[str] = field(default_factory=set)
    equiv: set[str] = field(default_factory=set)
    attributes: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)


def parse_conf(text: str) -> Conf:
    conf = Conf()
    section = ""
    for line in text.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if m := re.match(r"^\s*\[(.*)\]\s*$", line):
            section = m.group(1)
            continue
        m = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        assert m, line
        name, args = m.group(2), [a.strip() for a in (m.group(3) or "").split(",") if a.strip()]
        unused = name.startswith("!")
        name = name.lstrip("!")
        assert re.fullmatch(r"[A-Za-z0-9_-]+|<OVERLAP>", name), f"not a storage form: {name}"
        if section == "entities":
            conf.entities.add(name)
        elif section == "events":
            if unused:
                conf.unused.add(name)
            roles: dict[str, tuple[int, int, set[str]]] = {}
            for a in args:
                key, types = a.split(":", 1)
                rm = re.match(r"^(\S+?)([?*+]?)$", key)
                assert rm, key
                role, rep = rm.groups()
                lo, hi = {"": (1, 1), "?": (0, 1), "*": (0, 99), "+": (1, 99)}[rep]
                assert not (hi > 1 and role[-1].isdigit()), (
                    f"repeatable role {role} ends in a digit"
                )
                roles[role] = (lo, hi, set(types.split("|")))
            conf.events[name] = roles
        elif section == "relations":
            if name == "Equiv":
                types = {a.split(":", 1)[1] for a in args if a.startswith("Arg")}
                assert len(types) == 1, line
                conf.equiv |= types
        elif section == "attributes":
            kv = dict(a.split(":", 1) for a in args)
            targets = set(kv["Arg"].split("|"))
            values = set(kv["Value"].split("|")) if "Value" in kv else {"true"}
            conf.attributes[name] = (targets, values)
    return conf


def check(ann: str, conf: Conf) -> list[str]:
    """Every problem brat would report for ``ann`` under ``conf`` (empty: all accepted)."""
    problems: list[str] = []
    types: dict[str, str] = {}
    events: dict[str, list[tuple[str, str]]] = {}
    event_types = set(conf.events) - conf.unused
    for line in ann.split("\n"):
        if not line:
            continue
        if line.startswith("T"):
            tid, rest, _ = line.split("\t")
            kind = rest.split(" ")[0]
            types[tid] = kind
            if kind not in conf.entities and kind not in event_types:
                problems.append(f"{tid}: {kind} is not a known textbound type")
        elif line.startswith("E"):
            eid, rest = line.split("\t")
            head, *args = rest.split(" ")
            kind, trigger = head.split(":")
            types[eid] = kind
            events[eid] = [tuple(a.split(":")) for a in args]  # type: ignore[misc]
            if kind not in event_types:
                problems.append(f"{eid}: {kind} is not a known event type")
            elif types.get(trigger) != kind:
                problems.append(f"{eid}: trigger {trigger} is not of type {kind}")
    for eid, args in events.items():
        roles = conf.events.get(types[eid], {})
        counts: dict[str, int] = {}
        for role, target in args:
            base = re.match(r"^(.*?)\d*$", role).group(1)  # type: ignore[union-attr]
            counts[base] = counts.get(base, 0) + 1
            if base not in roles:
                problems.append(f"{eid}: {types[eid]} cannot take a {base} argument")
            elif types.get(target) not in roles[base][2]:
                problems.append(f"{eid}: {base} cannot be of type {types.get(target)}")
        for role, (lo, hi, _) in roles.items():
            if not lo <= counts.get(role, 0) <= hi:
                problems.append(f"{eid}: {counts.get(role, 0)} {role} arguments")
    for line in ann.split("\n"):
        if line.startswith("A"):
            _, rest = line.split("\t")
            name, target, *value = rest.split(" ")
            if name not in conf.attributes:
                problems.append(f"attribute {name} not declared")
                continue
            targets, values = conf.attributes[name]
            if types.get(target) not in targets:
                problems.append(f"{name} cannot apply to {types.get(target)} ({target})")
            if (value[0] if value else "true") not in values:
                problems.append(f"{name}: value {value} not declared")
        elif line.startswith("*\t"):
            ids = line.split("\t")[1].split(" ")[1:]
            kinds = {types.get(i) for i in ids}
            if len(kinds) != 1 or not kinds <= conf.equiv:
                problems.append(f"Equiv between {kinds}")
        elif line.startswith("#"):
            target = line.split("\t")[1].split(" ")[1]
            if target not in types:
                problems.append(f"note on unknown {target}")
    return problems
