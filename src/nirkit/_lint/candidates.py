"""Which tokens of a text are NIR candidates (the rules are in docs/lint.md).

A *token* is a maximal run of digit groups joined by single separators (space,
dot or hyphen), not glued to a letter or a digit on either side, at least 12
characters long once the separators are removed. Letters may appear inside a
token only as the A/B of Corsica (right after a 2) or as an O typed for a zero
(next to a digit), so that damaged numbers in a NIR column are still seen; any
other letter glues.

A token is a *strong* candidate, examined wherever it appears, when it has 15
characters, its kind digit, month code and département are plausible and its
separators (if any) fall between the display groups. Every other token of 13 to
16 characters is examined only where the context says NIR (see ``context.py``).
"""

from __future__ import annotations

import functools
import re
from typing import Final

from nirkit._checks import OVERSEAS
from nirkit._format import GROUP_ENDS

# One compiled pattern scans whole blocks; it is linear in the block size:
# - the look-behinds stop a match from starting inside a run, so a long run of
#   short groups is tried once, not once per group;
# - the possessive repetition never backtracks: a run is a token whole or not
#   at all (``12 34 ... 56x`` is glued to the x, no shorter token is tried).
# ``CMD-252791361964096`` and ``ID_...`` are glued too: a hyphen or a dot
# between a letter and the digits binds them, as an underscore does.
_START: Final = r"(?<![0-9A-Za-z_])(?<![0-9][ .\-])(?<![A-Za-z_][.\-])"
_BODY: Final = r"[0-9](?:[ .\-]?(?:[0-9]|(?<=2)[AaBb]|(?<=[0-9])[Oo]|[Oo](?=[0-9]))){11,}+"
_END: Final = r"(?![0-9A-Za-z_])(?![.\-][0-9A-Za-z])"
TOKEN: Final = re.compile(_START + _BODY + _END)


@functools.cache
def scanner(number_pattern: str) -> re.Pattern[str]:
    """TOKEN, with a first branch for the compact and display forms of a number.

    ``number_pattern`` is the pattern of a profile (``nirkit._profiles``): when
    the group ``number`` matches, the token's fields are valid and only its key
    is left to check, so the usual candidate costs no second match. The tokens
    found are TOKEN's, the same ones: the branch ends only where TOKEN's
    possessive run would end too (not before a separator and another digit).
    """
    number_end = r"(?![ .\-]?(?:[0-9]|[Oo][0-9]))" + _END
    return re.compile(f"{_START}(?:(?P<number>{number_pattern}){number_end}|{_BODY}{_END})")


_STRIP: Final = str.maketrans({" ": None, ".": None, "-": None, "a": "A", "b": "B", "o": "O"})
_KIND_DIGITS: Final = frozenset("123478")
_MONTHS: Final = frozenset(
    [f"{m:02d}" for m in range(1, 13)] + [f"{m:02d}" for m in range(20, 100)]
)  # every month code some profile accepts (43-49 in the lenient one)
_DEPARTMENTS: Final = frozenset(
    [f"{d:02d}" for d in range(1, 97)] + ["2A", "2B", "99"]
)  # 97 and 98 are checked with their third digit
# Display groups end after these many characters of the compact form.
_DIGITS: Final = frozenset("0123456789")


def compact_token(token: str) -> str:
    """The token without separators, letters upper-cased."""
    return token.translate(_STRIP)


def plausible_shape(compact: str) -> bool:
    """15 characters whose kind digit, month and département look like a NIR's.

    The rest may be wrong (a zero commune, a bad key): that is what a finding
    reports.
    """
    if len(compact) != 15 or compact[0] not in _KIND_DIGITS or compact[3:5] not in _MONTHS:
        return False
    department = compact[5:7]
    if department in ("97", "98"):
        if compact[5:8] not in OVERSEAS:
            return False
    elif department not in _DEPARTMENTS:
        return False
    rest = compact[1:5] + compact[7:]
    return all(char in _DIGITS for char in rest)


def separators_on_group_ends(token: str) -> bool:
    """Whether every separator of ``token`` falls between two display groups.

    ``1 84 02 75 123 456 34`` and ``1840275123456 34`` qualify; a decimal
    number such as ``1.23456789012345`` (one dot) does not.
    """
    if len(token) == 15:
        return True  # no separator at all
    seen = 0
    separators = 0
    dots = 0
    for char in token:
        if char in " .-":
            if seen not in GROUP_ENDS:
                return False
            separators += 1
            dots += char == "."
        else:
            seen += 1
    return not (separators == 1 and dots == 1)
