"""Event triggers: the words that report an event, and the sub-event type they suggest.

Trigger words come from the codebook (per sub-event type) and its casualty lists.
A word listed as a ``secondary`` trigger only reports that sub-event type when one of
its cues is near; among several candidate types the one with most cue support wins,
then a primary listing, then codebook order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.extract.codebook import Codebook, SubEventType
from tui.extract.event_words import EventWords, TokenView
from tui.extract.phrases import PhraseIndex

CUE_WINDOW = 8  # tokens either side of the trigger searched for cue words
FIGURATIVE_WINDOW = 6  # tokens either side searched for words of politics or sport
ECHO_WINDOW = 6  # tokens after a trigger where a secondary-only verb restates it
TITLE_BEFORE, TITLE_AFTER = 3, 2  # tokens around a capitalised trigger read for a headline


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Trigger:
    start: int  # token index in the sentence
    end: int  # token index after it
    kind: str  # "event" | "fatal" | "injury"
    phrase: str  # the codebook phrase it matched


# Not frozen (never changed after it is built all the same): a frozen dataclass sets
# each field through object.__setattr__, 3x slower to build, and extraction builds these
# by the ten thousand. Hashable as a frozen one (unsafe_hash: by its fields).
@dataclass(slots=True, unsafe_hash=True)
class Coding:
    subtype: SubEventType
    score: int  # cue support
    primary: bool


def title_cased(view: TokenView, i: int, function_words: frozenset[str]) -> bool:
    """Is token ``i`` inside a headline run into the text ("Boston Bombing Suspect Found
    Guilty BOSTON — ...")? Its neighbours on both sides are capitalised words too, and
    no lower-case word near it but a function word ("from", "of"): "Operation Strike
    Back ended quietly" is a name in running text. A month ("March") is a date."""
    toks = view.toks
    if i == 0 or i + 1 >= len(toks) or toks[i].text == "March":
        return False
    if not all(toks[k].text[:1].isupper() and toks[k].text[:1].isalpha() for k in (i - 1, i + 1)):
        return False
    return not any(
        toks[k].text[:1].islower() and view.low[k] not in function_words
        for k in range(max(0, i - TITLE_BEFORE), min(len(toks), i + 1 + TITLE_AFTER))
    )


DASHES = frozenset({"–", "—", "-"})


def _after_dash(view: TokenView, i: int) -> bool:
    """Does a dash open the clause at token ``i``, as a colon does ("8.45 am – Explosion
    at Shangri La hotel", "10:20 p.m. - Shots are fired")? A month after it is a date
    ("January 2017 – March 2018")."""
    return i > 0 and view.toks[i - 1].text in DASHES and view.toks[i].text != "March"


class TriggerFinder:
    """Finds triggers in a sentence and codes them with the codebook."""

    def __init__(self, codebook: Codebook, words: EventWords) -> None:
        self.codebook = codebook
        self.words = words
        self.index = PhraseIndex()
        # phrase -> [(sub-event type, primary?)], in codebook order
        self.senses: dict[str, list[tuple[SubEventType, bool]]] = {}
        self.casualty: dict[str, str] = {}
        for sub in codebook.subtypes:
            for phrase, primary in [(p, True) for p in sub.triggers] + [
                (p, False) for p in sub.secondary
            ]:
                key = phrase.lower()
                self.index.add(key)
                self.senses.setdefault(key, []).append((sub, primary))
        for kind, phrases in (
            ("fatal", codebook.casualties.fatal),
            ("injury", codebook.casualties.injury),
        ):
            for phrase in phrases:
                key = phrase.lower()
                self.index.add(key)
                self.casualty.setdefault(key, kind)
        self._last_cues: tuple[TokenView | None, Trigger | None, dict[str, int]] = (None, None, {})
        self.cues = PhraseIndex()
        self.cue_subtypes: dict[str, list[SubEventType]] = {}
        self.actor_cues = PhraseIndex()
        self.actor_cue_subtypes: dict[str, list[SubEventType]] = {}
        for sub in codebook.subtypes:
            for cue in sub.cues:
                self.cues.add(cue.lower())
                self.cue_subtypes.setdefault(cue.lower(), []).append(sub)
            for cue in sub.actor_cues:
                self.actor_cues.add(cue.lower())
                self.actor_cue_subtypes.setdefault(cue.lower(), []).append(sub)

    def find(self, view: TokenView) -> list[Trigger]:
        """Triggers in one sentence, left to right, not overlapping."""
        lemmas = view.lemmas
        # the tokens a trigger may start at, in one pass (most tokens start none)
        starts = self.index.starts(lemmas)
        if not starts:
            return []  # most sentences: no trigger word, no phrase to block
        blocked = self._blocked(view)
        found: list[Trigger] = []
        i = 0  # the first token no trigger found so far covers
        for k in starts:
            if k < i or k in blocked:
                continue
            i = k
            tok = view.toks[i].text
            # A capitalised trigger word mid-sentence is a name ("Operation Strike",
            # "March", "Battle of Aleppo"), unless it is an acronym such as "IED".
            if (
                tok[:1].isupper()
                and not tok.isupper()
                and not view.sentence_initial(i)
                and not _after_dash(view, i)
                and not title_cased(view, i, self.words.function_words)
            ):
                i += 1
                continue
            m = self.index.match_at(lemmas, i)
            if m is None:
                i += 1
                continue
            kind = self.casualty.get(m.phrase, "event")
            found.append(Trigger(m.start, m.end, kind, m.phrase))
            i = m.end
        # a sentence that reports deaths is not figurative: "a blast at a
        # market ... left 30 dead" is no market's blast
        if not any(t.kind == "fatal" for t in found):
            found = [t for t in found if not self._figurative(view, t)]
        # echoes first: in "the explosion targeted", "explosion" is not a modifier
        return self._drop_modifiers(view, self._drop_echoes(found))

    def _figurative(self, view: TokenView, t: Trigger) -> bool:
        """ "Attacked Machado in tweets", "a campaign rally": words of politics, sport or
        markets near the trigger, and no word of violence."""
        w = self.words
        if t.kind != "event" or not view.lemmas[t.start] & w.figurative_triggers:
            return False
        lo = max(0, t.start - FIGURATIVE_WINDOW)
        hi = min(len(view), t.end + FIGURATIVE_WINDOW)
        near = [view.lemmas[i] for i in range(lo, hi) if not t.start <= i < t.end]
        if any(lem & w.violent_cues for lem in near):
            return False
        return any(lem & w.figurative_cues for lem in near)

    def _drop_echoes(self, found: list[Trigger]) -> list[Trigger]:
        """Drop a secondary-only verb right after a trigger: in "strikes ... targeted",
        "shells hit", the verb restates the event its subject already reported."""
        out: list[Trigger] = []
        for t in found:
            senses = self.senses.get(t.phrase)
            if (
                out
                and t.kind == "event"
                and senses
                and not any(primary for _, primary in senses)
                and t.start - out[-1].end <= ECHO_WINDOW
            ):
                continue
            out.append(t)
        return out

    def _blocked(self, view: TokenView) -> set[int]:
        """Tokens inside a phrase that uses a trigger word for a non-event."""
        out: set[int] = set()
        lemmas = view.lemmas
        index = self.words.not_events
        for i in index.starts(lemmas):
            m = index.match_at(lemmas, i)
            if m is not None:
                out.update(range(m.start, m.end))
        return out

    def _drop_modifiers(self, view: TokenView, found: list[Trigger]) -> list[Trigger]:
        """Drop "bomb" in "bomb attack" / "missile and bomb strikes": it describes the next.
        Before a verb ("the Kabul bombing killed five") the word is the subject, the
        event itself, and stays."""
        out = []
        mods = self.words.modifiers
        for k, t in enumerate(found):
            nxt = found[k + 1] if k + 1 < len(found) else None
            if (
                nxt is not None
                and mods.match_at(view.lemmas, t.start) is not None
                and not self._past_verb(view, nxt.start)
            ):
                gap = view.low[t.end : nxt.start]
                if not gap or (len(gap) == 1 and gap[0] in ("and", "or", "-", "/")):
                    continue
            out.append(t)
        return out

    def _past_verb(self, view: TokenView, i: int) -> bool:
        """A verb's past form ("killed", "struck"): a predicate, never a compound's head."""
        low = view.low[i]
        return low.endswith("ed") or self.words.irregular.get(low, low) != low

    def code(
        self,
        view: TokenView,
        trigger: Trigger,
        actor_tokens: Sequence[int] = (),
        ground: bool = True,
        state: bool = False,
    ) -> Coding | None:
        """The sub-event type a trigger reports, or None (a secondary word without cues).
        ``ground=False``: what was taken is people, not ground ("the capture of the
        suspect"), so no territory sense; the people taken are the cue of the others.
        ``state``: the actor is a country ("Russia seized Crimea"), which acts through
        its state forces: the codebook's actor cue "state" counts when no other does."""
        senses = self.senses.get(trigger.phrase)
        if not senses:
            return None
        cue_hits = self._cue_hits(view, trigger)
        actor_hits = self._actor_hits(view, actor_tokens)
        if state and not actor_hits:
            actor_hits = {sub.name: 1 for sub in self.actor_cue_subtypes.get("state", ())}
        best: Coding | None = None
        best_key: tuple[int, int, int] | None = None
        for order, (sub, primary) in enumerate(senses):
            if not ground and sub.object == "location":
                continue
            score = cue_hits.get(sub.name, 0) + 2 * actor_hits.get(sub.name, 0)
            if not primary and score == 0 and ground:
                continue
            key = (score, int(primary), -order)
            if best_key is None or key > best_key:
                best, best_key = Coding(sub, score, primary), key
        return best

    def code_by_cues(self, view: TokenView, trigger: Trigger) -> Coding | None:
        """For a bare casualty report: the sub-event type its context words favour."""
        hits = self._cue_hits(view, trigger)
        if not hits:
            return None
        order = {s.name: k for k, s in enumerate(self.codebook.subtypes)}
        name = max(hits, key=lambda n: (hits[n], -order[n]))
        sub = self.codebook.subtype(name)
        return None if sub is None else Coding(sub, hits[name], False)

    def _cue_hits(self, view: TokenView, trigger: Trigger) -> dict[str, int]:
        # a trigger is coded, then coded again once its actors are known: the cues
        # around it are counted once (one tuple, swapped whole, safe across threads)
        last_view, last_trigger, hits = self._last_cues
        if last_view is view and last_trigger == trigger:
            return hits
        lo = max(0, trigger.start - CUE_WINDOW)
        hi = min(len(view), trigger.end + CUE_WINDOW)
        hits = self._count(view, range(lo, hi), self.cues, self.cue_subtypes)
        self._last_cues = (view, trigger, hits)
        return hits

    def _actor_hits(self, view: TokenView, tokens: Sequence[int]) -> dict[str, int]:
        return self._count(view, tokens, self.actor_cues, self.actor_cue_subtypes)

    @staticmethod
    def _count(
        view: TokenView,
        positions: Sequence[int],
        index: PhraseIndex,
        subtypes: dict[str, list[SubEventType]],
    ) -> dict[str, int]:
        hits: dict[str, int] = {}
        lemmas = view.lemmas
        for i in index.starts(lemmas, positions):
            m = index.match_at(lemmas, i)
            if m is None:
                continue
            for sub in subtypes.get(m.phrase, ()):
                hits[sub.name] = hits.get(sub.name, 0) + 1
        return hits
