"""NNP, MIG and NTT: read on request, never guessed (RULES.md section 10).

The values are constructed: a fund number is sex, creation digit, fund and
order written out; an NTT's SIREN is made to pass or fail the Luhn check on
purpose (checked with python-stdnum, not with nirkit).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from stdnum import luhn

import nirkit
from nirkit import MIG, NNP, NTT, Family, NIRError
from nirkit._family_rules import read_mig, read_nnp, read_ntt
from nirkit._messages import MESSAGES
from tests.helpers import Liar, with_key
from tests.test_lint_helpers import lint_json

LUHN_SIREN = "732829320"  # constructed: passes the Luhn check
BAD_SIREN = "732829321"  # the same, last digit changed: fails it
ZERO_SIREN = "000000000"
assert luhn.is_valid(LUHN_SIREN) and not luhn.is_valid(BAD_SIREN) and luhn.is_valid(ZERO_SIREN)

Parser = Callable[..., Any]


def _codes(found: Any) -> list[str]:
    return [issue.code for issue in found.errors]


# --- valid values and their fields -------------------------------------------


@pytest.mark.parametrize(
    ("parse", "text", "fields"),
    [
        (nirkit.parse_nnp, "7112312345678", ("male", 1, "123", 12345678)),
        (nirkit.parse_nnp, "8 1 001 00000001", ("female", 1, "001", 1)),
        (nirkit.parse_nnp, "8.2.999-99999999", ("female", 2, "999", 99999999)),
        (nirkit.parse_mig, "5112312345678", ("male", 1, "123", 12345678)),
        (nirkit.parse_mig, "6 2 045 00000300", ("female", 2, "045", 300)),
        (nirkit.parse_mig, "５１１２３１２３４５６７８", ("male", 1, "123", 12345678)),  # NFKC
    ],
)
def test_fund_numbers(parse: Parser, text: str, fields: tuple[object, ...]) -> None:
    value = parse(text)
    assert (value.registered_sex, value.creation, value.fund, value.order) == fields
    assert value.compact == nirkit.compact(text)
    match value:
        case NNP(sex, creation, fund, order) | MIG(sex, creation, fund, order):
            assert (sex, creation, fund, order) == fields
        case _:
            pytest.fail("not a fund number")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (f"1{LUHN_SIREN}0", ("male", LUHN_SIREN, "0")),
        (f"2{LUHN_SIREN}Ab9", ("female", LUHN_SIREN, "Ab9")),
        (f"  1{LUHN_SIREN}matricule42\t", ("male", LUHN_SIREN, "matricule42")),
        (f"1{LUHN_SIREN}{'z' * 30}", ("male", LUHN_SIREN, "z" * 30)),
    ],
)
def test_ntt(text: str, fields: tuple[str, str, str]) -> None:
    value = nirkit.parse_ntt(text)
    assert (value.registered_sex, value.siren, value.employee_part) == fields
    assert value.compact == text.strip() and not value.warnings
    match value:
        case NTT(sex, siren, part):
            assert (sex, siren, part) == fields


def test_ntt_case_is_kept_and_significant() -> None:
    lower, upper = nirkit.parse_ntt(f"1{LUHN_SIREN}ab"), nirkit.parse_ntt(f"1{LUHN_SIREN}AB")
    assert lower.employee_part == "ab" and lower != upper


# --- errors, in the order of the rules ------------------------------------------

NNP_OK = "7112312345678"


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (nirkit.parse_nnp, NNP_OK[:12], ("bad_length", "length", None, "nnp_mig_length")),
        (nirkit.parse_nnp, NNP_OK + "97", ("bad_length", "length", None, "nnp_mig_length")),
        (nirkit.parse_nnp, "x" * 65, ("bad_length", "length", None, "too_long")),
        (nirkit.parse_nnp, "71123123456O8", ("bad_character", "character", 12, "digits_only")),
        (nirkit.parse_nnp, "A112312345678", ("bad_character", "character", 1, "digits_only")),
        (nirkit.parse_nnp, "7112312345٦78", ("bad_character", "character", 11, "digits_only")),
        (nirkit.parse_nnp, "5112312345678", ("bad_kind_digit", "kind", 1, "nnp_kind_digit")),
        (nirkit.parse_nnp, "1112312345678", ("bad_kind_digit", "kind", 1, "nnp_kind_digit")),
        (nirkit.parse_nnp, "7012312345678", ("bad_creation_digit", "creation", 2, None)),
        (nirkit.parse_nnp, "7312312345678", ("bad_creation_digit", "creation", 2, None)),
        (nirkit.parse_nnp, "7100012345678", ("bad_fund", "fund", 3, None)),
        (nirkit.parse_nnp, "7112300000000", ("bad_order", "order", 6, "nnp_mig_order")),
        (nirkit.parse_mig, "51123123456789", ("bad_length", "length", None, "nnp_mig_length")),
        (nirkit.parse_mig, "7112312345678", ("bad_kind_digit", "kind", 1, "mig_kind_digit")),
        (nirkit.parse_mig, "5012312345678", ("bad_creation_digit", "creation", 2, None)),
        (nirkit.parse_mig, "6900012345678", ("bad_creation_digit", "creation", 2, None)),
        (nirkit.parse_mig, "5100012345678", ("bad_fund", "fund", 3, None)),
        (nirkit.parse_mig, "6212300000000", ("bad_order", "order", 6, "nnp_mig_order")),
        (nirkit.parse_ntt, f"1{LUHN_SIREN}", ("bad_length", "length", None, "ntt_length")),
        (
            nirkit.parse_ntt,
            f"1{LUHN_SIREN}{'a' * 31}",
            ("bad_length", "length", None, "ntt_length"),
        ),
        (nirkit.parse_ntt, f"1{LUHN_SIREN}{'a' * 55}", ("bad_length", "length", None, "too_long")),
        (nirkit.parse_ntt, f"A{LUHN_SIREN}0", ("bad_character", "character", 1, "ntt_character")),
        (
            nirkit.parse_ntt,
            f"1{LUHN_SIREN[:8]}X0",
            ("bad_character", "character", 10, "ntt_character"),
        ),
        (nirkit.parse_ntt, f"1 {LUHN_SIREN}0", ("bad_character", "character", 2, "ntt_character")),
        (
            nirkit.parse_ntt,
            f"1{LUHN_SIREN}a-b",
            ("bad_character", "character", 12, "ntt_character"),
        ),
        (nirkit.parse_ntt, f"1{LUHN_SIREN}é", ("bad_character", "character", 11, "ntt_character")),
        (
            nirkit.parse_ntt,
            f"1{LUHN_SIREN}a b",
            ("bad_character", "character", 12, "ntt_character"),
        ),
        (nirkit.parse_ntt, f"3{LUHN_SIREN}0", ("bad_kind_digit", "kind", 1, "ntt_kind_digit")),
        (nirkit.parse_ntt, f"0{LUHN_SIREN}0", ("bad_kind_digit", "kind", 1, "ntt_kind_digit")),
    ],
)
def test_errors(
    parse: Parser, text: str, expected: tuple[str, str, int | None, str | None]
) -> None:
    with pytest.raises(NIRError) as raised:
        parse(text)
    issue = raised.value.issue
    assert (issue.code, issue.field, issue.position, issue.variant) == expected
    code, _, position, variant = expected
    assert raised.value.message_fr == MESSAGES[variant or code][1].format(position=position)


def test_ntt_full_width_digits_are_not_normalised() -> None:
    # An NTT only loses the white space around it: no NFKC, no separators.
    assert _codes(read_ntt(f"1{LUHN_SIREN}０")) == ["bad_character"]
    assert _codes(read_ntt(f"１{LUHN_SIREN}0")) == ["bad_character"]


def test_every_error_is_listed_in_order() -> None:
    assert _codes(read_nnp("9 0 000 00000000")) == [
        "bad_kind_digit",
        "bad_creation_digit",
        "bad_fund",
        "bad_order",
    ]
    assert _codes(read_nnp("9 0 000 0000000")) == ["bad_length"]  # the fields cannot be located
    assert _codes(read_nnp("9X0000000000")) == ["bad_length", "bad_character"]
    assert _codes(read_ntt(f"3{BAD_SIREN}a", siren=LUHN_SIREN)) == [
        "bad_kind_digit",
        "siren_mismatch",
    ]
    assert _codes(read_ntt(f"1{LUHN_SIREN}?")) == ["bad_character"]
    with pytest.raises(NIRError, match="bad_kind_digit"):
        nirkit.parse_nnp("9 0 000 00000000")


def test_before_2012() -> None:
    old = "8012312345678"
    assert nirkit.parse_nnp(old, before_2012=True).creation == 0
    assert nirkit.NNP(old, before_2012=True) == nirkit.parse_nnp(old, before_2012=True)
    with pytest.raises(NIRError, match="bad_creation_digit"):
        nirkit.parse_nnp(old)
    with pytest.raises(NIRError, match="bad_creation_digit"):
        nirkit.parse_mig("5012312345678")  # a MIG has no such exception


@pytest.mark.parametrize("profile", ["lenient", "standard"])
def test_fictitious_is_a_warning(profile: str) -> None:
    value = nirkit.parse_nnp("7212312345678", profile=profile)  # type: ignore[arg-type]
    assert value.fictitious and [w.code for w in value.warnings] == ["fictitious"]
    assert value.warnings[0].severity == "warning"
    assert not nirkit.parse_mig("5212312345678").warnings  # a MIG's 2: made at reconciliation


def test_strict_turns_warnings_into_errors() -> None:
    with pytest.raises(NIRError, match="fictitious") as raised:
        nirkit.parse_nnp("7212312345678", profile="strict")
    assert raised.value.issue.severity == "error"
    with pytest.raises(NIRError, match="siren_not_luhn"):
        nirkit.parse_ntt(f"1{BAD_SIREN}0", profile=nirkit.STRICT)
    assert nirkit.parse_nnp("7112312345678", profile="strict").fund == "123"


@pytest.mark.parametrize(
    ("siren", "warned"), [(LUHN_SIREN, False), (BAD_SIREN, True), (ZERO_SIREN, True)]
)
def test_siren_luhn_warning(siren: str, warned: bool) -> None:
    value = nirkit.parse_ntt(f"1{siren}0")
    assert [w.code for w in value.warnings] == (["siren_not_luhn"] if warned else [])


def test_expected_siren() -> None:
    text = f"1{LUHN_SIREN}0"
    for spelled in (LUHN_SIREN, "732 829 320", "732.829.320", "７３２８２９３２０"):
        assert nirkit.parse_ntt(text, siren=spelled).siren == LUHN_SIREN
    with pytest.raises(NIRError, match="siren_mismatch") as raised:
        nirkit.parse_ntt(text, siren=BAD_SIREN)
    assert (raised.value.field, raised.value.position) == ("siren", 2)
    # A SIREN that fails the Luhn check may still be the expected one: then it warns.
    assert nirkit.parse_ntt(f"1{BAD_SIREN}0", siren=BAD_SIREN).warnings[0].code == "siren_not_luhn"


@pytest.mark.parametrize("siren", ["73282932", "7328293200", "73282932A", "", "x" * 70])
def test_a_malformed_expected_siren_is_the_callers_error(siren: str) -> None:
    for call in (nirkit.parse_ntt, nirkit.candidates):
        with pytest.raises(ValueError, match="9-digit SIREN") as raised:
            call(f"1{LUHN_SIREN}0", siren=siren)
        assert not isinstance(raised.value, NIRError)
    with pytest.raises(TypeError):
        nirkit.parse_ntt(f"1{LUHN_SIREN}0", siren=732829320)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 7112312345678, b"7112312345678", ["7112312345678"]])
def test_non_str_is_a_type_error(value: Any) -> None:
    for call in (nirkit.parse_nnp, nirkit.parse_mig, nirkit.parse_ntt, nirkit.candidates):
        with pytest.raises(TypeError):
            call(value)


def test_str_subclasses_are_strings() -> None:
    class Text(str):
        pass

    assert nirkit.parse_nnp(Text(NNP_OK)).compact == NNP_OK
    assert nirkit.candidates(Text(NNP_OK)) == (Family.NNP,)


@pytest.mark.parametrize(
    ("text", "siren"),
    [
        (NNP_OK, None),
        ("7 1 123 12345678", None),
        ("5112312345678", None),
        ("7212312345678", None),
        (f"1{LUHN_SIREN}ab", None),
        (f"1{LUHN_SIREN}ab", LUHN_SIREN),
        (f"1{LUHN_SIREN}ab", "732 829 320"),
        (f"1{BAD_SIREN}ab", LUHN_SIREN),
        ("x" * 65, None),
    ],
)
def test_a_str_subclass_that_lies_is_read_as_its_characters(text: str, siren: str | None) -> None:
    # Issue 12's rule, "convert once, at the door, everywhere", for these families too:
    # only the characters of a str subclass count, never its methods.
    def outcome(read: Parser, text: str, **options: Any) -> object:
        try:
            found = read(text, **options)
        except (NIRError, ValueError) as error:
            return repr(error)
        return (found.compact, found.warnings)

    liar, lying_siren = Liar(text), None if siren is None else Liar(siren)
    for read in (nirkit.parse_nnp, nirkit.parse_mig):
        assert outcome(read, liar) == outcome(read, text)
    assert outcome(nirkit.parse_ntt, liar, siren=lying_siren) == outcome(
        nirkit.parse_ntt, text, siren=siren
    )
    assert nirkit.candidates(liar, siren=lying_siren) == nirkit.candidates(text, siren=siren)


# --- values: immutable, hashable, masked ------------------------------------------


@pytest.mark.parametrize(
    ("value", "same", "shown"),
    [
        (nirkit.parse_nnp(NNP_OK), nirkit.NNP("7 1 123 12345678"), "7 • ••• ••••••••"),
        (nirkit.parse_mig("6212312345678"), nirkit.MIG("6-2-123-12345678"), "6 • ••• ••••••••"),
        (nirkit.parse_ntt(f"2{LUHN_SIREN}x"), nirkit.NTT(f" 2{LUHN_SIREN}x "), "2 ••••••••• •••"),
    ],
)
def test_value_semantics(value: Any, same: Any, shown: str) -> None:
    assert value == same and hash(value) == hash(same) and len({value, same}) == 1
    assert pickle.loads(pickle.dumps(value)) == value
    assert str(value) == f"{value}" == value.masked == shown
    assert f"{value:>20}" == format(shown, ">20")  # a format spec applies to the masked form
    assert repr(value) == f"{type(value).__name__}({shown!r})"
    with pytest.raises(AttributeError, match="immutable"):
        value.extra = 1
    with pytest.raises(AttributeError, match="immutable"):
        del value._state


def test_values_of_different_families_are_never_equal() -> None:
    digits = with_key("1 80 12 75 115 042").replace(" ", "")
    nir, ntt = nirkit.parse(digits), nirkit.parse_ntt(digits)
    assert nir != ntt and ntt != nir and len({nir, ntt}) == 2
    nnp, keyless = nirkit.parse_nnp(NNP_OK), nirkit.parse(NNP_OK, profile="lenient")
    assert nnp != keyless


def test_ntt_mask_hides_the_employee_part_length() -> None:
    short, long = nirkit.parse_ntt(f"1{LUHN_SIREN}a"), nirkit.parse_ntt(f"1{LUHN_SIREN}{'a' * 30}")
    assert short.masked == long.masked == "1 ••••••••• •••"
    assert long.formatted == f"1 {LUHN_SIREN} {'a' * 30}"
    assert nirkit.parse_nnp(NNP_OK).formatted == "7 1 123 12345678"


# --- candidates: the ambiguity shown ---------------------------------------------

NIR_1 = with_key("1 80 12 75 115 042").replace(" ", "")


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("7112312345678", {}, ("nnp",)),
        ("7112312345678", {"profile": "lenient"}, ("nir", "nnp")),
        ("7 1 123 12345678", {"profile": "lenient"}, ("nir", "nnp")),
        ("7212312345678", {"profile": "strict"}, ()),  # fictitious: an error under strict
        ("7212312345678", {}, ("nnp",)),
        ("8012312345678", {}, ()),
        ("8012312345678", {"before_2012": True}, ("nnp",)),
        ("5112312345678", {"profile": "lenient"}, ("mig",)),  # 5/6 never start a NIR
        (NIR_1, {}, ("nir", "ntt")),
        (NIR_1, {"siren": "801275115"}, ("nir", "ntt")),
        (NIR_1, {"siren": LUHN_SIREN}, ("nir",)),
        (NIR_1, {"profile": "strict"}, ("nir",)),  # its SIREN fails the Luhn check
        (with_key("1 80 12 75 115 042"), {}, ("nir",)),  # an NTT has no separators
        (f"1{LUHN_SIREN}1234", {}, ("ntt",)),
        (f"1{LUHN_SIREN}123", {}, ("ntt",)),  # 13 digits: not an NNP, not a keyless NIR
        ("", {}, ()),
        ("x" * 1000, {}, ()),
    ],
)
def test_candidates(text: str, options: dict[str, Any], expected: tuple[str, ...]) -> None:
    assert nirkit.candidates(text, **options) == tuple(Family(name) for name in expected)


def test_a_keyless_nir_body_is_also_an_nnp_or_an_ntt() -> None:
    body = "2278965432189"  # 1/2 body, month 89, département 65: also an NTT
    assert nirkit.candidates(body, profile="lenient") == (Family.NIR, Family.NTT)


# --- NIR functions never read these families ----------------------------------------

PROFILES = ["lenient", "standard", "strict"]


@pytest.mark.parametrize("profile", PROFILES)
def test_nir_functions_refuse_mig_and_nnp(profile: str) -> None:
    mig, nnp = "5112312345678", "7012312345678"  # a 0 creation digit: month 12, dept 34
    for text in (mig, mig + "00"):
        diagnosis = nirkit.diagnose(text, profile=profile)  # type: ignore[arg-type]
        assert not diagnosis.valid and diagnosis.errors[0].code in ("bad_kind_digit", "bad_length")
        assert not nirkit.is_valid(text, profile=profile)  # type: ignore[arg-type]
    decision = nirkit.AuthPolicy(profile=profile).decide(mig)  # type: ignore[arg-type]
    assert not decision.allowed
    keyless = nirkit.is_valid(nnp, profile=profile)  # type: ignore[arg-type]
    assert keyless == (profile == "lenient")  # only as a keyless NIR body, never as an NNP
    with pytest.raises(NIRError, match="bad_kind_digit"):
        nirkit.parse(with_key("5 11 23 12 345 678"), profile=profile)  # type: ignore[arg-type]


def test_nir_functions_refuse_ntts_that_are_not_nir_shaped() -> None:
    for text in (f"1{LUHN_SIREN}0", f"1{LUHN_SIREN}abcde", f"2{LUHN_SIREN}{'9' * 30}"):
        for profile in PROFILES:
            assert not nirkit.is_valid(text, profile=profile)  # type: ignore[arg-type]
        assert nirkit.AuthPolicy().decide(text).reason == "invalid_number"


def test_every_family_message_exists_in_both_languages() -> None:
    texts = [NNP_OK, "9 0 000 00000000", "12", f"3{BAD_SIREN}!", f"1{BAD_SIREN}0", "7212312345678"]
    for text in texts:
        for found in (read_nnp(text), read_mig(text), read_ntt(text, siren=LUHN_SIREN)):
            for issue in found.errors + found.warnings:
                assert issue.message("en") and issue.message("fr")
                assert issue.message("en") != issue.message("fr")


def test_the_linter_never_counts_them_as_nirs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = ["7112312345678", "5112312345678", f"1{LUHN_SIREN}Matricule7", f"2{LUHN_SIREN}0042"]
    (tmp_path / "records.csv").write_text(
        "id,nir\n" + "".join(f"{n},{value}\n" for n, value in enumerate(values)), encoding="utf-8"
    )
    _, document, _ = lint_json(capsys, "--report-valid", str(tmp_path))
    assert document["summary"]["valid_by_kind"] == {}  # type: ignore[index]
