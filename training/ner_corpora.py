"""Readers for the NER corpora, as raw text plus gold character spans.

Training: CoNLL-2003 train and GUM's CoNLL-U files (``../shared/train``); development:
CoNLL-2003 dev and GUM news (``../shared/eval``). All are read at run time, never copied
into the project. Types: PER, ORG, LOC, MISC (CoNLL's set). GUM's named (proper-noun
headed) mentions map onto it: person -> PER, organization -> ORG, place -> LOC; event,
abstract, object, substance, animal and plant names -> MISC (CoNLL's MISC holds events,
works, languages, products); a person mention that is a nationality word ("Americans")
-> MISC too, as CoNLL tags it; time and quantity mentions are left out (our rules find
dates and figures). docs/models.md has the whole mapping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from training.gum import gum_files, read_gum_dir
from training.gum_names import normalise
from training.paths import EVAL_DIR, TRAIN_DIR, need
from tui.extract.gazetteer import NORP, gazetteer

CONLL_TRAIN = TRAIN_DIR / "ner" / "conll2003_train.iob2.txt"
GUM_TRAIN = TRAIN_DIR / "gum" / "dep"
CONLL = EVAL_DIR / "ner" / "conll2003_valid.iob2.txt"
GUM = EVAL_DIR / "ner" / "gum_news_entities.jsonl"

GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
# GUM types whose proper-noun-headed mentions are names CoNLL would tag MISC
GUM_MISC = frozenset({"event", "abstract", "object", "substance", "animal", "plant"})
# GUM news is the development set (eval/ner/gum_news_entities.jsonl): never trained on
GUM_HELD_OUT = frozenset({"news"})


@dataclass(frozen=True)
class GoldDoc:
    corpus: str
    doc_id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # scored gold: (start, end, PER|ORG|LOC)
    train_spans: tuple[tuple[int, int, str], ...]  # flat spans for training (adds MISC)


def read_conll(path: Path = CONLL, corpus: str = "conll") -> list[GoldDoc]:
    """A CoNLL-2003 file: tokens joined with single spaces, sentences with newlines."""
    docs: list[GoldDoc] = []
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []

    def flush_doc() -> None:
        if cur:
            sents.append(list(cur))
            cur.clear()
        if not sents:
            return
        lines: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = 0
        for sent in sents:
            parts: list[str] = []
            open_span: list | None = None
            for tok, tag in sent:
                start = pos + sum(len(p) + 1 for p in parts)
                parts.append(tok)
                end = start + len(tok)
                if tag.startswith("B-") or (
                    tag.startswith("I-") and (open_span is None or open_span[2] != tag[2:])
                ):
                    if open_span:
                        spans.append(tuple(open_span))
                    open_span = [start, end, tag[2:]]
                elif tag.startswith("I-") and open_span is not None:
                    open_span[1] = end
                else:
                    if open_span:
                        spans.append(tuple(open_span))
                    open_span = None
            if open_span:
                spans.append(tuple(open_span))
            line = " ".join(parts)
            lines.append(line)
            pos += len(line) + 1
        text = "\n".join(lines)
        scored = tuple(s for s in spans if s[2] != "MISC")
        docs.append(GoldDoc(corpus, f"{corpus}-{len(docs)}", text, scored, tuple(spans)))
        sents.clear()

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                flush_doc()
                continue
            if not line.strip():
                if cur:
                    sents.append(list(cur))
                    cur.clear()
                continue
            cols = line.split(" ")
            cur.append((cols[0], cols[-1]))
    flush_doc()
    return docs


def _flatten(spans: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str]]:
    """Outermost spans only (CoNLL-style flat annotation). Each span carries the length of
    the GUM phrase it was cut from: when two phrases give one span ("a blue Marilyn", the
    print, and "Marilyn", the person), the one that is that name and no more decides its
    type; then the type breaks ties, so the result never depends on set order."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]), s[3], s[2]))
    out: list[tuple[int, int, str]] = []
    for s in ordered:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s[:3])
    return out


def _gum_doc(
    corpus: str,
    doc_id: str,
    text: str,
    mentions: Iterable[tuple[int, int, str, bool]],
    norp: frozenset[str],
) -> GoldDoc:
    """Named (propn_head) mentions of one GUM document as name spans.

    Normalisation (GUM marks full noun phrases): leading determiners and trailing
    possessives are dropped, the name is the longest name-like tail ("team member
    Rodaba Noori" -> "Rodaba Noori"), mentions with no such tail are left out; nested
    names keep the outermost.
    """
    train: list[tuple[int, int, str, int]] = []
    for start, end, gum_type, propn_head in mentions:
        if not propn_head:
            continue
        typ = GUM_TYPES.get(gum_type)
        if typ is None and gum_type not in GUM_MISC:
            continue
        span = normalise(text, start, end, person=typ == "PER")
        if span is None:
            continue
        if typ is None or (typ == "PER" and text[span[0] : span[1]] in norp):
            typ = "MISC"
        train.append((*span, typ, end - start))
    # Scored exactly as trained: nested names keep the outermost, a MISC one included
    # ("Google" inside the event "Google Science Fair" is not scored, as it is not
    # trained), and nationality words GUM marks as person ("Afghans") are MISC.
    flat = _flatten(train)
    scored = tuple(s for s in flat if s[2] != "MISC")
    return GoldDoc(corpus, doc_id, text, scored, tuple(flat))


def read_gum(path: Path = GUM, norp: frozenset[str] = frozenset()) -> list[GoldDoc]:
    """GUM news (the dev file): named person/place/organization mentions as name spans."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            mentions = (
                (m["start"], m["end"], m["type"], bool(m.get("propn_head"))) for m in d["mentions"]
            )
            docs.append(_gum_doc("gum", d["doc_id"], d["text"], mentions, norp))
    return docs


def read_gum_train(
    folder: Path = GUM_TRAIN, norp: frozenset[str] = frozenset(), skip=GUM_HELD_OUT
) -> list[GoldDoc]:
    """GUM's CoNLL-U documents (news held out: it is the dev set), as ``read_gum`` does."""
    return [
        _gum_doc(
            "gum-train",
            d.doc_id,
            d.text,
            ((m.start, m.end, m.type, m.propn_head) for m in d.mentions),
            norp,
        )
        for d in read_gum_dir(folder, skip)
    ]


def norp_words() -> frozenset[str]:
    """Nationality words of the gazetteer ("Americans"): GUM tags them person."""
    gaz = gazetteer()
    return frozenset(k for k, v in gaz.phrases.items() if NORP in v)


def training_files(data: Path) -> list[Path]:
    """CoNLL-2003 train, then GUM's CoNLL-U files outside the news genre (sorted)."""
    return [
        need(data / "ner" / "conll2003_train.iob2.txt"),
        *gum_files(need(data / "gum" / "dep"), GUM_HELD_OUT),
    ]


def training_docs(data: Path) -> list:
    conll = read_conll(need(data / "ner" / "conll2003_train.iob2.txt"), corpus="conll-train")
    gum = read_gum_train(need(data / "gum" / "dep"), norp=norp_words())
    return conll + gum
