"""The shape rules of the linter's candidates (docs/lint.md, "Tokens" and "What
reports a token"), each stated as the documentation states it and checked over
every value of the fields it reads.

The truth of each rule is written here from the documentation, apart from the
code: a grouping is compared with 1-2-2-2-3-3-2 group by group, a date is read
as a year, a month and a day, and "a month code and a département some profile
accepts" is asked of the most accepting profile, lenient.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable

import pytest

import nirkit
from nirkit._lint.candidates import (
    compact_token,
    dated,
    plausible_shape,
    separators_on_group_ends,
    written_as_nir,
)
from tests.helpers import with_key

SEPARATORS = " .-\u00a0\u202f\u2009"
DISPLAY = (1, 2, 2, 2, 3, 3, 2)  # the display groups of a NIR
GROUP_ENDS = (1, 3, 5, 7, 10, 13)  # where they end, in characters
BASE = with_key("1 84 02 75 123 456").replace(" ", "")


# plausible_shape: 15 characters; kind digit 1, 2, 3, 4, 7 or 8; a month code and a
# département some profile accepts; digits everywhere else.


def _shaped_as_a_nir(compact: str) -> bool:
    if len(compact) != 15 or not (compact[1:5] + compact[7:]).isdigit():
        return False
    if compact[5:7] in ("97", "98"):  # an overseas département: its third digit decides
        return nirkit.is_valid(compact[:13], profile="lenient")
    # The département alone: the characters after it are not the département's business.
    return nirkit.is_valid(compact[:7] + "123456", profile="lenient")


def _one_field_changed() -> list[str]:
    """BASE with one field set to each value it may take, and a few it may not."""
    changed = [BASE[:14], BASE + "5", BASE[:13], "1840275123456345"]
    changed += [char + BASE[1:] for char in "0123456789ABO"]
    changed += [BASE[0] + year + BASE[3:] for year in ("00", "99", "0A", "O0", "A0")]
    months = [f"{month:02d}" for month in range(100)] + ["1A", "O1", "A1", "2B"]
    changed += [BASE[:3] + month + BASE[5:] for month in months]
    departments = [f"{department:02d}" for department in range(100)]
    departments += ["2A", "2B", "2C", "2O", "A2", "B2", "3A", "9A"]
    changed += [BASE[:5] + department + BASE[7:] for department in departments]
    overseas = [f"{code}" for code in range(970, 990)] + ["97A", "98O", "97B"]
    changed += [BASE[:5] + code + BASE[8:] for code in overseas]
    changed += [
        BASE[:position] + letter + BASE[position + 1 :] for position in range(15) for letter in "AO"
    ]
    return changed


@pytest.mark.parametrize("compact", _one_field_changed())
def test_plausible_shape_is_the_documented_shape(compact: str) -> None:
    assert plausible_shape(compact) is _shaped_as_a_nir(compact)


def test_plausible_shape_over_random_strings() -> None:
    draw = random.Random(7)
    alphabet = "0123456789" * 4 + "ABO"
    for _ in range(3000):
        size = draw.choice((14, 15, 15, 15, 16))
        compact = "".join(draw.choice(alphabet) for _ in range(size))
        if draw.random() < 0.5:  # a kind digit and a month often right
            month = draw.choice(["01", "12", "49", "99"])
            compact = draw.choice("123478") + compact[1:3] + month + compact[5:]
        assert plausible_shape(compact) is _shaped_as_a_nir(compact), compact


# separators_on_group_ends: every separator falls between two display groups (after
# 1, 3, 5, 7, 10 or 13 characters), and a single dot is a decimal number.


def _separated(compact: str, separators: dict[int, str]) -> str:
    """``compact`` with ``separators[n]`` put after its first n characters."""
    return "".join(separators.get(index, "") + char for index, char in enumerate(compact))


def _on_group_ends(separators: dict[int, str]) -> bool:
    decimal = list(separators.values()) == ["."]
    return all(index in GROUP_ENDS for index in separators) and not decimal


def _separator_layouts() -> list[dict[int, str]]:
    layouts: list[dict[int, str]] = [{}]
    for length in (13, 14, 15, 16):
        positions = range(1, length)
        layouts += [{index: sep} for index in positions for sep in SEPARATORS]
        layouts += [{a: " ", b: "."} for a, b in itertools.permutations(positions, 2)]
        layouts += [{a: ".", b: "."} for a, b in itertools.combinations(positions, 2)]
    for count in range(len(GROUP_ENDS) + 1):
        for ends in itertools.combinations(GROUP_ENDS, count):
            layouts.append(dict.fromkeys(ends, " "))
            layouts.append(dict.fromkeys(ends, "."))
            layouts.append({end: SEPARATORS[index] for index, end in enumerate(ends)})
    return layouts


def test_separators_on_group_ends_is_the_documented_rule() -> None:
    for compact in ("1840275123456", "18402751234563", BASE, BASE + "7", "184022A12345634"):
        for separators in _separator_layouts():
            if max(separators, default=0) >= len(compact):
                continue
            token = _separated(compact, separators)
            expected = _on_group_ends(separators)
            assert separators_on_group_ends(token) is expected, token


# written_as_nir: groups 1-2-2-2-3-3-2, or 1-2-2-2-3-3 without the key; the kind
# digit alone in its group, and at most one other group a digit short or long.


def _written_as_nir(sizes: tuple[int, ...]) -> bool:
    if len(sizes) not in (6, 7) or sizes[0] != 1:
        return False
    return sum(abs(size - expected) for size, expected in zip(sizes, DISPLAY, strict=False)) <= 1


def _grouped(sizes: tuple[int, ...], separators: str) -> str:
    digits = itertools.cycle("1840275123456347")
    groups = ["".join(next(digits) for _ in range(size)) for size in sizes]
    return "".join(g + separators[i % len(separators)] for i, g in enumerate(groups))[:-1]


@pytest.mark.parametrize("count", [5, 6, 7, 8])
def test_written_as_nir_is_the_documented_grouping(count: int) -> None:
    separators = SEPARATORS[count % len(SEPARATORS) :] + SEPARATORS
    groupings: Iterable[tuple[int, ...]]
    if count in (6, 7):  # every grouping with groups of 1 to 5 characters
        groupings = itertools.product(range(1, 6), repeat=count)
    else:  # the groupings within one digit of the display groups (and one more)
        groupings = (
            tuple(size + change for size, change in zip((*DISPLAY, 2), changes, strict=False))
            for changes in itertools.product((-1, 0, 1), repeat=count)
        )
    for sizes in groupings:
        token = _grouped(sizes, separators)
        assert written_as_nir(token) is _written_as_nir(sizes), token


def test_written_as_nir_reads_corsica_and_any_separator() -> None:
    assert written_as_nir("1 84 02 2A 123 456 34")
    assert written_as_nir("1-84-02-2b-123-456")
    assert written_as_nir("1\u202f84\u202f02\u202f75\u202f123\u202f456\u202f34")
    assert written_as_nir("1.84 02-75\u00a0123\u2009456 34")
    assert not written_as_nir("1 8402 75 123 456 34")  # a group missing


# dated: the first 8 characters are a date YYYYMMDD of 1900 to 2099, with a real
# month (01-12) and a day from 01 to 31.


@pytest.mark.parametrize("year", [1800, 1899, 1900, 1901, 1999, 2000, 2024, 2099, 2100, 2900, 9999])
def test_dated_is_a_date_of_1900_to_2099(year: int) -> None:
    for month, day in itertools.product(range(100), repeat=2):
        compact = f"{year:04d}{month:02d}{day:02d}1234567"
        expected = 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31
        assert dated(compact) is expected, compact


@pytest.mark.parametrize(
    ("compact", "is_dated"),
    [
        ("20240415O234567", True),  # only the first 8 characters are the date
        ("2024041512O4567", True),
        ("2O24O415123456", False),  # an O is not a digit of the date
        ("202404A5123456", False),
        ("2024041A1234567", False),
        ("1A00010112345", False),
    ],
)
def test_dated_reads_the_first_eight_characters(compact: str, is_dated: bool) -> None:
    assert dated(compact) is is_dated


# compact_token: the token without its separators, letters upper-cased.


def test_compact_token_drops_the_separators_and_upper_cases_the_letters() -> None:
    draw = random.Random(3)
    for _ in range(500):
        token = "".join(draw.choice("0123456789aAbBoO" + SEPARATORS) for _ in range(20))
        expected = "".join(char for char in token if char not in SEPARATORS).upper()
        assert compact_token(token) == expected
