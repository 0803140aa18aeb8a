"""The public functions: parse, validate, is_valid, classify, diagnose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from nirkit._checks import find_errors, find_warnings
from nirkit._context import Context, says_waiting
from nirkit._issues import Issue, NIRError
from nirkit._key import key_of
from nirkit._kinds import Kind
from nirkit._model import NIR
from nirkit._normalize import MAX_INPUT_LENGTH, check_type_and_size, clean, require_str
from nirkit._profiles import Profile, ProfileName, pattern_for, resolve_profile

_KIND_OF_DIGIT: Final = {
    "1": Kind.DEFINITIVE,
    "2": Kind.DEFINITIVE,
    "3": Kind.WAITING,
    "4": Kind.WAITING,
    "7": Kind.PROVISIONAL,
    "8": Kind.PROVISIONAL,
}
# int(body + key) % 97 for a right key: body = -key and 100 = 3 (mod 97),
# so body * 100 + key = -2 * key (mod 97). One int() call checks the key.
_RESIDUE_OF_KEY: Final = {f"{key:02d}": (-2 * key) % 97 for key in range(1, 98)}


def _accept(text: str, profile: Profile) -> str | None:
    """The clean form of ``text`` if it is valid under ``profile``, else ``None``.

    Already-clean input (the common case) skips normalisation.
    """
    match = pattern_for(profile).fullmatch
    cleaned = text
    if match(text) is None:
        cleaned = clean(text)
        if match(cleaned) is None:
            return None
    if len(cleaned) == 13:  # keyless: this profile allows it
        return cleaned
    if cleaned[6] in "AB":
        return cleaned if key_of(cleaned[:13]) == int(cleaned[13:]) else None
    return cleaned if int(cleaned) % 97 == _RESIDUE_OF_KEY.get(cleaned[13:]) else None


def _build(cleaned: str, profile: Profile, waiting: bool) -> NIR:
    key_given = len(cleaned) == 15
    if not key_given:
        cleaned += f"{key_of(cleaned):02d}"
    kind = _KIND_OF_DIGIT[cleaned[0]]
    if waiting and kind is Kind.DEFINITIVE:
        kind = Kind.WAITING
    warnings = tuple(find_warnings(cleaned, profile))
    return NIR._make(cleaned, kind, warnings, key_given)


def parse(
    text: str,
    /,
    *,
    profile: ProfileName | Profile = "standard",
    context: Context = None,
) -> NIR:
    """Parse a number, raising :class:`NIRError` on the first broken rule.

    ``context`` is an INS identifier-system OID or ``Kind.WAITING``: it turns a
    1/2 number into a waiting number (NIA), which the digits cannot show.

    >>> parse("1 84 02 2A 123 456 34").place.department_name
    'Corse-du-Sud'
    >>> parse("184022A12345634", context="1.2.250.1.213.1.4.9").kind
    <Kind.WAITING: 'waiting'>
    """
    resolved = resolve_profile(profile)
    waiting = says_waiting(context)
    check_type_and_size(text)
    cleaned = _accept(text, resolved)
    if cleaned is None:
        raise NIRError(find_errors(clean(text), resolved)[0])
    number = _build(cleaned, resolved, waiting)
    if number.warnings and resolved.warnings_are_errors:
        raise NIRError(number.warnings[0].as_error())
    return number


def validate(text: str, /, *, profile: ProfileName | Profile = "standard") -> str:
    """Return the compact form of a valid number; raise :class:`NIRError` otherwise.

    >>> validate("2-95-10-99-126-111-93")
    '295109912611193'
    """
    return parse(text, profile=profile).compact


def is_valid(text: str, /, *, profile: ProfileName | Profile = "standard") -> bool:
    """Whether ``text`` is a valid number. Never raises for a ``str``.

    >>> is_valid("2 95 10 99 126 111 93"), is_valid("2 95 10 99 126 111 94")
    (True, False)
    """
    if text.__class__ is not str:  # cheaper than isinstance on the hot path
        require_str(text)
    if len(text) > MAX_INPUT_LENGTH:
        return False
    resolved = resolve_profile(profile)
    cleaned = _accept(text, resolved)
    if cleaned is None or not resolved.warnings_are_errors:
        return cleaned is not None
    return not _build(cleaned, resolved, waiting=False).warnings


def classify(
    text: str,
    /,
    *,
    profile: ProfileName | Profile = "standard",
    context: Context = None,
) -> Kind:
    """The kind of a valid number; raise :class:`NIRError` otherwise.

    >>> classify("7 81 05 99 126 045 30")
    <Kind.PROVISIONAL: 'provisional'>
    """
    return parse(text, profile=profile, context=context).kind


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """Everything wrong (``errors``) or doubtful (``warnings``) about a text."""

    valid: bool
    kind: Kind | None
    errors: tuple[Issue, ...]
    warnings: tuple[Issue, ...]
    nir: NIR | None

    def __repr__(self) -> str:  # the NIR's repr is masked already; keep it short
        codes = [issue.code for issue in self.errors + self.warnings]
        return f"Diagnosis(valid={self.valid}, kind={self.kind!r}, codes={codes})"


def diagnose(text: str, /, *, profile: ProfileName | Profile = "standard") -> Diagnosis:
    """Report every error and warning at once. Never raises for a ``str``.

    >>> diagnose("0 95 00 99 000 111 93").errors[0].code
    'bad_kind_digit'
    >>> [issue.code for issue in diagnose("0 95 00 99 000 111 93").errors]
    ['bad_kind_digit', 'bad_month', 'bad_country', 'key_mismatch']
    """
    resolved = resolve_profile(profile)
    try:
        check_type_and_size(text)
    except NIRError as error:
        return Diagnosis(False, None, (error.issue,), (), None)
    cleaned = _accept(text, resolved)
    if cleaned is None:
        return Diagnosis(False, None, tuple(find_errors(clean(text), resolved)), (), None)
    number = _build(cleaned, resolved, waiting=False)
    if resolved.warnings_are_errors and number.warnings:
        errors = tuple(issue.as_error() for issue in number.warnings)
        return Diagnosis(False, None, errors, (), None)
    return Diagnosis(True, number.kind, (), number.warnings, number)
