"""The numbers of the corpus, built here from RULES.md, never by nirkit.

A :class:`Sample` is a NIR as display groups (1-2-2-2-3-3-2 for a well-formed
one): valid, or broken by hand so that it breaks ONE rule and keeps everything
else right (a broken field gets the correct key of the broken body). A
:class:`Lookalike` is a 13-16 digit identifier of another kind (IMEI, dated
reference, EAN-13, SIRET, card, timestamp) whose digits are not a valid NIR.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random
from typing import Final

KIND_DIGITS: Final = "123478"
# Published specimens and examples: never data, so never drawn.
SPECIMENS: Final = frozenset({"269054958815780", "185057800608491", "137047624348415"})
_CORSICA_ARITHMETIC: Final = {"2A": "19", "2B": "18"}
OVERSEAS: Final = ("971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987")
# INSEE country codes (99 + these three digits), all in shared/data/countries.csv.
COUNTRIES: Final = (
    "101", "109", "127", "131", "132", "134", "139", "140", "216", "243", "350", "351", "352",
    "404",
)  # fmt: skip
KEY_CODES: Final = frozenset({"key_mismatch", "key_out_of_range"})
# Where the display groups start in a well-formed number's 15 characters.
_GROUPS: Final = ((0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13), (13, 15))

# Separators of the written forms. Display forms group 1-2-2-2-3-3-2.
FORMS: Final = {
    "compact": "",
    "display": " ",
    "dotted": ".",
    "nbsp": "\u00a0",
    "narrow_nbsp": "\u202f",
    "thin_space": "\u2009",
    "hyphen": "-",
}
# The 13-character body, a space, then the key ("1850578006084 91"): as a form asks for it.
BODY_KEY: Final = "body_key"


def key_of(body: str) -> int:
    """97 - (body mod 97), with 2A/2B read as 19/18 at positions 6-7 (RULES.md 4)."""
    upper = body.upper()
    digits = upper[:5] + _CORSICA_ARITHMETIC.get(upper[5:7], upper[5:7]) + upper[7:13]
    return 97 - int(digits) % 97


def luhn_ok(digits: str) -> bool:
    """The Luhn check of cards, IMEIs and SIRETs."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def luhn_completed(partial: str) -> str:
    """``partial`` followed by the digit that makes it pass the Luhn check."""
    return next(partial + d for d in "0123456789" if luhn_ok(partial + d))


def _month_ok(month: str) -> bool:
    code = int(month)
    return 1 <= code <= 12 or 20 <= code <= 42 or code >= 50


def _place_ok(place: str) -> bool:
    department = place[:2]
    if department in ("97", "98"):
        return place[:3] in OVERSEAS and place[3:] != "00"
    if department in ("2A", "2B") or (department.isdigit() and 1 <= int(department) <= 96):
        return place[2:] != "000"
    return department == "99" and place[2:] != "000"


def is_valid_nir(compact: str) -> bool:
    """Whether 15 characters are a valid NIR under the standard profile (warnings aside)."""
    upper = compact.upper()
    if len(upper) != 15 or not (upper[:5] + upper[7:]).isdigit():
        return False
    if not (upper[5:7].isdigit() or upper[5:7] in _CORSICA_ARITHMETIC):
        return False
    return (
        upper[0] in KIND_DIGITS
        and _month_ok(upper[3:5])
        and _place_ok(upper[5:10])
        and upper[10:13] != "000"
        and 1 <= int(upper[13:]) <= 97
        and int(upper[13:]) == key_of(upper[:13])
    )


