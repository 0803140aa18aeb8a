"""Tables of cases for parse, validate, is_valid, classify and diagnose."""

from __future__ import annotations

import pickle

import pytest

import nirkit
from nirkit import Kind, MonthKind, NIRError, PlaceKind
from tests.helpers import with_key

VALID = with_key("2 95 10 99 126 111")  # born abroad (Greece)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("1 84 02 75 123 456", Kind.DEFINITIVE),
        ("2 84 02 75 123 456", Kind.DEFINITIVE),
        ("3 84 02 75 123 456", Kind.WAITING),
        ("4 84 02 75 123 456", Kind.WAITING),
        ("7 84 02 75 123 456", Kind.PROVISIONAL),
        ("8 84 02 75 123 456", Kind.PROVISIONAL),
    ],
)
def test_every_kind(body: str, kind: Kind) -> None:
    assert nirkit.classify(with_key(body)) is kind


@pytest.mark.parametrize(
    ("body", "code", "field", "position"),
    [
        ("0 84 02 75 123 456", "bad_kind_digit", "kind", 1),
        ("5 84 02 75 123 456", "bad_kind_digit", "kind", 1),
        ("6 84 02 75 123 456", "bad_kind_digit", "kind", 1),
        ("9 84 02 75 123 456", "bad_kind_digit", "kind", 1),
        ("1 84 00 75 123 456", "bad_month", "month", 4),
        ("1 84 13 75 123 456", "bad_month", "month", 4),
        ("1 84 19 75 123 456", "bad_month", "month", 4),
        ("1 84 43 75 123 456", "bad_month", "month", 4),
        ("1 84 49 75 123 456", "bad_month", "month", 4),
        ("1 84 02 00 123 456", "bad_department", "department", 6),
        ("1 84 02 97 912 456", "bad_department", "department", 6),
        ("1 84 02 97 012 456", "bad_department", "department", 6),
        ("1 84 02 98 312 456", "bad_department", "department", 6),
        ("1 84 02 98 012 456", "bad_department", "department", 6),
        ("1 84 02 75 000 456", "bad_commune", "commune", 8),
        ("1 84 02 2A 000 456", "bad_commune", "commune", 8),
        ("1 84 02 97 100 456", "bad_commune", "commune", 9),
        ("1 84 02 99 000 456", "bad_country", "country", 8),
        ("1 84 02 75 123 000", "bad_order", "order", 11),
    ],
)
def test_field_errors_with_a_correct_key(body: str, code: str, field: str, position: int) -> None:
    text = with_key(body)
    with pytest.raises(NIRError) as caught:
        nirkit.parse(text)
    assert (caught.value.code, caught.value.field, caught.value.position) == (code, field, position)
    assert caught.value.message_en and caught.value.message_fr
    assert not nirkit.is_valid(text)
    assert nirkit.diagnose(text).errors[0].code == code


@pytest.mark.parametrize(
    ("typed", "meant", "position"),
    [
        ("1 84 O2 75 123 456", "1 84 02 75 123 456", 4),  # letter O for zero
        ("1 84 02 2C 123 456", "1 84 02 2B 123 456", 7),
        ("1 84 02 3A 123 456", "1 84 02 2A 123 456", 7),
        ("1 84 02 A2 123 456", "1 84 02 2A 123 456", 6),
        ("1 84 02 75 12A 456", "1 84 02 75 124 456", 10),
        ("1 84 02 75 123 /56", "1 84 02 75 123 456", 11),
        ("1 84 02 75 123 _56", "1 84 02 75 123 456", 11),
    ],
)
def test_bad_characters_are_never_repaired(typed: str, meant: str, position: int) -> None:
    text = typed + with_key(meant)[-3:]  # the key of what was meant
    with pytest.raises(NIRError) as caught:
        nirkit.parse(text)
    assert (caught.value.code, caught.value.position) == ("bad_character", position)
    assert not nirkit.is_valid(text, profile="lenient")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "bad_length"),
        ("2 95 10 99 126 111 9", "bad_length"),
        ("2951099126111933", "bad_length"),
        ("2951099126111", "bad_length"),  # the key is required in the standard profile
        ("2" * 65, "bad_length"),
        (" " * 64, "bad_length"),
        ("295109912611100", "key_out_of_range"),
        ("295109912611198", "key_out_of_range"),
        ("295109912611199", "key_out_of_range"),
        ("295109912611194", "key_mismatch"),
    ],
)
def test_length_and_key_errors(text: str, code: str) -> None:
    diagnosis = nirkit.diagnose(text)
    assert not diagnosis.valid
    assert diagnosis.errors[0].code == code
    with pytest.raises(NIRError, match=code):
        nirkit.validate(text)


def test_missing_key_message_says_so() -> None:
    with pytest.raises(NIRError) as caught:
        nirkit.parse("2951099126111")
    assert "missing" in caught.value.message_en
    assert "manque" in caught.value.message_fr


