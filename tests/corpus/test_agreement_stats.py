"""Cohen's kappa and Krippendorff's alpha reproduce published worked examples."""

import pytest

from tui.corpus.agreement_stats import cohen_kappa, kappa_from_table, krippendorff_alpha

N = None


def test_cohen_1960_table_1() -> None:
    # Cohen (1960), "A coefficient of agreement for nominal scales", Table 1: two judges,
    # 200 cases, three categories; p_o = .70, p_c = .41, kappa = .49.
    table = [[88, 14, 18], [10, 40, 10], [2, 6, 12]]
    k = kappa_from_table(table)
    assert k.units == 200
    assert k.observed == pytest.approx(0.70)
    assert k.expected == pytest.approx(0.41)
    assert k.value == pytest.approx(0.4915, abs=5e-5)


def test_two_by_two_textbook_example() -> None:
    # The usual yes/no illustration: 50 cases, 20 both yes, 15 both no, 5 and 10 split;
    # p_o = .70, p_e = .50, kappa = .40.
    k = kappa_from_table([[20, 5], [10, 15]])
    assert (k.observed, k.expected) == pytest.approx((0.7, 0.5))
    assert k.value == pytest.approx(0.4)


def test_sas_proc_freq_printout() -> None:
    # A 3x3 table whose SAS PROC FREQ printout gives simple kappa 0.4842 (the printout
    # statsmodels tests its own kappa against).
    assert kappa_from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]]).value == pytest.approx(
        0.4842, abs=5e-5
    )


def test_r_irr_anxiety_raters_2_and_3() -> None:
    # R package irr, data(anxiety), kappa2(anxiety[, 2:3]): kappa = -0.006289308.
    rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4]
    rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2]
    assert cohen_kappa(zip(rater2, rater3, strict=True)).value == pytest.approx(
        -0.006289308, abs=1e-9
    )


def test_identical_judgements_give_kappa_and_alpha_one() -> None:
    values = ["verified", "false", "verified", "disputed"]
    assert cohen_kappa(zip(values, values, strict=True)).value == 1.0
    assert krippendorff_alpha(zip(values, values, strict=True)).value == 1.0


def test_undefined_without_variation_or_units() -> None:
    # Everyone says the same about everything: chance agreement is 1, 0/0.
    assert cohen_kappa([("a", "a"), ("a", "a")]).value is None
    assert krippendorff_alpha([("a", "a"), ("a", "a")]).value is None
    assert cohen_kappa([]).value is None and cohen_kappa([]).units == 0
    assert krippendorff_alpha([("a", None), (None, "b")]).value is None


def test_krippendorff_2011_binary_two_observers() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A:
    # binary data, two observers, no missing data: alpha = 0.095.
    ben = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    gerry = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    a = krippendorff_alpha(zip(ben, gerry, strict=True))
    assert a.value == pytest.approx(0.095, abs=5e-4)
    assert a.pairable == 20


def test_krippendorff_2011_nominal_four_observers_missing_data() -> None:
    # Krippendorff (2011), section C (also Content Analysis, 4th ed., p. 290): four
    # observers, twelve units, missing values; unit 12 has one value and drops out.
    # Nominal alpha = 0.743, from n = 40 pairable values.
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
    a = krippendorff_alpha(zip(*observers, strict=True))
    assert a.value == pytest.approx(0.743, abs=5e-4)
    assert (a.pairable, a.units) == (40, 11)


def test_three_coders_with_gaps() -> None:
    # The computational example of the encyclopaedia article on alpha: three coders,
    # fifteen units, many gaps; nominal alpha = 0.691.
    rows = [
        "* * * * * 3 4 1 2 1 1 3 3 * 3",
        "1 * 2 1 3 3 4 3 * * * * * * *",
        "* * 2 1 3 4 4 * 2 1 1 3 3 * 4",
    ]
    coders = [[None if v == "*" else int(v) for v in r.split()] for r in rows]
    assert krippendorff_alpha(zip(*coders, strict=True)).value == pytest.approx(0.691, abs=5e-4)
