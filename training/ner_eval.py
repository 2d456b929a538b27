"""Scoring the entity extractor on gold documents (used by train_ner and eval_ner).

Micro precision, recall and F1 over exact character spans and type, on PER, ORG and LOC
(our PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; other types are not scored), as
``../shared/eval/README.md`` defines it. The reliability table compares each scored
mention's confidence with how often mentions of that confidence are right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from training.ner_corpora import GoldDoc
from training.ner_errors import Errors
from tui.extract.entities import extract_entities
from tui.extract.tagger import Tagger
from tui.text.document import Document

SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")
BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)


def predicted(doc: GoldDoc, tagger: Tagger | None) -> list[tuple[int, int, str, float]]:
    """Scored mentions the extractor finds: (start, end, PER|ORG|LOC, confidence)."""
    _, mentions = extract_entities(Document(text=doc.text), tagger)
    return [
        (m.span.start, m.span.end, SCORED[m.type], m.confidence)
        for m in mentions
        if m.type in SCORED
    ]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Score:
    """Counts for one corpus: overall and per type, plus (confidence, right?) pairs."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    judged: list[tuple[float, bool]] = field(default_factory=list)
    errors: Errors = field(default_factory=Errors)

    def add(self, gold: set[tuple[int, int, str]], pred: list[tuple[int, int, str, float]]) -> None:
        found = {(s, e, t) for s, e, t, _ in pred}
        for key in ("all", *TYPES):
            g = gold if key == "all" else {x for x in gold if x[2] == key}
            p = found if key == "all" else {x for x in found if x[2] == key}
            c = self.counts.setdefault(key, [0, 0, 0])
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
        self.judged.extend((conf, (s, e, t) in gold) for s, e, t, conf in pred)
        self.errors.add(gold, found)

    def result(self) -> dict[str, dict[str, float]]:
        out = {}
        for key, (tp, fp, fn) in self.counts.items():
            out[key] = {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}
        return out

    def reliability(self) -> list[dict[str, float]]:
        """Per confidence bin: how many mentions, their mean confidence, the share right."""
        rows = []
        for lo, hi in zip(BINS, BINS[1:], strict=False):
            inside = [(c, ok) for c, ok in self.judged if lo <= c < hi]
            if not inside:
                continue
            rows.append(
                {
                    "bin": f"{lo:.2f}-{min(hi, 1.0):.2f}",
                    "mentions": len(inside),
                    "confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                    "precision": round(sum(ok for _, ok in inside) / len(inside), 3),
                }
            )
        return rows

    def calibration_error(self) -> float:
        """Expected calibration error: |confidence - precision| weighted by bin size."""
        n = len(self.judged)
        rows = self.reliability()
        return (
            round(sum(r["mentions"] * abs(r["confidence"] - r["precision"]) for r in rows) / n, 4)
            if n
            else 0.0
        )


def score(docs: list[GoldDoc], tagger: Tagger | None) -> Score:
    s = Score()
    for d in docs:
        s.add(set(d.spans), predicted(d, tagger))
    return s


def table(name: str, s: Score) -> str:
    """The scores as a small text table (P/R/F1 per type, then the reliability bins)."""
    res = s.result()
    lines = [f"{name}: type precision recall f1 (tp fp fn)"]
    for key in ("all", *TYPES):
        r = res.get(key)
        if r:
            lines.append(
                f"  {key:4} {r['precision']:.4f} {r['recall']:.4f} {r['f1']:.4f}"
                f"  ({r['tp']} {r['fp']} {r['fn']})"
            )
    lines.append(f"{name}: confidence bin, mentions, mean confidence, observed precision")
    for row in s.reliability():
        lines.append(
            f"  {row['bin']}  {row['mentions']:5d}  {row['confidence']:.3f}  {row['precision']:.3f}"
        )
    lines.append(f"  expected calibration error {s.calibration_error():.4f}")
    return "\n".join(lines)
