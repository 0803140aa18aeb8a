"""``nirkit.pydantic``: the annotated type, its JSON schema, and errors without the number."""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import re
import subprocess
import sys
from typing import Annotated, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

import nirkit
from nirkit import Kind
from nirkit.pydantic import COMPACT_PATTERN, HiddenInput, NIRStr, NIRValidator, redact_errors
from nirkit.strategies import invalid_nir_strings, nir_strings
from tests.helpers import with_key

VALID = with_key("2 95 10 99 126 111")
CORSICA = with_key("1 84 02 2A 123 456")


class Patient(BaseModel):
    nir: NIRStr
    other: NIRStr | None = None


def _error(value: object, model: type[BaseModel] = Patient) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        model.model_validate({"nir": value})
    return caught.value


def _texts(error: ValidationError) -> list[str]:
    return [str(error), repr(error), error.json(), repr(error.errors())]


def _digits_left(error: ValidationError) -> str:
    """The digits of every text form of ``error`` once its own wording is removed:
    the rule's message (which names positions), the error count and pydantic's URL."""
    left = []
    for form in _texts(error):
        text = form
        wording = {str(v) for detail in error.errors() for v in (detail.get("ctx") or {}).values()}
        for value in sorted(wording, key=len, reverse=True):  # "key" is inside the reason
            text = text.replace(value, "")
        text = re.sub(r"https://errors\.pydantic\.dev/[0-9.]+/v/\w+", "", text)
        text = re.sub(r"\b\d+ validation errors? for", "", text)
        left.append(re.sub(r"\D", "", text))
    return "".join(left)


@pytest.mark.parametrize(
    "text",
    [VALID, nirkit.format_nir(VALID), "2.95.10.99.126.111." + VALID[-2:], f"  {VALID}\u00a0"],
)
def test_stores_and_serialises_the_compact_form(text: str) -> None:
    patient = Patient(nir=text)
    assert patient.nir == nirkit.compact(VALID)
    assert patient.model_dump() == {"nir": nirkit.compact(VALID), "other": None}
    assert json.loads(patient.model_dump_json())["nir"] == nirkit.compact(VALID)
    assert Patient.model_validate_json(patient.model_dump_json()) == patient


def test_corsica_lower_case() -> None:
    assert Patient(nir=CORSICA.lower()).nir == nirkit.compact(CORSICA)


@given(nir_strings(style="decorated"))
def test_every_valid_form(text: str) -> None:
    assert Patient(nir=text).nir == nirkit.validate(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (with_key("2 95 13 99 126 111"), "bad_month"),
        (with_key("5 95 10 99 126 111"), "bad_kind_digit"),
        (with_key("2 95 10 99 000 111"), "bad_country"),
        (VALID[:-1] + ("4" if VALID[-1] != "4" else "5"), "key_mismatch"),
        ("2 95 10 99 126 111", "bad_length"),
        ("2 95 1O 99 126 111 93", "bad_character"),
        ("", "bad_length"),
        ("9" * 65, "bad_length"),
    ],
)
def test_invalid(text: str, code: str) -> None:
    error = _error(text)
    [detail] = error.errors()
    assert detail["type"] == "nir_invalid"
    assert detail["loc"] == ("nir",)
    assert detail["ctx"]["code"] == code
    assert detail["ctx"]["reason"] == nirkit.diagnose(text).errors[0].message("en")
    assert isinstance(detail["input"], HiddenInput)
    assert detail["input"].reveal() == text
    assert _digits_left(error) == ""


@given(
    st.one_of(
        invalid_nir_strings(), invalid_nir_strings().map(lambda t: f"{t[:1]} {t[1:3]} {t[3:]}")
    )
)
def test_no_error_form_contains_a_digit_of_the_input(text: str) -> None:
    error = _error(text)
    assert _digits_left(error) == ""
    for form in _texts(error):
        assert nirkit.compact(text) not in form.replace(" ", "")


@pytest.mark.parametrize(
    "value", [int(nirkit.compact(VALID)), None, nirkit.compact(VALID).encode(), 2.5]
)
def test_not_a_string(value: object) -> None:
    error = _error(value)
    [detail] = error.errors()
    assert detail["type"] == "nir_type"
    assert _digits_left(error) == ""


