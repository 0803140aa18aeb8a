"""Validation profiles (RULES.md section 6) and the one regular expression per profile."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

ProfileName = Literal["lenient", "standard", "strict"]


@dataclass(frozen=True, slots=True)
class Profile:
    """How demanding validation is.

    ``reference_year`` only affects the Corsica warnings (which need to know what
    a 2-digit year can mean); ``None`` means the current year at call time.
    """

    name: str = "custom"
    key_required: bool = True
    zero_fields_allowed: bool = False
    month_43_49_allowed: bool = False
    warnings_are_errors: bool = False
    reference_year: int | None = None

    def year(self) -> int:
        """The reference year in force."""
        if self.reference_year is not None:
            return self.reference_year
        return datetime.datetime.now(tz=datetime.UTC).year


LENIENT: Final = Profile(
    "lenient", key_required=False, zero_fields_allowed=True, month_43_49_allowed=True
)
STANDARD: Final = Profile("standard")
STRICT: Final = Profile("strict", warnings_are_errors=True)
_NAMED: Final[dict[str, Profile]] = {p.name: p for p in (LENIENT, STANDARD, STRICT)}


def resolve_profile(profile: ProfileName | Profile) -> Profile:
    """Accept a profile name or a :class:`Profile`."""
    if isinstance(profile, Profile):
        return profile
    try:
        return _NAMED[profile]
    except KeyError:
        msg = f"unknown profile {profile!r}: use 'lenient', 'standard', 'strict' or a Profile"
        raise ValueError(msg) from None


Matcher = Callable[[str], "re.Match[str] | None"]


def number_pattern(
    *, key_required: bool, zero_fields_allowed: bool, month_43_49_allowed: bool
) -> re.Pattern[str]:
    """One pattern holding every field rule of a profile.

    It matches the compact form and the display form (one optional space
    between the groups 1-2-2-2-3-3-2), so that the two usual spellings need no
    normalisation; other input is cleaned first. The key arithmetic is checked
    apart. ``tests/property`` checks that this pattern and the rule-by-rule
    checker in ``_checks`` always agree.
    """
    nonzero3 = "" if zero_fields_allowed else "(?!000)"
    nonzero2 = "" if zero_fields_allowed else "(?!00)"
    month = "0[1-9]|1[0-2]|[235-9][0-9]|4[0-2]" + ("|4[3-9]" if month_43_49_allowed else "")
    place = (
        f"(?:0[1-9]|[1-8][0-9]|9[0-6]|2[AB]) ?{nonzero3}[0-9]{{3}}"
        f"|(?:97 ?[1-8]|98 ?[4-9]){nonzero2}[0-9]{{2}}"
        f"|99 ?{nonzero3}[0-9]{{3}}"
    )
    key = " ?[0-9]{2}" if key_required else "(?: ?[0-9]{2})?"
    return re.compile(f"[123478] ?[0-9]{{2}} ?(?:{month}) ?(?:{place}) ?{nonzero3}[0-9]{{3}}{key}")


# Profile (or profile name) -> (profile, its pattern's fullmatch), so that no
# call rebuilds a pattern.
_COMPILED: dict[object, tuple[Profile, Matcher]] = {}


def pattern_for(profile: ProfileName | Profile) -> re.Pattern[str]:
    """The pattern of a profile (``re`` caches the compiled form)."""
    resolved = resolve_profile(profile)
    return number_pattern(
        key_required=resolved.key_required,
        zero_fields_allowed=resolved.zero_fields_allowed,
        month_43_49_allowed=resolved.month_43_49_allowed,
    )


def compiled(profile: ProfileName | Profile) -> tuple[Profile, Matcher]:
    """The resolved profile and the ``fullmatch`` of its pattern."""
    try:
        return _COMPILED[profile]
    except KeyError:
        pass
    resolved = resolve_profile(profile)
    pattern = pattern_for(resolved)
    if len(_COMPILED) < 64:  # bounded: callers may build profiles on the fly
        _COMPILED[profile] = (resolved, pattern.fullmatch)
    return resolved, pattern.fullmatch
