"""The learned mention model: reports score above words that only name an event."""

from array import array

from tui.extract.event_mentions import mention_model, score_incidents
from tui.extract.events import find_events
from tui.extract.linear import LinearModel
from tui.text.document import Document


def confidence(text: str) -> float:
    (event,) = find_events(Document(text), (), (), ())
    return event.confidence


def test_a_report_is_surer_than_a_word_that_only_names_an_event() -> None:
    report = confidence("Gunmen killed five villagers in Sarvan on Monday.")
    assert 0.5 < report <= 1.0
    assert confidence("Prosecutors will seek his death if he is convicted.") < 0.3
    # "sentenced to death" holds no death mention at all
    assert find_events(Document("He could be sentenced to death if convicted."), (), (), ()) == ()
    assert confidence("The bombing suspect appeared in court on Monday.") < report


def test_the_shipped_model_is_calibrated_and_scores_every_mention() -> None:
    model = mention_model()
    assert model is not None and model.labels == ("other", "event")
    assert model.temperature > 1.0  # fitted on held-out documents, not left at 1
    # nothing is dropped: a weak mention of an incident stays one of its mentions
    text = "Gunmen attacked a checkpoint. Three soldiers were killed in the attack."
    (event,) = find_events(Document(text), (), (), ())
    assert [m.text for m in event.trigger_spans] == ["attacked", "killed", "attack"]


def test_score_incidents_reads_the_model_per_mention() -> None:
    from tui.extract.codebook import default_codebook
    from tui.extract.event_build import incidents
    from tui.extract.events import find_drafts

    text = "Gunmen attacked a checkpoint. Three soldiers were killed in the attack."
    groups = incidents(find_drafts(text, [], [], default_codebook()))
    # one feature, "the word is attack", worth 2 nats for "event"
    model = LinearModel(("other", "event"), {"p=attack": 0}, array("f", [0.0, 2.0]), (0.0, 0.0))
    ((members, probs),) = score_incidents(groups, model)
    words = [d.trigger.phrase for d in members]
    assert len(probs) == len(members) == 3
    for word, p in zip(words, probs, strict=True):
        assert abs(p - (0.881 if word == "attack" else 0.5)) < 0.001


def report_probabilities(text: str) -> list[float]:
    from tui.extract.codebook import default_codebook
    from tui.extract.event_build import incidents
    from tui.extract.events import find_drafts

    model = mention_model()
    assert model is not None
    groups = incidents(find_drafts(text, [], [], default_codebook()))
    return [p for _, probs in score_incidents(groups, model) for p in probs]


def test_a_mention_is_judged_by_itself_not_by_the_story_around_it() -> None:
    # the words around a mention taught the model its training stories' names; the
    # mention's own word, form and arguments generalise
    a = report_probabilities(
        "Gunmen killed five villagers on Monday, a spokesman for Tsarnaev said."
    )
    b = report_probabilities("Gunmen killed five villagers on Monday, a spokesman for Maduro said.")
    assert len(a) == 1 and a == b
    # and the mention's own reading still moves it: a name's modifier is not a report
    (named,) = report_probabilities("The bombing suspect appeared in court on Monday.")
    assert named < a[0]