def test_over_64_characters_is_refused_before_any_work() -> None:
    text = "2 95 10 99 126 111 93" + " " * 44  # 65 characters that would clean to a valid number
    assert len(text) == 65
    assert nirkit.diagnose(text).errors[0].variant == "too_long"
    assert nirkit.is_valid(text[:64])
    assert not nirkit.is_valid(text)


def test_key_out_of_range_wins_over_mismatch() -> None:
    assert [e.code for e in nirkit.diagnose("295109912611100").errors] == ["key_out_of_range"]


def test_diagnose_reports_every_error() -> None:
    body = "0 84 13 00 123 000"
    codes = [e.code for e in nirkit.diagnose(with_key(body)).errors]
    assert codes == ["bad_kind_digit", "bad_month", "bad_department", "bad_order"]


@pytest.mark.parametrize(
    "text",
    [
        with_key("2 95 10 99 126 111").replace(" ", "\u00a0"),
        with_key("2 95 10 99 126 111").replace(" ", "\u202f"),
        with_key("2 95 10 99 126 111").replace(" ", "\t"),
        "２９５１０９９１２６１１１９３",  # full-width digits
        "2-95-10-99-126-111-93",
        "2.95.10.99.126.111.93",
        " 295109912611193 ",
    ],
)
def test_unicode_and_separators(text: str) -> None:
    assert nirkit.validate(text) == "295109912611193"


@pytest.mark.parametrize("text", ["٢٩٥١٠٩٩١٢٦١١١٩٣", "2951099126111\n93", "2951099126111_93"])
def test_other_digits_and_characters_are_bad_characters(text: str) -> None:
    assert nirkit.diagnose(text).errors[0].code in {"bad_character", "bad_length"}
    assert "bad_character" in [e.code for e in nirkit.diagnose(text).errors]


def test_str_subclasses_are_strings() -> None:
    class Text(str):
        pass

    assert nirkit.is_valid(Text(VALID))
    assert nirkit.validate(Text(VALID)) == "295109912611193"
    assert nirkit.diagnose(Text(VALID)).valid


def test_non_str_is_a_type_error() -> None:
    for function in (nirkit.parse, nirkit.is_valid, nirkit.diagnose, nirkit.compact):
        with pytest.raises(TypeError):
            function(295109912611193)  # type: ignore[arg-type]


def test_corsica_key_arithmetic() -> None:
    # 2A counts as 19 and 2B as 18; django-localflavor's 20 would give other keys.
    assert nirkit.compute_key("1 84 02 2A 123 456") == nirkit.compute_key("1 84 02 19 123 456")
    assert nirkit.compute_key("1 84 02 2B 123 456") == nirkit.compute_key("1 84 02 18 123 456")
    assert nirkit.compute_key("1 84 02 2A 123 456") != nirkit.compute_key("1 84 02 20 123 456")
    assert nirkit.is_valid(with_key("1 84 02 2a 123 456"))
    wrong = "1 84 02 2A 123 456 " + f"{nirkit.compute_key('1 84 02 20 123 456'):02d}"
    assert nirkit.diagnose(wrong).errors[0].code == "key_mismatch"


def test_overseas_two_digit_communes() -> None:
    number = nirkit.parse(with_key("2 95 10 974 11 111"))
    assert number.place.kind is PlaceKind.OVERSEAS
    assert (number.place.department_code, number.place.commune_code) == ("974", "11")
    assert number.place.department_name == "La Réunion"
    assert nirkit.parse(with_key("2 95 10 978 01 111")).place.department_name == "Saint-Martin"
    assert nirkit.parse(with_key("2 95 10 975 01 111")).place.kind is PlaceKind.OVERSEAS


def test_profiles_differ_where_rules_say() -> None:
    zero_order = with_key("1 84 02 75 123 000")
    month_45 = with_key("1 84 45 75 123 456")
    keyless = "1 84 02 75 123 456"
    for text in (zero_order, month_45, keyless):
        assert nirkit.is_valid(text, profile="lenient")
        assert not nirkit.is_valid(text, profile="standard")
        assert not nirkit.is_valid(text, profile="strict")
    assert nirkit.parse(keyless, profile="lenient").key_given is False
    department_00 = with_key("1 84 02 00 123 456")
    assert not nirkit.is_valid(department_00, profile="lenient")
    specimen = "269054958815780"
    assert nirkit.is_valid(specimen, profile="standard")
    assert not nirkit.is_valid(specimen, profile="strict")
    assert nirkit.diagnose(specimen, profile="strict").errors[0].code == "specimen"


