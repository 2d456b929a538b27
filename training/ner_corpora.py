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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from training.gum import gum_files, read_gum_dir
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
LINKING_WORDS = frozenset(
    ["to", "of", "in", "at", "from", "for", "with", "on", "by", "about", "and", "or", "as"]
)
DETERMINERS = ("the ", "The ", "a ", "A ", "an ", "An ")
PARTICLES = frozenset(
    [
        "of",
        "for",
        "the",
        "and",
        "de",
        "del",
        "da",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "al",
        "el",
        "bin",
        "ibn",
        "&",
    ]
)


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


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


# Titles cut from the front of a gold person name ("U.S. President Donald Trump" ->
# "Donald Trump"). A copy of names_titles.yaml's list as it was when this benchmark was
# defined, so editing the extractor's word list never moves the gold.
_GOLD_TITLES_TEXT = """
President, Vice President, Prime Minister, Premier, Chancellor, Minister, Foreign Minister,
Defence Minister, Defense Minister, Interior Minister, Finance Minister, Secretary,
Secretary of State, Secretary-General, Secretary General, King, Queen, Prince, Princess,
Emir, Sheikh, Sultan, Crown Prince, Pope, Cardinal, Bishop, Archbishop, Imam, Ayatollah,
Rabbi, Rev, Reverend, Father, Sister, Mr, Mr., Mrs, Mrs., Ms, Ms., Dr, Dr., Prof, Prof.,
Professor, Sir, Dame, Lord, Lady, Gen, Gen., General, Lt, Lt., Lieutenant, Col, Col.,
Colonel, Maj, Maj., Major, Capt, Capt., Captain, Commander, Admiral, Adm., Sgt, Sgt.,
Sergeant, Marshal, Field Marshal, Brigadier, Senator, Sen., Sen, Rep., Representative,
Congressman, Congresswoman, Governor, Gov., Mayor, Judge, Justice, Chief Justice,
Ambassador, Envoy, Spokesman, Spokeswoman, Spokesperson, Speaker, Chairman, Chairwoman,
Chair, Director, CEO, Chief, Leader, Commissioner, Deputy, Presidents, Ministers
"""
GOLD_TITLES = frozenset(t.strip() for t in _GOLD_TITLES_TEXT.split(","))


def _titles() -> frozenset[str]:
    return GOLD_TITLES


_INNER_POSSESSIVE = re.compile(r".*['’]s ")


def _normalise(text: str, start: int, end: int, person: bool = False) -> tuple[int, int] | None:
    """A GUM mention as a name span: no determiner, no possessive, name-like words only.

    GUM marks whole noun phrases; NER marks names. So: coordinations ("X and Y") are
    left out (their conjuncts are mentions of their own), a possessor is cut off
    ("DAB's Elizabeth Quat" -> "Elizabeth Quat"), and for people a trailing "of <group>"
    and leading titles go ("U.S. President Donald Trump" -> "Donald Trump").
    """
    span = text[start:end]
    if " and " in span:
        return None
    m = _INNER_POSSESSIVE.match(span)
    if m:
        start += m.end()
        span = span[m.end() :]
    if person:
        cut = span.find(" of ")
        if cut > 0:
            end = start + cut
            span = span[:cut]
        words = span.split(" ")
        titles = _titles()
        last_title = max((k for k, w in enumerate(words[:-1]) if w in titles), default=-1)
        if span in titles:
            return None  # "The President": a title, not a name
        if last_title >= 0:
            drop = sum(len(w) + 1 for w in words[: last_title + 1])
            start += drop
            span = span[drop:]
    for det in DETERMINERS:
        if span.startswith(det):
            start += len(det)
            span = span[len(det) :]
            break
    m = _POSSESSIVE.search(span)
    if m and len(span) > m.end() - m.start():
        end -= m.end() - m.start()
        span = span[: m.start()]
    span_stripped = span.strip()
    if not span_stripped or span_stripped != span:
        return None
    words = span.split(" ")

    def namelike(w: str) -> bool:
        return w[:1].isupper() or w[:1].isdigit() or w in PARTICLES or not w[:1].isalpha()

    # The name is the longest name-like tail of a proper-noun-headed phrase:
    # "team member Rodaba Noori" -> "Rodaba Noori".
    for k in range(len(words)):
        if words[k][:1].isupper() and all(namelike(w) for w in words[k:]):
            if any(w in LINKING_WORDS or w.endswith(("ing", "ed")) for w in words[:k]):
                return None  # "Muslims traveling to the U.S.": the tail is another mention
            if person and " ".join(words[k:]) in _titles():
                return None  # "The President": a title, not a name
            drop = sum(len(w) + 1 for w in words[:k])
            return start + drop, end
    return None


def _flatten(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Outermost spans only (CoNLL-style flat annotation)."""
    # the type breaks ties (one span, two types) so the result never depends on set order
    spans = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    out: list[tuple[int, int, str]] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
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
    scored: list[tuple[int, int, str]] = []
    train: list[tuple[int, int, str]] = []
    for start, end, gum_type, propn_head in mentions:
        if not propn_head:
            continue
        typ = GUM_TYPES.get(gum_type)
        if typ is None and gum_type not in GUM_MISC:
            continue
        span = _normalise(text, start, end, person=typ == "PER")
        if span is None:
            continue
        if typ is not None:
            scored.append((*span, typ))
        if typ is None or (typ == "PER" and text[span[0] : span[1]] in norp):
            train.append((*span, "MISC"))
        else:
            train.append((*span, typ))
    return GoldDoc(corpus, doc_id, text, tuple(_flatten(scored)), tuple(_flatten(train)))


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
