"""Tables of cases for ``nirkit.generate`` and ``nirkit generate``."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from typing import Any, TypeVar

import pytest

import nirkit
from nirkit import STRICT, Kind, MonthKind, PlaceKind, Profile
from nirkit._checks import SPECIMENS
from nirkit._generate import ERROR_CODES, ErrorCode, build, make_options
from nirkit.cli import main

T = TypeVar("T")


def _parse_strict(number: str) -> nirkit.NIR:
    parsed = nirkit.parse(number, profile=STRICT)  # strict: a warning would raise
    assert parsed.compact == number
    return parsed


def test_same_seed_same_numbers() -> None:
    first = [nirkit.generate(rng=random.Random(7)) for _ in range(3)]
    rng_a, rng_b = random.Random(7), random.Random(7)
    assert [nirkit.generate(rng=rng_a) for _ in range(50)] == [
        nirkit.generate(rng=rng_b) for _ in range(50)
    ]
    assert first == [first[0]] * 3
    rng_c = random.Random(8)
    assert [nirkit.generate(rng=rng_c) for _ in range(5)] != [
        nirkit.generate(rng=random.Random(7)) for _ in range(5)
    ]


def test_without_rng_a_valid_number() -> None:
    assert len(_parse_strict(nirkit.generate()).compact) == 15


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("sex", ["male", "female"])
def test_kind_and_sex(kind: Kind, sex: Any) -> None:
    rng = random.Random(1)
    for _ in range(50):
        parsed = _parse_strict(nirkit.generate(kind=kind, registered_sex=sex, rng=rng))
        assert (parsed.kind, parsed.registered_sex) == (kind, sex)


@pytest.mark.parametrize("place_kind", list(PlaceKind))
def test_place_kind(place_kind: PlaceKind) -> None:
    rng = random.Random(2)
    for _ in range(200):
        parsed = _parse_strict(nirkit.generate(place_kind=place_kind, rng=rng))
        assert parsed.place.kind is place_kind


@pytest.mark.parametrize(
    ("department", "place_kind"),
    [
        ("01", PlaceKind.METROPOLITAN),
        ("75", PlaceKind.METROPOLITAN),
        ("95", PlaceKind.METROPOLITAN),
        ("2A", PlaceKind.CORSICA),
        ("2b", PlaceKind.CORSICA),
        ("20", PlaceKind.CORSICA),
        ("96", PlaceKind.NORTH_AFRICA),
        ("971", PlaceKind.OVERSEAS),
        ("976", PlaceKind.OVERSEAS),
        ("989", PlaceKind.OVERSEAS),
        ("99", PlaceKind.ABROAD),
    ],
)
def test_department(department: str, place_kind: PlaceKind) -> None:
    rng = random.Random(3)
    for _ in range(100):
        parsed = _parse_strict(nirkit.generate(department=department, rng=rng))
        assert parsed.place.department_code == department.upper()
        assert parsed.place.kind is place_kind


@pytest.mark.parametrize("country", ["99126", "99352", "99100"])
def test_country(country: str) -> None:
    parsed = _parse_strict(nirkit.generate(country=country, rng=random.Random(4)))
    assert parsed.place.country_code == country


def test_random_countries_are_known_and_not_france() -> None:
    rng = random.Random(5)
    countries = {
        nirkit.parse(nirkit.generate(place_kind="abroad", rng=rng)).place.country_code
        for _ in range(300)
    }
    assert len(countries) > 100
    assert "99100" not in countries


@pytest.mark.parametrize("year", [0, 25, 26, 75, 76, 99])
def test_corsica_follows_the_year(year: int) -> None:
    rng = random.Random(6)
    seen = set()
    for _ in range(60):
        parsed = _parse_strict(nirkit.generate(place_kind="corsica", year=year, rng=rng))
        assert parsed.birth_year_2d == year
        seen.add(parsed.place.department_code)
    expected = {"20", "2A", "2B"} if year <= 25 else {"20"} if year < 76 else {"2A", "2B"}
    assert seen == expected


@pytest.mark.parametrize("reference_year", [2025, 2026, 2050, 2075])
def test_corsica_without_warning_for_any_reference_year_to_2075(reference_year: int) -> None:
    profile = Profile("strict-ref", warnings_are_errors=True, reference_year=reference_year)
    rng = random.Random(reference_year)
    for _ in range(300):
        number = nirkit.generate(place_kind="corsica", rng=rng)
        assert nirkit.is_valid(number, profile=profile)


def test_explicit_conflicting_fields_are_honoured_with_their_warning() -> None:
    number = nirkit.generate(department="2A", year=50, rng=random.Random(0))
    assert [w.code for w in nirkit.parse(number).warnings] == ["corsica_before_1976"]
    number = nirkit.generate(country="99999", rng=random.Random(0))
    assert [w.code for w in nirkit.parse(number).warnings] == ["unknown_country"]


@pytest.mark.parametrize(
    ("options", "month_kind"),
    [
        ({"month_code": 1}, MonthKind.REAL),
        ({"month_code": 20}, MonthKind.UNKNOWN),
        ({"month_code": 42}, MonthKind.INCOMPLETE_RECORD),
        ({"month_code": 99}, MonthKind.UNKNOWN),
        ({"month_kind": "real"}, MonthKind.REAL),
        ({"month_kind": MonthKind.INCOMPLETE_RECORD}, MonthKind.INCOMPLETE_RECORD),
        ({"month_kind": "unknown"}, MonthKind.UNKNOWN),
    ],
)
def test_month(options: dict[str, Any], month_kind: MonthKind) -> None:
    rng = random.Random(9)
    for _ in range(100):
        parsed = _parse_strict(nirkit.generate(rng=rng, **options))
        assert parsed.month_kind is month_kind
        if "month_code" in options:
            assert parsed.month_code == options["month_code"]


def test_every_month_code_and_year_drawn() -> None:
    rng = random.Random(10)
    parsed = [nirkit.parse(nirkit.generate(rng=rng)) for _ in range(3000)]
    months = {p.month_code for p in parsed}
    assert months == set(range(1, 13)) | set(range(20, 43)) | set(range(50, 100))
    assert {p.birth_year_2d for p in parsed} == set(range(100))


@pytest.mark.parametrize("code", ERROR_CODES)
def test_error_breaks_exactly_one_rule(code: ErrorCode) -> None:
    rng = random.Random(11)
    for _ in range(200):
        number = nirkit.generate(error=code, rng=rng)
        assert [issue.code for issue in nirkit.diagnose(number).errors] == [code]


@pytest.mark.parametrize(
    ("code", "options"),
    [
        ("bad_commune", {"place_kind": "overseas"}),
        ("bad_commune", {"department": "2A"}),
        ("bad_commune", {"place_kind": "north_africa"}),
        ("bad_country", {"country": "99126"}),
        ("bad_order", {"kind": "provisional", "place_kind": "abroad"}),
        ("key_mismatch", {"department": "2B"}),
        ("bad_character", {"department": "2A"}),
        ("bad_month", {"kind": "waiting"}),
    ],
)
def test_error_with_other_options(code: ErrorCode, options: dict[str, Any]) -> None:
    rng = random.Random(12)
    for _ in range(50):
        number = nirkit.generate(error=code, rng=rng, **options)
        assert [issue.code for issue in nirkit.diagnose(number).errors] == [code]


def test_invalid_variants_keep_a_correct_key() -> None:
    rng = random.Random(13)
    for code in ("bad_kind_digit", "bad_month", "bad_department", "bad_commune", "bad_order"):
        number = nirkit.generate(error=code, rng=rng)
        assert number[13:] == f"{nirkit.compute_key(number[:13]):02d}"
    # bad_length without a key: the 13 characters are the body of a valid number
    body = next(
        n for n in (nirkit.generate(error="bad_length", rng=rng) for _ in range(50)) if len(n) == 13
    )
    assert nirkit.is_valid(body, profile="lenient")


@pytest.mark.parametrize(
    "options",
    [
        {"error": "bad_everything"},
        {"registered_sex": "x"},
        {"year": 100},
        {"year": -1},
        {"month_code": 0},
        {"month_code": 13},
        {"month_code": 45},
        {"month_code": 1, "month_kind": "real"},
        {"month_kind": "someday"},
        {"kind": "temporary"},
        {"place_kind": "moon"},
        {"department": "00"},
        {"department": "979"},
        {"department": "75", "place_kind": "abroad"},
        {"department": "75", "country": "99126"},
        {"country": "126"},
        {"country": "98126"},
        {"country": "99000"},
        {"country": "9912a"},
        {"error": "bad_kind_digit", "kind": "definitive"},
        {"error": "bad_kind_digit", "registered_sex": "male"},
        {"error": "bad_month", "month_code": 1},
        {"error": "bad_month", "month_kind": "real"},
        {"error": "bad_department", "place_kind": "metropolitan"},
        {"error": "bad_country", "place_kind": "corsica"},
        {"error": "bad_commune", "place_kind": "abroad"},
        {"error": "bad_commune", "country": "99126"},
    ],
)
def test_impossible_options(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (each message is checked below by hand)
        nirkit.generate(**options)


def test_impossible_option_messages_do_not_guess() -> None:
    with pytest.raises(ValueError, match="département 75 is metropolitan, not abroad"):
        nirkit.generate(department="75", place_kind="abroad")


class _Scripted:
    """A source that replays integers, then gives the lowest choice."""

    def __init__(self, integers: Sequence[int]) -> None:
        self._integers = list(integers)

    def choice(self, options: Sequence[T]) -> T:
        return options[0]

    def integer(self, low: int, high: int) -> int:
        return self._integers.pop(0) if self._integers else low


def test_specimen_is_drawn_again() -> None:
    specimen = "269054958815780"
    assert specimen in SPECIMENS
    fixed: dict[str, Any] = {
        "kind": "definitive",
        "registered_sex": "female",
        "year": 69,
        "month_code": 5,
        "department": "49",
    }
    # commune 588 and order 157 make the specimen; the next draws are 001 and 001.
    number = build(_Scripted([588, 157]), make_options(**fixed))
    assert number == nirkit.validate(
        "2 69 05 49 001 001 " + f"{nirkit.compute_key('2690549001001'):02d}"
    )
    broken = build(_Scripted([588, 157]), make_options(**fixed, error="bad_order"))
    assert broken[:13] == "2690549001000"


# -- the command -------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["generate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--kind", "provisional", "--count", "100", "--seed", "1")
    numbers = out.splitlines()
    assert code == 0
    assert len(numbers) == 100
    assert {nirkit.classify(number) for number in numbers} == {Kind.PROVISIONAL}
    assert _run(capsys, "--kind", "provisional", "--count", "100", "--seed", "1")[1] == out
    assert _run(capsys, "--kind", "provisional", "--count", "100", "--seed", "2")[1] != out


def test_cli_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--count", "5", "--seed", "3", "--format", "csv")
    header, *rows = out.splitlines()
    assert (code, header, len(rows)) == (0, "number,kind,place_kind,error", 5)
    for row in rows:
        number, kind, place_kind, error = row.split(",")
        parsed = nirkit.parse(number)
        assert (parsed.kind.value, parsed.place.kind.value, error) == (kind, place_kind, "")


def test_cli_json_with_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "--count", "4", "--seed", "3", "--format", "json", "--error", "bad_month"
    )
    records = json.loads(out)
    assert code == 0
    assert len(records) == 4
    for record in records:
        assert (record["kind"], record["place_kind"], record["error"]) == (None, None, "bad_month")
        assert nirkit.diagnose(record["number"]).errors[0].code == "bad_month"


def test_cli_display_and_place(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--department", "2A", "--year", "80", "--display", "--seed", "0")
    assert out[7:11] == " 2A "
    assert nirkit.parse(out.strip()).place.department_code == "2A"


@pytest.mark.parametrize(
    "argv",
    [
        ["--count", "0"],
        ["--count", "x"],
        ["--kind", "temporary"],
        ["--error", "bad_context"],
        ["--department", "75", "--place-kind", "abroad"],
        ["--month-code", "13"],
    ],
)
def test_cli_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = _run(capsys, *argv)
    assert (code, out) == (2, "")