@pytest.mark.parametrize(
    ("body", "reference_year", "code"),
    [
        ("1 50 02 2A 123 456", 2026, "corsica_before_1976"),
        ("1 27 02 2B 123 456", 2026, "corsica_before_1976"),
        ("1 75 02 2B 123 456", 2026, "corsica_before_1976"),
        ("1 80 02 20 123 456", 2026, "corsica_20_after_1975"),
        ("1 80 02 99 999 456", 2026, "unknown_country"),
    ],
)
def test_warnings(body: str, reference_year: int, code: str) -> None:
    profile = nirkit.Profile(reference_year=reference_year)
    number = nirkit.parse(with_key(body), profile=profile)
    assert [w.code for w in number.warnings] == [code]
    assert all(w.severity == "warning" for w in number.warnings)
    strict = nirkit.Profile("strict", warnings_are_errors=True, reference_year=reference_year)
    with pytest.raises(NIRError, match=code):
        nirkit.parse(with_key(body), profile=strict)


@pytest.mark.parametrize(
    ("body", "reference_year"),
    [
        ("1 76 02 2A 123 456", 2026),
        ("1 26 02 2A 123 456", 2026),
        ("1 27 02 2A 123 456", 2027),  # in 2027, 27 can mean 2027
        ("1 75 02 20 123 456", 2026),
        ("1 80 02 99 100 456", 2026),
    ],
)
def test_no_warning(body: str, reference_year: int) -> None:
    profile = nirkit.Profile(reference_year=reference_year)
    assert nirkit.parse(with_key(body), profile=profile).warnings == ()


def test_decoded_fields() -> None:
    number = nirkit.parse(with_key("2 84 33 2B 045 012"))
    assert number.registered_sex == "female"
    assert (number.birth_year_2d, number.month_code, number.birth_month) == (84, 33, 3)
    assert number.month_kind is MonthKind.INCOMPLETE_RECORD
    assert number.place.kind is PlaceKind.CORSICA
    assert number.place.department_name == "Haute-Corse"
    assert number.order == 12
    unknown = nirkit.parse(with_key("1 84 20 91 045 012"))
    assert unknown.birth_month is None and unknown.month_kind is MonthKind.UNKNOWN
    assert unknown.place.may_be_north_africa and unknown.place.department_name == "Essonne"
    assert nirkit.parse(with_key("1 50 20 96 045 012")).place.kind is PlaceKind.NORTH_AFRICA


def test_context_turns_a_definitive_number_into_a_waiting_one() -> None:
    text = with_key("1 84 02 75 123 456")
    assert nirkit.classify(text, context=nirkit.OID_INS_NIA) is Kind.WAITING
    assert nirkit.classify(text, context="urn:oid:1.2.250.1.213.1.4.9") is Kind.WAITING
    assert nirkit.classify(text, context=Kind.WAITING) is Kind.WAITING
    for oid in (nirkit.OID_INS_NIR, nirkit.OID_INS_NIR_TEST, nirkit.OID_INS_NIR_DEMO):
        assert nirkit.classify(text, context=oid) is Kind.DEFINITIVE
    provisional = with_key("7 84 02 75 123 456")
    assert nirkit.classify(provisional, context=nirkit.OID_INS_NIA) is Kind.PROVISIONAL


@pytest.mark.parametrize("context", ["1.2.250.1.213.1.4.12", "", Kind.PROVISIONAL])
def test_unknown_context_is_an_error_whatever_the_number(context: str) -> None:
    for text in (with_key("1 84 02 75 123 456"), "garbage"):
        with pytest.raises(NIRError, match="bad_context"):
            nirkit.parse(text, context=context)


def test_nir_value_semantics() -> None:
    number = nirkit.parse(VALID)
    same = nirkit.NIR("2.95.10.99.126.111.93")
    assert number == same and hash(number) == hash(same)
    assert len({number, same}) == 1
    assert pickle.loads(pickle.dumps(number)) == number
    with pytest.raises(AttributeError):
        number._compact = "x"
    with pytest.raises(AttributeError):
        number.extra = 1
    assert number != nirkit.parse(VALID, context=nirkit.OID_INS_NIA)


def test_text_forms_are_masked() -> None:
    number = nirkit.parse(VALID)
    shown_forms = (str(number), repr(number), f"{number}", repr(nirkit.diagnose(VALID)))
    for shown in shown_forms:
        assert "95" not in shown and "126" not in shown
    assert number.formatted == "2 95 10 99 126 111 93"
    assert nirkit.mask(VALID) == "2 •• •• •• ••• ••• ••"
    assert nirkit.format_nir("2951099126111") == "2 95 10 99 126 111"


@pytest.mark.parametrize("spec", ["", ">25", "<25", "^30", "*>25", "s", ".5"])
def test_format_specs_apply_to_the_masked_form(spec: str) -> None:
    number = nirkit.parse(VALID)
    assert format(number, spec) == format("2 •• •• •• ••• ••• ••", spec)
    assert f"{number:{spec}}" == format(number.masked, spec)


def test_format_and_mask_check_the_length() -> None:
    with pytest.raises(NIRError, match="bad_length"):
        nirkit.format_nir("12345")
    with pytest.raises(NIRError, match="bad_length"):
        nirkit.mask("12345")


def test_unknown_profile_name() -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        nirkit.is_valid(VALID, profile="loose")  # type: ignore[arg-type]
