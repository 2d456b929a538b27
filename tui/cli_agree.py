"""`marginalia agree A B [C...]`: how far reviewers agree, as a table or as JSON.

Kept out of tui/cli.py so the command starts light: rich and the corpus layer load
only when this subcommand runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui.corpus.agreement import (
    ArticleAgreement,
    Items,
    Overall,
    PairFigures,
    Share,
    Tally,
    compare_article,
    counted,
    mean,
    overall,
)
from tui.corpus.agreement_inputs import InputError, ReviewSet, match_articles, read_reviews
from tui.corpus.visible import visible as shown

EXAMPLES = """\
examples:
  marginalia agree alice/ bob/                 two reviewers' folders of reviewed articles
  marginalia agree a/story.txt.marginalia.yaml b/story.txt.marginalia.yaml
  marginalia agree alice/ bob/ cy/ --format json | jq .overall.verdicts

Reviews of one article are matched by the sha256 of its text (or, for edited copies,
by file name, re-anchored onto the first reviewer's text). Figures: entity mentions
F1 (exact span and type; overlapping span, same type), entity links F1 (pairs of the
mentions both marked that each puts under one entity), claims F1 (cue spans overlap,
content Dice >= 0.5) with source agreement, events F1 (trigger mentions overlap) with
type and sub-type agreement, verdicts: Cohen's kappa for two reviewers, Krippendorff's
alpha (nominal) for more, over the claims all of them judged.
"""


def parser(prog: str = "marginalia agree") -> argparse.ArgumentParser:
    from tui.cli_parsers import _Parser

    p = _Parser(
        prog=prog,
        description="Agreement between reviewers of the same articles: entity, claim, event "
        "and verdict figures per article and overall.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "reviews",
        nargs="+",
        type=Path,
        metavar="REVIEW",
        help="one reviewer's work: a sidecar, an article with its sidecar, or a folder",
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help="default: table")
    p.add_argument(
        "--reviewed-only",
        action="store_true",
        help="count only items a reviewer accepted or made (default: all not rejected)",
    )
    return p


# ------------------------------------------------------------------ figures as data


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _mean(pairs: Sequence[PairFigures], get: Callable[[PairFigures], Tally | Share]) -> Any:
    values = [v.f1 if isinstance(v, Tally) else v.value for v in map(get, pairs)]
    return _round(mean(values))


def _by_type(how: str, entity_type: str) -> Callable[[PairFigures], Tally]:
    """One type's tally of a pair, exact or overlapping spans."""

    def get(p: PairFigures) -> Tally:
        return (p.exact if how == "exact" else p.overlap).get(entity_type, Tally())

    return get


def _counts(labels: Sequence[str], reviews: Sequence[Items | None], get: Callable) -> dict:
    return {lab: get(r) for lab, r in zip(labels, reviews, strict=True) if r is not None}


def figures_json(
    labels: Sequence[str],
    pairs: Sequence[PairFigures],
    reviews: Sequence[Items | None],
    votes: Any,
    by_type_counts: dict[str, dict[str, int]],
) -> dict[str, Any]:
    """Every figure for one article or for all, with the counts behind it."""
    types = sorted({t for p in pairs for t in (*p.exact, *p.overlap)})
    kappa = votes.kappa
    alpha = votes.alpha
    out: dict[str, Any] = {
        "entities": {
            "exact_f1": _mean(pairs, lambda p: p.exact_all),
            "overlap_f1": _mean(pairs, lambda p: p.overlap_all),
            "link_f1": _mean(pairs, lambda p: p.links),
            "count": _counts(labels, reviews, lambda r: len(r.mentions)),
            "by_type": {
                t: {
                    "exact_f1": _mean(pairs, _by_type("exact", t)),
                    "overlap_f1": _mean(pairs, _by_type("overlap", t)),
                    "count": by_type_counts.get(t, {}),
                }
                for t in types
            },
        },
        "claims": {
            "f1": _mean(pairs, lambda p: p.claims),
            "source_agreement": _mean(pairs, lambda p: p.sources),
            "kind_agreement": _mean(pairs, lambda p: p.kinds),
            "count": _counts(labels, reviews, lambda r: len(r.claims)),
        },
        "events": {
            "f1": _mean(pairs, lambda p: p.events),
            "type_agreement": _mean(pairs, lambda p: p.types),
            "subtype_agreement": _mean(pairs, lambda p: p.subtypes),
            "count": _counts(labels, reviews, lambda r: len(r.events)),
        },
        "verdicts": {
            "kappa": _round(kappa.value) if kappa else None,
            "observed": _round(kappa.observed) if kappa else None,
            "alpha": _round(alpha.value),
            "judged_by_all": votes.judged_by_all,
            "judged_by_some": votes.judged_by_some,
            "count": {
                lab: sum(1 for u in votes.units if u[i] is not None) for i, lab in enumerate(labels)
            },
        },
    }
    if len(pairs) == 1:
        p = pairs[0]
        out["entities"]["exact_matched"] = p.exact_all.matched
        out["entities"]["overlap_matched"] = p.overlap_all.matched
        out["entities"]["links"] = {
            labels[p.first]: p.links.first,
            labels[p.second]: p.links.second,
            "both": p.links.matched,
        }
        out["claims"]["matched"] = p.claims.matched
        out["events"]["matched"] = p.events.matched
    else:
        out["pairs"] = [
            {
                "reviewers": [labels[p.first], labels[p.second]],
                "entities_exact_f1": _round(p.exact_all.f1),
                "entities_overlap_f1": _round(p.overlap_all.f1),
                "entity_links_f1": _round(p.links.f1),
                "claims_f1": _round(p.claims.f1),
                "source_agreement": _round(p.sources.value),
                "events_f1": _round(p.events.f1),
                "type_agreement": _round(p.types.value),
                "subtype_agreement": _round(p.subtypes.value),
            }
            for p in pairs
        ]
    return out


def _type_counts(labels: Sequence[str], reviews: Sequence[Items | None]) -> dict:
    out: dict[str, dict[str, int]] = {}
    for lab, r in zip(labels, reviews, strict=True):
        for m in r.mentions if r is not None else ():
            out.setdefault(m.type, {}).setdefault(lab, 0)
            out[m.type][lab] += 1
    return out


def _summed(reviews: Sequence[Sequence[Items | None]], k: int) -> list[Items | None]:
    """Each reviewer's items over all compared articles (for the overall counts)."""
    out: list[Items | None] = []
    for i in range(k):
        mine = [r[i] for r in reviews if r[i] is not None]
        out.append(
            Items(
                tuple(m for r in mine for m in r.mentions),  # type: ignore[union-attr]
                tuple(c for r in mine for c in r.claims),  # type: ignore[union-attr]
                tuple(e for r in mine for e in r.events),  # type: ignore[union-attr]
            )
        )
    return out


def report_json(
    sets: Sequence[ReviewSet],
    articles: Sequence[ArticleAgreement],
    total: Overall,
    alone: Sequence[tuple[str, str, Path]],
    warnings: Sequence[str],
) -> dict[str, Any]:
    labels = [s.label for s in sets]
    summed = _summed([a.reviews for a in articles], len(sets))
    return {
        "reviewers": [
            {"label": s.label, "source": str(s.source), "names": list(s.names)} for s in sets
        ],
        "articles": [
            {
                "name": a.name,
                "sha256": a.sha256,
                "reviewers": [lab for lab, r in zip(labels, a.reviews, strict=True) if r],
                "notes": list(a.notes),
                **figures_json(
                    labels, a.pairs, a.reviews, a.verdicts, _type_counts(labels, a.reviews)
                ),
            }
            for a in articles
        ],
        "overall": {
            "articles": total.articles,
            **figures_json(
                labels, total.pairs, summed, total.verdicts, _type_counts(labels, summed)
            ),
        },
        "not_compared": [
            {"name": name, "reviewer": lab, "sidecar": str(path)} for name, lab, path in alone
        ],
        "warnings": list(warnings),
    }


# ------------------------------------------------------------------ the command


def _error(message: str) -> None:
    print(f"marginalia: {shown(message)}", file=sys.stderr)


def run_agree(args: argparse.Namespace) -> int:
    if len(args.reviews) < 2:
        _error("agree needs at least two reviews to compare (see marginalia agree --help)")
        return 2
    labels = [chr(ord("A") + i) if i < 26 else f"R{i + 1}" for i in range(len(args.reviews))]
    try:
        sets = [read_reviews(p, lab) for p, lab in zip(args.reviews, labels, strict=True)]
    except InputError as exc:
        _error(str(exc))
        return 2
    warnings = [w for s in sets for w in s.problems]
    matched, more = match_articles(sets)
    warnings += more
    compared, alone = [], []
    for art in matched:
        present = [c for c in art.copies if c is not None]
        if len(present) < 2:
            i = next(i for i, c in enumerate(art.copies) if c is not None)
            alone.append((art.name, labels[i], present[0].sidecar))
            continue
        reviews = [
            counted(c.annotations, reviewed_only=args.reviewed_only) if c else None
            for c in art.copies
        ]
        compared.append(compare_article(art.name, art.sha256, reviews, art.notes))
    if not compared:
        _error(
            "no article is in more than one of these reviews (matched by the sha256 of its"
            " text, or by file name)"
        )
        return 2
    data = report_json(sets, compared, overall(compared, len(sets)), alone, warnings)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        from tui.cli_agree_table import print_report

        print_report(data)
    for w in warnings:
        _error(f"warning: {w}")
    return 0


def main(argv: Sequence[str]) -> int:
    return run_agree(parser().parse_args(argv))
