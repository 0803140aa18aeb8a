"""A progress line on stderr for long runs, for a person at a terminal only.

Shown only when stderr is a terminal and ``-q`` was not given, so that a log,
a pipe or CI never receives it; redrawn in place (a carriage return, no other
control sequence) at most every ``INTERVAL`` seconds, and erased at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Final, TextIO, TypeVar

from nirkit._issues import Lang

T = TypeVar("T")

INTERVAL: Final = 0.2  # seconds between two redraws
_EVERY: Final = 1024  # items between two looks at the clock, in a hot loop


def _count(value: int, lang: Lang) -> str:
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


class Progress:
    """``nirkit lint: 1,234 files (567/s)``, redrawn as :meth:`update` is called."""

    def __init__(self, label: str, unit: str, lang: Lang, stream: TextIO | None) -> None:
        self.label = label
        self.unit = unit
        self.lang = lang
        self.stream = stream  # None: show nothing
        self.start = time.monotonic()
        self.last = self.start
        self.width = 0  # of the line drawn, to erase it

    def update(self, done: int) -> None:
        now = time.monotonic()
        if self.stream is None or now - self.last < INTERVAL:
            return
        self.last = now
        rate = round(done / (now - self.start))
        line = f"{self.label}: {_count(done, self.lang)} {self.unit} ({_count(rate, self.lang)}/s)"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def counted(self, items: Iterable[T]) -> Iterable[T]:
        """``items``, unchanged, with the count shown as they go (when shown at all)."""
        return items if self.stream is None else self._counting(items)

    def _counting(self, items: Iterable[T]) -> Iterator[T]:
        for done, item in enumerate(items, 1):
            if not done % _EVERY:
                self.update(done)
            yield item

    def close(self) -> None:
        if self.stream is not None and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()  # also on Ctrl-C, so that the prompt comes back on a clean line


def progress(label: str, unit: str, lang: Lang, *, quiet: bool) -> Progress:
    """A :class:`Progress` that shows only on a terminal, and never with ``-q``."""
    stream = sys.stderr
    shown = not quiet and stream is not None and stream.isatty()
    return Progress(label, unit, lang, stream if shown else None)