def test_optional_field_and_two_errors() -> None:
    assert Patient(nir=VALID, other=None).other is None
    with pytest.raises(ValidationError) as caught:
        Patient(nir="1", other="22")
    assert [e["loc"] for e in caught.value.errors()] == [("nir",), ("other",)]
    assert _digits_left(caught.value) == ""


def test_kinds() -> None:
    adapter = TypeAdapter(Annotated[str, NIRValidator(kinds=[Kind.DEFINITIVE, "waiting"])])
    assert adapter.validate_python(VALID) == nirkit.compact(VALID)
    provisional = with_key("7 81 05 99 126 045")
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(provisional)
    [detail] = caught.value.errors()
    assert detail["type"] == "nir_kind_not_accepted"
    assert detail["ctx"] == {"kind": "provisional", "accepted": "definitive, waiting"}
    assert detail["msg"] == "this service does not accept provisional numbers"
    assert _digits_left(caught.value) == ""
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(with_key("7 81 13 99 126 045"))
    assert caught.value.errors()[0]["type"] == "nir_invalid"  # invalid wins over kind


def test_profiles() -> None:
    specimen = "269054958815780"  # the published specimen: only to test that rule
    assert TypeAdapter(NIRStr).validate_python(specimen) == specimen
    strict = TypeAdapter(Annotated[str, NIRValidator(profile="strict")])
    with pytest.raises(ValidationError) as caught:
        strict.validate_python(specimen)
    assert caught.value.errors()[0]["ctx"]["code"] == "specimen"
    lenient = TypeAdapter(Annotated[str, NIRValidator(profile=nirkit.LENIENT)])
    assert lenient.validate_python(VALID[:-3]) == nirkit.compact(VALID)


def test_validator_options_are_checked_at_once() -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        NIRValidator(profile="picky")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="temporary"):
        NIRValidator(kinds=["temporary"])
    marker = NIRValidator(kinds=["waiting", Kind.DEFINITIVE])
    assert marker == NIRValidator(kinds=("definitive", "waiting"))
    assert hash(marker) == hash(NIRValidator(kinds=[Kind.WAITING, Kind.DEFINITIVE]))


def test_json_schema() -> None:
    schema = Patient.model_json_schema()["properties"]["nir"]
    assert schema["type"] == "string"
    assert schema["title"] == "NIR"
    assert (schema["minLength"], schema["maxLength"]) == (15, 15)
    assert schema["pattern"] == COMPACT_PATTERN
    assert "Personal data" in schema["description"]
    assert Patient.model_json_schema(mode="serialization")["properties"]["nir"] == schema
    words = {key: value for key, value in schema.items() if key != "pattern"}
    assert not re.search(r"\d{3}", json.dumps(words))  # no sample number
    lenient = TypeAdapter(Annotated[str, NIRValidator(profile="lenient", kinds=["waiting"])])
    lenient_schema = lenient.json_schema()
    assert lenient_schema["minLength"] == 13
    assert re.fullmatch(lenient_schema["pattern"], VALID[:-3].replace(" ", ""))
    assert "Accepted kinds: waiting" in lenient_schema["description"]


@given(nir_strings())
def test_schema_pattern_matches_every_valid_compact_number(text: str) -> None:
    assert re.fullmatch(COMPACT_PATTERN, text)


def test_hidden_input() -> None:
    hidden = HiddenInput(VALID)
    assert (repr(hidden), str(hidden), f"{hidden}") == ("'<hidden>'", "<hidden>", "<hidden>")
    assert json.dumps({"input": hidden}) == '{"input": "<hidden>"}'
    assert hidden.reveal() == VALID
    assert pickle.loads(pickle.dumps(hidden)) == "<hidden>"
    assert copy.deepcopy(hidden) == "<hidden>"
    assert b"126" not in pickle.dumps(HiddenInput(nirkit.compact(VALID)))


def test_clear_import_error_without_pydantic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pydantic", None)
    monkeypatch.delitem(sys.modules, "nirkit.pydantic")
    with pytest.raises(ImportError, match=r"pip install 'nirkit\[pydantic\]'"):
        importlib.import_module("nirkit.pydantic")