@dataclass(frozen=True, slots=True)
class Sample:
    """A NIR as written groups, and what a linter should say of it."""

    groups: tuple[str, ...]
    fault: str  # "valid", or how it was broken ("wrong_key", "month_00_13_19"...)
    code: str | None  # the finding's code for a broken number; None when valid

    @property
    def valid(self) -> bool:
        return self.code is None

    @property
    def compact(self) -> str:
        return "".join(self.groups)

    @property
    def body(self) -> str:
        """The 13 characters before the key (well-formed numbers only)."""
        return "".join(self.groups[:6])

    @property
    def key(self) -> str:
        return self.groups[6]

    def written(self, form: str) -> str:
        if form == BODY_KEY:
            return " ".join(filter(None, ["".join(self.groups[:6]), "".join(self.groups[6:])]))
        return FORMS[form].join(self.groups)


def _split(compact: str) -> tuple[str, ...]:
    return tuple(compact[start:end] for start, end in _GROUPS[: 6 if len(compact) == 13 else 7])


def _two(rng: Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high):02d}"


def _three(rng: Random, low: int = 1, high: int = 999) -> str:
    return f"{rng.randint(low, high):03d}"


def _month(rng: Random) -> str:
    roll = rng.random()
    if roll < 0.75:
        return _two(rng, 1, 12)
    if roll < 0.9:  # unknown month
        return rng.choice([_two(rng, 20, 30), _two(rng, 50, 99)])
    return _two(rng, 31, 42)  # month known from an incomplete record


def _metropolitan(rng: Random) -> str:
    return f"{rng.choice([d for d in range(1, 96) if d != 20]):02d}"


def _place_and_year(rng: Random, place: str) -> tuple[str, str]:
    """Five birthplace characters of the named kind, and a year that draws no warning."""
    year = _two(rng, 0, 99)
    if place == "metropolitan":
        return _metropolitan(rng) + _three(rng), year
    if place == "corsica":  # born from 1976 on: no Corsica warning
        year = rng.choice([_two(rng, 76, 99), _two(rng, 0, 25)])
        return rng.choice(["2A", "2B"]) + _three(rng), year
    if place == "overseas":
        return rng.choice(OVERSEAS) + _two(rng, 1, 99), year
    return "99" + rng.choice(COUNTRIES), year


_PLACES: Final = ("metropolitan", "corsica", "overseas", "abroad")
_PLACE_WEIGHTS: Final = (70, 10, 8, 12)


def valid_body(rng: Random, *, place: str | None = None) -> str:
    """13 valid characters (upper case); ``place`` forces a kind of birthplace."""
    chosen = place or rng.choices(_PLACES, _PLACE_WEIGHTS)[0]
    birthplace, year = _place_and_year(rng, chosen)
    return rng.choice(KIND_DIGITS) + year + _month(rng) + birthplace + _three(rng)


def _keyed(body: str) -> str:
    return f"{body}{key_of(body):02d}"


def _lower_corsica(rng: Random, groups: tuple[str, ...]) -> tuple[str, ...]:
    """Sometimes write 2A/2B in lower case, as people type it."""
    if groups[3] in _CORSICA_ARITHMETIC and rng.random() < 0.3:
        return (*groups[:3], groups[3].lower(), *groups[4:])
    return groups


def valid_sample(rng: Random, *, digits_only: bool = False) -> Sample:
    while True:
        compact = _keyed(valid_body(rng))
        if compact in SPECIMENS or (digits_only and not compact.isdigit()):
            continue
        return Sample(_lower_corsica(rng, _split(compact)), "valid", None)


# --- broken numbers: each function breaks one rule ---------------------------

Breaker = Callable[[Random], Sample]


def _field_broken(fault: str, code: str, position: int, values: Sequence[str]) -> Breaker:
    """Replace one field (at ``position`` of the body) and give the body its right key."""

    def breaker(rng: Random) -> Sample:
        body = valid_body(rng, place="metropolitan")
        value = rng.choice(values)
        broken = body[:position] + value + body[position + len(value) :]
        return Sample(_split(_keyed(broken)), fault, code)

    return breaker


def _wrong_key(rng: Random) -> Sample:
    body = valid_body(rng)
    right = key_of(body)
    wrong = rng.choice([k for k in range(1, 98) if k != right])  # ~1 in 10 pass Luhn
    return Sample(_lower_corsica(rng, _split(f"{body}{wrong:02d}")), "wrong_key", "key_mismatch")


