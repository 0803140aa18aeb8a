"""The public functions: parse, validate, is_valid, classify, diagnose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from nirkit._checks import find_errors, find_warnings
from nirkit._context import Context, says_waiting
from nirkit._issues import Issue, NIRError
from nirkit._key import key_is_right, key_of
from nirkit._kinds import KIND_OF_DIGIT, Kind
from nirkit._model import NIR
from nirkit._normalize import MAX_INPUT_LENGTH, check_type_and_size, clean, require_str
from nirkit._profiles import Matcher, Profile, ProfileName, compiled

# The default profile, resolved once: a dictionary lookup per call is measurable.
_DEFAULT: Final = compiled("standard")


def _accept(text: str, fullmatch: Matcher) -> str | None:
    """The compact form of ``text`` if it is valid under the profile, else ``None``.

    The compact and display forms (the common cases) match as they are; only
    other spellings pay for full normalisation.
    """
    if fullmatch(text) is None:
        text = clean(text)
        if fullmatch(text) is None:
            return None
    elif " " in text:
        text = text.replace(" ", "")
    if len(text) == 13:  # keyless: this profile allows it
        return text
    if text[6] > "9":  # 2A or 2B
        return text if key_is_right(text) else None
    # key_is_right, inlined for the common case: the call alone costs 5 % of is_valid.
    number = int(text)
    key = number % 100
    return text if 0 < key < 98 and (number + 2 * key) % 97 == 0 else None


def compact_if_valid(profile: ProfileName | Profile) -> Callable[[str], str | None]:
    """For scanners: a function giving the compact form of a valid number, else ``None``.

    It skips what ``is_valid`` does per call (resolving the profile, checking the
    type), so the caller passes ``str`` only. Under a profile that turns warnings
    into errors it checks them too, as ``is_valid`` does.
    """
    resolved, fullmatch = compiled(profile)
    if not resolved.warnings_are_errors:
        return lambda text: _accept(text, fullmatch)

    def accept_without_warnings(text: str) -> str | None:
        cleaned = _accept(text, fullmatch)
        if cleaned is None or _build(cleaned, resolved, waiting=False).warnings:
            return None
        return cleaned

    return accept_without_warnings


def _build(cleaned: str, profile: Profile, waiting: bool) -> NIR:
    key_given = len(cleaned) == 15
    if not key_given:
        cleaned += f"{key_of(cleaned):02d}"
    kind = KIND_OF_DIGIT[cleaned[0]]
    if waiting and kind is Kind.DEFINITIVE:
        kind = Kind.WAITING
    warnings = find_warnings(cleaned, profile)
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
    resolved, fullmatch = _DEFAULT if profile == "standard" else compiled(profile)
    if text.__class__ is not str or len(text) > MAX_INPUT_LENGTH:
        text = check_type_and_size(text)  # a subclass of str becomes a str here, once
    waiting = context is not None and says_waiting(context)
    cleaned = _accept(text, fullmatch)
    if cleaned is None:
        raise NIRError(find_errors(clean(text), resolved)[0])
    number = _build(cleaned, resolved, waiting)
    if resolved.warnings_are_errors and number.warnings:
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
    if text.__class__ is not str or len(text) > MAX_INPUT_LENGTH:  # cheaper than isinstance
        # Rare: too long, not a str (TypeError), or a subclass of str.
        text = require_str(text)
        if len(text) > MAX_INPUT_LENGTH:
            return False
    resolved, fullmatch = _DEFAULT if profile == "standard" else compiled(profile)
    cleaned = _accept(text, fullmatch)
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
    resolved, fullmatch = compiled(profile)
    try:
        text = check_type_and_size(text)
    except NIRError as error:
        return Diagnosis(False, None, (error.issue,), (), None)
    cleaned = _accept(text, fullmatch)
    if cleaned is None:
        return Diagnosis(False, None, tuple(find_errors(clean(text), resolved)), (), None)
    number = _build(cleaned, resolved, waiting=False)
    if resolved.warnings_are_errors and number.warnings:
        errors = tuple(issue.as_error() for issue in number.warnings)
        return Diagnosis(False, None, errors, (), None)
    return Diagnosis(True, number.kind, (), number.warnings, number)
