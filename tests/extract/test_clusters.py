"""Word clusters and lexicon flags: the features that know a word beyond the labelled data."""

from __future__ import annotations

from tui.extract.clusters import Clusters, clusters, encode
from tui.extract.features import context_features, own_features
from tui.extract.gazetteer import gazetteer


def test_encoded_clusters_are_found_by_word() -> None:
    words = ["Zelenskiy", "Aleppo", "Kyiv", "Ä", "Assad"]
    text = encode(words, [3, 200, 200, 7, 3], [k % 32 for k in range(256)])
    c = Clusters(text)
    assert len(c) == 5
    assert c.get("Aleppo") == ("c8", "08")
    assert c.get("Kyiv") == ("c8", "08")
    assert c.get("Assad") == ("03", "03")
    assert c.get("Ä") == ("07", "07")


def test_a_word_with_no_cluster_has_none() -> None:
    c = Clusters(encode(["Aleppo"], [1], [0] * 256))
    assert c.get("Aleppa") is None
    assert c.get("aleppo") is None
    assert c.get("Zzz") is None
    assert Clusters("\n\n\n").get("Aleppo") is None


def test_the_tagger_features_carry_the_shipped_clusters() -> None:
    shipped = clusters()
    assert len(shipped) > 5000
    fine, coarse = shipped.get("Monday")
    gaz = gazetteer()
    assert {"c=" + fine, "cc=" + coarse} <= set(own_features("Monday", gaz))
    assert "cc=" + coarse in context_features("Monday", gaz, True)
    # the twin: an unknown form gets no cluster feature
    assert not [f for f in own_features("Qwzxv", gaz) if f.startswith(("c=", "cc="))]


def test_a_given_name_is_flagged_on_the_word_and_its_neighbours() -> None:
    gaz = gazetteer()
    assert "given" in own_features("Gloria", gaz)
    assert "given" in context_features("Eunice", gaz, True)
    # the twins: a surname, a place, a given name in lower case
    for word in ("Mertens", "Aleppo", "gloria"):
        assert "given" not in own_features(word, gaz)
