"""How far reviewers agree on the same articles: the figures annotation projects report.

For every pair of reviewers, per article and summed over articles: entity mentions
(F1 on exact span and type, and on overlapping spans of one type, overall and per
type), entity links (F1 on the coreference links among the mentions both marked, see
:mod:`tui.corpus.agreement_links`), claims (F1 under the claims benchmark's matching,
and among matched claims how often the sources agree), events (F1 on matched incidents, then how often their
type and sub-type agree). With two reviewers F1 is symmetric: 2·matched / (|A| + |B|).
With more, a figure is the mean over pairs.

Verdicts are compared on claim units (the same claim in every review that has it):
Cohen's kappa for two reviewers over the claims both judged, Krippendorff's alpha
for any number (missing judgements allowed), with the units not judged by all
counted beside them.

Which items count: whatever a reviewer left standing (not rejected, not orphaned by a
change to the article); with ``reviewed_only`` only what they accepted or made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from tui.corpus import agreement_match as match
from tui.corpus.agreement_links import links
from tui.corpus.agreement_stats import Alpha, Kappa, cohen_kappa, krippendorff_alpha
from tui.model import Annotations, Claim, Event, Mention


@dataclass(frozen=True, slots=True)
class Tally:
    """Items both have (matched) and each one's total, for an F1 that is symmetric."""

    matched: int = 0
    first: int = 0
    second: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.matched + other.matched, self.first + other.first, self.second + other.second
        )

    @property
    def f1(self) -> float | None:
        total = self.first + self.second
        return 2 * self.matched / total if total else None


@dataclass(frozen=True, slots=True)
class Share:
    """How many of ``of`` matched items agree on something (source, type...)."""

    agree: int = 0
    of: int = 0

    def __add__(self, other: Share) -> Share:
        return Share(self.agree + other.agree, self.of + other.of)

    @property
    def value(self) -> float | None:
        return self.agree / self.of if self.of else None


def _add_by_type(a: dict[str, Tally], b: dict[str, Tally]) -> dict[str, Tally]:
    return {t: a.get(t, Tally()) + b.get(t, Tally()) for t in sorted({*a, *b})}


@dataclass(frozen=True, slots=True)
class PairFigures:
    """What two reviewers (indices ``first``, ``second``) agree on."""

    first: int
    second: int
    exact: dict[str, Tally] = field(default_factory=dict)  # entity type -> tally
    overlap: dict[str, Tally] = field(default_factory=dict)
    claims: Tally = Tally()
    sources: Share = Share()
    kinds: Share = Share()
    events: Tally = Tally()
    types: Share = Share()
    subtypes: Share = Share()
    links: Tally = Tally()  # coreference links among the mentions both marked

    def __add__(self, other: PairFigures) -> PairFigures:
        return PairFigures(
            self.first,
            self.second,
            _add_by_type(self.exact, other.exact),
            _add_by_type(self.overlap, other.overlap),
            self.claims + other.claims,
            self.sources + other.sources,
            self.kinds + other.kinds,
            self.events + other.events,
            self.types + other.types,
            self.subtypes + other.subtypes,
            self.links + other.links,
        )

    @property
    def exact_all(self) -> Tally:
        return sum(self.exact.values(), Tally())

    @property
    def overlap_all(self) -> Tally:
        return sum(self.overlap.values(), Tally())


@dataclass(frozen=True, slots=True)
class Verdicts:
    """Each claim unit's verdict in every review (None: not judged, or no such claim)."""

    reviewers: int
    units: tuple[tuple[str | None, ...], ...] = ()

    def __add__(self, other: Verdicts) -> Verdicts:
        return Verdicts(self.reviewers, self.units + other.units)

    @property
    def judged_by_all(self) -> int:
        return sum(1 for u in self.units if all(v is not None for v in u))

    @property
    def judged_by_some(self) -> int:
        """Units some reviewers judged and others did not: left out of kappa."""
        return sum(
            1 for u in self.units if any(v is None for v in u) and any(v is not None for v in u)
        )

    @property
    def kappa(self) -> Kappa | None:
        """Cohen's kappa over the units both judged (two reviewers only)."""
        if self.reviewers != 2:
            return None
        return cohen_kappa((a, b) for a, b in self.units if a is not None and b is not None)

    @property
    def alpha(self) -> Alpha:
        return krippendorff_alpha(self.units)


@dataclass(frozen=True, slots=True)
class Items:
    """The annotations of one review that count."""

    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    orphaned: int = 0


