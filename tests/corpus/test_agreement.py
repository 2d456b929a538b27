"""Agreement figures on constructed pairs of reviews whose answers are known by hand."""

from dataclasses import replace

import pytest

from tui.corpus.agreement import compare_article, compare_pair, counted, overall
from tui.corpus.agreement_match import content_words, dice, match_claims, units
from tui.model import Annotations, Claim, Entity, Event, Mention, Ref, Review, Span

TEXT = (
    "Rebels said they took the airport in Aleppo on Monday. "
    "The army said dozens of soldiers were killed in the assault. "
    "Officials told reporters the ceasefire would hold.\n"
)


def at(needle: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(needle, i + 1)
    return Span.of(TEXT, i, i + len(needle))


def mention(mid: str, needle: str, kind: str, **kw: object) -> Mention:
    return Mention(mid, at(needle), kind, "e" + mid, **kw)  # type: ignore[arg-type]


def claim(
    cid: str, cue: str, content: str, source: str | None, verdict: str | None = None
) -> Claim:
    return Claim(
        cid,
        at(cue, 0 if cid.endswith("1") else 1) if cue == "said" else at(cue),
        (at(content),),
        Ref(at(source)) if source else None,
        review=Review(verdict),
    )


def review(mentions=(), claims=(), events=()) -> Annotations:
    entities = tuple(Entity(m.entity, m.span.text, m.type) for m in mentions)
    return Annotations(entities, tuple(mentions), tuple(claims), tuple(events))


def full() -> Annotations:
    return review(
        [mention("1", "Rebels", "ORG"), mention("2", "Aleppo", "GPE"), mention("3", "army", "ORG")],
        [
            claim("c1", "said", "they took the airport in Aleppo", "Rebels", "verified"),
            claim("c2", "said", "dozens of soldiers were killed", "The army", "false"),
            claim("c3", "told", "the ceasefire would hold", "Officials", "disputed"),
        ],
        [
            Event("v1", "Battles", "Armed clash", at("took")),
            Event("v2", "Battles", "Armed clash", at("killed")),
        ],
    )


def test_identical_reviews_agree_on_everything() -> None:
    a = counted(full())
    art = compare_article("story.txt", "sha", [a, counted(full())])
    (p,) = art.pairs
    assert p.exact_all.f1 == p.overlap_all.f1 == 1.0
    assert p.claims.f1 == 1.0 and p.sources.value == 1.0 and p.kinds.value == 1.0
    assert p.events.f1 == 1.0 and p.types.value == p.subtypes.value == 1.0
    assert art.verdicts.kappa.value == 1.0
    assert art.verdicts.alpha.value == 1.0
    assert (art.verdicts.judged_by_all, art.verdicts.judged_by_some) == (3, 0)


def test_mentions_exact_and_overlap_by_type() -> None:
    a = review(
        [mention("1", "Rebels", "ORG"), mention("2", "Aleppo", "GPE"), mention("3", "army", "ORG")]
    )
    b = review(
        [
            mention("1", "Rebels", "PERSON"),  # same span, other type: no match either way
            mention("2", "Aleppo", "GPE"),  # exact
            mention("3", "The army", "ORG"),  # overlaps "army": an overlap match only
        ]
    )
    p = compare_pair(counted(a), counted(b))
    assert (p.exact_all.matched, p.exact_all.first, p.exact_all.second) == (1, 3, 3)
    assert p.exact_all.f1 == pytest.approx(1 / 3)
    assert p.overlap_all.f1 == pytest.approx(2 / 3)
    assert p.exact["ORG"].f1 == 0.0
    assert p.overlap["ORG"].f1 == pytest.approx(2 / 3)  # 2*1 / (2 + 1)
    assert p.exact["PERSON"].f1 == 0.0 and p.exact["GPE"].f1 == 1.0


def test_one_long_mention_matches_one_of_two_short_ones() -> None:
    a = review([mention("1", "the airport in Aleppo", "FAC")])
    b = review([mention("1", "airport", "FAC"), mention("2", "Aleppo", "FAC")])
    p = compare_pair(counted(a), counted(b))
    assert p.overlap_all.matched == 1
    assert p.overlap_all.f1 == pytest.approx(2 / 3)


def test_claims_match_as_the_benchmark_matches_them() -> None:
    whole = claim("c1", "said", "they took the airport in Aleppo", "Rebels")
    part = claim("c1", "said", "they took the airport", None)  # Dice 8/10
    half = claim("c1", "said", "the airport", "Rebels")  # Dice 2*2/(6+2) = 0.5: still a match
    tiny = claim("c1", "said", "airport", "Rebels")  # Dice 2/7: not the same claim
    assert dice(content_words(whole), content_words(part)) == pytest.approx(0.8)
    assert dice(content_words(whole), content_words(half)) == pytest.approx(0.5)
    assert [len(match_claims([whole], [x])) for x in (part, half, tiny)] == [1, 1, 0]
    p = compare_pair(counted(review(claims=[whole])), counted(review(claims=[part])))
    assert p.claims.f1 == 1.0
    assert p.sources.value == 0.0  # named against unnamed
    other_cue = claim("c3", "told", "they took the airport in Aleppo", "Rebels")
    assert match_claims([whole], [other_cue]) == []  # the cues must overlap


def test_events_match_on_any_of_their_trigger_mentions() -> None:
    a = review(events=[Event("v1", "Battles", "Armed clash", at("took"))])
    # b reports the same incident with "assault" as its main trigger and "took" as another
    # mention; its sub-type differs.
    b = review(
        events=[
            Event(
                "v1",
                "Battles",
                "Non-state actor overtakes territory",
                at("assault"),
                mentions=(at("took"),),
            ),
            Event("v2", "Violence against civilians", "Attack", at("killed")),
        ]
    )
    p = compare_pair(counted(a), counted(b))
    assert (p.events.matched, p.events.first, p.events.second) == (1, 1, 2)
    assert p.events.f1 == pytest.approx(2 / 3)
    assert (p.types.value, p.subtypes.value) == (1.0, 0.0)


def test_kappa_over_claims_both_judged_with_the_others_counted() -> None:
    a = full()
    b = full()
    # b calls the second claim "verified" as well and does not judge the third.
    b = replace(
        b,
        claims=(
            b.claims[0],
            replace(b.claims[1], review=Review("verified")),
            replace(b.claims[2], review=Review()),
        ),
    )
    # Add a claim only a has, judged: it is a unit b has no value for.
    extra = Claim("c9", at("said"), (at("on Monday"),), review=Review("false"))
    a = replace(a, claims=(*a.claims, extra))
    art = compare_article("s", "sha", [counted(a), counted(b)])
    v = art.verdicts
    # Both judged c1 (verified/verified) and c2 (false/verified).
    # p_o = 1/2; a: verified 1, false 1; b: verified 2; p_e = (1*2)/4 = 1/2; kappa = 0.
    assert v.judged_by_all == 2 and v.judged_by_some == 2
    assert v.kappa.observed == 0.5 and v.kappa.value == 0.0


def test_kappa_by_hand_on_three_claims() -> None:
    a, b = full(), full()
    b = replace(b, claims=(*b.claims[:2], replace(b.claims[2], review=Review("false"))))
    a = replace(a, claims=(*a.claims[:2], replace(a.claims[2], review=Review("verified"))))
    # pairs (verified, verified) (false, false) (verified, false):
    # p_o = 2/3, p_e = (2*1 + 1*2)/9 = 4/9, kappa = (2/9) / (5/9) = 0.4
    k = compare_article("s", "sha", [counted(a), counted(b)]).verdicts.kappa
    assert k.value == pytest.approx(0.4)


def test_rejected_and_orphaned_items_do_not_count_and_reviewed_only_narrows() -> None:
    base = review(
        [
            mention("1", "Rebels", "ORG", status="accepted"),
            mention("2", "Aleppo", "GPE", status="rejected"),
            mention("3", "army", "ORG", anchor="orphaned"),
            mention("4", "Officials", "PERSON", origin="user"),
            mention("5", "Monday", "DATE"),
        ]
    )
    items = counted(base)
    assert [m.id for m in items.mentions] == ["1", "4", "5"]
    assert items.orphaned == 1
    assert [m.id for m in counted(base, reviewed_only=True).mentions] == ["1", "4"]


def test_three_reviewers_alpha_and_mean_of_pairs() -> None:
    a, b, c = full(), full(), full()
    c = replace(c, mentions=c.mentions[:2], entities=c.entities[:2])  # c misses "army"
    c = replace(c, claims=(*c.claims[:2], replace(c.claims[2], review=Review("verified"))))
    art = compare_article("s", "sha", [counted(a), counted(b), counted(c)])
    assert [(p.first, p.second) for p in art.pairs] == [(0, 1), (0, 2), (1, 2)]
    assert [p.exact_all.f1 for p in art.pairs] == pytest.approx([1.0, 0.8, 0.8])
    v = art.verdicts
    assert v.kappa is None  # kappa is for two reviewers
    # Units: (verified x3), (false x3), (disputed, disputed, verified). n = 9 values;
    # o(disputed, verified) = o(verified, disputed) = 2 * 1/2 = 1 -> disagreement 2;
    # n_verified = 4, n_false = 3, n_disputed = 2: sum n_c n_k (c != k) = 81 - 29 = 52.
    # alpha = 1 - (9 - 1) * 2 / 52
    assert v.alpha.value == pytest.approx(1 - 16 / 52)


def test_units_gather_each_reviewers_copy_of_a_claim() -> None:
    a, b = full().claims, full().claims[1:]
    got = units([a, b, []])
    assert [[x.id if x else None for x in u] for u in got] == [
        ["c1", None, None],
        ["c2", "c2", None],
        ["c3", "c3", None],
    ]


def test_overall_sums_articles_before_dividing() -> None:
    one = compare_article("1", "a", [counted(full()), counted(full())])
    empty = review([mention("1", "Rebels", "ORG")])
    two = compare_article("2", "b", [counted(empty), counted(review())])
    total = overall([one, two], 2)
    (p,) = total.pairs
    # 3 matched mentions of 3 + 3, then 0 of 1 + 0: 2*3 / 7 (not the mean of 1.0 and 0.0)
    assert p.exact_all.f1 == pytest.approx(6 / 7)
    assert total.articles == 2 and len(total.verdicts.units) == 3
