"""The linter's scanners find exactly the tokens of ``TOKEN``, and say of each what
its branch promises (nirkit._lint.candidates).

- ``scanner(pattern)``: group ``NUMBER`` exactly when the token is a compact or
  display form whose fields are valid (only its key left to check), group
  ``DIGITS`` exactly when it is any other run of digits only, no group otherwise.
- ``table_scanner``: the same, except that a run of digits only that is not 15
  long, not in one of the NIR columns and not right after a key (``nir=``,
  ``(``...) is group ``SKIPPED``.

The texts are drawn from a fixed seed, so that a run of the suite and a mutation
run see the same thousands of them; the truth is computed from
``nirkit.diagnose`` and the positions of the characters, not from a pattern.
"""

from __future__ import annotations

import random
import re

import pytest

import nirkit
from nirkit._lint.candidates import (
    DIGITS,
    FAST_TOKEN,
    MIN_TOKEN,
    NUMBER,
    SKIPPED,
    TOKEN,
    compact_token,
    scanner,
    table_scanner,
)
from nirkit._profiles import LENIENT, STANDARD, Profile, pattern_for
from tests.helpers import key_for

SEPARATORS = " .-\u00a0\u202f\u2009"
SPACINGS: list[str] = [*SEPARATORS, "  ", ". ", " -"]  # one separator, or two
GROUP_ENDS = (1, 3, 5, 7, 10, 13)
_KEY_CODES = {"key_mismatch", "key_out_of_range"}
PROFILES = [
    STANDARD,
    LENIENT,
    Profile(zero_fields_allowed=True),
    Profile(month_43_49_allowed=True),
    Profile(key_required=False),
]


def _body(draw: random.Random) -> str:
    """A body with valid fields, or one field (often) out of range."""
    department = draw.choice(["01", "2A", "2B", "20", "75", "96", "99", "971", "978", "984", "989"])
    width = 5 - len(department)
    fields = [
        draw.choice("123478"),
        f"{draw.randrange(100):02d}",
        draw.choice(["01", "12", "20", "42", "43", "49", "50", "99"]),
        department + f"{draw.randrange(1, 10**width):0{width}d}",
        f"{draw.randrange(1, 1000):03d}",
    ]
    if draw.random() < 0.4:  # one field wrong
        field = draw.randrange(5)
        wrong = {
            0: ["0", "5", "6", "9"],
            1: ["0A"],
            2: ["00", "13", "19"],
            3: ["00123", "97912", "98312", "2C123", "75000", "97100"],
            4: ["000"],
        }[field]
        fields[field] = draw.choice(wrong)
    return "".join(fields)


def _number(draw: random.Random) -> str:
    """A number in one of the forms people write, right or a little wrong."""
    body = _body(draw)
    try:
        key = key_for(body)
    except ValueError:
        key = 0
    if draw.random() < 0.3:
        key = draw.randrange(100)
    compact = body + f"{key:02d}"
    form = draw.random()
    if form < 0.1:
        compact = compact[:13]  # the key missing
    elif form < 0.15:
        compact += draw.choice("0123456789")  # a digit too many
    ends = [end for end in GROUP_ENDS if end < len(compact) and draw.random() < 0.8]
    if draw.random() < 0.3:
        ends = []
    separator = draw.choice([" ", " ", " ", *SEPARATORS])
    token = "".join(
        (separator if index in ends else "") + char for index, char in enumerate(compact)
    )
    if draw.random() < 0.1:
        token = token.lower()
    if draw.random() < 0.1:
        index = token.find("0")
        token = token if index < 0 else token[:index] + draw.choice("Oo") + token[index + 1 :]
    return token


def _piece(draw: random.Random) -> str:
    choice = draw.random()
    if choice < 0.35:
        return _number(draw)
    if choice < 0.55:
        return "".join(draw.choice("0123456789") for _ in range(draw.randrange(1, 19)))
    if choice < 0.75:
        return draw.choice(SPACINGS)
    if choice < 0.85:
        return draw.choice(["x", "ab", "nir", "O", "o", "A", "b", "_", "2A", "1O"])
    return draw.choice([",", ";", ":", "=", "(", ")", "'", '"', "\n", "\t", "[", "/"])


def _texts(seed: int, count: int) -> list[str]:
    draw = random.Random(seed)
    return ["".join(_piece(draw) for _ in range(draw.randrange(1, 10))) for _ in range(count)]


# Runs at the edges: 12 characters with a letter and no separator, 11 digits
# before a separator or at the end, a token glued by an underscore.
EDGES = [
    "2A3456789012",
    "2b3456789012 ",
    "1O2345678901",
    "12345678901O",
    "12345678901",
    "x 12345678901 a",
    "12345678901 2",
    "1 84 02 75 123 456 34_",
    "184027512345634_x",
]
TEXTS = EDGES + _texts(20, 3000)


def _long_enough(match: re.Match[str]) -> bool:
    return len(compact_token(match[0])) >= MIN_TOKEN


def _fields_valid(token: str, profile: Profile) -> bool:
    """A compact or display form (spaces only between the display groups, capital
    letters) whose fields are all valid: only its key may be wrong."""
    compact = token.replace(" ", "")
    characters = 0
    for char in token:
        if char == " ":
            if characters not in GROUP_ENDS:
                return False
        else:
            characters += 1
    if "  " in token or not re.fullmatch("[0-9AB]*", compact):
        return False
    if len(compact) == 13 and not profile.key_required:
        return nirkit.is_valid(compact, profile=profile)
    if len(compact) != 15:
        return False
    errors = {issue.code for issue in nirkit.diagnose(compact, profile=profile).errors}
    return not errors - _KEY_CODES


