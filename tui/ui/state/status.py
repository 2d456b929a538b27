"""The status line's words, from the reader's state: position, progress, what is pending."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.ui.layout import one_line, visible
from tui.ui.state.reader import ReaderState

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


@dataclass(frozen=True, slots=True)
class Activity:
    """What the reader is doing besides showing the text."""

    opening: bool = False  # the session (sidecar, codebook) is not open yet
    extracting: bool = False  # entities, claims and events are being found
    tick: int = 0  # spinner frame
    pending: tuple[str, ...] = ()  # keys held until the annotations are ready


def status_line(
    state: ReaderState,
    *,
    position: str,
    save_state: str,
    activity: Activity,
    notices: Sequence[str] = (),
) -> str:
    """One line: where the reader is, how far the review is, and anything to know.

    Everything from outside (file names in notices, search words) is made inert.
    """
    spin = SPINNER[activity.tick % len(SPINNER)]
    parts = [position]
    if activity.opening:
        parts.append(f"{spin} opening…")
    else:
        if state.claim_index is not None:
            parts.append(f"claim {state.claim_index + 1}/{len(state.claims)}")
        else:
            parts.append(f"{len(state.claims)} claims")
        if state.card_mode == "event" and state.event_index is not None:
            parts.append(f"event {state.event_index + 1}/{len(state.events)}")
        progress = state.progress()
        parts.append(f"{progress.claims_reviewed} reviewed")
        parts.append(f"{progress.suggestions_left} suggestions")
        if state.only_unreviewed:
            parts.append("only unreviewed")
        if state.min_confidence > 0:
            parts.append(f"confidence ≥ {state.min_confidence:g}")
        parts.append(save_state)
    if activity.extracting:
        parts.append(f"{spin} finding entities, claims, events…")
    if activity.pending:
        keys = " ".join(activity.pending[:8]) + (" …" if len(activity.pending) > 8 else "")
        parts.append(f"keys waiting for the analysis: {keys}")
    if state.matches or state.search_text:
        current = f"{state.match_index + 1}/" if state.match_index is not None else ""
        parts.append(f"match {current}{len(state.matches)} for “{one_line(state.search_text)}”")
    if state.message:
        parts.append(state.message)
    parts.extend(dict.fromkeys(notices))
    return visible(" · ".join(parts))
