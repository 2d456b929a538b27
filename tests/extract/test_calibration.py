"""Calibrated confidences: a logistic regression over what is known of each mention."""

from __future__ import annotations

import math

from tui.data import data_bytes
from tui.extract.calibration import Calibration, mention_features
from tui.extract.entities import extract_entities, find_mentions
from tui.extract.gazetteer import gazetteer
from tui.extract.tagger import WEIGHTS_FILE, Tagger, default_tagger
from tui.extract.weights import Weights, unpack
from tui.text.document import Document

TEXT = (
    "Syrian rebels led by Hayat Tahrir al-Sham seized Aleppo on Friday, the group's "
    "leader Abu Mohammed al-Jolani said. Jolani told Reuters that 300 fighters took part.\n"
)


def test_the_regression_is_what_it_says() -> None:
    cal = Calibration({"logit": 2.0, "source=rule": -1.0}, bias=0.5)
    x = {"logit": 0.25, "source=rule": 1.0, "unknown": 9.0}  # unknown features weigh 0
    assert math.isclose(cal(x), 1 / (1 + math.exp(-(0.5 + 0.5 - 1.0))))
    assert cal({"logit": 30.0}) > 0.99 and cal({"logit": -30.0}) < 0.01
    assert Calibration.from_header(cal.to_header()) == cal
    assert Calibration.from_header(None) is None


def test_features_describe_the_mention() -> None:
    x = mention_features(0.9, "surname", "GPE", "PERSON", 3, "Jolani")
    assert math.isclose(x["logit"], math.log(0.9 / 0.1))
    assert x["overruled"] == 1.0 and x["one_word"] == 1.0 and x["capitals"] == 0.0
    assert x["source=surname"] == 1.0 and x["type=PERSON"] == 1.0
    # the margin again, by source and by type: its weight differs between them
    assert x["logit&source=surname"] == x["logit&type=PERSON"] == x["logit"]
    assert "logit&type=GPE" not in x
    y = mention_features(1.0, "tagger", "ORG", "ORG", 1, "U.N.")
    assert math.isfinite(y["logit"]) and y["overruled"] == 0.0 and y["capitals"] == 1.0


def test_shipped_names_get_calibrated_confidences_and_rules_keep_theirs() -> None:
    tagger = default_tagger()
    assert tagger is not None and tagger.calibration is not None
    _, mentions = extract_entities(Document(TEXT))
    by_text = {m.span.text: m for m in mentions}
    names = [m for m in mentions if m.type in ("PERSON", "ORG", "GPE", "NORP")]
    assert len(names) >= 4
    assert all(0.0 < m.confidence < 1.0 for m in names)
    assert len({m.confidence for m in names}) > 1  # not one constant
    assert by_text["Friday"].type == "DATE" and by_text["Friday"].confidence == 0.85
    # without a calibration the raw scores are kept (the positive twin of the above)
    w = unpack(data_bytes(WEIGHTS_FILE))
    uncalibrated = Tagger(Weights(w.tags, w.rows, w.values, {}), gazetteer())
    assert uncalibrated.calibration is None
    found = {(f.start, f.end): f.confidence for f in find_mentions(TEXT, uncalibrated)}
    _, raw_mentions = extract_entities(Document(TEXT), uncalibrated)
    assert [m.span.text for m in raw_mentions] == [m.span.text for m in mentions]
    for m in raw_mentions:
        assert m.confidence == round(min(found[(m.span.start, m.span.end)], 1.0), 3)
    assert [m.confidence for m in raw_mentions] != [m.confidence for m in mentions]


def test_part_of_a_token_keeps_its_rule_confidence() -> None:
    _, mentions = extract_entities(Document("Fighters of the Iran-backed group said so.\n"))
    iran = next(m for m in mentions if m.span.text == "Iran")
    assert iran.type == "GPE" and iran.confidence == 0.6  # the gazetteer rule's own score
    _, whole = extract_entities(Document("Fighters from Iran said so.\n"))
    assert next(m for m in whole if m.span.text == "Iran").confidence != 0.6  # calibrated


def test_of_mention_is_the_regression_over_mention_features() -> None:
    """The direct form gives the very float the dict of features gives, shipped weights
    or not, whatever the mention."""
    shipped = default_tagger().calibration
    made_up = Calibration(
        {
            "logit": 0.7,
            "capitals": -0.4,
            "type=ORG": 0.3,
            "logit&type=GPE": -0.25,
            "logit&source=surname": 0.1,
        },
        bias=-0.2,
    )
    cases = [
        (0.9, "surname", "GPE", "PERSON", 3, "Jolani"),
        (1.0, "tagger", "ORG", "ORG", 1, "U.N."),
        (0.0, "rule", "ORG", "ORG", 12, "Hayat Tahrir al-Sham"),
        (0.61, "acronym", "ORG", "GPE", 2, "HTS"),
        (0.5, "unheard-of", "LAW", "LAW", 1, "A"),
    ]
    for cal in (shipped, made_up):
        for case in cases:
            assert cal.of_mention(*case) == cal(mention_features(*case))
    assert made_up.of_mention(*cases[1]) != made_up.of_mention(*cases[0])


def test_a_place_and_a_person_of_the_same_margin_differ() -> None:
    # the shipped fit weighs the tagger's margin by type (places were overconfident)
    cal = default_tagger().calibration
    assert any(k.startswith("logit&type=") for k in cal.weights)
    place = cal.of_mention(0.99, "tagger", "GPE", "GPE", 1, "Lyon")
    person = cal.of_mention(0.99, "tagger", "PERSON", "PERSON", 1, "Lyon")
    assert place != person
