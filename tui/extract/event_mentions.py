"""Is a trigger mention a real event report? A model learned from WikiEvents train.

The codebook's trigger words find every place an event may be reported, and many are
not reports: "the Boston Marathon bombing suspect", "sentenced to death", "civilian
casualties caused by drones", the tenth "the attack" of a trial story. A linear model
(``training/train_events.py``, shipped as ``tui/data/events_mentions.bin``) reads each
mention as an annotator would (the word and its form, the words around it, whether it
is a name's modifier or a noun's, what arguments it has, where it stands in its
incident) and gives the probability that WikiEvents annotators marked it as an event.

That probability is calibrated on training documents held out from the fit. An
incident's best mention gives the probability that it is a reported event at all; times
the probability of its sub-event type, it is the event's confidence, which the reader's
``min_confidence`` setting filters on. Nothing is dropped here: on WikiEvents train,
dropping the least likely mentions gains under 0.01 trigger F1 out of fold (the
annotators mark some repeated mentions of an incident and not others), and it would
drop real incidents of kinds the corpus hardly has (ACLED's protests, clashes).

Why the mention is so hard to judge: which nominal mentions WikiEvents marks is the
annotator's habit, not the text's. Of the 64 fully annotated training documents with
at least five "attack", "bombing", "explosion" or "blast" mentions found, 14 mark at
most a fifth of them and 26 at least four fifths; verbs ("killed", "injured",
"exploded") are marked 85-97% of the time everywhere. Position, definiteness, rank
in the incident, quotes, modals and plurals were tried as features: out of fold they
move the log loss by under 0.01 and trigger F1 by nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tui.extract.event_build import Draft, Scorer
from tui.extract.event_marks import marks
from tui.extract.event_words import closed_words
from tui.extract.linear import LinearModel, load_packaged

MODEL_FILE = "events_mentions.bin"
WINDOW = 4  # content words either side read as the mention's context


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
    for k in (1, 2):
        a, b = t.start - k, t.end - 1 + k
        out.append(f"w-{k}=" + (low[a] if a >= 0 else "<s>"))
        out.append(f"w+{k}=" + (low[b] if b < n else "</s>"))
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
    skip = closed_words(w)
    seen = 0
    for j in range(t.start - 1, -1, -1):
        if seen == WINDOW:
            break
        if low[j][:1].isalpha() and low[j] not in skip:
            out.append("c-=" + low[j])
            seen += 1
    seen = 0
    for j in range(t.end, n):
        if seen == WINDOW:
            break
        if low[j][:1].isalpha() and low[j] not in skip:
            out.append("c+=" + low[j])
            seen += 1
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
