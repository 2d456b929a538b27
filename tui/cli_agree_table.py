"""The agreement report as rich tables: overall, by entity type, and per article.

Drawn from the same data ``--format json`` prints, so the two never disagree. Every
name and path from outside goes in as rich ``Text`` (never markup), with control
characters made visible.
"""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli_agree import shown

DASH = "–"


def f1(value: float | None) -> str:
    return DASH if value is None else f"{value:.3f}"


def pct(value: float | None) -> str:
    return DASH if value is None else f"{100 * value:.0f}%"


def _t(value: Any, style: str = "") -> Text:
    return Text(shown(str(value)), style=style)


def _verdict_figure(v: dict[str, Any], reviewers: int) -> str:
    if reviewers == 2:
        if v["kappa"] is None:
            return f"κ {DASH}" + (" (all one verdict)" if v["judged_by_all"] else "")
        return f"κ {v['kappa']:.3f} · observed {pct(v['observed'])}"
    return f"α {DASH}" if v["alpha"] is None else f"α {v['alpha']:.3f}"


def _verdict_note(v: dict[str, Any], reviewers: int) -> str:
    who = "both" if reviewers == 2 else "all"
    note = f"{v['judged_by_all']} judged by {who}"
    if v["judged_by_some"]:
        note += f", {v['judged_by_some']} not by {who}"
    return note


def overall_table(data: dict[str, Any]) -> Table:
    labels = [r["label"] for r in data["reviewers"]]
    k = len(labels)
    fig = data["overall"]
    table = Table(title="Overall", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("")
    for lab in labels:
        table.add_column(lab, justify="right")
    if k == 2:
        table.add_column("both", justify="right")
    table.add_column("agreement" if k == 2 else "agreement (mean of pairs)")
    e, c, v, ev = fig["entities"], fig["claims"], fig["verdicts"], fig["events"]

    def row(name: str, counts: dict[str, int], matched: Any, figure: str) -> None:
        cells = [_t(name), *(_t(counts.get(lab, DASH)) for lab in labels)]
        if k == 2:
            cells.append(_t(matched if matched is not None else DASH))
        table.add_row(*cells, _t(figure))

    row("entity mentions, exact", e["count"], e.get("exact_matched"), f"F1 {f1(e['exact_f1'])}")
    row(
        "entity mentions, overlap",
        e["count"],
        e.get("overlap_matched"),
        f"F1 {f1(e['overlap_f1'])}",
    )
    links = e.get("links", {})
    row(
        "entity links (same entity)",
        {lab: links[lab] for lab in labels if lab in links},
        links.get("both"),
        f"F1 {f1(e['link_f1'])}",
    )
    row(
        "claims",
        c["count"],
        c.get("matched"),
        f"F1 {f1(c['f1'])} · source {pct(c['source_agreement'])} · kind {pct(c['kind_agreement'])}",
    )
    row(
        "events",
        ev["count"],
        ev.get("matched"),
        f"F1 {f1(ev['f1'])} · type {pct(ev['type_agreement'])}"
        f" · sub-type {pct(ev['subtype_agreement'])}",
    )
    row(
        "verdicts",
        v["count"],
        v["judged_by_all"],
        f"{_verdict_figure(v, k)} ({_verdict_note(v, k)})",
    )
    return table


def types_table(data: dict[str, Any]) -> Table:
    labels = [r["label"] for r in data["reviewers"]]
    table = Table(title="Entity mentions by type", title_justify="left", show_edge=False)
    table.add_column("type")
    for lab in labels:
        table.add_column(lab, justify="right")
    table.add_column("exact F1", justify="right")
    table.add_column("overlap F1", justify="right")
    for name, t in data["overall"]["entities"]["by_type"].items():
        table.add_row(
            _t(name),
            *(_t(t["count"].get(lab, 0)) for lab in labels),
            _t(f1(t["exact_f1"])),
            _t(f1(t["overlap_f1"])),
        )
    return table


def articles_table(data: dict[str, Any]) -> Table:
    k = len(data["reviewers"])
    table = Table(title="Per article", title_justify="left", show_edge=False)
    for name, justify in (
        ("article", "left"),
        ("by", "left"),
        ("entities exact", "right"),
        ("overlap", "right"),
        ("claims F1", "right"),
        ("source", "right"),
        ("events F1", "right"),
        ("type", "right"),
        ("sub-type", "right"),
        ("verdicts", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for a in data["articles"]:
        v = a["verdicts"]
        table.add_row(
            _t(a["name"]),
            _t(" ".join(a["reviewers"])),
            _t(f1(a["entities"]["exact_f1"])),
            _t(f1(a["entities"]["overlap_f1"])),
            _t(f1(a["claims"]["f1"])),
            _t(pct(a["claims"]["source_agreement"])),
            _t(f1(a["events"]["f1"])),
            _t(pct(a["events"]["type_agreement"])),
            _t(pct(a["events"]["subtype_agreement"])),
            _t(f"{_verdict_figure(v, k)} ({_verdict_note(v, k)})"),
        )
    return table


def print_report(data: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console(file=sys.stdout, highlight=False)
    head = Text("Agreement of ", style="bold")
    for i, r in enumerate(data["reviewers"]):
        if i:
            head.append(" · ")
        who = ", ".join(r["names"]) or "no reviewer recorded"
        head.append(f"{r['label']} ", style="bold")
        head.append(shown(f"{who} ({r['source']})"))
    n = data["overall"]["articles"]
    head.append(f" · {n} article{'s' if n != 1 else ''} compared")
    console.print(head)
    console.print()
    console.print(overall_table(data))
    console.print()
    console.print(types_table(data))
    if len(data["articles"]) > 1:
        console.print()
        console.print(articles_table(data))
    for a in data["articles"]:
        for note in a["notes"]:
            console.print(Text(f"note: {shown(note)}", style="dim"))
    for item in data["not_compared"]:
        console.print(
            Text(
                f"not compared: {shown(item['name'])} is only in {item['reviewer']}"
                f" ({shown(item['sidecar'])})",
                style="dim",
            )
        )
