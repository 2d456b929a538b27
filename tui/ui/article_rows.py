"""One row of the article pane as a ``Strip``: the margin, a header, the title's and the
dateline's styles, and the entity mentions and mark layers laid over the text, later
layers over earlier ones. Plain strings and styles only, never markup, so an article
cannot inject any. :class:`tui.ui.article_view.ArticleView` caches what this builds.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.ui.layout import BLANK, HEADER, TITLE, Layout
from tui.ui.themes import ENTITY_STYLES

# Mark layers, lowest first: a later layer's style is added over an earlier one.
MARK_LAYERS: tuple[str, ...] = (
    "claim-content",
    "claim-hedge",
    "claim-cue",
    "claim-source",
    "event-arg",
    "event-trigger",
    "mention-current",
    "match",
    "match-current",
    "selection",
)
REJECTED_CLASS = "article--rejected"
ENTITY_CLASSES: tuple[str, ...] = tuple(f"article--entity-{name}" for name in ENTITY_STYLES)


@dataclass(slots=True)
class SpanIndex:
    """Sorted, possibly overlapping spans with a bound on their length, for row lookups."""

    starts: array
    ends: array
    keys: list[str]
    longest: int

    @classmethod
    def build(cls, spans: Iterable[tuple[int, int, str]]) -> SpanIndex:
        items = sorted(spans)
        return cls(
            array("q", (s for s, _, _ in items)),
            array("q", (e for _, e, _ in items)),
            [k for _, _, k in items],
            max((e - s for s, e, _ in items), default=0),
        )

    def overlapping(self, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        i = bisect_left(self.starts, start - self.longest)
        n = len(self.starts)
        while i < n and self.starts[i] < end:
            if self.ends[i] > start or (self.starts[i] == self.ends[i] == start):
                yield self.starts[i], self.ends[i], self.keys[i]
            i += 1


def build_row(
    layout: Layout,
    row: int,
    text: str,
    *,
    base: Style,
    style: Callable[[str], Style],
    margin: int,
    dateline: tuple[int, int] | None,
    mentions: SpanIndex,
    marks: dict[str, SpanIndex],
) -> Strip:
    """Row ``row`` of ``layout`` over the shown ``text``; ``style`` gives a component
    class's style, ``mentions`` the entity class of each mention's span."""
    kind = layout.kinds[row]
    pad = Segment(" " * margin, base)
    if kind == BLANK:
        return Strip([pad], margin)
    if kind == HEADER:
        return Strip([pad, Segment(layout.headers[row], base + style("article--header"))])
    start, end = layout.starts[row], layout.ends[row]
    if kind == TITLE:
        base = base + style("article--title")
    layers: list[tuple[int, int, Style]] = []
    if dateline and dateline[0] < end and dateline[1] > start:
        layers.append((dateline[0], dateline[1], style("article--dateline")))
    for s, e, key in mentions.overlapping(start, end):
        layers.append((s, e, style(key)))
    for layer in MARK_LAYERS:
        spans = marks.get(layer)
        if spans is None:
            continue
        layer_style = style(f"article--{layer}")
        for s, e, _ in spans.overlapping(start, end):
            layers.append((s, e, layer_style))
    segments = [pad]
    if not layers:
        segments.append(Segment(text[start:end], base))
        return Strip(segments)
    cuts = {start, end}
    for s, e, _ in layers:
        if start < s < end:
            cuts.add(s)
        if start < e < end:
            cuts.add(e)
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        piece = base
        for s, e, extra in layers:
            if s <= a and e >= b:
                piece = piece + extra
        segments.append(Segment(text[a:b], piece))
    return Strip(segments)
