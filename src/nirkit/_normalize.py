"""Turn what a person typed into the compact form (RULES.md section 2).

Only cleaning happens here: no rule about the fields is checked.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from nirkit._issues import Issue, NIRError

MAX_INPUT_LENGTH: Final = 64
_NOT_DIGIT: Final = re.compile("[^0-9]")  # only ASCII digits count (RULES.md 2.3)

# Spaces, tabs, NBSP, narrow NBSP, dots and hyphens go; a/b become A/B (2A, 2B).
_CLEAN: Final = str.maketrans(
    {" ": None, "\t": None, "\u00a0": None, "\u202f": None, ".": None, "-": None}
    | {"a": "A", "b": "B"}
)


def require_str(text: object) -> str:
    """``text`` as a plain ``str``; a non-``str`` is a programming error (``TypeError``).

    A subclass of ``str`` is copied into a plain ``str`` once, at the door, so
    that none of its methods (a ``__len__`` that lies, say) takes part later.
    """
    if not isinstance(text, str):
        msg = f"expected a str, got {type(text).__name__}"
        raise TypeError(msg)
    return str.__str__(text)  # a str as it is; a subclass's characters, as a str


def check_type_and_size(text: object) -> str:
    """``text`` as a plain ``str`` (:func:`require_str`), refusing an over-long input first."""
    text = require_str(text)
    if len(text) > MAX_INPUT_LENGTH:
        raise NIRError(Issue("bad_length", "length", variant="too_long"))
    return text


def clean(text: str) -> str:
    """Normalise a ``str`` known to be at most 64 characters long."""
    if not text.isascii():
        # NFKC turns full-width digits into ASCII and NBSPs into spaces.
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_CLEAN)


def compact(text: str, /) -> str:
    """Remove separators and upper-case ``2a``/``2b``; check nothing else.

    >>> compact("2 95 10 99 126 111 93")
    '295109912611193'
    >>> compact("1.84.02.2a.123.456.72")
    '184022A12345672'

    Raises ``TypeError`` for a non-``str`` and :class:`NIRError` (``bad_length``)
    for an input over 64 characters.
    """
    return clean(check_type_and_size(text))


def first_non_digit(cleaned: str, start: int = 0) -> int | None:
    """The 0-based index of the first character from ``start`` that is not an ASCII digit."""
    found = _NOT_DIGIT.search(cleaned, start)
    return None if found is None else found.start()


def first_bad_character(cleaned: str) -> int | None:
    """The 0-based index of the first character that may not appear where it is."""
    found = first_non_digit(cleaned)
    if found == 6 and cleaned[5:7] in ("2A", "2B"):
        return first_non_digit(cleaned, 7)
    return found
