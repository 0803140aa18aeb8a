"""Warnings (RULES.md section 5), over every year and every country code.

A warning never makes a number invalid in the standard profile; the strict
profile refuses the number with the warning's code.
"""

from __future__ import annotations

import datetime

import pytest

import nirkit
from nirkit import Profile
from nirkit._data.countries import COUNTRIES
from tests.helpers import with_key


def _codes(body: str, profile: Profile) -> list[str]:
    number = nirkit.parse(with_key(body), profile=profile)
    return [warning.code for warning in number.warnings]


def _could_be_from_1976(year_2d: int, reference_year: int) -> bool:
    """Whether some year up to the reference year, ending in ``year_2d``, is 1976 or later."""
    return any(
        year % 100 == year_2d and year >= 1976
        for year in range(reference_year - 99, reference_year + 1)
    )


@pytest.mark.parametrize("reference_year", [1990, 2000, 2026, 2027, 2075, 2076, 2100])
@pytest.mark.parametrize("department", ["2A", "2B"])
def test_corsica_2a_2b_before_1976_over_every_year(department: str, reference_year: int) -> None:
    profile = Profile(reference_year=reference_year)
    for year in range(100):
        codes = _codes(f"1 {year:02d} 02 {department} 123 456", profile)
        expected = [] if _could_be_from_1976(year, reference_year) else ["corsica_before_1976"]
        assert codes == expected, year


@pytest.mark.parametrize(
    ("year", "reference_year", "warned"),
    [
        (75, 2026, True),  # 1975 or 1875
        (76, 2026, False),  # 1976: the first year of 2A/2B
        (26, 2026, False),  # 2026
        (27, 2026, True),  # 1927: 2027 is not yet
        (27, 2027, False),
        (75, 2075, False),  # 2075
        (76, 2075, False),  # 1976
    ],
)
def test_corsica_2a_2b_at_the_boundaries(year: int, reference_year: int, warned: bool) -> None:
    codes = _codes(f"1 {year:02d} 02 2A 123 456", Profile(reference_year=reference_year))
    assert codes == (["corsica_before_1976"] if warned else [])


@pytest.mark.parametrize("reference_year", [None, 2026, 2100])
def test_corsica_20_after_1975_over_every_year(reference_year: int | None) -> None:
    profile = Profile(reference_year=reference_year)
    for year in range(100):
        codes = _codes(f"1 {year:02d} 02 20 123 456", profile)
        assert codes == (["corsica_20_after_1975"] if year >= 76 else []), year


def test_the_reference_year_defaults_to_this_year() -> None:
    this_year = datetime.datetime.now(tz=datetime.UTC).year
    assert Profile().reference_year is None
    assert Profile().year() == this_year
    assert Profile(reference_year=1999).year() == 1999
    for year in range(100):
        expected = [] if _could_be_from_1976(year, this_year) else ["corsica_before_1976"]
        assert _codes(f"1 {year:02d} 02 2B 123 456", nirkit.STANDARD) == expected, year


def test_other_departments_carry_no_corsica_warning() -> None:
    profile = Profile(reference_year=2026)
    for department in ("19", "21", "75", "96", "974"):
        for year in (0, 50, 75, 76, 99):
            body = f"1 {year:02d} 02 {department} {'12' if len(department) == 3 else '123'} 456"
            assert _codes(body, profile) == [], (department, year)


def test_unknown_country_over_every_country_code() -> None:
    for code in range(1, 1000):
        country = f"99{code:03d}"
        expected = [] if country in COUNTRIES else ["unknown_country"]
        assert _codes(f"1 80 02 99 {code:03d} 456", nirkit.STANDARD) == expected, country
    assert "99126" in COUNTRIES and "99999" not in COUNTRIES


@pytest.mark.parametrize(
    "specimen",
    [
        "269054958815780",  # the Carte Vitale specimen
        "185057800608491",  # the ameli.fr illustration, with its right key
        "137047624348415",  # French Wikipedia's worked example
    ],
)
def test_published_specimens_are_valid_with_a_warning(specimen: str) -> None:
    for profile in ("lenient", "standard"):
        diagnosis = nirkit.diagnose(specimen, profile=profile)
        assert diagnosis.valid
        assert [(w.code, w.severity) for w in diagnosis.warnings] == [("specimen", "warning")]
    assert [w.code for w in nirkit.parse(nirkit.format_nir(specimen)).warnings] == ["specimen"]
    assert nirkit.diagnose(specimen, profile="strict").errors[0].code == "specimen"
    # One digit off (with its own right key) is not a specimen.
    neighbour = with_key(specimen[:12] + str((int(specimen[12]) + 1) % 10)).replace(" ", "")
    assert nirkit.parse(neighbour).warnings == ()
