"""Reading a brat ``.ann`` file into :class:`~tui.store.formats.incoming.Incoming`.

The reference text is the ``.txt`` beside the ``.ann`` (brat's pairing), or the
article itself when there is none. Types are mapped through the codebook
(:mod:`tui.store.formats.names`); the claim and event structure is the one
:mod:`tui.store.formats.brat` writes, so an export reads back whole. Lines this
model cannot hold (other relations, normalizations) and unknown types are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.extract.codebook import Codebook
from tui.model import CLAIM_KINDS, STATUSES, Review, Span
from tui.store.formats.brat import unescape_note
from tui.store.formats.brat_conf import ATTRIBUTION, CONTENT, HEDGE, PHRASE
from tui.store.formats.incoming import Builder, FormatError, Incoming, unknown_types
from tui.store.formats.names import label_map

_T = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_E = re.compile(r"(E\d+)\t(\S+):([TE]\d+)((?: \S+:[TE]\d+)*) *$")
_A = re.compile(r"([AM]\d+)\t(\S+) ([TER]\d+)(?: (\S+))?$")
_R = re.compile(r"(R\d+)\t(\S+) (\S+:[TE]\d+) (\S+:[TE]\d+)$")
_EQUIV = re.compile(r"\*\t(\S+)((?: [TE]\d+)+)$")
_NOTE = re.compile(r"(#\d+)\t(\S+) ([TERA*]\d*)\t?(.*)$")
_NORM = re.compile(r"(N\d+)\t")
_ROLE = re.compile(r"([A-Za-z_-]+?)\d*$")
_ESTIMATE = re.compile(r"estimate: (\d+)(?: \| (.*))?$", re.S)
_EVENT_ROLES = {"Actor": "actors", "Target": "targets", "Place": "location", "Time": "time"}


@dataclass
class _Text:
    id: str
    kind: str
    spans: list[Span]
    line: int


@dataclass
class _Ev:
    id: str
    kind: str
    trigger: str
    args: list[tuple[str, str]]
    line: int


@dataclass
class _Parsed:
    texts: dict[str, _Text] = field(default_factory=dict)
    events: dict[str, _Ev] = field(default_factory=dict)
    attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    equivs: list[tuple[list[str], int]] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def reference_text(ann_path: Path) -> str | None:
    """brat's text for an .ann: the .txt beside it, exactly as brat reads it (UTF-8)."""
    txt = ann_path.with_suffix(".txt")
    try:
        return txt.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(txt, None, f"cannot read it as UTF-8 text ({exc})") from None


def _parse(path: Path, lines: list[str], b: Builder) -> _Parsed:
    p = _Parsed()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if m := _T.match(line):
            tid, kind, offsets, text = m.groups()
            pairs = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            quotes = text.split(" ") if len(pairs) > 1 else [text]
            if len(pairs) > 1:
                # brat joins a discontinuous span's fragments with one space
                spans = [b.span(s, e, None, n) for s, e in pairs]
                if " ".join(s.text for s in spans) != text:
                    raise b.error(n, f"{tid}: its text does not match its fragments")
            else:
                spans = [b.span(pairs[0][0], pairs[0][1], quotes[0], n)]
            p.texts[tid] = _Text(tid, kind, spans, n)
        elif m := _E.match(line):
            eid, kind, trigger, rest = m.groups()
            args = [tuple(a.split(":", 1)) for a in rest.split()]
            p.events[eid] = _Ev(eid, kind, trigger, args, n)
        elif m := _A.match(line):
            _, name, target, value = m.groups()
            p.attrs.setdefault(target, {})[name] = value if value is not None else "true"
        elif m := _EQUIV.match(line):
            if m.group(1) == "Equiv":
                p.equivs.append((m.group(2).split(), n))
            else:
                p.other.append(f"line {n}: relation {m.group(1)!r} not imported")
        elif m := _NOTE.match(line):
            if m.group(2) == "AnnotatorNotes":
                p.notes[m.group(3)] = unescape_note(m.group(4))
        elif m := _R.match(line):
            p.other.append(f"line {n}: relation {m.group(1)} ({m.group(2)}) not imported")
        elif _NORM.match(line):
            p.other.append(f"line {n}: normalization not imported")
        else:
            raise FormatError(path, n, "not a brat annotation line")
    for eid, ev in p.events.items():
        for ref in (ev.trigger, *(a[1] for a in ev.args)):
            if ref not in p.texts and ref not in p.events:
                raise FormatError(path, ev.line, f"{eid} refers to {ref}, which is not in the file")
        if ev.trigger not in p.texts:
            raise FormatError(path, ev.line, f"{eid}: its trigger must be a T line")
    for ids, n in p.equivs:
        for tid in ids:
            if tid not in p.texts:
                raise FormatError(path, n, f"Equiv refers to {tid}, which is not in the file")
    return p


