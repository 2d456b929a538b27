"""The ACLED sub-event type of an incident, learned from ACLED's own event notes.

The codebook's trigger words and cues give each mention a first coding; a linear
model trained on ACLED notes (``training/train_events.py``, shipped as
``tui/data/events_subtypes.bin``) then codes the incident as a whole from what a coder
reads: its trigger words, the words of its sentences and paragraph, who acts and who
is hit, and the codebook's own coding. Who acts decides between the territory types,
as ACLED's codebook does: state forces taking ground is "Government regains
territory", never "Non-state actor overtakes territory".

The model only codes with sub-event types the codebook in use has; with another
codebook (or no trained model) the codebook's coding stands.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from tui.extract.codebook import Codebook, SubEventType
from tui.extract.event_build import Coder, Draft
from tui.extract.event_sides import sides
from tui.extract.event_words import TokenView, closed_words
from tui.extract.linear import LinearModel, load_packaged
from tui.extract.taken import taken_object

MODEL_FILE = "events_subtypes.bin"
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# what a territory verb took when it took no ground
TAKEN = {"thing": "Looting/property destruction", "party": "Abduction/forced disappearance"}


@lru_cache(maxsize=1)
def subtype_model() -> LinearModel | None:
    return load_packaged(MODEL_FILE)


def _words(view: TokenView, skip: frozenset[str]) -> list[str]:
    return [w for w in view.low if w[:1].isalpha() and w not in skip]


# Feature names by word, shared by every sentence that has the word: news vocabulary
# repeats, and a name per occurrence made these memos the events stage's largest
# allocation on 1 MB of news. Bounded, so a stream of new words cannot grow it forever.
_NAMES: dict[str, dict[str, str]] = {"w:": {}, "b:": {}, "p:": {}}
_NAMES_LIMIT = 100_000  # per prefix


def _name(prefix: str, word: str) -> str:
    names = _NAMES[prefix]
    found = names.get(word)
    if found is None:
        found = prefix + word
        if len(names) < _NAMES_LIMIT:
            names[word] = found
    return found


def _sentence_features(view: TokenView, skip: frozenset[str], kind: str) -> tuple[str, ...]:
    """A sentence's words as features: "w" its words and their bigrams (a sentence of
    the incident), "p" its words (a sentence around it), each once. Worked out once per
    sentence, kept as a tuple (a fifth of a set's memory)."""
    found = view.memo.get(kind)
    if found is None:
        words = _words(view, skip)
        if kind == "w":
            names = [_name("w:", x) for x in words] + [
                _name("b:", f"{a}_{b}") for a, b in zip(words, words[1:], strict=False)
            ]
        else:
            names = [_name("p:", x) for x in words]
        found = tuple(dict.fromkeys(names))
        view.memo[kind] = found
    return found


CONTEXT_SENTENCES = 8  # sentences either side of the trigger that the model reads


def features(members: Sequence[Draft]) -> list[str]:
    """What the model reads of an incident (its mentions in document order)."""
    w = members[0].parse.words
    skip = closed_words(w)
    out: set[str] = set()
    main = next((d for d in members if d.trigger.kind == "event"), members[0])
    out.add("m:" + main.trigger.phrase)
    out.add("mr:" + main.sub.name)
    seen_views: set[int] = set()
    for d in members:
        v = d.parse.view
        out.add("t:" + d.trigger.phrase)
        out.add("k:" + d.trigger.kind)
        out.add("r:" + d.sub.name)
        if d.figure is not None:
            out.add("fig")
        for c in d.args.actors:
            out.update("a:" + x for x in v.low[c.start : c.end] if x[:1].isalpha())
        for c in d.args.targets:
            out.update("g:" + x for x in v.low[c.start : c.end] if x[:1].isalpha())
        if id(v) not in seen_views:
            seen_views.add(id(v))
            out.update(_sentence_features(v, skip, "w"))
    sides(members, out)
    # The paragraph around the trigger, a few sentences each way: a news paragraph whole,
    # but bounded, so a text without breaks (one 1 MB paragraph) costs linear time, not
    # every event reading every sentence.
    lo = max(0, main.sentence_no - CONTEXT_SENTENCES)
    for v in main.context[lo : main.sentence_no + CONTEXT_SENTENCES + 1]:
        if id(v) not in seen_views:
            out.update(_sentence_features(v, skip, "p"))
    return sorted(out)


# Event types whose sub-event types a generic violent word ("attack", "clash", "killed")
# may report: the model chooses among all of them from the context.
VIOLENT = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)
GENERIC = frozenset({"Armed clash", "Attack"})
CROWD = frozenset({"Protests", "Riots"})  # event types of crowds
QUIET = "Strategic developments"
ARRESTS = "Arrests"  # ACLED's name; another codebook's arrests are left to the model
REMOTE = "Explosions/Remote violence"  # ACLED codes these by their means
# A trigger word tells the kind of event more surely than its ACLED sub-event type: a
# demonstration is peaceful, met with intervention or force, or turns violent by what
# the crowd and the police did, not by the word "demonstrate"; an explosion is a shell,
# an IED or a grenade by what exploded. So the model may choose any sub-event type of
# the event types below, given one of a word's listed types. Taking ground, chemical
# weapons, suicide bombs and sexual violence need words of their own, and a word for
# taking ground allows only that. Damage to property is ACLED's "Looting/property
# destruction" or, done by a crowd, a riot.
WIDER = {
    "Battles": ("Battles",),
    "Explosions/Remote violence": ("Explosions/Remote violence",),
    "Violence against civilians": ("Violence against civilians",),
    "Protests": ("Protests", "Riots"),
    "Riots": ("Riots", "Protests"),
}
WIDER_SUBTYPES = {"Looting/property destruction": ("Riots",)}
SPECIFIC = frozenset({"Chemical weapon", "Suicide bomb", "Sexual violence"})
OWN_WORD = TERRITORY | SPECIFIC
RULE_WEIGHT = 2.0  # how much the codebook's coding of a mention multiplies the model's odds


