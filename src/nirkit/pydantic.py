"""A pydantic (v2) type for numbers (needs ``pydantic``: ``pip install 'nirkit[pydantic]'``).

Not imported by ``nirkit``. :data:`NIRStr` validates any form
:func:`nirkit.parse` accepts, stores and serialises the compact form, and
describes itself in JSON Schema. :class:`NIRValidator` configures the profile
and the kinds a field accepts.

Pydantic copies the input into every validation error (``errors()``, ``str``,
``json()``). A number is personal data and errors end up in logs, so this type
hides it: the error's ``input`` is :class:`HiddenInput`, whose text forms show
no digit, and the message names the rule that failed, never the number.

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

from collections.abc import Iterable
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

__all__ = ["HiddenInput", "NIRStr", "NIRValidator"]

# The compact form: kind digit, year, month, département (2A/2B allowed), commune, order, key.
_BODY_PATTERN: Final = r"^[123478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}"
COMPACT_PATTERN: Final = _BODY_PATTERN.replace("{6}", "{8}") + "$"
_DESCRIPTION: Final = (
    "French social-security number (NIR, or a waiting or provisional number shaped "
    "like one), in compact form: 15 characters, digits except 2A/2B for Corsica. "
    "Spaces, dots and hyphens are also accepted on input and removed. Personal data."
)


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