def test_nirkit_does_not_import_optional_modules() -> None:
    script = (
        "import sys, nirkit\n"
        "assert not {'pydantic', 'hypothesis', 'nirkit.pydantic', 'nirkit.strategies'}"
        " & set(sys.modules), sorted(sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]


class Numbers(BaseModel):
    numbers: list[NIRStr]


def test_in_a_list() -> None:
    with pytest.raises(ValidationError) as caught:
        Numbers(numbers=[VALID, "295109912611194"])
    assert caught.value.errors()[0]["loc"] == ("numbers", 1)
    assert _digits_left(caught.value) == "1" * 4  # the list index, once in each form


# --- redact_errors: every error, not only NIRStr's own --------------------------


class Person(BaseModel):
    name: str
    nir: NIRStr
    counts: dict[NIRStr, int] = {}
    age: int = 0
    notes: list[str] = []


def _redacted(data: object) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as caught:
        Person.model_validate(data)
    return redact_errors(caught.value.errors())


def _digits_of_numbers(text: str) -> list[str]:
    """Runs of 12 or more digits once separators are removed: what may not remain."""
    return re.findall(r"[0-9]{12,}", re.sub(r"[ .\-\t\u00a0\u202f\u2009]", "", text))


@given(
    st.one_of(nir_strings(style="decorated"), invalid_nir_strings(), nir_strings()),
    st.sampled_from(["nir", "name", "counts", "age", "notes", "extra"]),
)
def test_no_number_is_left_wherever_it_sits(text: str, where: str) -> None:
    compact = nirkit.compact(text)
    data: dict[str, object] = {"nir": text}  # "name" missing: its error holds the whole input
    if where == "counts":
        data["counts"] = {text: "x", VALID: 1}
    elif where in ("name", "extra", "notes"):
        data[where] = [text, {"deep": [text]}]
    elif where == "age":
        data["age"] = int(compact) if compact.isdigit() else text
    errors = _redacted(data)
    dumped = json.dumps(errors, ensure_ascii=False)  # JSON-serialisable, as promised
    assert compact not in dumped.replace(" ", "")
    assert _digits_of_numbers(dumped) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("295109912611193", "2••••••••••••••"),
        ("2 95 10 99 126 111 93", "2 •• •• •• ••• ••• ••"),
        ("n° 1.84.02.2A.123.456.72 !", "n° 1.••.••.••.•••.•••.•• !"),
        ("２９５１０９９１２６１１１９３", "２••••••••••••••"),  # full-width digits
        ("100O10100100105", "1••••••••••••••"),  # a letter O typed for a 0
        ("10001 - 0100100105", "1•••• - ••••••••••"),
        ("FR76 3000 6000 0112 3456 7890 189", "F••• •••• •••• •••• •••• •••• •••"),
        ("550e8400-e29b-41d4-a716-446655440000", "550e8400-e29b-41d4-a716-446655440000"),
        ("29510991261", "29510991261"),  # 11 digits: not a number's length
        ("01 23 45 67 89", "01 23 45 67 89"),  # a phone number
        ("2024-01-31", "2024-01-31"),
        (295109912611193, "2••••••••••••••"),
        (100, 100),
        (2.5, 2.5),
        (True, True),
        (None, None),
        (b"295109912611193", "b'2••••••••••••••'"),
        (ValueError("bad 295109912611193"), "bad 2••••••••••••••"),
        (("a", 295109912611193, 1), ("a", "2••••••••••••••", 1)),
    ],
)
def test_what_is_masked(value: object, expected: object) -> None:
    [error] = redact_errors([{"input": value}])
    assert error == {"input": expected}
    json.dumps(error)


def test_keys_masked_alike_are_both_kept() -> None:
    [error] = redact_errors([{"input": {"295109912611193": 1, "295109912611194": 2, 3: "x"}}])
    assert error["input"] == {"2••••••••••••••": 1, "2•••••••••••••• (2)": 2, "3": "x"}


def test_redacted_errors_keep_their_shape() -> None:
    [missing, key] = _redacted({"nir": VALID, "counts": {"295109912611194": 1}})
    assert missing == {
        "type": "missing",
        "loc": ("name",),
        "msg": "Field required",
        "input": {"nir": "2 •• •• •• ••• ••• ••", "counts": {"2••••••••••••••": 1}},
        "url": missing["url"],
    }
    assert key["loc"] == ("counts", "2••••••••••••••", "[key]")
    assert (key["type"], key["input"], key["ctx"]["code"]) == (
        "nir_invalid",
        "<hidden>",
        "key_mismatch",
    )
    assert type(key["input"]) is str  # a plain str, not HiddenInput: nothing to reveal
