"""Display and masked forms (RULES.md sections 1 and 8)."""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from nirkit._issues import Issue, NIRError
from nirkit._normalize import compact

# Where the display groups 1-2-2-2-3-3-2 end, in characters of the compact form.
GROUP_ENDS: Final = (1, 3, 5, 7, 10, 13)
# NNP and MIG: sex, creation, fund, order (1-1-3-8). NTT: sex, SIREN, employee part.
FUND_NUMBER_ENDS: Final = (1, 2, 5)
NTT_ENDS: Final = (1, 10)
_MASK: Final = "•"
# An NTT's mask has the same length whatever the length of its employee part.
_NTT_MASKED_TAIL: Final = f" {_MASK * 9} {_MASK * 3}"


def _groups(compact_form: str, ends: tuple[int, ...]) -> list[str]:
    bounds = (0, *ends, len(compact_form))
    return [compact_form[a:b] for a, b in pairwise(bounds) if a < len(compact_form)]


def _clean_with_length(text: str) -> str:
    cleaned = compact(text)
    if len(cleaned) not in (13, 15):
        raise NIRError(Issue("bad_length", "length"))
    return cleaned


def display(compact_form: str, ends: tuple[int, ...] = GROUP_ENDS) -> str:
    """The display form of a clean string: a NIR's groups, or those of ``ends``."""
    return " ".join(_groups(compact_form, ends))


def masked(compact_form: str, ends: tuple[int, ...] = GROUP_ENDS) -> str:
    """The masked form of a clean string: only the first character shows."""
    first, *rest = _groups(compact_form, ends)
    return " ".join([first, *(_MASK * len(group) for group in rest)])


def masked_ntt(text: str) -> str:
    """An NTT's masked form, ``1 ••••••••• •••``: the same length for every NTT."""
    return text[:1] + _NTT_MASKED_TAIL


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
