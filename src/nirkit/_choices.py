"""Where the choices of constructed test numbers come from, and how options are refused.

``generate`` feeds the builders a :class:`random.Random`; ``nirkit.strategies``
feeds them Hypothesis draws, so that both make the same numbers.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Source(Protocol):
    """Where the choices come from: a random generator or Hypothesis draws."""

    def choice(self, options: Sequence[T]) -> T: ...

    def integer(self, low: int, high: int) -> int: ...


class RandomSource:
    """Choices from a :class:`random.Random`."""

    __slots__ = ("_rng",)

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def choice(self, options: Sequence[T]) -> T:
        return options[self._rng.randrange(len(options))]

    def integer(self, low: int, high: int) -> int:
        return self._rng.randint(low, high)


def check(problems: tuple[tuple[bool, str], ...]) -> None:
    """Raise ``ValueError`` with the message of the first problem found."""
    for failed, message in problems:
        if failed:
            raise ValueError(message)
