"""Events with several trigger mentions (sidecar format 2): storing, reading format 1,
re-anchoring and merging fresh suggestions."""

from tui.model import Annotations, Event, Ref, Span
from tui.store import dumps, loads, reanchor
from tui.store.merge import merge
from tui.store.sidecar import FORMAT_VERSION

TEXT = (
    "Rebels killed dozens of soldiers in an attack on the city. "
    "The army said the assault began at dawn.\n"
)


def at(needle: str, text: str = TEXT) -> Span:
    i = text.index(needle)
    return Span.of(text, i, i + len(needle))


def incident() -> Event:
    return Event(
        "v1",
        "Battles",
        "Armed clash",
        at("attack"),
        actors=(Ref(at("Rebels")),),
        targets=(Ref(at("dozens of soldiers")),),
        mentions=(at("killed"), at("assault")),
    )


def test_mentions_round_trip_in_document_order() -> None:
    ann = Annotations(events=(incident(),))
    text = dumps(ann, sha256="0" * 64, length=len(TEXT))
    assert f"marginalia: {FORMAT_VERSION}\n" in text
    back = loads(text).annotations.events[0]
    assert back == incident()
    assert [s.text for s in back.trigger_spans] == ["killed", "attack", "assault"]
    assert dumps(loads(text).annotations, sha256="0" * 64, length=len(TEXT)) == text


def test_an_event_with_one_mention_has_only_its_trigger() -> None:
    e = Event("v1", "Battles", "Armed clash", at("attack"))
    assert e.trigger_spans == (e.trigger,)
    # a mention that repeats the trigger (a hand edit) is not a second mention
    twice = Event("v1", "Battles", "Armed clash", at("attack"), mentions=(at("attack"),))
    assert twice.trigger_spans == (twice.trigger,)
    text = dumps(Annotations(events=(twice,)), sha256="0" * 64, length=1)
    assert loads(text).annotations.events[0].mentions == ()


FORMAT_1 = """\
marginalia: 1
document: {name: a.txt, sha256: abc, length: 100}
events:
- id: v1
  type: Battles
  subtype: Armed clash
  trigger: {start: 40, end: 46, text: attack}
  actors:
  - {start: 0, end: 6, text: Rebels, entity: null}
  status: accepted
"""


def test_format_1_files_still_read() -> None:
    side = loads(FORMAT_1)
    assert side.version == 1
    (e,) = side.annotations.events
    assert (e.trigger.text, e.mentions, e.status) == ("attack", (), "accepted")
    assert [r.span.text for r in e.actors] == ["Rebels"]
    # written back, it is format 2
    assert (
        dumps(side.annotations, sha256="abc", length=100).count(f"marginalia: {FORMAT_VERSION}")
        == 1
    )


def test_mentions_are_reanchored_with_the_event() -> None:
    new = "UPDATE. " + TEXT
    ann, report = reanchor(Annotations(events=(incident(),)), new)
    (e,) = ann.events
    assert report.moved == ("v1",)
    assert [new[s.start : s.end] for s in e.trigger_spans] == ["killed", "attack", "assault"]
    gone = TEXT.replace("assault", "raid")
    ann, report = reanchor(Annotations(events=(incident(),)), gone)
    assert report.orphaned == ("v1",)
    assert ann.events[0].mentions == incident().mentions  # kept for the reviewer to fix


def test_fresh_suggestion_on_any_stored_mention_is_not_added_again() -> None:
    stored = Annotations(events=(incident(),))
    on_mention = Event("v1", "Battles", "Armed clash", at("assault"))
    elsewhere = Event("v2", "Battles", "Armed clash", at("began"))
    merged = merge(stored, Annotations(events=(on_mention, elsewhere)))
    assert [e.trigger.text for e in merged.events] == ["attack", "began"]
    assert [e.id for e in merged.events] == ["v1", "v2"]
