"""The learned claim models: their file, their features, and what they add to the rules."""

from __future__ import annotations

import pytest

from training.claims_learn import DensePerceptron, FeatureIndex, logistic_regression
from training.claims_match import match, matches_any
from training.claims_probe import claims_feature_probe
from tui.data import data_bytes
from tui.extract.attribution import find_claims
from tui.extract.claim_distances import bucket
from tui.extract.claim_features import SentenceView, lemma
from tui.extract.claim_model import MODEL_FILE, ClaimModel, claim_model, runs
from tui.extract.claim_weights import ABSENT, BLOCK, dumps, loads
from tui.extract.cues import lexicon, word_starts
from tui.extract.quotes import Quotes
from tui.text.document import Document
from tui.text.segment import paragraphs, tokens


def test_weights_file_round_trip() -> None:
    tables = {"cue": {"w=said": [2.5], "bias": [-0.125]}, "span": {"tw=é": [1.0, -2.0, 0.5]}}
    data = dumps({"vocab": ["said"], "threshold": 0.4}, tables)
    assert dumps({"vocab": ["said"], "threshold": 0.4}, tables) == data  # same bytes
    meta, got = loads(data)
    assert meta == {"vocab": ["said"], "threshold": 0.4}
    assert got["cue"].scalars() == {"w=said": 2.5, "bias": -0.125}
    assert got["span"].row("tw=é") == (1.0, -2.0, 0.5)
    assert got["span"].row("tw=x") is None


def test_a_damaged_weights_file_is_refused() -> None:
    good = dumps({}, {"cue": {"bias": [1.0], "w=said": [2.0]}})
    assert loads(good)[1]["cue"].scalars() == {"bias": 1.0, "w=said": 2.0}  # the positive twin
    with pytest.raises(ValueError, match="bad magic"):
        loads(b"SOMETHING ELSE" + good)
    with pytest.raises(ValueError, match="truncated or damaged"):
        loads(good[:-3])


def test_a_big_table_opens_only_the_blocks_it_is_asked_for() -> None:
    names = [f"tw=w{n:05d}" for n in range(10 * BLOCK + 7)]
    span = {f: [n, -n, 0.5] for n, f in enumerate(names)}
    meta, got = loads(dumps({}, {"span": span, "cue": {"bias": [1.0]}}))
    table = got["span"]
    assert table.rows == {}  # nothing read at load
    assert table.row(names[3 * BLOCK + 5]) == (3 * BLOCK + 5, -(3 * BLOCK + 5), 0.5)
    assert len([r for r in table.rows.values() if r != ABSENT]) == BLOCK  # that block only
    assert table.row(names[-1]) == (len(names) - 1, -(len(names) - 1), 0.5)  # the short last
    assert table.find("tw=w00003x") == ABSENT and table.rows["tw=w00003x"] == ABSENT
    assert table.find("a") == ABSENT and table.find("zz") == ABSENT  # before and after all
    # Every name found, whatever the order of asking, and the table knows them all.
    assert all(table.row(f) == (n, -n, 0.5) for n, f in reversed(list(enumerate(names))))
    assert table.names() == names and len(table) == len(names)


def test_the_lazily_read_model_scores_as_the_whole_one(seed_text: str) -> None:
    lazy = ClaimModel.from_bytes(data_bytes(MODEL_FILE))
    meta, tables = loads(data_bytes(MODEL_FILE))
    whole = ClaimModel(
        lazy.vocab, tables["cue"].scalars(), lazy.span, lazy.scorer, lazy.threshold, 0.0
    )
    assert lazy.cue == {}
    lex = lexicon()
    text = seed_text[:3000]
    view = SentenceView.of(tokens(text), Quotes(text, paragraphs(text)))
    margins = [
        (lazy.cue_margin(view, i, lex), whole.cue_margin(view, i, lex))
        for i, w in enumerate(view.low)
        if w in lazy.vocab
    ]
    assert len(margins) >= 5 and all(a == b for a, b in margins)
    assert any(m > 0 for m, _ in margins) and any(m < 0 for m, _ in margins)


def test_cue_words_are_found_by_lookup_whole_and_hyphenated() -> None:
    words = frozenset({"said", "so-called", "told"})
    text = "He SAID the so-called deal, untold and co-told, was told-off. Said-X"
    assert [text[i : i + 4] for i in word_starts(text, words)] == ["SAID", "so-c"]
    assert word_starts("Nothing here at all.", words) == []
    vocab = lexicon().cue_words
    assert word_starts("Officials said, according to the mayor.", vocab) == [10, 16]


def test_an_object_read_by_the_tagger_stops_before_the_writers_adjunct() -> None:
    from tui.extract.model_drafts import _object_end

    def cut(text: str, first: int) -> str:
        view = SentenceView.of(tokens(text), Quotes(text, paragraphs(text)))
        end = _object_end(view, first, len(view.toks) - 1)  # the full stop left out
        return " ".join(view.low[first:end])

    assert cut("Clinton has not mentioned Machado since the debate.", 4) == "machado"
    assert cut("Trump questioned the vote, encouraging supporters to go.", 2) == "the vote ,"
    # A clause or a quotation is what was said, adjuncts and all.
    assert cut("He said that the war ended after the treaty.", 2) == (
        "that the war ended after the treaty"
    )
    assert cut("He called it “a disgrace since day one”.", 3) == "“ a disgrace since day one ”"