def _digits_only(token: str) -> bool:
    return re.fullmatch("[0-9]+", token) is not None


def test_the_texts_meet_every_branch() -> None:
    branches = {
        match.lastindex
        for text in TEXTS
        for match in scanner(pattern_for(STANDARD).pattern).finditer(text)
        if _long_enough(match)
    }
    assert branches == {NUMBER, DIGITS, None}


def test_fast_token_finds_the_tokens_of_token() -> None:
    for text in TEXTS:
        expected = [m.span() for m in TOKEN.finditer(text)]
        assert [m.span() for m in FAST_TOKEN.finditer(text) if _long_enough(m)] == expected, text


@pytest.mark.parametrize("profile", PROFILES, ids=repr)
def test_each_branch_of_the_scanner_is_what_it_says(profile: Profile) -> None:
    found = scanner(pattern_for(profile).pattern)
    for text in TEXTS:
        # Shorter runs are left to the caller, but they are FAST_TOKEN's too.
        fast = {m.span() for m in FAST_TOKEN.finditer(text)}
        assert {m.span() for m in found.finditer(text)} <= fast, text
        matches = [m for m in found.finditer(text) if _long_enough(m)]
        assert [m.span() for m in matches] == [m.span() for m in TOKEN.finditer(text)], text
        for match in matches:
            token = match[0]
            if _fields_valid(token, profile):
                expected = NUMBER
            elif _digits_only(token):
                expected = DIGITS
            else:
                expected = None
            assert match.lastindex == expected, (text, token)


def _cell(draw: random.Random, keys: str) -> str:
    choice = draw.random()
    if choice < 0.3:
        return "".join(draw.choice("0123456789") for _ in range(draw.randrange(10, 18)))
    if choice < 0.5:
        return _number(draw).replace("\n", "")
    if choice < 0.65:
        digits = "".join(draw.choice("0123456789") for _ in range(draw.choice([13, 14, 15, 16])))
        return draw.choice(keys) + digits
    if choice < 0.75:
        return "".join(draw.choice("0123456789") for _ in range(14)) + " x"
    if choice < 0.85:
        return draw.choice(["", "x", "nir", "a b", "12", "2024-01-01"])
    return "".join(draw.choice("0123456789 ") for _ in range(draw.randrange(1, 20)))


def _tables(seed: int, count: int) -> list[tuple[str, str, int, frozenset[int]]]:
    """Regular tables: every line has all its fields, and no quote."""
    draw = random.Random(seed)
    tables = []
    for _ in range(count):
        delimiter = draw.choice([",", ";", "\t", "|"])
        keys = "".join(sorted(set(":=>' \t[(") - {delimiter}))
        fields = draw.randrange(2, 6)
        columns = frozenset(c for c in range(fields) if draw.random() < 0.3)
        rows = [
            delimiter.join(_cell(draw, keys) for _ in range(fields))
            for _ in range(draw.randrange(1, 7))
        ]
        end = draw.choice(["\n", ""])
        tables.append(("\n".join(rows) + end, delimiter, fields, columns))
    return tables


TABLES = _tables(21, 800)


@pytest.mark.parametrize("profile", [STANDARD, Profile(zero_fields_allowed=True)], ids=repr)
def test_the_table_scanner_skips_exactly_the_runs_of_other_columns(profile: Profile) -> None:
    skipped = 0
    for block, delimiter, fields, columns in TABLES:
        found = table_scanner(pattern_for(profile).pattern, delimiter, fields, columns)
        keys = set(":=>\"' \t[(") - {delimiter}
        matches = [m for m in found.finditer(block) if _long_enough(m)]
        assert [m.span() for m in matches] == [m.span() for m in TOKEN.finditer(block)], block
        for match in matches:
            token, start = match[0], match.start()
            line_start = block.rfind("\n", 0, start) + 1
            column = block.count(delimiter, line_start, start)
            after_key = start > 0 and block[start - 1] in keys
            if _fields_valid(token, profile):
                expected = NUMBER
            elif not _digits_only(token):
                expected = None
            elif len(token) == 15 or column in columns or after_key:
                expected = DIGITS
            else:
                expected = SKIPPED
            skipped += expected == SKIPPED
            assert match.lastindex == expected, (block, token, column, columns)
    assert skipped > 100


def test_a_table_scanner_reads_each_line_apart() -> None:
    # The column of a run is counted on its own line: the last line of a block and
    # the others alike.
    block = "12345678901234,x\n" * 3 + "x,12345678901234\n"
    found = table_scanner(pattern_for(STANDARD).pattern, ",", 2, frozenset({0}))
    assert [m.lastindex for m in found.finditer(block)] == [DIGITS] * 3 + [SKIPPED]


@pytest.mark.parametrize(
    ("pattern", "shown"),
    [
        ("x", "'x'"),
        ("0123456789abcdefghijKLMNOP", "'0123456789abcdefghij'"),  # the first 20 characters
    ],
)
def test_a_pattern_without_its_kind_digits_is_refused(pattern: str, shown: str) -> None:
    """A scanner is built on a profile's pattern, whose first class holds the kind
    digits: any other pattern is a programming error, named in the message."""
    with pytest.raises(ValueError, match=rf"^unexpected number pattern {re.escape(shown)}$"):
        scanner(pattern)
