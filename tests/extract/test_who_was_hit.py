"""Who was hit decides Attack or Armed clash, not how often the incident is named.

ACLED codes one-sided violence against civilians "Attack" (Violence against civilians);
"Armed clash" needs two armed, organised sides. "Attack" is listed first under Armed
clash, so a bare "Saturday's attack" is coded a clash by its listing alone: such mentions
only name the incident and must not outvote the mention that says who was hit. And who
acts is someone: "concert" in "the concert bombing" is no bomber."""

from array import array

from tui.extract.codebook import default_codebook
from tui.extract.event_build import incidents
from tui.extract.events import find_drafts
from tui.extract.linear import LinearModel
from tui.extract.pipeline import extract
from tui.extract.subtypes import SubtypeCoder, features
from tui.text.document import Document


def coded_without_the_model(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The sub-event type of the text's one incident where the learned model has no
    opinion (every weight zero): the codebook's votes alone decide. Also each mention's
    own coding."""
    book = default_codebook()
    labels = tuple(s.name for s in book.subtypes)
    neutral = LinearModel(labels, {}, array("f"), (0.0,) * len(labels))
    (group,) = incidents(find_drafts(text, [], [], book))
    coded = SubtypeCoder(book, neutral)(group)
    assert coded is not None
    return coded[0].name, [(d.trigger.phrase, d.sub.name) for d in group]


# one mention says who was hit (people in the street, a terror attack); three only name it
CIVILIANS = (
    "Three men stabbed shoppers in the market on Saturday in a terror attack.\n"
    "The leader of Saturday's attack had been questioned before.\n"
    "Lawmakers voiced deep frustration about Saturday's attack.\n"
    "A minister will speak about Saturday's attack on Tuesday.\n"
)
# the same naming, where the mention that says who was hit names two armed sides
SOLDIERS = (
    "Rebels attacked an army base on Saturday and fought soldiers for hours.\n"
    "The leader of Saturday's attack had been questioned before.\n"
    "Lawmakers voiced deep frustration about Saturday's attack.\n"
    "A minister will speak about Saturday's attack on Tuesday.\n"
)


def test_bare_mentions_do_not_outvote_the_one_that_says_civilians_were_hit() -> None:
    name, mentions = coded_without_the_model(CIVILIANS)
    # the bare mentions are coded Armed clash by the word's listing: three against one
    assert [m for m in mentions if m == ("attack", "Armed clash")] == [
        ("attack", "Armed clash")
    ] * 3
    assert name == "Attack"


def test_two_armed_sides_stay_an_armed_clash() -> None:
    name, _ = coded_without_the_model(SOLDIERS)
    assert name == "Armed clash"


def test_with_the_learned_model_the_codings_agree() -> None:
    (civilians,) = [
        e for e in extract(Document(CIVILIANS)).events if e.type != "Strategic developments"
    ]
    assert civilians.subtype == "Attack"
    (soldiers,) = [
        e for e in extract(Document(SOLDIERS)).events if e.type != "Strategic developments"
    ]
    assert soldiers.subtype == "Armed clash"


def read_as(text: str) -> list[str]:
    """What the learned coder reads of the text's one attack."""
    drafts = find_drafts(text, [], [], default_codebook())
    (group,) = [g for g in incidents(drafts) if g[0].trigger.phrase == "attack"]
    return features(group)


def test_an_armed_side_in_no_role_of_the_attack_is_not_read_as_one() -> None:
    # the police made the arrests; they were no side of the attack
    seen = read_as("On Sunday, police arrested 12 people over Saturday's terror attack.")
    assert "w:police" not in seen and "w:terror" in seen
    assert "gk=none" in seen


def test_an_armed_side_the_attack_hit_is_read_with_its_kind() -> None:
    seen = read_as("Gunmen attacked police at a checkpoint on Saturday.")
    assert "w:police" in seen and "gk=Armed clash" in seen
    civilians = read_as("Gunmen attacked worshippers at a mosque on Saturday.")
    assert "gk=Attack" in civilians and "gk=Armed clash" not in civilians


def roles(text: str) -> tuple[list[str], list[str]]:
    """The actors and places of the text's first event."""
    e = extract(Document(text)).events[0]
    return [r.span.text for r in e.actors], [r.span.text for r in e.location]


def test_a_noun_before_an_ing_word_is_no_actor_of_it() -> None:
    # "concert" modifies "bombing" (a noun here): it is no one who bombed
    actors, places = roles("Investigators studied the May 22 concert bombing in the city.")
    assert "concert" not in actors and places == ["city"]
    actors, _ = roles("Reporters described a school shooting near the port.")
    assert "school" not in actors


def test_people_before_an_ing_word_still_act() -> None:
    actors, _ = roles("Police found the gunmen shooting at shoppers.")
    assert actors == ["gunmen"]
    actors, _ = roles("The rebel attack on the town killed ten.")
    assert "rebel" in actors