def test_shipped_model_was_trained_on_the_features_computed_now() -> None:
    meta, tables = loads(data_bytes(MODEL_FILE))
    assert meta["feature_probe"] == claims_feature_probe(), (
        "claim features changed since training: python -m training.train_claims"
    )
    assert len(meta["trained_on"]) == 64
    assert 0.0 < meta["threshold"] < 1.0
    assert "said" in meta["vocab"] and "according" in meta["vocab"]
    assert tables["cue"] and tables["span"]
    # Stored uncompressed (loading skips a decompression); the wheel zips it to about a
    # third, and every shipped model together must stay under 20 MB.
    assert len(data_bytes(MODEL_FILE)) < 8_000_000


def test_features_read_distance_and_word_forms() -> None:
    assert [bucket(d) for d in (-1, -4, -30, 1, 2, 7, 60)] == [
        "L1",
        "L5",
        "L99",
        "R1",
        "R2",
        "R9",
        "R99",
    ]
    assert lemma("endorsed") == lemma("endorses") == lemma("endorsing") == "endors"
    text = "“We won,” she said, adding that it was close."
    view = SentenceView.of(tokens(text), Quotes(text, paragraphs(text)))
    assert view.low[:3] == ["“", "we", "won"]
    assert view.inq[1] and not view.inq[6]
    assert view.commas[-1] == 2 and view.marks[-1] == 2
    assert runs([0, 2, 2, 0, 1, 2], 2) == [(1, 3), (5, 6)]


def test_the_model_finds_cues_the_word_lists_do_not_hold() -> None:
    # "hopes" and "fear" are not in claims_cues.yaml: PolNeAR counts hopes and fears.
    c = find_claims(Document("Kasich hopes that voters will see him as a moderate."), (), ())
    assert [(x.cue.text, x.source.span.text) for x in c] == [("hopes", "Kasich")]
    assert "voters will see him as a moderate" in c[0].content[0].text
    c = find_claims(Document("Republican leaders fear that Trump will lose the Senate."), (), ())
    assert [x.cue.text for x in c] == ["fear"]
    assert "Trump will lose the Senate" in c[0].content[0].text
    assert c[0].source is not None and "leaders" in c[0].source.span.text


def test_confidence_is_the_scorer_probability_and_low_ones_are_left_out() -> None:
    model = claim_model()
    text = "The minister said on Tuesday that the talks had failed."
    (said,) = find_claims(Document(text), (), ())
    assert model.threshold <= said.confidence < 1.0
    strict = ClaimModel(
        model.vocab, model.cue, model.span, model.scorer, 1.0, model.cue_floor, model.cue_table
    )
    assert find_claims(Document(text), (), (), strict) == ()


def test_learners_are_deterministic_and_learn() -> None:
    index = FeatureIndex()
    rows = [(index(["bias", f"w={w}"]), int(w == "said")) for w in ("said", "ate", "said", "ran")]
    model = DensePerceptron(2)
    model.grow(len(index.names))
    for _ in range(3):
        for ids, y in rows:
            model.update(y, model.predict(ids), ids)
    assert [model.predict(ids) for ids, _ in rows] == [1, 0, 1, 0]
    w = logistic_regression([{"x": 1.0}, {"x": -1.0}] * 5, [1, 0] * 5, epochs=20)
    assert w["x"] > 0.5
    assert logistic_regression([{"x": 1.0}, {"x": -1.0}] * 5, [1, 0] * 5, epochs=20) == w


def test_matching_follows_the_evaluation_rules() -> None:
    text = "Smith said the bridge would reopen next week."
    gold = [([(6, 10)], [(11, 44)])]  # "the bridge would reopen next week": 6 words
    near = [([(6, 10)], [(11, 34)])]  # "the bridge would reopen": Dice 8/10
    far = [([(6, 10)], [(11, 14)])]  # "the": Dice 2/7
    assert match(text, near, gold) == [(0, 0)]
    assert match(text, far, gold) == []
    assert matches_any(text, near + far, gold) == [True, False]


def _reference_tag(model: ClaimModel, view: SentenceView, k: int) -> list[int]:
    """The tagger written plainly from ``span_features``: what the fast loop must equal."""
    from tui.extract.claim_features import LABELS, span_features
    from tui.extract.claim_model import WINDOW_LEFT, WINDOW_RIGHT

    labels = [0] * len(view.toks)
    prev, prev2 = "O", "O"
    for i in range(max(0, k - WINDOW_LEFT), min(len(view.toks), k + WINDOW_RIGHT)):
        if i == k:
            prev2, prev = prev, "K"
            continue
        scores = [0.0, 0.0, 0.0]
        for f in span_features(view, k, i, lemma(view.low[k]), prev, prev2):
            for n, v in enumerate(model.span.row(f) or (0.0, 0.0, 0.0)):
                scores[n] += v
        best = max(range(3), key=lambda n: (scores[n], -n))
        labels[i] = best
        prev2, prev = prev, LABELS[best]
    return labels


def test_the_fast_tagger_equals_the_plain_one(seed_text: str) -> None:
    model = claim_model()
    quotes = Quotes(seed_text, paragraphs(seed_text))
    from tui.text.segment import sentences

    checked = 0
    for s0, s1 in sentences(seed_text)[:12]:
        view = SentenceView.of(tokens(seed_text, s0, s1), quotes)
        for k, w in enumerate(view.low):
            if w in model.vocab:
                labels, margins = model.tag(view, k)
                assert labels == _reference_tag(model, view, k)
                assert all(m >= 0 for m in margins)
                checked += 1
    assert checked >= 5
