"""Checks of the corpus itself, without nirkit: each recorded place holds its text,
and each number is what it claims to be (python-stdnum agrees on keys). Both sets of
the corpus pass them."""

from __future__ import annotations

from pathlib import Path

from stdnum.fr import nir as stdnum_nir

from tests.lint_corpus.document import CORPUS_DIR, Entry, Truth, lines_of
from tests.lint_corpus.samples import KEY_CODES, SPECIMENS, is_valid_nir, luhn_ok

LUHN_SHAPES = frozenset({"imei", "siret", "card", "amex", "visa13"})


def compact_of(entry: Entry) -> str:
    """The number an entry holds, without separators (body and key cells joined)."""
    if entry.form == "pair":
        body, key = sorted(entry.cells, key=lambda cell: len(cell.text), reverse=True)
        return (body.text + key.text.zfill(2)).upper()
    return "".join(char for char in entry.cells[0].text if char.isalnum()).upper()


def places_hold_their_text(outdir: Path, truth: Truth) -> None:
    """Every recorded cell is at its line and column, a token of its own."""
    lines = {spec.path: lines_of(outdir / CORPUS_DIR, spec) for spec in truth.files}
    for entry in truth.entries:
        for cell in entry.cells:
            line = lines[entry.path][cell.line - 1]
            start = cell.column - 1
            end = start + len(cell.text)
            assert line[start:end] == cell.text, entry
            # a token of its own: not glued to a letter or a digit
            assert start == 0 or not line[start - 1].isalnum(), entry
            assert not line[end : end + 1].isalnum(), entry


def valid_numbers_are_valid(truth: Truth) -> None:
    valid = [compact_of(entry) for entry in truth.entries if entry.role == "valid"]
    assert valid
    for number in valid:
        assert is_valid_nir(number), number
        assert stdnum_nir.is_valid(number), number  # an independent key computation
        assert number not in SPECIMENS


# A broken field: where it is, the values that break it, a value that mends it.
_BROKEN_FIELDS = {
    "month_00_13_19": (3, 5, {"00", *map(str, range(13, 20))}, "01"),
    "kind_0_5_6_9": (0, 1, set("0569"), "1"),
    "department_00": (5, 7, {"00"}, "75"),
    "commune_000": (7, 10, {"000"}, "001"),
    "order_000": (10, 13, {"000"}, "001"),
}


def _breaks_its_one_rule(fault: str, number: str) -> bool:
    """Whether ``number`` breaks ``fault``'s rule, and mending that rule makes it valid
    (keys computed by python-stdnum)."""
    if fault in ("digit_dropped", "digit_added"):
        return len(number) == (14 if fault == "digit_dropped" else 16)
    if fault == "letter_o":
        return "O" in number and is_valid_nir(number.replace("O", "0"))
    body, key = number[:13], number[13:]
    right = stdnum_nir.calc_check_digits(body)
    if fault == "key_missing":
        return not key and is_valid_nir(body + right)
    if fault in _BROKEN_FIELDS:
        start, end, bad, good = _BROKEN_FIELDS[fault]
        mended = body[:start] + good + body[end:]
        return (
            body[start:end] in bad
            and key == right
            and is_valid_nir(mended + stdnum_nir.calc_check_digits(mended))
        )
    if fault == "key_00_98_99":
        return key in ("00", "98", "99") and is_valid_nir(body + right)
    return key != right and 1 <= int(key) <= 97 and is_valid_nir(body + right)  # a wrong key


def broken_numbers_break_one_rule(truth: Truth) -> None:
    broken = [entry for entry in truth.entries if entry.role == "broken"]
    for entry in broken:
        number = compact_of(entry)
        assert not is_valid_nir(number), entry
        assert _breaks_its_one_rule(entry.fault, number), entry
    pairs = [entry for entry in broken if entry.form == "pair"]
    for entry in pairs:  # the finding is expected at the key cell for a key fault
        expected_len = 2 if entry.code in KEY_CODES else 13
        assert len(entry.cells[0].text) == expected_len, entry


def lookalikes_are_not_numbers(truth: Truth) -> None:
    for entry in truth.entries:
        if entry.role == "lookalike":
            digits = "".join(char for char in entry.cells[0].text if char.isdigit())
            assert 13 <= len(digits) <= 16, entry
            assert not is_valid_nir(digits), entry
            assert entry.fault not in LUHN_SHAPES or luhn_ok(digits), entry
