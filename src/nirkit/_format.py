"""Display and masked forms (RULES.md sections 1 and 8)."""

from __future__ import annotations

from typing import Final

from nirkit._issues import Issue, NIRError
from nirkit._normalize import compact

# Where the display groups 1-2-2-2-3-3-2 end, in characters of the compact form.
GROUP_ENDS: Final = (1, 3, 5, 7, 10, 13)
_GROUPS: Final = tuple(zip((0, *GROUP_ENDS), (*GROUP_ENDS, 15), strict=True))
_MASK: Final = "•"


def _groups(compact_form: str) -> list[str]:
    return [compact_form[start:end] for start, end in _GROUPS if start < len(compact_form)]


def _clean_with_length(text: str) -> str:
    cleaned = compact(text)
    if len(cleaned) not in (13, 15):
        raise NIRError(Issue("bad_length", "length"))
    return cleaned


def display(compact_form: str) -> str:
    """The display form of a clean 13- or 15-character string."""
    return " ".join(_groups(compact_form))


def masked(compact_form: str) -> str:
    """The masked form of a clean 13- or 15-character string: only the kind digit shows."""
    first, *rest = _groups(compact_form)
    return " ".join([first, *(_MASK * len(group) for group in rest)])


def format_nir(text: str, /) -> str:
    """Format a number in the display groups 1-2-2-2-3-3-2, checking only its length.

    >>> format_nir("295109912611193")
    '2 95 10 99 126 111 93'
    """
    return display(_clean_with_length(text))


def mask(text: str, /) -> str:
    """Hide every field but the kind digit, checking only the length.

    >>> mask("2.95.10.99.126.111.93")
    '2 •• •• •• ••• ••• ••'
    """
    return masked(_clean_with_length(text))