def _swapped_digits(rng: Random) -> Sample:
    """Two adjacent different digits swapped inside the year, commune or order.

    Any such swap changes the body by (b - a) * 9 * 10^k, never a multiple of
    the prime 97: the key always detects it, and the fields stay valid.
    """
    while True:
        body = valid_body(rng, place=rng.choice(["metropolitan", "corsica", "abroad"]))
        pairs = [i for i in (1, 7, 8, 10, 11) if body[i] != body[i + 1]]
        if pairs:
            break
    i = rng.choice(pairs)
    swapped = body[:i] + body[i + 1] + body[i] + body[i + 2 :]
    return Sample(_split(f"{swapped}{key_of(body):02d}"), "swapped_digits", "key_mismatch")


def _key_out_of_range(rng: Random) -> Sample:
    body = valid_body(rng)
    return Sample(_split(body + rng.choice(["00", "98", "99"])), "key_00_98_99", "key_out_of_range")


def _digits_only_number(rng: Random) -> str:
    while True:
        compact = _keyed(valid_body(rng, place=rng.choice(["metropolitan", "abroad"])))
        if compact not in SPECIMENS:
            return compact


def _digit_dropped(rng: Random) -> Sample:
    groups = list(_split(_digits_only_number(rng)))
    index = rng.randrange(1, 7)  # never the one-digit kind group
    cut = rng.randrange(len(groups[index]))
    groups[index] = groups[index][:cut] + groups[index][cut + 1 :]
    return Sample(tuple(groups), "digit_dropped", "bad_length")


def _digit_added(rng: Random) -> Sample:
    groups = list(_split(_digits_only_number(rng)))
    index = rng.randrange(7)
    at = rng.randrange(len(groups[index]) + 1)
    groups[index] = groups[index][:at] + str(rng.randrange(10)) + groups[index][at:]
    return Sample(tuple(groups), "digit_added", "bad_length")


def _key_missing(rng: Random) -> Sample:
    return Sample(_split(valid_body(rng)), "key_missing", "key_missing")


def _letter_o(rng: Random) -> Sample:
    """A letter O typed for a zero of the body; the key is the number's right key."""
    while True:
        compact = _digits_only_number(rng)
        zeros = [i for i, char in enumerate(compact[:13]) if char == "0"]
        if zeros:
            break
    at = rng.choice(zeros)
    return Sample(_split(compact[:at] + "O" + compact[at + 1 :]), "letter_o", "bad_character")


BREAKERS: Final[dict[str, tuple[Breaker, int]]] = {
    # fault: (how to make it, weight)
    "wrong_key": (_wrong_key, 30),
    "swapped_digits": (_swapped_digits, 10),
    "month_00_13_19": (
        _field_broken("month_00_13_19", "bad_month", 3, ["00", *map(str, range(13, 20))]),
        7,
    ),
    "kind_0_5_6_9": (_field_broken("kind_0_5_6_9", "bad_kind_digit", 0, list("0569")), 6),
    "department_00": (_field_broken("department_00", "bad_department", 5, ["00"]), 5),
    "commune_000": (_field_broken("commune_000", "bad_commune", 7, ["000"]), 5),
    "order_000": (_field_broken("order_000", "bad_order", 10, ["000"]), 5),
    "key_00_98_99": (_key_out_of_range, 6),
    "digit_dropped": (_digit_dropped, 6),
    "digit_added": (_digit_added, 6),
    "key_missing": (_key_missing, 6),
    "letter_o": (_letter_o, 6),
}
# Faults a number keeps when written as a body cell and a key cell.
PAIR_FAULTS: Final = (
    "wrong_key",
    "swapped_digits",
    "key_00_98_99",
    "month_00_13_19",
    "kind_0_5_6_9",
    "department_00",
    "commune_000",
    "order_000",
    "letter_o",
)


