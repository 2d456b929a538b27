"""The error breakdown eval_ner --errors prints: each gold or found span in one kind."""

from __future__ import annotations

from training.ner_errors import Errors


def test_each_error_falls_in_one_kind() -> None:
    gold = {(0, 5, "PER"), (10, 16, "ORG"), (20, 30, "LOC"), (40, 45, "ORG"), (50, 55, "PER")}
    found = {
        (0, 5, "PER"),  # right
        (10, 16, "LOC"),  # type error: ORG found as LOC
        (20, 25, "LOC"),  # boundary: shorter than the gold place
        (60, 66, "ORG"),  # spurious
    }  # (40, 45) and (50, 55) missed
    e = Errors()
    e.add(gold, found)
    assert e.kinds == {
        ("type", "ORG"): 1,
        ("boundary (gold)", "LOC"): 1,
        ("missed", "ORG"): 1,
        ("missed", "PER"): 1,
        ("boundary (found)", "LOC"): 1,
        ("spurious", "ORG"): 1,
    }
    assert e.confusion == {("ORG", "LOC"): 1}
    table = e.table("dev", ("PER", "ORG", "LOC"))
    assert "type confusion (gold->found): ORG->LOC 1" in table
    assert e.bounds == {"shorter": 1}
    assert "the found span: longer 0, shorter 1, crossing 0" in table


def test_boundary_errors_say_how_the_found_span_differs() -> None:
    gold = {(0, 10, "ORG"), (20, 30, "PER"), (40, 50, "LOC")}
    found = {(0, 15, "ORG"), (22, 28, "PER"), (45, 55, "LOC")}
    e = Errors()
    e.add(gold, found)
    assert e.bounds == {"longer": 1, "shorter": 1, "crossing": 1}


def test_a_perfect_match_has_no_errors() -> None:
    e = Errors()
    e.add({(0, 5, "PER")}, {(0, 5, "PER")})
    assert not e.kinds
    assert "type confusion (gold->found): none" in e.table("dev", ("PER",))
