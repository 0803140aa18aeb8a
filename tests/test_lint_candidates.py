"""Candidate selection: the token pattern, shapes, context names; with properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nirkit._key import luhn_valid
from nirkit._lint.candidates import (
    FAST_TOKEN,
    MIN_TOKEN,
    TOKEN,
    compact_token,
    dated,
    plausible_shape,
    scanner,
    separators_on_group_ends,
    written_as_nir,
)
from nirkit._lint.formats.delimited import DelimitedReader, column_at
from nirkit._lint.formats.text import key_before
from nirkit._lint.names import names_key, says_nir
from nirkit._profiles import LENIENT, STANDARD, pattern_for
from nirkit.strategies import nir_strings
from tests.helpers import with_key

GOOD = with_key("1 84 02 75 123 456")


def _spaced(separator: str) -> str:
    """GOOD in display form, grouped with ``separator`` instead of spaces."""
    return GOOD.replace(" ", separator)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (f"x {GOOD} y", [GOOD]),
        (f"({GOOD.replace(' ', '.')})", [GOOD.replace(" ", ".")]),
        ("1 84 02 2A 123 456 34, next", ["1 84 02 2A 123 456 34"]),
        ("1 84 02 2a 123 456 34", ["1 84 02 2a 123 456 34"]),
        ("1 84 O2 75 123 456 34", ["1 84 O2 75 123 456 34"]),  # O typed for 0
        ("nir=1840275123456 a été", ["1840275123456"]),  # the "a" is a word
        ("1234567890123 Oct", ["1234567890123"]),
        ("12345678901", []),  # too short
        ("CMD-252791361964096", []),  # glued to a word by a hyphen
        ("ID_252791361964096", []),
        ("252791361964096_id", []),  # an underscore binds after the digits too
        ("v.252791361964096", []),
        ("x252791361964096", []),
        ("252791361964096x", []),
        ("252791361964096-A", []),
        ("12 34 56 78 90 12 34 5x", []),  # glued: no shorter token is tried
        ("FR76 3000 6000 0112 3456 7890 189", []),
        ("+33 6 12 34 56 78", []),
        ("20240101123045", ["20240101123045"]),
        ("2024 2 95 10 99 126 111 93", ["2024 2 95 10 99 126 111 93"]),  # one run
        ("1  84 02 75 123 456 34", ["84 02 75 123 456 34"]),  # a double space splits
        # French typography and copies from Word or PDF group with other spaces:
        (_spaced("\u00a0"), [_spaced("\u00a0")]),
        (f"n° {_spaced(chr(0x202F))}.", [_spaced("\u202f")]),
        (f"({_spaced(chr(0x2009))})", [_spaced("\u2009")]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert TOKEN.findall(text) == tokens


@pytest.mark.parametrize(
    ("text", "plausible"),
    [
        ("184027512345600", True),  # a wrong key is still NIR-shaped
        ("184022A12345600", True),
        ("197129712345600", True),
        ("197129792345600", False),  # 979 is no overseas code
        ("584027512345600", False),  # kind digit
        ("184137512345600", False),  # month 13
        ("184020012345600", False),  # département 00
        ("18402751234560", False),  # 14 characters
        ("1840275123O5600", False),  # a letter outside 2A/2B
    ],
)
def test_plausible_shape(text: str, plausible: bool) -> None:
    assert plausible_shape(text) is plausible


@pytest.mark.parametrize(
    ("token", "ok"),
    [
        ("184027512345634", True),
        ("1 84 02 75 123 456 34", True),
        ("1840275123456 34", True),
        ("1.84.02.75.123.456.34", True),
        ("18 402 75 123 456 34", False),
        ("1.84027512345634", False),  # a decimal number
        ("18402751234563-4", False),
    ],
)
def test_separators_on_group_ends(token: str, ok: bool) -> None:
    assert separators_on_group_ends(token) is ok


@pytest.mark.parametrize(
    ("token", "written"),
    [
        ("1 84 02 75 123 456 34", True),
        ("1.84.02.2A.123.456.34", True),
        ("7\u00a058\u00a001\u00a043\u00a0301\u00a0647\u00a052", True),
        ("1 84 02 75 123 456", True),  # without its key
        ("1 84 02 75 12 456 34", True),  # a digit dropped
        ("1 84 02 75 1234 456 34", True),  # a digit typed twice
        ("1 84 02 75 12 45 34", False),  # two groups off
        ("184027512345634", False),  # compact: no grouping to read
        ("18 40 27 51 23 45 63", False),
        ("4111 1111 1111 1111", False),
        ("552 100 554 00025", False),
    ],
)
def test_written_as_nir(token: str, written: bool) -> None:
    assert written_as_nir(token) is written


@pytest.mark.parametrize(
    ("compact", "is_dated"),
    [
        ("202404151234567", True),
        ("199912310000001", True),
        ("202413151234567", False),  # month 13
        ("202404321234567", False),  # day 32
        ("184027512345634", False),
        ("210088011429565", False),
    ],
)
def test_dated(compact: str, is_dated: bool) -> None:
    assert dated(compact) is is_dated


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("378282246310005", True),
        ("356938035643809", True),
        ("4111111111111111", True),
        ("378282246310006", False),
        ("356938035643808", False),
    ],
)
def test_luhn(digits: str, ok: bool) -> None:
    assert luhn_valid(digits) is ok


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("nir", True),
        ("NIR", True),
        ("patientNir", True),
        ("nir_cle", True),
        ("nirs", True),
        ("nss", True),
        ("num_secu", True),
        ("numero_securite_sociale", True),
        ("Numéro de sécurité sociale", True),
        ("social_security_number", True),
        ("SocialSecurityNumber", True),
        ("insee", True),
        ("ssn", True),
        ("n° ss", True),
        ("N° SS", True),
        ("numss", True),
        ("num_ss", True),
        ("NumSS", True),
        ("no_secu", True),
        ("NUMÉRO DE SÉCURITÉ SOCIALE", True),
        ("immatriculation", True),
        ("numéro d'immatriculation", True),
        ("ins", True),
        ("matricule_ins", True),
        ("carte_vitale", True),
        ("nir13", True),
        ("patient.ins", True),
        ("souvenir", False),
        ("matricule", False),
        ("insurance", False),
        ("environment", False),
        ("definir", False),
        ("ean", False),
        ("phone", False),
        ("", False),
    ],
)
def test_names(name: str, says: bool) -> None:
    assert says_nir(name) is says


@pytest.mark.parametrize(
    ("name", "is_key"),
    [("cle", True), ("clé", True), ("Clé", True), ("cle_nir", True), ("key", True),
     ("nir_key", True), ("clé de contrôle", True), ("nir", False), ("keyboard", False),
     ("api_key_id", False), ("", False)],
)  # fmt: skip
def test_key_column_names(name: str, is_key: bool) -> None:
    assert names_key(name) is is_key


@pytest.mark.parametrize(
    ("prefix", "key"),
    [
        ("nir: ", "nir"),
        ('{"id": 1, "nss": "', "nss"),
        ("  nir = '", "nir"),
        ("patient.nir := ", "patient.nir"),
        ("'nir' => ", "nir"),
        ("<nir>", "nir"),
        ('<field name="x">', "field"),
        ("call ", None),
        ("1,", None),
        ("nir: 12, other ", None),
    ],
)
def test_key_before(prefix: str, key: str | None) -> None:
    assert key_before(prefix) == key


def test_csv_columns() -> None:
    table = DelimitedReader('id;"NIR";name;cle\n')
    assert (table.delimiter, table.nir_columns, table.key_column) == (";", frozenset({1}), 3)
    assert column_at('1;"a;b";c', ";", 8) == 2  # a quoted delimiter does not count
    excel = DelimitedReader("sep=,\nnss,x\n")
    assert (excel.delimiter, excel.names, excel.header_line) == (",", ["nss", "x"], 2)


@given(
    number=nir_strings(style="display") | nir_strings(style="compact"),
    before=st.sampled_from(["", " ", ",", ";", "(", '"', "nir: ", "\t", "= '"]),
    after=st.sampled_from(["", " ", ",", ")", '"', ".", "\n", ". Next"]),
)
def test_every_valid_number_is_one_token(number: str, before: str, after: str) -> None:
    tokens = list(TOKEN.finditer(f"{before}{number}{after}"))
    assert [(m.group(), m.start()) for m in tokens] == [(number, len(before))]
    assert len(compact_token(number)) == 15


@given(st.text(alphabet="0123456789 .-,;abAB\n", max_size=200))
def test_tokens_are_maximal_and_never_glued(text: str) -> None:
    for match in TOKEN.finditer(text):
        start, end = match.span()
        assert len(compact_token(match.group())) >= 12
        assert start == 0 or not text[start - 1].isalnum()
        assert end == len(text) or not text[end].isalnum()


@given(
    st.lists(
        st.one_of(
            nir_strings(style="display"),
            nir_strings(style="compact"),
            st.text(alphabet="0123456789 .-AaBbOo,x_\n\u00a0\u202f\u2009", max_size=12),
        ),
        max_size=6,
    ).map("".join)
)
def test_the_fast_scanner_finds_the_tokens_of_token(text: str) -> None:
    # The scanner's first branch must never end a token where TOKEN would not,
    # e.g. "2 95 10 99 126 111 93 56" is one 17-digit token, not a number.
    def long_enough(match: re.Match[str]) -> bool:
        return len(compact_token(match[0])) >= MIN_TOKEN

    expected = [m.span() for m in TOKEN.finditer(text)]
    assert [m.span() for m in FAST_TOKEN.finditer(text) if long_enough(m)] == expected
    for profile in (STANDARD, LENIENT):
        fast = scanner(pattern_for(profile).pattern)
        assert [m.span() for m in fast.finditer(text) if long_enough(m)] == expected
    glued = "ok: 2 95 10 99 126 111 93 56"
    assert [m[0] for m in fast.finditer(glued)] == ["2 95 10 99 126 111 93 56"]
