"""Check digits: the mod-97 key of a NIR (RULES.md section 4, Corsica arithmetic
included), and the Luhn check of SIRENs and payment cards."""

from __future__ import annotations

from typing import Final

from nirkit._issues import Issue, NIRError
from nirkit._normalize import check_type_and_size, clean, first_bad_character

# 2A and 2B count as 19 and 18, at positions 6-7 only.
_CORSICA: Final = {"A": "19", "B": "18"}


def key_of(body: str) -> int:
    """The key of a clean 13-character body whose digits are ASCII (2A/2B allowed)."""
    letter = body[6]
    if letter in _CORSICA:
        body = body[:5] + _CORSICA[letter] + body[7:]
    return 97 - int(body) % 97


def key_is_right(compact: str) -> bool:
    """Whether a clean 15-character number (ASCII digits, 2A/2B allowed) has its right key."""
    if compact[6] in _CORSICA:
        return key_of(compact[:13]) == int(compact[13:])
    # One int() for body and key: n = 100 * body + key, and the key is right
    # when body + key = 0 (mod 97), that is when n + 2 * key = 0 (mod 97).
    number = int(compact)
    key = number % 100
    return 0 < key < 98 and (number + 2 * key) % 97 == 0


def compute_key(body: str, /) -> int:
    """Compute the 2-digit key (1-97) of a 13-character body.

    Separators are ignored; only the characters are checked, not the fields.

    >>> compute_key("2 95 10 99 126 111")
    93
    >>> compute_key("1 84 02 2A 123 456")
    34
    """
    cleaned = clean(check_type_and_size(body))
    if len(cleaned) != 13:
        raise NIRError(Issue("bad_length", "length"))
    bad = first_bad_character(cleaned)
    if bad is not None:
        raise NIRError(Issue("bad_character", "character", bad + 1))
    return key_of(cleaned)


def luhn_valid(digits: str) -> bool:
    """The Luhn check of SIRENs, payment cards and IMEIs (ASCII digits only)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0
