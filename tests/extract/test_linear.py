"""The compact linear-model file: round trip, refusal of damaged files, the shipped ones."""

from array import array

import pytest

from tui.extract.linear import LinearModel, ModelError, dumps, load_packaged, loads


def small() -> LinearModel:
    weights = array("f", [1.0, -1.0, 0.5, 0.25])
    return LinearModel(("no", "yes"), {"w:kill": 0, "w:rally": 1}, weights, (0.0, 0.1), 1.5)


def test_round_trip_gives_the_same_bytes_and_scores() -> None:
    data = dumps(small())
    back = loads(data)
    assert dumps(back) == data
    assert back.scores(["w:kill", "w:unknown"]) == pytest.approx([1.0, -0.9])
    probs = back.probabilities(["w:rally"])
    assert sum(probs) == pytest.approx(1.0) and probs[0] > probs[1]

    # the temperature flattens: a hotter model is less sure
    def sure(temperature: float) -> float:
        model = LinearModel(
            ("no", "yes"), {"f": 0}, array("f", [4.0, 0.0]), (0.0, 0.0), temperature
        )
        return max(model.probabilities(["f"]))

    assert 0.5 < sure(4.0) < sure(1.0) < 1.0


def test_damaged_files_are_refused() -> None:
    data = dumps(small())
    with pytest.raises(ModelError):
        loads(b"not a model")
    with pytest.raises(ModelError):
        loads(data[:-3])


def test_the_shipped_subtype_model_loads() -> None:
    model = load_packaged("events_subtypes.bin")
    assert model is not None
    assert "Armed clash" in model.labels and "Peaceful protest" in model.labels
    assert 0.5 <= model.temperature <= 8
    assert load_packaged("no_such_model.bin") is None


def test_scores_of_some_labels_are_those_of_all_labels() -> None:
    weights = array("f", [1.0, -1.0, 2.0, 0.5, 0.25, -3.0])
    model = LinearModel(("a", "b", "c"), {"x": 0, "y": 1}, weights, (0.1, 0.2, 0.3))
    every = model.scores(["y", "x", "unknown", "x"])
    # a repeated feature counts twice; bias first, then each feature in order
    assert every == [0.1 + 0.5 + 1.0 + 1.0, 0.2 + 0.25 - 1.0 - 1.0, 0.3 - 3.0 + 2.0 + 2.0]
    assert model.scores(["y", "x", "unknown", "x"], [2, 0]) == [every[2], every[0]]
    assert model.scores([], [1]) == [0.2]


def _scores_row_by_row(model: LinearModel, features: list[str]) -> list[float]:
    """The plain definition: the bias plus each active feature's row, in feature order."""
    k = len(model.labels)
    out = list(model.bias)
    for f in features:
        row = model.index.get(f)
        if row is not None:
            for j in range(k):
                out[j] += model.weights[row * k + j]
    return out


def test_scores_are_the_bias_plus_the_active_rows_to_the_last_bit() -> None:
    model = load_packaged("events_subtypes.bin")
    assert model is not None
    known = sorted(model.index)[:: max(1, len(model.index) // 40)]
    features = [*known, "no such feature", known[0]]  # unknown ones count nothing; repeats twice
    assert model.scores(features) == _scores_row_by_row(model, features)  # exact, not approx
    assert model.scores(features) != list(model.bias)
    assert model.scores(["no such feature"]) == list(model.bias)
    assert model.scores(iter(known)) == _scores_row_by_row(model, known)  # any iterable
