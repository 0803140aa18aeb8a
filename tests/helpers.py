"""Constructed test numbers: a body plus its correct key, so that each test
isolates the one rule it is about.

The key is computed here from RULES.md, not by ``nirkit.compute_key``: a test
that took the key from the code under test would agree with a wrong formula.
"""

from __future__ import annotations

from typing import Any

_SEPARATORS = str.maketrans("", "", " .-")


def key_for(body: str) -> int:
    """RULES.md section 1: ``97 - (body mod 97)``, with 2A read as 19 and 2B as 18."""
    digits = body.translate(_SEPARATORS).upper()
    digits = digits[:5] + {"2A": "19", "2B": "18"}.get(digits[5:7], digits[5:7]) + digits[7:]
    return 97 - int(digits) % 97


def with_key(body: str) -> str:
    """``body`` (13 characters, separators allowed) followed by its correct key."""
    return f"{body} {key_for(body):02d}"


class Liar(str):
    """A str whose methods lie: only its characters may count."""

    __slots__ = ()

    def __len__(self) -> int:
        return 13

    def __str__(self) -> str:
        return "not a number"

    def __getitem__(self, index: object) -> str:
        return "9"

    def __iter__(self) -> Any:
        return iter("9")

    def translate(self, table: object) -> str:
        return "9" * 15

    def replace(self, *args: object, **kwargs: object) -> str:
        return "9" * 15

    def isascii(self) -> bool:
        return True
