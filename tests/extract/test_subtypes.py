"""Which ACLED sub-event types the learned coder may choose for an incident's words."""

from tui.extract.codebook import default_codebook
from tui.extract.event_build import incidents
from tui.extract.events import find_drafts, find_events
from tui.extract.subtypes import SubtypeCoder, subtype_model
from tui.text.document import Document


def allowed(text: str) -> set[str]:
    model = subtype_model()
    assert model is not None
    coder = SubtypeCoder(default_codebook(), model)
    (group,) = incidents(find_drafts(text, [], [], default_codebook()))
    return coder.candidates(group)


def test_a_demonstration_may_be_peaceful_met_with_force_or_a_riot() -> None:
    names = allowed("Farmers demonstrated outside the district office.")
    assert {"Peaceful protest", "Protest with intervention", "Violent demonstration"} <= names
    assert "Mob violence" in names and "Excessive force against protesters" in names
    assert "Arrests" not in names and "Armed clash" not in names


def test_an_explosion_is_any_kind_of_remote_violence_but_those_needing_their_word() -> None:
    names = allowed("An explosion hit the market.")
    assert {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"} <= names
    assert "Grenade" in names and "Air/drone strike" in names
    assert "Chemical weapon" not in names and "Attack" not in names


def test_taking_ground_allows_only_taking_ground() -> None:
    names = allowed("Rebels captured the town of Kafr Nabl on Sunday.")
    assert "Non-state actor overtakes territory" in names
    assert "Armed clash" not in names


def test_damage_done_by_a_crowd_is_coded_as_a_riot() -> None:
    assert "Mob violence" in allowed("A mob vandalized shops in Kisumu.")
    (event,) = find_events(
        Document("A mob vandalized shops and beat two traders accused of theft in Kisumu."),
        (),
        (),
        (),
    )
    assert event.subtype == "Mob violence"  # ACLED's coding; not property destruction alone


def _coded(text: str) -> list[tuple[str, str]]:
    from tui.extract.pipeline import extract

    return [(e.trigger.text, e.subtype) for e in extract(Document(text)).events]


def test_a_country_taking_ground_is_state_forces() -> None:
    # Seen on a NYT column: "after Russia seized Crimea" was "Non-state actor overtakes
    # territory"; ACLED codes state forces taking ground from anyone as the government's.
    assert _coded("Turkey seized the town of Afrin from Kurdish fighters on Sunday.") == [
        ("seized", "Government regains territory")
    ]
    assert _coded("Israel captured the Golan Heights in 1967.") == [
        ("captured", "Government regains territory")
    ]


def test_a_group_taking_ground_stays_a_non_state_actor() -> None:
    # The twin: organisations and armed groups named as the actor are not states.
    assert _coded("Hamas seized control of Gaza in 2007.") == [
        ("seized control", "Non-state actor overtakes territory")
    ]
    assert _coded("Rebels seized the town of Idlib on Monday.") == [
        ("seized", "Non-state actor overtakes territory")
    ]
