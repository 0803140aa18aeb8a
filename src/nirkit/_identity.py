"""Compare a number with what a person declared (RULES.md section 4).

Only what the digits can tell is compared: the last two digits of the birth
year, the month when it is encoded, the sex recorded at registration, and the
birthplace, allowing for the codes one place has carried over time.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Final, Literal

from nirkit._data.countries import RELATED_COUNTRIES
from nirkit._model import NIR, RegisteredSex

Field = Literal["birth_year", "birth_month", "registered_sex", "birthplace"]

# NIR département -> other COG codes (département or 5-digit country) that one
# birthplace may carry in a civil-status record, because of renumberings.
_SAME_PLACE: Final[dict[str, frozenset[str]]] = {
    "20": frozenset({"2A", "2B"}),  # Corsica before the 1976 split
    "2A": frozenset({"20"}),
    "2B": frozenset({"20"}),
    "75": frozenset({"92", "93", "94"}),  # the Seine, before 1968
    "78": frozenset({"91", "92", "93", "94", "95"}),  # Seine-et-Oise, before 1968
    "91": frozenset({"99352", "78"}),  # Alger before 1962
    "92": frozenset({"99352", "75", "78"}),  # Oran before 1962
    "93": frozenset({"99352", "75", "78"}),  # Constantine before 1962
    "94": frozenset({"99352", "75", "78"}),  # Territoires du Sud before 1962
    "95": frozenset({"99350", "78"}),  # Morocco before 1956
    "96": frozenset({"99351"}),  # Tunisia before 1956
    "971": frozenset({"977", "978"}),  # Saint-Barthélemy, Saint-Martin before 2008
    "985": frozenset({"976"}),  # Mayotte's former code
    "976": frozenset({"985"}),
}


@dataclass(frozen=True, slots=True)
class DeclaredIdentity:
    """What a person declared. Every part is optional; missing parts are not compared.

    ``birthplace`` is a COG code: a commune code (``"75056"``, ``"2A004"``,
    ``"97411"``) or a country code (``"99126"``).
    """

    birth_date: datetime.date | None = None
    sex: RegisteredSex | None = None
    birthplace: str | None = None


def _department_of(cog_code: str) -> str:
    if cog_code.startswith("99"):
        return cog_code  # a country: compare the whole code
    return cog_code[:3] if cog_code[:2] in ("97", "98") else cog_code[:2]


def _places_match(number: NIR, declared: str) -> bool:
    place = number.place
    declared = declared.strip().upper()
    if place.country_code is not None:
        mine = place.country_code
        return (
            declared == mine
            or declared in RELATED_COUNTRIES.get(mine, frozenset())
            or (mine in _SAME_PLACE.get(_department_of(declared), frozenset()))
        )
    department = place.department_code
    theirs = _department_of(declared)
    # Commune parts are not always real COG codes: only the département counts.
    return theirs == department or theirs in _SAME_PLACE.get(department, frozenset())


def mismatches(number: NIR, declared: DeclaredIdentity, /) -> tuple[Field, ...]:
    """The fields on which ``number`` contradicts ``declared``; empty when none do.

    >>> import datetime
    >>> from nirkit import parse, DeclaredIdentity
    >>> number = parse("2 95 10 99 126 111 93")
    >>> mismatches(number, DeclaredIdentity(datetime.date(1995, 10, 3), "female", "99126"))
    ()
    >>> mismatches(number, DeclaredIdentity(datetime.date(1995, 11, 3), "male"))
    ('birth_month', 'registered_sex')
    """
    found: list[Field] = []
    if declared.birth_date is not None:
        if declared.birth_date.year % 100 != number.birth_year_2d:
            found.append("birth_year")
        month = number.birth_month
        if month is not None and month != declared.birth_date.month:
            found.append("birth_month")
    if declared.sex is not None and declared.sex != number.registered_sex:
        found.append("registered_sex")
    if declared.birthplace is not None and not _places_match(number, declared.birthplace):
        found.append("birthplace")
    return tuple(found)