class SubtypeCoder:
    """Codes incidents with the learned model, among the sub-event types the codebook
    lets their trigger words report: the model reads the context, the codebook says
    what a word can mean ("strikes" in a war story are not a labour strike)."""

    def __init__(self, codebook: Codebook, model: LinearModel) -> None:
        self.model = model
        self.subs: dict[str, SubEventType] = {s.name: s for s in codebook.subtypes}
        self.usable = [k for k, label in enumerate(model.labels) if label in self.subs]
        self.senses: dict[str, set[str]] = {}
        self.primary = {s.name: frozenset(p.lower() for p in s.triggers) for s in codebook.subtypes}
        self.generic: set[str] = set()  # words whose primary listing is a generic type
        for sub in codebook.subtypes:
            # a strategic development read into a secondary word needs the codebook's
            # cues ("took control" is a peaceful handover only when it says so)
            listed = sub.triggers if sub.event_type == QUIET else (*sub.triggers, *sub.secondary)
            for phrase in listed:
                self.senses.setdefault(phrase.lower(), set()).add(sub.name)
            if sub.name in GENERIC:
                self.generic.update(p.lower() for p in sub.triggers)
        self.violent = {s.name for s in codebook.subtypes if s.event_type in VIOLENT}
        # a remote-violence type's cue words, each phrase by its last word ("car bomb")
        self.weapons = {
            s.name: frozenset(c.lower().split()[-1] for c in s.cues)
            for s in codebook.subtypes
            if s.event_type == REMOTE
        }
        # crowd violence a generic word may only report where a crowd is: the crowd
        # types the codebook lists no generic word for (a violent demonstration, not
        # mob violence, which "attack" and "beat" report). In ACLED's notes, 93% of
        # violent demonstrations name a crowd ("protesters", "rioters"), 27% of mob
        # violence does.
        self.riots = {
            s.name
            for s in codebook.subtypes
            if s.event_type in CROWD
            and not any(p.lower() in self.generic for p in (*s.triggers, *s.secondary))
        }
        # single words that tell of a crowd: the protest and riot trigger words ("march"
        # is a month too), "mob", "crowd"
        self.crowd = frozenset(
            {"mob", "crowd"}
            | {
                p.lower()
                for s in codebook.subtypes
                if s.event_type in CROWD
                for p in s.triggers
                if " " not in p and p.lower() != "march"
            }
        )
        by_type: dict[str, set[str]] = {}
        for sub in codebook.subtypes:
            if sub.name not in OWN_WORD:
                by_type.setdefault(sub.event_type, set()).add(sub.name)
        self.wider: dict[str, frozenset[str]] = {}  # a listed type -> the types it allows
        for sub in codebook.subtypes:
            kinds = (
                ()
                if sub.name in TERRITORY
                else (*WIDER.get(sub.event_type, ()), *WIDER_SUBTYPES.get(sub.name, ()))
            )
            self.wider[sub.name] = frozenset(
                {sub.name}.union(*(by_type.get(k, set()) for k in kinds))
            )

    def candidates(self, members: Sequence[Draft]) -> set[str]:
        names: set[str] = set()
        generic = True
        for d in members:
            if d.trigger.kind == "event":
                for name in (*self.senses.get(d.trigger.phrase, ()), d.sub.name):
                    names |= self.wider.get(name, {name})
                generic = generic and d.trigger.phrase in self.generic
        if generic:
            names |= self.violent  # casualty reports, or words any violence may use
        if not self._crowd(members):
            # a demonstration needs a crowd: "the attack" in a story of no protest, riot,
            # mob or crowd is no violent demonstration, unless the codebook's cues said so
            names -= self.riots - {d.sub.name for d in members}
        return names

    def _crowd(self, members: Sequence[Draft]) -> bool:
        """Does a sentence of the incident name a crowd? Worked out once per sentence:
        a sentence of many incidents (a text without full stops) is read once."""
        for d in members:
            v = d.parse.view
            found = v.memo.get("crowd")
            if found is None:
                found = v.memo["crowd"] = (
                    # every lemma of the sentence in one C-level pass
                    ("crowd",) if not self.crowd.isdisjoint(chain.from_iterable(v.lemmas)) else ()
                )
            if found:
                return True
        return False

    def _weapon_named(self, d: Draft) -> bool:
        """ "A car bomb attack", "an IED blast": the weapon in the event noun's own
        compound, a cue of the remote-violence type the codebook coded it as. ACLED
        codes explosions and remote violence by their means, whoever was hit."""
        if d.trigger.kind != "event" or d.sub.event_type != REMOTE or d.trigger.start == 0:
            return False
        return not d.parse.view.lemmas[d.trigger.start - 1].isdisjoint(
            self.weapons.get(d.sub.name, ())
        )

    def _quiet_by_actor(self, main: Draft, members: Sequence[Draft]) -> bool:
        """A strategic development the codebook read from who acts ("police raided a
        house": a search and arrests) where no one was killed or hurt. ACLED's notes
        record raids when they turned violent, so the model learned raids as attacks;
        a raid that harmed no one is not violence against civilians."""
        return (
            main.trigger.kind == "event"
            and main.cued
            and main.sub.event_type == QUIET
            and main.trigger.phrase not in self.primary.get(main.sub.name, ())
            and all(d.trigger.kind == "event" for d in members)
        )

    def _quiet_by_word(self, main: Draft, members: Sequence[Draft]) -> bool:
        """An incident reported by an arrest's own word ("arrested", "was detained")
        where no one was killed or hurt and no other mention was coded as violence:
        "arrested ... the apartments they raided" are arrests and a search. WikiEvents
        train marks none of the 16 mentions of such incidents the model coded as
        attacks. (Not every strategic development: "vandalized" a bus, coded looting by
        its word, is mob violence in ACLED's notes, as the model reads it.)"""
        return (
            main.trigger.kind == "event"
            and main.sub.name == ARRESTS
            and main.trigger.phrase in self.primary.get(main.sub.name, ())
            and all(d.trigger.kind == "event" and d.sub.event_type == QUIET for d in members)
        )

    def __call__(self, members: Sequence[Draft]) -> tuple[SubEventType, float] | None:
        allowed = self.candidates(members)
        # "the Manchester suicide bombing ... the bombing ... the attack": a word that only
        # one sub-event type has (a suicide bomb, a chemical attack) names the incident's
        # kind; the other mentions are its generic names
        named = {
            d.sub.name
            for d in members
            if d.trigger.kind == "event"
            and d.sub.name in SPECIFIC
            and d.trigger.phrase in self.primary.get(d.sub.name, ())
        }
        if named:
            allowed = named
        elif means := {d.sub.name for d in members if self._weapon_named(d)}:
            allowed = means
        usable = [k for k in self.usable if self.model.labels[k] in allowed]
        if not usable:
            return None
        main = next((d for d in members if d.trigger.kind == "event"), members[0])
        if self._quiet_by_actor(main, members) or self._quiet_by_word(main, members):
            return main.sub, main.confidence
        if main.sub.name in TERRITORY and main.trigger.kind == "event":
            # "gunmen seized five oxen", "seized two soldiers": goods or people taken, not
            # ground; ACLED codes a seizure of property as looting and of people as an
            # abduction, whoever takes them
            taken = TAKEN.get(taken_object(main.parse, main.trigger) or "")
            if taken in self.subs:
                return self.subs[taken], main.confidence
        # Only the usable labels are scored: every figure below is a ratio among them,
        # so the softmax over all labels would only scale them by one common factor.
        model = self.model
        scores = model.scores(features(members), usable)
        top = max(scores)
        odds = [math.exp((x - top) / model.temperature) for x in scores]
        # the codebook's own coding of each mention is a second opinion: it knows what
        # "its air force carried out strikes" means where ACLED's notes are silent
        # A generic word ("attack", "clash") says nothing of who fought whom: coded from
        # its listing alone ("Saturday's attack": "attack" is listed first under Armed
        # clash) it only names the incident, and where another mention was coded from
        # what the text says around it ("the terror attack", "killed villagers"), the
        # listing does not vote: three bare "the attack" must not outvote "terror attack"
        # into a battle of two armed sides. A word of one kind ("air strikes") keeps its
        # vote: its listing is what it means.
        voters = [d for d in members if d.trigger.kind == "event"]
        if any(d.cued for d in voters):
            voters = [d for d in voters if d.cued or d.trigger.phrase not in self.generic]
        votes: dict[str, float] = {}
        for d in voters:
            votes[d.sub.name] = votes.get(d.sub.name, 0.0) + d.confidence
        weighted = {
            j: x * (1.0 + RULE_WEIGHT * votes.get(model.labels[j], 0.0))
            for j, x in zip(usable, odds, strict=True)
        }
        k = max(usable, key=lambda j: (weighted[j], -j))
        total = sum(weighted[j] for j in usable)
        sub = self.subs[model.labels[k]]
        p = weighted[k] / total
        if sub.name in TERRITORY and main.sub.name in TERRITORY:
            # ACLED's notes hold too few territory events to learn who acts: the
            # codebook's actor cues decide ("the army captured" is the government)
            pair = sum(weighted[j] for j in usable if model.labels[j] in TERRITORY)
            sub, p = main.sub, pair / total
        return sub, p


def subtype_coder(codebook: Codebook) -> Coder | None:
    """The learned coder for ``codebook``, or None (no model, or no type in common)."""
    model = subtype_model()
    if model is None:
        return None
    coder = SubtypeCoder(codebook, model)
    return coder if coder.usable else None
