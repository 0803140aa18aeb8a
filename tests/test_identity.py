"""A number against what a person declared (``mismatches``, ``DeclaredIdentity``).

Only what the digits tell is compared: the last two digits of the year, the
month when it is encoded, the sex recorded at registration, and the birthplace,
allowing for the codes one place has carried (renumberings, independences).
"""

from __future__ import annotations

import datetime

import pytest

import nirkit
from nirkit import AuthPolicy, DeclaredIdentity
from tests.helpers import with_key


def _fields(body: str, declared: DeclaredIdentity) -> tuple[str, ...]:
    return nirkit.mismatches(nirkit.parse(with_key(body)), declared)


@pytest.mark.parametrize(
    ("body", "birthplace", "same"),
    [
        # Overseas: three-digit départements, the commune is not compared.
        ("2 95 10 974 11 111", "97411", True),
        ("2 95 10 974 11 111", "97422", True),
        ("2 95 10 974 11 111", "97511", False),
        ("2 95 10 974 11 111", "97111", False),
        ("2 95 10 974 11 111", "97401", True),
        ("2 95 10 971 05 111", "97701", True),  # Saint-Barthélemy was part of Guadeloupe
        ("2 95 10 971 05 111", "97801", True),  # so was Saint-Martin
        ("2 95 10 971 05 111", "97601", False),
        ("2 95 10 985 05 111", "97611", True),  # Mayotte's former code
        ("2 95 10 976 05 111", "98511", True),
        ("2 95 10 974 11 111", "75056", False),
        # Metropolitan: the département counts, not the commune.
        ("1 84 02 75 123 456", "75056", True),
        ("1 84 02 75 123 456", "75116", True),
        ("1 84 02 75 123 456", "92050", True),  # the Seine, before 1968
        ("1 84 02 75 123 456", "76540", False),
        ("1 84 02 75 123 456", "97411", False),
        ("1 84 02 78 123 456", "95127", True),  # Seine-et-Oise, before 1968
        ("1 84 02 13 123 456", "13055", True),
        ("1 84 02 13 123 456", "31555", False),
        # Corsica, in any case, before and after the split.
        ("1 84 02 2A 004 456", "2a004", True),
        ("1 84 02 2A 004 456", "2A004", True),
        ("1 84 02 2A 004 456", " 2A004 ", True),
        ("1 84 02 2A 004 456", "20004", True),
        ("1 84 02 2A 004 456", "2B033", False),
        ("1 84 02 2B 033 456", "20033", True),
        ("1 84 02 2B 033 456", "2b033", True),
        ("1 84 02 2B 033 456", "2A004", False),
        ("1 70 02 20 004 456", "2b033", True),
        ("1 70 02 20 004 456", "2A004", True),
        ("1 70 02 20 004 456", "21004", False),
        # North Africa before independence.
        ("1 50 02 91 004 456", "99352", True),  # Alger: Algeria
        ("1 50 02 92 004 456", "99352", True),
        ("1 50 02 93 004 456", "99352", True),  # Constantine
        ("1 50 02 93 004 456", "75056", True),  # and the Seine's, before 1968
        ("1 50 02 93 004 456", "99350", False),
        ("1 50 02 94 004 456", "99352", True),
        ("1 50 02 95 004 456", "99350", True),  # Morocco
        ("1 50 02 95 004 456", "99352", False),
        ("1 50 02 96 004 456", "99351", True),  # Tunisia
        ("1 50 02 96 004 456", "96004", True),
        # Born abroad: the country code, and the codes its territory has carried.
        ("2 95 10 99 126 111", "99126", True),
        ("2 95 10 99 126 111", "99127", False),
        ("2 95 10 99 126 111", "75056", False),  # a département, against a foreign birth
        ("2 95 10 99 126 111", "97411", False),
        ("2 95 10 99 126 111", "99", False),
        ("2 95 10 99 101 111", "99158", True),  # the Faroe Islands shared Denmark's code
        ("2 95 10 99 158 111", "99101", True),
        ("2 95 10 99 101 111", "99159", False),
        ("2 50 10 99 352 111", "91004", True),  # Algeria, declared as a département of then
        ("2 50 10 99 352 111", "94004", True),
        ("2 50 10 99 352 111", "95004", False),
        ("2 50 10 99 350 111", "95004", True),
        ("2 50 10 99 351 111", "96004", True),
        ("2 50 10 99 351 111", "99351", True),
    ],
)
def test_birthplace(body: str, birthplace: str, same: bool) -> None:
    declared = DeclaredIdentity(birthplace=birthplace)
    assert _fields(body, declared) == (() if same else ("birthplace",))


