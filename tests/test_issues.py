"""Every issue says what, where and how bad: code, field, position, severity.

RULES.md sections 2-7. Positions are 1-based, in the compact form; a fault that
is not at one place (the length, the whole number, the context) has none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import nirkit
from nirkit import AuthPolicy, Issue, NIRError, Profile
from nirkit.policy import Reason
from tests.helpers import Liar, key_for, with_key

STRICT_2026 = Profile("strict", warnings_are_errors=True, reference_year=2026)

# (text, profile, the first error of the text or None)
ERRORS = [
    ("", "standard", Issue("bad_length", "length")),
    ("2 95 10 99 126 111 9", "standard", Issue("bad_length", "length")),
    ("2951099126111933", "standard", Issue("bad_length", "length")),
    ("2951099126111", "standard", Issue("bad_length", "length", variant="key_missing")),
    ("2951099126111", "strict", Issue("bad_length", "length", variant="key_missing")),
    ("29510991261", "lenient", Issue("bad_length", "length")),
    ("2" * 65, "standard", Issue("bad_length", "length", variant="too_long")),
    ("2" * 65, "lenient", Issue("bad_length", "length", variant="too_long")),
    ("X95109912611193", "standard", Issue("bad_character", "character", 1)),
    ("2951O9912611193", "standard", Issue("bad_character", "character", 5)),
    ("295109912611193X", "lenient", Issue("bad_length", "length")),
    ("2951099126111X3", "standard", Issue("bad_character", "character", 14)),
    ("29510991261119X", "standard", Issue("bad_character", "character", 15)),
    ("2951099126111", "lenient", None),  # valid: no issue
    (with_key("0 95 10 99 126 111"), "standard", Issue("bad_kind_digit", "kind", 1)),
    (with_key("2 95 13 99 126 111"), "standard", Issue("bad_month", "month", 4)),
    (with_key("2 95 10 00 126 111"), "standard", Issue("bad_department", "department", 6)),
    (with_key("2 95 10 97 926 111"), "standard", Issue("bad_department", "department", 6)),
    (with_key("2 95 10 75 000 111"), "standard", Issue("bad_commune", "commune", 8)),
    (with_key("2 95 10 974 00 111"), "standard", Issue("bad_commune", "commune", 9)),
    (with_key("2 95 10 99 000 111"), "standard", Issue("bad_country", "country", 8)),
    (with_key("2 95 10 99 126 000"), "standard", Issue("bad_order", "order", 11)),
    ("295109912611100", "standard", Issue("key_out_of_range", "key", 14)),
    ("295109912611198", "lenient", Issue("key_out_of_range", "key", 14)),
    ("295109912611194", "standard", Issue("key_mismatch", "key", 14)),
    (with_key("1 80 02 20 123 456"), STRICT_2026, Issue("corsica_20_after_1975", "department", 6)),
    (with_key("1 50 02 2A 123 456"), STRICT_2026, Issue("corsica_before_1976", "department", 6)),
    (with_key("1 80 02 99 999 456"), STRICT_2026, Issue("unknown_country", "country", 8)),
    ("269054958815780", STRICT_2026, Issue("specimen", "number")),
]


@pytest.mark.parametrize(("text", "profile", "first"), ERRORS)
def test_the_first_error_is_located(text: str, profile: Any, first: Issue | None) -> None:
    errors = nirkit.diagnose(text, profile=profile).errors
    assert (errors[0] if errors else None) == first
    if first is None:
        assert nirkit.parse(text, profile=profile).compact == nirkit.validate(text, profile=profile)
        return
    with pytest.raises(NIRError) as caught:
        nirkit.parse(text, profile=profile)
    assert caught.value.issue == first
    assert (caught.value.code, caught.value.field, caught.value.position) == first[:3]


# (text, code, field, position): the warnings of valid numbers, standard profile.
WARNINGS = [
    (with_key("1 80 02 20 123 456"), "corsica_20_after_1975", "department", 6),
    (with_key("1 50 02 2A 123 456"), "corsica_before_1976", "department", 6),
    (with_key("1 50 02 2B 123 456"), "corsica_before_1976", "department", 6),
    (with_key("1 80 02 99 999 456"), "unknown_country", "country", 8),
    ("269054958815780", "specimen", "number", None),
    ("185057800608491", "specimen", "number", None),
    ("137047624348415", "specimen", "number", None),
]


@pytest.mark.parametrize(("text", "code", "field", "position"), WARNINGS)
def test_warnings_are_located_and_never_errors(
    text: str, code: str, field: str, position: int | None
) -> None:
    profile = Profile(reference_year=2026)
    expected = [Issue(code, field, position, "warning")]
    diagnosis = nirkit.diagnose(text, profile=profile)
    assert (diagnosis.valid, diagnosis.errors, list(diagnosis.warnings)) == (True, (), expected)
    assert list(nirkit.parse(text, profile=profile).warnings) == expected
    assert nirkit.is_valid(text, profile=profile)
    assert nirkit.validate(text, profile=profile) == nirkit.compact(text)
    # The strict profile refuses the same issue, as an error.
    strict = Profile("strict", warnings_are_errors=True, reference_year=2026)
    assert not nirkit.is_valid(text, profile=strict)
    assert nirkit.diagnose(text, profile=strict).errors == (Issue(code, field, position),)


def test_a_bad_context_is_located() -> None:
    with pytest.raises(NIRError) as caught:
        nirkit.parse(with_key("1 84 02 75 123 456"), context="1.2.3")
    assert (caught.value.code, caught.value.field, caught.value.position) == (
        "bad_context",
        "context",
        None,
    )
    assert caught.value.issue.severity == "error"


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        # A bad character leaves the other fields' errors reported, each in its field.
        ("18413X512345612", [("bad_character", 6), ("bad_month", 4)]),
        ("0840275123456X1", [("bad_character", 14), ("bad_kind_digit", 1)]),
        # 14 characters: the fields cannot be located.
        ("X8402750004561", [("bad_length", None), ("bad_character", 1)]),
        ("X84027500045612", [("bad_character", 1), ("bad_commune", 8)]),
        ("1840275123X5699", [("bad_character", 11), ("key_out_of_range", 14)]),
        # No key can be computed from a body with a bad character: no key_mismatch.
        ("1840275123X5612", [("bad_character", 11)]),
        ("184027512345X12", [("bad_character", 13)]),
        # A bad character in the key does not stop the body's checks.
        ("18402751234560X", [("bad_character", 15)]),
        ("1840200123456X1", [("bad_character", 14), ("bad_department", 6)]),
    ],
)
def test_diagnose_reports_every_error_beside_a_bad_character(
    text: str, issues: list[tuple[str, int | None]]
) -> None:
    assert [(e.code, e.position) for e in nirkit.diagnose(text).errors] == issues


def test_errors_in_every_field_at_once_come_in_the_order_of_the_rules() -> None:
    body = "0 95 13 00 000 000"
    key = f"{key_for(body) % 97 + 1:02d}"  # a key in range, and wrong
    codes = [(e.code, e.field, e.position) for e in nirkit.diagnose(f"{body} {key}").errors]
    assert codes == [
        ("bad_kind_digit", "kind", 1),
        ("bad_month", "month", 4),
        ("bad_department", "department", 6),
        ("bad_order", "order", 11),
        ("key_mismatch", "key", 14),
    ]
    overseas = "0 95 13 974 00 000"
    overseas_codes = [e.code for e in nirkit.diagnose(with_key(overseas)).errors]
    assert overseas_codes == ["bad_kind_digit", "bad_month", "bad_commune", "bad_order"]
    abroad = "0 95 13 99 000 000 99"
    abroad_codes = [e.code for e in nirkit.diagnose(abroad).errors]
    assert abroad_codes == [
        "bad_kind_digit",
        "bad_month",
        "bad_country",
        "bad_order",
        "key_out_of_range",
    ]


@pytest.mark.parametrize(
    ("body", "code", "field", "position", "variant"),
    [
        ("", "bad_length", "length", None, None),
        ("2 95 10 99 126 11", "bad_length", "length", None, None),
        ("2 95 10 99 126 111 9", "bad_length", "length", None, None),
        ("2951099126111" + " " * 52, "bad_length", "length", None, "too_long"),
        ("X 95 10 99 126 111", "bad_character", "character", 1, None),
        ("2 95 10 99 126 11X", "bad_character", "character", 13, None),
        ("2 95 10 2C 126 111", "bad_character", "character", 7, None),
        ("2 95 10 C2 126 111", "bad_character", "character", 6, None),
    ],
)
def test_compute_key_errors_are_located(
    body: str, code: str, field: str, position: int | None, variant: str | None
) -> None:
    with pytest.raises(NIRError) as caught:
        nirkit.compute_key(body)
    issue = caught.value.issue
    assert (issue.code, issue.field, issue.position, issue.variant) == (
        code,
        field,
        position,
        variant,
    )
    assert issue.severity == "error"


def test_compute_key_checks_characters_only() -> None:
    # The fields are not checked: a month 13 body still has a key.
    assert nirkit.compute_key("0 95 13 00 000 000") == key_for("0 95 13 00 000 000")
    assert nirkit.compute_key("2 95 10 2a 126 111") == key_for("2 95 10 2A 126 111")


# -- the 64-character limit, through every entry point ------------------------------

AT_LIMIT = "2 95 10 99 126 111 93".center(64)  # cleans to a valid number
OVER_LIMIT = AT_LIMIT + " "
BODY_AT_LIMIT = "2 95 10 99 126 111".center(64)


def test_64_characters_are_read() -> None:
    assert len(AT_LIMIT) == len(BODY_AT_LIMIT) == 64
    assert nirkit.parse(AT_LIMIT).compact == "295109912611193"
    assert nirkit.validate(AT_LIMIT) == "295109912611193"
    assert nirkit.is_valid(AT_LIMIT)
    assert nirkit.diagnose(AT_LIMIT).valid
    assert nirkit.classify(AT_LIMIT) is nirkit.Kind.DEFINITIVE
    assert nirkit.compact(AT_LIMIT) == "295109912611193"
    assert nirkit.format_nir(AT_LIMIT) == "2 95 10 99 126 111 93"
    assert nirkit.mask(AT_LIMIT) == "2 •• •• •• ••• ••• ••"
    assert nirkit.compute_key(BODY_AT_LIMIT) == 93
    assert AuthPolicy().decide(AT_LIMIT).allowed


TOO_LONG = Issue("bad_length", "length", variant="too_long")
RAISING: list[Callable[[str], object]] = [
    nirkit.parse,
    nirkit.validate,
    nirkit.classify,
    nirkit.compact,
    nirkit.format_nir,
    nirkit.mask,
    nirkit.compute_key,
]


@pytest.mark.parametrize("function", RAISING, ids=lambda f: f.__name__)
@pytest.mark.parametrize("text", [OVER_LIMIT, BODY_AT_LIMIT + " ", "2" * 65])
def test_65_characters_are_too_long(function: Callable[[str], object], text: str) -> None:
    with pytest.raises(NIRError) as caught:
        function(text)
    assert caught.value.issue == TOO_LONG


@pytest.mark.parametrize("function", [nirkit.format_nir, nirkit.mask])
@pytest.mark.parametrize("text", ["", "12345", "2 95 10 99 126 111 9", "2951099126111933"])
def test_formatting_needs_13_or_15_characters(function: Callable[[str], str], text: str) -> None:
    with pytest.raises(NIRError) as caught:
        function(text)
    assert caught.value.issue == Issue("bad_length", "length")


@pytest.mark.parametrize("text", [OVER_LIMIT, "2" * 65])
def test_65_characters_are_too_long_where_nothing_raises(text: str) -> None:
    assert not nirkit.is_valid(text)
    assert not nirkit.is_valid(text, profile="lenient")
    for profile in ("standard", "strict"):
        diagnosis = nirkit.diagnose(text, profile=profile)
        assert (diagnosis.valid, diagnosis.kind, diagnosis.nir) == (False, None, None)
        assert (diagnosis.errors, diagnosis.warnings) == ((TOO_LONG,), ())
    decision = AuthPolicy().decide(text)
    assert (decision.reason, decision.error) == (Reason.INVALID_NUMBER, TOO_LONG)


# -- a str subclass is read as the characters it holds ---------------------------------


SUBCLASS_TEXTS = [
    "295109912611193",
    "2 95 10 99 126 111 93",
    "2.95.10.99.126.111.93",
    "２９５１０９９１２６１１１９３",
    "2951099126111",
    "2 95 10 99 126 111 94",
    "1 84 02 2a 123 456 34",
    "2 95 10 99 126 111 93".center(65),
]
ENTRY_POINTS: list[Callable[[str], object]] = [
    *RAISING,
    lambda text: nirkit.parse(text, profile="lenient").compact,
    lambda text: nirkit.validate(text, profile="strict"),
    nirkit.is_valid,
    lambda text: nirkit.is_valid(text, profile="lenient"),
    lambda text: nirkit.is_valid(text, profile="strict"),
    lambda text: nirkit.diagnose(text).errors,
    lambda text: nirkit.diagnose(text, profile="lenient").errors,
    lambda text: nirkit.NIR(text).compact,
    lambda text: AuthPolicy().decide(text),
    lambda text: AuthPolicy(key_required=False).decide(text),
    lambda text: AuthPolicy().impact([text]).as_dict(),
]


def _outcome(function: Callable[[str], object], text: str) -> object:
    try:
        return function(text)
    except NIRError as error:
        return error.issue


@pytest.mark.parametrize("text", SUBCLASS_TEXTS)
def test_a_str_subclass_that_lies_is_read_as_its_characters(text: str) -> None:
    for function in ENTRY_POINTS:
        assert _outcome(function, Liar(text)) == _outcome(function, text)


def test_a_str_subclass_at_the_limit_is_read() -> None:
    class Text(str):
        __slots__ = ()

    assert nirkit.is_valid(Text(AT_LIMIT))
    assert nirkit.validate(Text(AT_LIMIT)) == "295109912611193"
    assert not nirkit.is_valid(Text(OVER_LIMIT))
