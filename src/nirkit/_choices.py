"""Where the choices of constructed test numbers come from, and how options are refused.

``generate`` feeds the builders a :class:`random.Random`; ``nirkit.strategies``
feeds them Hypothesis draws, so that both make the same numbers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import Final, Protocol, TypeVar

T = TypeVar("T")

# In messages, ``{name}`` names an option and ``{name=value}`` gives it a value:
# the Python API names them as its parameters, the command line as its options.
_OPTION: Final = re.compile(r"\{(\w+)(?:=(\w+))?\}")
Spelling = Callable[[str, str | None], str]


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


def as_parameter(name: str, value: str | None) -> str:
    """``month_code``, ``error='bad_month'``: an option as :func:`nirkit.generate` names it."""
    return f"{name}={value!r}" if value else name


def conflict(template: str, spell: Spelling) -> ValueError:
    """The ``ValueError`` of ``template``, its options named by ``spell``."""
    return ValueError(_OPTION.sub(lambda found: spell(found[1], found[2]), template))


def check(problems: tuple[tuple[bool, str], ...], spell: Spelling) -> None:
    """Raise the ``ValueError`` of the first problem found, its options named by ``spell``."""
    for failed, template in problems:
        if failed:
            raise conflict(template, spell)