def broken_sample(rng: Random, faults: Sequence[str] = tuple(BREAKERS)) -> Sample:
    """A number broken in one of ``faults`` (drawn with their weights)."""
    weights = [BREAKERS[fault][1] for fault in faults]
    fault = rng.choices(list(faults), weights)[0]
    make = BREAKERS[fault][0]
    while True:
        sample = make(rng)
        if sample.compact.upper() not in SPECIMENS:
            return sample


def sample(rng: Random, broken_share: float, *, digits_only: bool = False) -> Sample:
    """A valid number, or a broken one with probability ``broken_share``."""
    if rng.random() >= broken_share:
        return valid_sample(rng, digits_only=digits_only)
    while True:
        drawn = broken_sample(rng)
        if not digits_only or drawn.compact.isdigit():
            return drawn


# --- lookalikes -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lookalike:
    shape: str  # "imei", "dated_reference"...
    text: str  # as written

    @property
    def digits(self) -> str:
        return "".join(char for char in self.text if char.isdigit())


def _random_digits(rng: Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def _imei(rng: Random) -> str:
    tac = rng.choice(["35", "35", "86", "01", "99"]) + _random_digits(rng, 6)
    return luhn_completed(tac + _random_digits(rng, 6))


def _dated_reference(rng: Random) -> str:
    year = rng.randint(2015, 2025)
    return f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 99999):07d}"


def _ean13(rng: Random) -> str:
    partial = "3" + _random_digits(rng, 11)  # 30-37: France
    weighted = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(partial))
    return partial + str(-weighted % 10)


def _siret(rng: Random) -> str:
    siren = luhn_completed(rng.choice("345789") + _random_digits(rng, 7))
    return luhn_completed(siren + "000" + _random_digits(rng, 1))


def _card(rng: Random) -> str:
    return luhn_completed(rng.choice(["4970", "4561", "5132", "5412"]) + _random_digits(rng, 11))


def _amex(rng: Random) -> str:
    return luhn_completed(rng.choice(["34", "37"]) + _random_digits(rng, 12))


def _timestamp_ms(rng: Random) -> str:
    return str(rng.randint(1_420_070_400_000, 1_767_225_600_000))


def _datetime14(rng: Random) -> str:
    time = f"{rng.randint(0, 23):02d}{_two(rng, 0, 59)}{_two(rng, 0, 59)}"
    return _dated_reference(rng)[:8] + time


def _grouped(digits: str, sizes: Sequence[int], separator: str = " ") -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    return separator.join(parts)


def _written(shape: str, digits: str, rng: Random) -> str:
    """How people write each identifier: mostly compact, sometimes grouped."""
    roll = rng.random()
    if shape == "siret" and roll < 0.3:
        return _grouped(digits, (3, 3, 3, 5))
    if shape == "card" and roll < 0.5:
        return _grouped(digits, (4, 4, 4, 4))
    if shape == "amex" and roll < 0.5:
        return _grouped(digits, (4, 6, 5))
    if shape == "imei" and roll < 0.15:
        return _grouped(digits, (2, 6, 6, 1), "-")
    return digits


_SHAPES: Final[dict[str, Callable[[Random], str]]] = {
    "imei": _imei,
    "dated_reference": _dated_reference,
    "ean13": _ean13,
    "siret": _siret,
    "card": _card,
    "amex": _amex,
    "timestamp_ms": _timestamp_ms,
    "datetime14": _datetime14,
}
LOOKALIKE_SHAPES: Final = tuple(_SHAPES)


def lookalike(rng: Random, shape: str, *, grouped: bool = True) -> Lookalike:
    """An identifier of ``shape`` whose digits are not a valid NIR (that would be one),
    sometimes written in groups as people do unless ``grouped`` is false."""
    while True:
        digits = _SHAPES[shape](rng)
        if not is_valid_nir(digits):
            return Lookalike(shape, _written(shape, digits, rng) if grouped else digits)
