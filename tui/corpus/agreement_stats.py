"""Chance-corrected agreement coefficients, from their textbook definitions.

Cohen's kappa (Cohen 1960) for two coders who judged the same units, and
Krippendorff's alpha for nominal data (Krippendorff, "Computing Krippendorff's
Alpha-Reliability", 2011) for any number of coders with missing values. Written out
here rather than taken from a package: the packages that compute them (krippendorff,
statsmodels, scikit-learn) all pull in numpy, tens of megabytes for a few sums; the
tests reproduce the published worked examples.

A coefficient is None when it is undefined: no units, or no variation at all (every
value the same category), where 0/0 says nothing about how far coders agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kappa:
    """Cohen's kappa with what it was computed from."""

    value: float | None
    observed: float | None  # share of units on which the two agree
    expected: float | None  # agreement expected by chance from each coder's own rates
    units: int


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> Kappa:
    """Kappa over units both coders judged: ``pairs`` of (first coder's, second's) value."""
    pairs = list(pairs)
    n = len(pairs)
    if not n:
        return Kappa(None, None, None, 0)
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second.get(c, 0) for c in first) / (n * n)
    value = None if expected == 1 else (observed - expected) / (1 - expected)
    return Kappa(value, observed, expected, n)


def kappa_from_table(table: Sequence[Sequence[int]]) -> Kappa:
    """Kappa from a square contingency table (rows: first coder, columns: second)."""
    pairs = [
        (i, j) for i, row in enumerate(table) for j, count in enumerate(row) for _ in range(count)
    ]
    return cohen_kappa(pairs)


@dataclass(frozen=True, slots=True)
class Alpha:
    """Krippendorff's alpha (nominal) with what it was computed from."""

    value: float | None
    pairable: int  # values in units that at least two coders judged (alpha's n)
    units: int  # units with at least two values


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> Alpha:
    """Nominal alpha over ``units``, each the values its coders gave (None: not judged).

    A unit with fewer than two values carries no information about agreement and is
    left out, as in Krippendorff's own procedure.
    """
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    used = 0
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        used += 1
        # Every ordered pair of values from two different coders, weighted 1/(m-1) so
        # each value contributes one unit of weight to the coincidence matrix.
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] += 1 / (m - 1)
    marginals: defaultdict[Hashable, float] = defaultdict(float)
    for (a, _), weight in coincidences.items():
        marginals[a] += weight
    n = sum(marginals.values())
    if n <= 1:
        return Alpha(None, round(n), used)
    disagree = sum(w for (a, b), w in coincidences.items() if a != b)
    chance = n * n - sum(c * c for c in marginals.values())  # sum over c != k of n_c n_k
    if chance == 0:
        return Alpha(None, round(n), used)
    return Alpha(1 - (n - 1) * disagree / chance, round(n), used)
