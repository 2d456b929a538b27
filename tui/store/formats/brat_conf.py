"""annotation.conf and visual.conf for an exported brat folder, built from the codebook.

brat reads its types from these files: every T, E, A and relation line of the .ann
must be declared, event roles with their repetition marks (``Actor*``: any number;
brat writes the second Actor as ``Actor2``, so no role name ends in a digit), and
attributes with their values. Types are stored in brat's storage form
(:func:`~tui.store.formats.names.storage_form`); [labels] gives the real names back.
"""

from __future__ import annotations

from tui.extract.codebook import Codebook
from tui.model import CLAIM_KINDS, STATUSES
from tui.store.formats.names import storage_form, storage_forms

# Text-bound types that are not named entities: claim parts and role fillers.
CONTENT = "Content"
HEDGE = "Hedge"
PHRASE = "Phrase"  # a span that fills a role (a source, an actor) but is no marked entity
# Another span reporting the same incident as an event's trigger ("the assault" beside
# "killed"): brat takes one trigger per event, so the others fill the role "Mention".
EVENT_MENTION = "Event_mention"
ATTRIBUTION = "Attribution"  # the claim event; its trigger is the cue
ROLES = ("Mention", "Actor", "Target", "Place", "Time", "Fatalities", "Claim")
EXTRA_TYPES = (CONTENT, HEDGE, PHRASE, EVENT_MENTION)

# Okabe-Ito (colour-blind safe), as the reader's okabe-ito theme.
_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")


class BratNames:
    """The storage forms of one codebook's types, both ways."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        reserved = [ATTRIBUTION, *EXTRA_TYPES]
        ent = [t.name for t in codebook.entity_types]
        subs = [s.name for s in codebook.subtypes]
        parents = [t.name for t in codebook.event_types]
        used: set[str] = set()
        forms = storage_forms([*reserved, *ent, *subs], used)
        self.entity = {n: forms[n] for n in ent}
        self.subtype = {n: forms[n] for n in subs}
        # Event types are only groups in brat ("!" marks them unused): own names, kept apart.
        self.parent = storage_forms(parents, used)
        self.verdict = storage_forms(v.name for v in codebook.verdicts)

    def entity_form(self, name: str) -> str:
        """A mention type's storage form (a type outside the codebook keeps its own)."""
        return self.entity.get(name) or storage_form(name)

    def subtype_form(self, name: str) -> str:
        return self.subtype.get(name) or storage_form(name)


def annotation_conf(names: BratNames) -> str:
    cb = names.codebook
    ents = [names.entity[t.name] for t in cb.entity_types]
    fillers = "|".join([*ents, PHRASE])
    lines = [
        "# Written by Marginalia (marginalia export --format brat). brat reads the types of",
        "# the .ann files in this folder from here; see docs/interchange.md.",
        "",
        "[entities]",
        *ents,
        "# claim parts, phrases that fill a role without being a marked entity, and an",
        "# event's other trigger mentions",
        *EXTRA_TYPES,
        "",
        "[relations]",
        "# mentions of one entity, linked",
        *(f"Equiv\tArg1:{t}, Arg2:{t}, <REL-TYPE>:symmetric-transitive" for t in ents),
        "# claims contain entities, a fatality figure is a quantity mention: spans may overlap",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "# a claim: its cue is the trigger",
        f"{ATTRIBUTION}\tSource?:{fillers}, {CONTENT}+:{CONTENT}, {HEDGE}*:{HEDGE}",
    ]
    quantity = "|".join(t for t in (names.entity.get("QUANTITY"), PHRASE) if t)
    roles = (
        f"Mention*:{EVENT_MENTION}, Actor*:{fillers}, Target*:{fillers}, Place*:{fillers}, Time*:{fillers},"
        f" Fatalities?:{quantity}, Claim?:{ATTRIBUTION}"
    )
    for et in cb.event_types:
        lines.append(f"!{names.parent[et.name]}")
        lines.extend(f"\t{names.subtype[s.name]}\t{roles}" for s in et.subtypes)
    events = "|".join([ATTRIBUTION, *(names.subtype[s.name] for s in cb.subtypes)])
    anything = "|".join([*ents, events])
    verdicts = "|".join(names.verdict[v.name] for v in cb.verdicts)
    lines += [
        "",
        "[attributes]",
        f"Kind\tArg:{ATTRIBUTION}, Value:{'|'.join(CLAIM_KINDS)}",
        f"Verdict\tArg:{events}, Value:{verdicts}",
        f"Status\tArg:{anything}, Value:{'|'.join(STATUSES)}",
        "",
    ]
    return "\n".join(lines)


def visual_conf(names: BratNames) -> str:
    cb = names.codebook
    lines = ["# Written by Marginalia: how brat shows this folder's types.", "", "[labels]"]
    for t in cb.entity_types:
        lines.append(f"{names.entity[t.name]} | {t.name}")
    lines += [
        f"{ATTRIBUTION} | Claim | Cl",
        f"{CONTENT} | Claim content | Content",
        f"{HEDGE} | Hedge",
        f"{PHRASE} | Phrase",
        f"{EVENT_MENTION} | Event mention | Mention",
    ]
    for et in cb.event_types:
        lines.append(f"{names.parent[et.name]} | {et.name}")
        lines.extend(f"{names.subtype[s.name]} | {s.name}" for s in et.subtypes)
    for v in cb.verdicts:
        if names.verdict[v.name] != v.name:
            lines.append(f"{names.verdict[v.name]} | {v.name}")
    lines += [
        "",
        "[drawing]",
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
    ]
    for i, t in enumerate(cb.entity_types):
        lines.append(f"{names.entity[t.name]}\tbgColor:{_PALETTE[i % len(_PALETTE)]}")
    lines += [
        f"{ATTRIBUTION}\tbgColor:#F0F0F0",
        f"{CONTENT}\tbgColor:#FFFFFF, borderColor:#0072B2",
        f"{HEDGE}\tbgColor:#FFFFFF, borderColor:#D55E00",
        f"{PHRASE}\tbgColor:#EEEEEE",
        f"{EVENT_MENTION}\tbgColor:#F0F0F0",
        "",
    ]
    return "\n".join(lines)