def counted(ann: Annotations, *, reviewed_only: bool = False) -> Items:
    """What a reviewer left standing: not rejected, not orphaned (and, if asked, decided)."""

    def keep(item: Mention | Claim | Event) -> bool:
        if item.status == "rejected" or item.anchor == "orphaned":
            return False
        return not reviewed_only or item.status == "accepted" or item.origin == "user"

    placed: list[Mention | Claim | Event] = [*ann.mentions, *ann.claims, *ann.events]
    orphaned = sum(1 for it in placed if it.anchor == "orphaned" and it.status != "rejected")
    return Items(
        tuple(m for m in ann.mentions if keep(m)),
        tuple(c for c in ann.claims if keep(c)),
        tuple(e for e in ann.events if keep(e)),
        orphaned,
    )


def _by_type(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.type, []).append(m)
    return out


def _mention_tallies(
    a: Sequence[Mention],
    b: Sequence[Mention],
    matcher: Callable[[Sequence[Mention], Sequence[Mention]], list[match.Match]],
) -> dict[str, Tally]:
    ta, tb = _by_type(a), _by_type(b)
    return {
        t: Tally(len(matcher(ta.get(t, []), tb.get(t, []))), len(ta.get(t, [])), len(tb.get(t, [])))
        for t in sorted({*ta, *tb})
    }


def compare_pair(a: Items, b: Items, first: int = 0, second: int = 1) -> PairFigures:
    """Every figure for two reviews of one article."""
    claim_matches = match.match_claims(a.claims, b.claims)
    event_matches = match.match_events(a.events, b.events)
    pairs_c = [(a.claims[m.first], b.claims[m.second]) for m in claim_matches]
    pairs_e = [(a.events[m.first], b.events[m.second]) for m in event_matches]
    linked = links(a.mentions, b.mentions)
    return PairFigures(
        first,
        second,
        exact=_mention_tallies(a.mentions, b.mentions, match.match_mentions_exact),
        overlap=_mention_tallies(a.mentions, b.mentions, match.match_mentions_overlap),
        claims=Tally(len(claim_matches), len(a.claims), len(b.claims)),
        sources=Share(sum(match.same_source(x, y) for x, y in pairs_c), len(pairs_c)),
        kinds=Share(sum(x.kind == y.kind for x, y in pairs_c), len(pairs_c)),
        events=Tally(len(event_matches), len(a.events), len(b.events)),
        types=Share(sum(x.type == y.type for x, y in pairs_e), len(pairs_e)),
        subtypes=Share(
            sum((x.type, x.subtype) == (y.type, y.subtype) for x, y in pairs_e), len(pairs_e)
        ),
        links=Tally(linked.both, linked.first, linked.second),
    )


def verdicts(reviews: Sequence[Items | None]) -> Verdicts:
    """Claim units across all reviews (an absent review judges nothing)."""
    present = [i for i, r in enumerate(reviews) if r is not None]
    k = len(reviews)
    out = []
    for unit in match.units([reviews[i].claims for i in present]):  # type: ignore[union-attr]
        values: list[str | None] = [None] * k
        for i, claim in zip(present, unit, strict=True):
            if claim is not None:
                values[i] = claim.review.verdict
        out.append(tuple(values))
    return Verdicts(k, tuple(out))


@dataclass(frozen=True, slots=True)
class ArticleAgreement:
    """One article as several reviewers left it."""

    name: str
    sha256: str
    reviews: tuple[Items | None, ...]  # one per reviewer; None: that reviewer lacks it
    pairs: tuple[PairFigures, ...]
    verdicts: Verdicts
    notes: tuple[str, ...] = ()  # re-anchoring and other things worth knowing


def compare_article(
    name: str, sha256: str, reviews: Sequence[Items | None], notes: Sequence[str] = ()
) -> ArticleAgreement:
    present = [i for i, r in enumerate(reviews) if r is not None]
    pairs = tuple(
        compare_pair(reviews[i], reviews[j], i, j)  # type: ignore[arg-type]
        for i, j in combinations(present, 2)
    )
    return ArticleAgreement(name, sha256, tuple(reviews), pairs, verdicts(reviews), tuple(notes))


@dataclass(frozen=True, slots=True)
class Overall:
    """The articles' figures summed (micro), pair by pair."""

    pairs: tuple[PairFigures, ...]
    verdicts: Verdicts
    articles: int


def overall(articles: Sequence[ArticleAgreement], reviewers: int) -> Overall:
    sums: dict[tuple[int, int], PairFigures] = {}
    votes = Verdicts(reviewers)
    for art in articles:
        votes = votes + art.verdicts
        for p in art.pairs:
            key = (p.first, p.second)
            sums[key] = sums[key] + p if key in sums else p
    return Overall(tuple(sums[k] for k in sorted(sums)), votes, len(articles))


def mean(values: Sequence[float | None]) -> float | None:
    """Mean over pairs, ignoring pairs where the figure is undefined."""
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