@pytest.mark.parametrize(
    ("body", "born", "fields"),
    [
        ("2 95 10 99 126 111", datetime.date(1995, 10, 3), ()),
        ("2 95 10 99 126 111", datetime.date(2095, 10, 31), ()),  # the century is not encoded
        ("2 95 10 99 126 111", datetime.date(1996, 10, 3), ("birth_year",)),
        ("2 95 10 99 126 111", datetime.date(1995, 11, 3), ("birth_month",)),
        ("2 95 10 99 126 111", datetime.date(1994, 9, 3), ("birth_year", "birth_month")),
        ("2 00 01 99 126 111", datetime.date(2000, 1, 1), ()),
        ("2 00 01 99 126 111", datetime.date(1900, 1, 1), ()),
        ("2 00 01 99 126 111", datetime.date(2001, 1, 1), ("birth_year",)),
        ("2 95 12 99 126 111", datetime.date(1995, 12, 1), ()),
        # 31-42: the month is the code less 30.
        ("2 95 31 99 126 111", datetime.date(1995, 1, 3), ()),
        ("2 95 42 99 126 111", datetime.date(1995, 12, 3), ()),
        ("2 95 42 99 126 111", datetime.date(1995, 11, 3), ("birth_month",)),
        # 20-30 and 50-99: the month is unknown, so never a mismatch.
        ("2 95 20 99 126 111", datetime.date(1995, 5, 3), ()),
        ("2 95 30 99 126 111", datetime.date(1995, 12, 3), ()),
        ("2 95 50 99 126 111", datetime.date(1995, 1, 3), ()),
        ("2 95 99 99 126 111", datetime.date(1995, 7, 3), ()),
    ],
)
def test_birth_date(body: str, born: datetime.date, fields: tuple[str, ...]) -> None:
    assert _fields(body, DeclaredIdentity(birth_date=born)) == fields


@pytest.mark.parametrize(
    ("digit", "sex"),
    [
        ("1", "male"),
        ("2", "female"),
        ("3", "male"),
        ("4", "female"),
        ("7", "male"),
        ("8", "female"),
    ],
)
def test_registered_sex(digit: str, sex: str) -> None:
    other = "female" if sex == "male" else "male"
    body = f"{digit} 95 10 99 126 111"
    assert _fields(body, DeclaredIdentity(sex=sex)) == ()  # type: ignore[arg-type]
    assert _fields(body, DeclaredIdentity(sex=other)) == ("registered_sex",)  # type: ignore[arg-type]


def test_every_field_at_once_in_a_stable_order() -> None:
    declared = DeclaredIdentity(datetime.date(1990, 1, 1), "male", "75056")
    assert _fields("2 95 10 99 126 111", declared) == (
        "birth_year",
        "birth_month",
        "registered_sex",
        "birthplace",
    )
    assert _fields("2 95 10 99 126 111", DeclaredIdentity()) == ()


@pytest.mark.parametrize(
    ("declared", "en", "fr"),
    [
        (
            DeclaredIdentity(datetime.date(1994, 9, 3)),
            "Your number does not match what you declared: year of birth and month of birth. "
            "Please check these details and your number.",
            "Votre numéro ne correspond pas à ce que vous avez déclaré : année de naissance et "
            "mois de naissance. Vérifiez ces informations et votre numéro.",
        ),
        (
            DeclaredIdentity(birthplace="75056"),
            "Your number does not match what you declared: place of birth. "
            "Please check these details and your number.",
            "Votre numéro ne correspond pas à ce que vous avez déclaré : lieu de naissance. "
            "Vérifiez ces informations et votre numéro.",
        ),
        (
            DeclaredIdentity(datetime.date(1990, 1, 1), "male", "75056"),
            "Your number does not match what you declared: year of birth, month of birth, "
            "sex recorded at registration and place of birth. "
            "Please check these details and your number.",
            "Votre numéro ne correspond pas à ce que vous avez déclaré : année de naissance, "
            "mois de naissance, sexe enregistré à l'immatriculation et lieu de naissance. "
            "Vérifiez ces informations et votre numéro.",
        ),
    ],
)
def test_a_mismatch_message_names_the_fields(declared: DeclaredIdentity, en: str, fr: str) -> None:
    decision = AuthPolicy().decide(with_key("2 95 10 99 126 111"), declared=declared)
    assert (decision.message(), decision.message("en"), decision.message("fr")) == (en, en, fr)
