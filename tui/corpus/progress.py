"""The batch's progress on stderr: a rich bar when stderr is a terminal, nothing in a pipe.

Failure lines go through it so they print above the bar instead of tearing it.
"""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _WordsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        words = task.fields.get("words", 0)
        rate = words / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.0f} words/s", style="progress.data.speed")


class BatchProgress:
    """Counts articles and words; draws them only on a terminal."""

    def __init__(
        self, total: int, *, stream: TextIO | None = None, label: str = "extracting"
    ) -> None:
        self.stream = stream or sys.stderr
        self.words = 0
        self._bar: Progress | None = None
        if self.stream.isatty():
            console = Console(file=self.stream, highlight=False, markup=False)
            self._bar = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles"),
                _WordsPerSecond(),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                console=console,
            )
            self._task = self._bar.add_task(label, total=total, words=0)

    def __enter__(self) -> BatchProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, words: int) -> None:
        self.words += words
        if self._bar is not None:
            self._bar.update(self._task, advance=1, words=self.words)

    def reached(self, done: int, total: int) -> None:
        """Set the count outright (the index reports how far it got, of how many)."""
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)

    def line(self, text: str) -> None:
        """One line for the user (already made visible), above the bar when there is one."""
        if self._bar is not None:
            self._bar.console.print(Text(text), soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)