def _groups(p: _Parsed) -> dict[str, str]:
    """Each T id linked by Equiv lines to the first id of its group (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for ids, _ in p.equivs:
        root = find(ids[0])
        for other in ids[1:]:
            r = find(other)
            if r != root:
                parent[r] = root
    return {tid: find(tid) for tid in p.texts}


def read_brat(
    path: Path, article_text: str, codebook: Codebook, status: str = "suggested"
) -> Incoming:
    """The annotations of the .ann at ``path`` (FormatError on bad input)."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise FormatError(path, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(path, None, f"cannot read it as UTF-8 text ({exc})") from None
    reference = reference_text(path)
    b = Builder(path, article_text if reference is None else reference, status)
    p = _parse(path, raw.split("\n"), b)
    labels = label_map(codebook)
    groups = _groups(p)
    unknown: dict[str, int] = {}

    def item_status(target: str) -> str | None:
        value = p.attrs.get(target, {}).get("Status")
        return value if value in STATUSES else None

    # mentions
    for t in p.texts.values():
        etype = labels.entity_type(t.kind)
        if etype is None:
            if (
                t.kind not in (ATTRIBUTION, CONTENT, HEDGE, PHRASE)
                and labels.subtype(t.kind) is None
            ):
                unknown[t.kind] = unknown.get(t.kind, 0) + 1
            continue
        if len(t.spans) > 1:
            b.skip(f"line {t.line}: {t.id} is a discontinuous span; not imported as a mention")
            continue
        note = p.notes.get(t.id, "")
        estimate = None
        if m := _ESTIMATE.match(note):
            note = m.group(2) or ""
            # only a count has an estimate (a fatality figure's note may sit on any span)
            estimate = int(m.group(1)) if etype == "QUANTITY" else None
        mention = b.mention(
            t.spans[0], etype, group=f"g{groups[t.id]}", status=item_status(t.id), estimate=estimate
        )
        if note:
            e = b.entities[mention.entity]
            if not e.review.note:
                b.entities[mention.entity] = replace(e, review=Review(note=note))
    # claims first: events point at them
    claim_ids: dict[str, str] = {}
    for ev in p.events.values():
        if ev.kind != ATTRIBUTION:
            continue
        roles = _roles(ev, p)
        attrs = p.attrs.get(ev.id, {})
        kind = attrs.get("Kind", "indirect")
        verdict = labels.verdict(attrs["Verdict"]) if "Verdict" in attrs else None
        if "Verdict" in attrs and verdict is None:
            b.skip(f"line {ev.line}: {ev.id}: verdict {attrs['Verdict']!r} is not on the scale")
        content = roles.get("Content", [])
        if not content:
            b.skip(f"line {ev.line}: {ev.id}: a claim without content; not imported")
            continue
        source = roles.get("Source", [None])[0]
        c = b.claim(
            p.texts[ev.trigger].spans[0],
            content,
            source,
            kind=kind if kind in CLAIM_KINDS else "indirect",
            hedges=roles.get("Hedge", []),
            status=item_status(ev.id),
            review=Review(verdict, p.notes.get(ev.id, "")),
        )
        claim_ids[ev.id] = c.id
    for ev in p.events.values():
        if ev.kind == ATTRIBUTION:
            continue
        sub = labels.subtype(ev.kind)
        if sub is None:
            unknown[ev.kind] = unknown.get(ev.kind, 0) + 1
            continue
        roles = _roles(ev, p)
        fatal = roles.get("Fatalities", [None])[0]
        estimate = None
        if fatal is not None:
            fat_id = next(t for r, t in ev.args if _role(r) == "Fatalities")
            if m := _ESTIMATE.match(p.notes.get(fat_id, "")):
                estimate = int(m.group(1))
        claim_ref = next((t for r, t in ev.args if _role(r) == "Claim"), None)
        attrs = p.attrs.get(ev.id, {})
        b.event(
            sub.event_type,
            sub.name,
            p.texts[ev.trigger].spans[0],
            {key: roles.get(role, []) for role, key in _EVENT_ROLES.items()},
            fatalities=fatal,
            estimate=estimate,
            claim=claim_ids.get(claim_ref) if claim_ref else None,
            mentions=roles.get("Mention", []),
            status=item_status(ev.id),
            review=Review(
                labels.verdict(attrs["Verdict"]) if "Verdict" in attrs else None,
                p.notes.get(ev.id, ""),
            ),
        )
    for line in unknown_types(unknown, "annotation"):
        b.skip(line)
    for line in p.other:
        b.skip(line)
    return b.build(str(path))


def _role(name: str) -> str:
    m = _ROLE.match(name)
    return m.group(1) if m else name


def _roles(ev: _Ev, p: _Parsed) -> dict[str, list[Span]]:
    """Role name (digits dropped: ``Content2`` is a second Content) to its spans."""
    out: dict[str, list[Span]] = {}
    for role, target in ev.args:
        t = p.texts.get(target)
        if t is not None:
            out.setdefault(_role(role), []).extend(t.spans)
    return out
