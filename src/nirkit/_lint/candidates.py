"""Which tokens of a text may be numbers, and what their shape says (docs/lint.md).

A *token* is a maximal run of digit groups joined by single separators (space,
no-break space U+00A0, narrow no-break space U+202F, thin space U+2009, dot or
hyphen), not glued to a letter or a digit on either side, at least 12
characters long once the separators are removed. Letters may appear inside a
token only as the A/B of Corsica (right after a 2) or as an O typed for a zero
(next to a digit), so that damaged numbers are still seen; any other letter glues.

``TOKEN`` is that definition as one pattern. ``scanner`` finds the same tokens
faster (the linter's hot loop) and checks the fields of the usual candidate on
the way.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from nirkit._checks import OVERSEAS
from nirkit._format import GROUP_ENDS

SEPARATORS: Final = " .-\u00a0\u202f\u2009"
_SEP: Final = r"[ .\-\u00a0\u202f\u2009]"
_UNIT: Final = r"(?:[0-9]|(?<=2)[AaBb]|(?<=[0-9])[Oo]|[Oo](?=[0-9]))"
# The look-behinds stop a match from starting inside a run; the possessive
# repetition never backtracks: a run is a token whole or not at all
# (``12 34 ... 56x`` is glued to the x, no shorter token is tried).
# ``CMD-252791361964096`` and ``ID_...`` are glued too: a hyphen or a dot
# between a letter and the digits binds them, as an underscore does.
_START: Final = rf"(?<![0-9A-Za-z_])(?<![0-9]{_SEP})(?<![A-Za-z_][.\-])"
_END: Final = r"(?![0-9A-Za-z_])(?![.\-][0-9A-Za-z])"
TOKEN: Final = re.compile(rf"{_START}[0-9](?:{_SEP}?{_UNIT}){{11,}}+{_END}")

# The scanner's form of the same run, about 40 % faster: it starts with a digit
# (so that ``re`` jumps from digit to digit) and makes the start checks after
# it; a look-ahead drops short runs early; digits are taken a run at a time.
# It does not count characters: a run of fewer than 12 is left to the caller,
# which wants 13 to 16 anyway (``MIN_TOKEN``).
_FIRST_DIGIT: Final = rf"[0-9](?<![0-9A-Za-z_].)(?<![0-9]{_SEP}.)(?<![A-Za-z_][.\-].)"
_LINK: Final = rf"(?:{_SEP}(?=[0-9]|[Oo][0-9])|(?<=2)[AaBb]|(?<=[0-9])[Oo]|[Oo](?=[0-9]))"
_RUN: Final = rf"(?=[0-9AaBbOo .\-\u00a0\u202f\u2009]{{11}})[0-9]*+(?:{_LINK}[0-9]*+)*+"
MIN_TOKEN: Final = 12  # characters once the separators are removed
FAST_TOKEN: Final = re.compile(_FIRST_DIGIT + _RUN + _END)


# Where a run of plain digits (or the usual candidate) ends: not before
# anything that would carry the run on, nor glued to a word.
_RUN_END: Final = rf"(?!{_SEP}?(?:[0-9]|[Oo][0-9]))" + _END
NUMBER: Final = 1  # ``scanner`` groups: the usual candidate, fields checked
DIGITS: Final = 2  # a run of digits only, not the usual candidate
SKIPPED: Final = 3  # ``table_scanner``: a run of digits in a column that holds no NIR


@functools.cache
def scanner(number_pattern: str) -> re.Pattern[str]:
    """``FAST_TOKEN``, with a first branch for the compact and display forms of a
    number, and a second for runs of plain digits.

    ``number_pattern`` is the pattern of a profile (``nirkit._profiles``), which
    starts with the class of kind digits: when group ``NUMBER`` matches, the
    token's fields are valid and only its key is left to check. When group
    ``DIGITS`` matches, the token is digits only, and its length is its span:
    a lookalike in a table is ruled out without reading it. The tokens found
    are FAST_TOKEN's: each branch ends only where the run ends too.
    """
    return _scanner(number_pattern, "")


def _scanner(number_pattern: str, digits_where: str) -> re.Pattern[str]:
    """The branches of a scanner: the usual candidate, digits only (where
    ``digits_where`` allows; ``SKIPPED`` elsewhere), and any other run (one with
    a separator or a letter)."""
    kind_digits, _, rest = number_pattern.partition("]")
    if not kind_digits.startswith("["):  # a profile pattern always does
        msg = f"unexpected number pattern {number_pattern[:20]!r}"
        raise ValueError(msg)
    number = rf"(?<={kind_digits}])({rest}){_RUN_END}"
    long = r"(?=[0-9]{11})"  # first: most runs are short (dates, counts), and end here
    run = rf"[0-9]*+{_RUN_END}"
    digits = rf"{long}(?:({digits_where}{run})|({run}))" if digits_where else rf"({long}{run})"
    linked = rf"(?=[0-9AaBbOo .\-\u00a0\u202f\u2009]{{11}})[0-9]*+(?:{_LINK}[0-9]*+)++{_END}"
    return re.compile(rf"{_FIRST_DIGIT}(?:{number}|{digits}|{linked})", re.MULTILINE)


@functools.cache
def table_scanner(
    number_pattern: str, delimiter: str, fields: int, columns: frozenset[int]
) -> re.Pattern[str]:
    """``scanner``, for the lines of a table that all have ``fields`` fields and no
    quote: a run of digits that is neither 15 long, nor in one of ``columns``, nor
    after a key (``nir=``), is matched by group ``SKIPPED``. Such runs are the
    lookalikes of the other columns: the regular expression engine places them
    in their column, at a fraction of the cost of doing it in Python.

    A run is in column ``c`` when ``fields - 1 - c`` delimiters follow it on its
    line: in a regular table, that is the same as ``c`` delimiters before it.
    """
    d = re.escape(delimiter)
    after = "".join(
        rf"|[0-9]*+(?:[^{d}\n]*{d}){{{fields - 1 - c}}}[^{d}\n]*$" for c in sorted(columns)
    )
    keys = re.escape("".join(sorted(set(":=>\"' \t[(") - {delimiter})))
    return _scanner(number_pattern, rf"(?:(?=[0-9]{{14}}(?![0-9]){after})|(?<=[{keys}].))")


_STRIP: Final = str.maketrans(dict.fromkeys(SEPARATORS) | {"a": "A", "b": "B", "o": "O"})
_SPLIT: Final = re.compile(_SEP)
_KIND_DIGITS: Final = frozenset("123478")
_MONTHS: Final = frozenset(
    [f"{m:02d}" for m in range(1, 13)] + [f"{m:02d}" for m in range(20, 100)]
)  # every month code some profile accepts (43-49 in the lenient one)
_DEPARTMENTS: Final = frozenset(
    [f"{d:02d}" for d in range(1, 97)] + ["2A", "2B", "99"]
)  # 97 and 98 are checked with their third digit
_DIGITS: Final = frozenset("0123456789")
_DISPLAY: Final = (1, 2, 2, 2, 3, 3, 2)  # the display groups


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
    if token.isalnum():
        return True  # no separator at all (digits, and the letters a token may hold)
    seen = 0
    separators = []
    for char in token:
        if char in SEPARATORS:
            if seen not in GROUP_ENDS:
                return False
            separators.append(char)
        else:
            seen += 1
    return separators != ["."]  # one dot alone: a decimal number


def written_as_nir(token: str) -> bool:
    """Whether the token is grouped as a NIR is written: 1-2-2-2-3-3-2 (or without
    the key), the kind digit alone, with at most one other group a character
    short or long (a digit dropped or typed twice). No other identifier is
    written with these groups, so the grouping alone says NIR.
    """
    sizes = [len(group) for group in _SPLIT.split(token)]
    if len(sizes) not in (6, 7) or sizes[0] != 1:
        return False
    off = [abs(size - expected) for size, expected in zip(sizes, _DISPLAY, strict=False)]
    return sum(off) <= 1


def dated(compact: str) -> bool:
    """Whether the token starts with a date ``YYYYMMDD`` (1900-2099), as references,
    timestamps and order numbers often do."""
    if not compact[:8].isdigit() or compact[:2] not in ("19", "20"):
        return False
    month, day = int(compact[4:6]), int(compact[6:8])
    return 1 <= month <= 12 and 1 <= day <= 31
