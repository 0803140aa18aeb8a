"""A pydantic (v2) type for numbers (needs ``pydantic``: ``pip install 'nirkit[pydantic]'``).

Not imported by ``nirkit``. :data:`NIRStr` validates any form
:func:`nirkit.parse` accepts, stores and serialises the compact form, and
describes itself in JSON Schema. :class:`NIRValidator` configures the profile
and the kinds a field accepts.

Pydantic copies the input into every validation error (``errors()``, ``str``,
``json()``). A number is personal data and errors end up in logs, so this type
hides it: the error's ``input`` is :class:`HiddenInput`, whose text forms show
no digit, and the message names the rule that failed, never the number. Errors
of the other fields still carry the input (a missing field's error holds the
whole object): :func:`redact_errors` masks numbers wherever they sit.

>>> from pydantic import BaseModel, ValidationError
>>> from nirkit.pydantic import NIRStr
>>> class Patient(BaseModel):
...     nir: NIRStr
>>> Patient(nir="2 95 10 99 126 111 93").nir
'295109912611193'
>>> try:
...     Patient(nir="2 95 10 99 126 111 94")
... except ValidationError as error:
...     details = error.errors()[0]
>>> details["type"], details["ctx"]["code"], details["input"]
('nir_invalid', 'key_mismatch', '<hidden>')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Final

try:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import PydanticCustomError, core_schema
except ImportError as error:  # pragma: no cover - exercised in a test with pydantic hidden
    _MESSAGE = "nirkit.pydantic needs pydantic 2: pip install 'nirkit[pydantic]'"
    raise ImportError(_MESSAGE) from error

from nirkit._api import parse
from nirkit._issues import NIRError
from nirkit._kinds import Kind
from nirkit._profiles import Profile, ProfileName, resolve_profile

__all__ = ["HiddenInput", "NIRStr", "NIRValidator", "redact_errors"]

# The compact form: kind digit, year, month, département (2A/2B allowed), commune, order, key.
_BODY_PATTERN: Final = r"^[123478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}"
COMPACT_PATTERN: Final = _BODY_PATTERN.replace("{6}", "{8}") + "$"
_DESCRIPTION: Final = (
    "French social-security number (NIR, or a waiting or provisional number shaped "
    "like one), in compact form: 15 characters, digits except 2A/2B for Corsica. "
    "Spaces, dots and hyphens are also accepted on input and removed. Personal data."
)


# Groups that each hold a digit, joined by the separators people type between
# groups; a group starts after no group character, which keeps the search linear.
_GROUP: Final = r"[\w?/]*\d[\w?/]*"
_NUMBER_SHAPED: Final = re.compile(
    rf"(?<![\w?/]){_GROUP}(?:[ .\-\t\u00a0\u202f\u2009]{{1,3}}{_GROUP})*"
)
# A 13-character body mistyped by one character is still a number to hide; a few
# letters may sit among the digits (2A/2B, an O typed for a 0), not a hex string's.
_FEWEST_DIGITS: Final = 12
_MOST_LETTERS: Final = 3


class HiddenInput(str):
    """What a validation error shows as its input: the text ``<hidden>``.

    A ``str``, so that every JSON encoder (pydantic's, FastAPI's
    ``jsonable_encoder``, a JSON log formatter) writes ``"<hidden>"``; the input
    itself is kept for a caller who asks, through :meth:`reveal`, and is left
    out of copies and pickles.
    """

    _value: object

    def __new__(cls, value: object) -> HiddenInput:
        hidden = super().__new__(cls, "<hidden>")
        hidden._value = value
        return hidden

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return (str, ("<hidden>",))

    def reveal(self) -> object:
        """The input itself: only for a caller who asks for it."""
        return self._value


def _hide(value: object) -> HiddenInput:
    return HiddenInput(value)


@dataclass(frozen=True, slots=True)
class NIRValidator:
    """Validation options for an ``Annotated[str, NIRValidator(...)]`` field.

    ``profile`` is a profile name or :class:`nirkit.Profile`; ``kinds`` the
    kinds the field accepts (all by default). A valid number of a kind not
    accepted fails with the error type ``nir_kind_not_accepted``, apart from
    ``nir_invalid`` (a number that is not valid), so that a form can say
    "this service does not accept provisional numbers" instead of "invalid".

    >>> from typing import Annotated
    >>> from pydantic import TypeAdapter, ValidationError
    >>> only_definitive = TypeAdapter(Annotated[str, NIRValidator(kinds=["definitive"])])
    >>> try:
    ...     only_definitive.validate_python("7 81 05 99 126 045 30")
    ... except ValidationError as error:
    ...     print(error.errors()[0]["msg"])
    this service does not accept provisional numbers
    """

    profile: ProfileName | Profile = "standard"
    kinds: Iterable[Kind | str] | None = None
    _accepted: frozenset[Kind] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        resolve_profile(self.profile)  # fail at class definition, not at first use
        kinds = frozenset(Kind) if self.kinds is None else frozenset(map(Kind, self.kinds))
        object.__setattr__(self, "kinds", None if self.kinds is None else tuple(sorted(kinds)))
        object.__setattr__(self, "_accepted", kinds)

    def _validate(self, value: HiddenInput) -> str:
        text = value.reveal()
        if not isinstance(text, str):
            kind, message = "nir_type", "a social-security number must be a string"
            raise PydanticCustomError(kind, message)
        try:
            number = parse(text, profile=self.profile)
        except NIRError as error:
            kind, message = "nir_invalid", "not a valid social-security number: {reason}"
            raise PydanticCustomError(
                kind,
                message,
                {"code": error.code, "field": error.field, "reason": error.message("en")},
            ) from None
        if number.kind not in self._accepted:
            accepted = ", ".join(sorted(self._accepted))
            kind, message = "nir_kind_not_accepted", "this service does not accept {kind} numbers"
            raise PydanticCustomError(
                kind, message, {"kind": number.kind.value, "accepted": accepted}
            )
        return number.compact

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Two steps: the first wraps the input, so that an error raised by the
        # second reports the wrapper, never the number, as its input.
        return core_schema.chain_schema(
            [
                core_schema.no_info_plain_validator_function(_hide),
                core_schema.no_info_plain_validator_function(self._validate),
            ]
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        key_required = resolve_profile(self.profile).key_required
        result: JsonSchemaValue = {
            "type": "string",
            "title": "NIR",
            "description": _DESCRIPTION,
            "pattern": COMPACT_PATTERN,
            "minLength": 15 if key_required else 13,
            "maxLength": 15,
        }
        if self._accepted != frozenset(Kind):
            result["description"] += " Accepted kinds: " + ", ".join(sorted(self._accepted))
        if not key_required:
            result["pattern"] = _BODY_PATTERN + "(?:[0-9]{2})?$"
        return result


#: A number in any accepted form, stored as the compact form (standard profile, every kind).
NIRStr = Annotated[str, NIRValidator()]


def _mask_numbers(text: str) -> str:
    """``text`` with each NIR-shaped run of groups masked, its first character kept."""
    return _NUMBER_SHAPED.sub(_masked, text)


def _masked(found: re.Match[str]) -> str:
    text = found[0]
    digits = sum(char.isdigit() for char in text)
    letters = sum(char.isalpha() for char in text)
    if digits < _FEWEST_DIGITS or letters > _MOST_LETTERS:
        return text
    return text[0] + "".join("•" if char.isalnum() else char for char in text[1:])


def _redacted(value: object) -> object:
    """``value`` with every NIR-shaped text masked, as JSON-ready data."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        text = str(value)
        masked = _mask_numbers(text)
        return value if masked == text else masked
    if isinstance(value, Mapping):
        return _redacted_mapping(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = [_redacted(item) for item in value]
        return tuple(items) if isinstance(value, tuple) else items
    # str (HiddenInput included), and what JSON cannot hold (an exception in ``ctx``).
    return _mask_numbers(str(value))


def _redacted_mapping(mapping: Mapping[Any, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, item in mapping.items():
        name = unique = str(_redacted(str(key)))
        copies = 1
        while unique in result:  # two numbers masked alike: keep both entries
            copies += 1
            unique = f"{name} ({copies})"
        result[unique] = _redacted(item)
    return result


def redact_errors(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """pydantic's ``errors()`` with every NIR-shaped value masked, wherever it sits.

    :data:`NIRStr` hides its own input, but pydantic copies the input of any
    field into that field's errors: a missing field's error carries the whole
    object, valid number included, and a ``dict[NIRStr, ...]`` puts the key in
    ``loc``. This masks everything that could be a number in ``input``,
    ``loc``, ``ctx``, ``msg`` and nested dicts and lists: groups of digits
    joined by spaces, dots or hyphens (up to three between two groups), with 12
    digits or more (a 13-character body with a typo) and at most 3 letters
    among them (2A/2B, an O typed for a 0; a UUID's hex digits are left alone).
    Its first character, the kind digit, stays, as :attr:`nirkit.NIR.masked`
    shows it: ``2••••••••••••••``. The result is JSON-serialisable: a value
    JSON cannot hold becomes its text.

    >>> from pydantic import BaseModel, ValidationError
    >>> class Patient(BaseModel):
    ...     name: str
    ...     nir: NIRStr
    >>> try:
    ...     Patient.model_validate({"nir": "2 95 10 99 126 111 93"})
    ... except ValidationError as error:
    ...     details = redact_errors(error.errors(include_url=False))
    >>> details  # doctest: +NORMALIZE_WHITESPACE
    [{'type': 'missing', 'loc': ('name',), 'msg': 'Field required',
      'input': {'nir': '2 •• •• •• ••• ••• ••'}}]
    """
    return [_redacted_mapping(error) for error in errors]
