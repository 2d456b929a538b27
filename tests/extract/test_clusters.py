"""Word clusters: the file format round-trips, and the tagger's features use them."""

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
