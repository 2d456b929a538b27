"""Is a trigger mention a real event report? A model learned from WikiEvents train.

The codebook's trigger words find every place an event may be reported, and many are
not reports: "the Boston Marathon bombing suspect", "sentenced to death", "civilian
casualties caused by drones", the tenth "the attack" of a trial story. A linear model
(``training/train_events.py``, shipped as ``tui/data/events_mentions.bin``) reads each
mention as an annotator would (the word and its form, whether it is a name's modifier
or a noun's, what arguments it has, whether it is definite, where it stands in its
incident) and gives the probability that WikiEvents annotators marked it as an event.

It reads no words around the mention: with the word either side, the next two and four
content words either side, 3,100 features learned the 140 training documents' stories
("Tsarnaev", "Maduro") and ranked held-out mentions worse (out of fold AUC .665, log
loss .611) than the 350 features of the mention itself (AUC .697, log loss .581).

That probability is calibrated on training documents held out from the fit. An
incident's best mention gives the probability that it is a reported event at all; times
the probability of its sub-event type, it is the event's confidence, which the reader's
``min_confidence`` setting filters on. Nothing is dropped here: on WikiEvents train,
dropping an incident's least likely mentions gains under 0.005 trigger F1 out of fold
(the annotators mark some repeated mentions of an incident and not others), costs dev
F1 and ACLED sub-event accuracy (the coder reads fewer mentions), and dropping whole
incidents would drop real ones of kinds the corpus hardly has (ACLED's protests, clashes).

Why the mention is so hard to judge: which nominal mentions WikiEvents marks is the
annotator's habit, not the text's. Of the 64 fully annotated training documents with
at least five "attack", "bombing", "explosion" or "blast" mentions found, 14 mark at
most a fifth of them and 26 at least four fifths; verbs ("killed", "injured",
"exploded") are marked 85-97% of the time everywhere. In the fully annotated documents a
mention whose word came before is marked as often as the first (65-68%), so whether a mention is
the first of its word, its distance to the last one, a verb of the same incident in its
sentence, position, plurals and quotes were tried as features: out of fold they move
the AUC by under 0.01 and trigger F1 by nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tui.extract.event_build import Draft, Scorer
from tui.extract.event_marks import marks
from tui.extract.linear import LinearModel, load_packaged

MODEL_FILE = "events_mentions.bin"


@lru_cache(maxsize=1)
def mention_model() -> LinearModel | None:
    return load_packaged(MODEL_FILE)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3+"


def mention_features(d: Draft, rank: int, size: int) -> list[str]:
    """What the model reads of draft ``d``, the ``rank``-th of ``size`` mentions of its
    incident (in document order)."""
    v, w = d.parse.view, d.parse.words
    t = d.trigger
    n = len(v)
    low = v.low
    surface = " ".join(low[t.start : t.end])
    out = [
        "p=" + t.phrase,
        "f=" + surface,
        "k=" + t.kind,
        "s=" + d.sub.name,
        "e=" + d.sub.event_type,
        "rank=" + _bucket(rank),
        "size=" + _bucket(size),
        "A=" + _bucket(len(d.args.actors)),
        "T=" + _bucket(len(d.args.targets) + len(d.extra_targets)),
        "P=" + str(bool(d.args.location)),
        "W=" + str(bool(d.args.time)),
        "fig=" + str(d.figure is not None),
        "host=" + str(d.host is not None),
        "follows=" + str(d.follows is not None),
        "pass=" + str(d.args.passive),
    ]
    prev, nxt = t.start - 1, t.end
    if prev >= 0 and v.is_capitalised(prev) and not v.sentence_initial(prev):
        out.append("cap-1")  # "Boston Marathon bombing": a name's event
    if nxt < n and v.is_capitalised(nxt):
        out.append("cap+1")
    if nxt < n and low[nxt][:1].isalpha() and low[nxt] not in w.function_words:
        out.append("noun+1=" + t.phrase)  # "bombing suspect", "attack victims"
    definite, distinct, background = marks(d)
    if definite:
        out.append("def=" + t.phrase)
    if distinct:
        out.append("distinct")
    if background:
        out.append("background")
    if v.sentence_initial(t.start):
        out.append("initial")
    return out


def incident_features(groups: Sequence[Sequence[Draft]]) -> list[list[list[str]]]:
    """The features of every mention of every incident of one document."""
    return [[mention_features(d, k, len(g)) for k, d in enumerate(g)] for g in groups]


def score_incidents(
    groups: Sequence[Sequence[Draft]], model: LinearModel
) -> list[tuple[list[Draft], list[float]]]:
    """Each incident's mentions with the probability that each is a report."""
    yes = model.labels.index("event")
    # one incident's features at a time: held all at once, the features of 1 MB of
    # news were the events stage's largest allocation
    return [
        (
            list(members),
            [
                model.probabilities(mention_features(d, k, len(members)))[yes]
                for k, d in enumerate(members)
            ],
        )
        for members in groups
    ]


def mention_scorer() -> Scorer | None:
    """The learned scorer, or None when no model ships (every mention then stays)."""
    model = mention_model()
    if model is None:
        return None
    return lambda groups: score_incidents(groups, model)
