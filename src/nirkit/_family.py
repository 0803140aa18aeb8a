"""The rest of the family: NNP, MIG and NTT values, read on request (RULES.md section 10).

Their shapes overlap NIR bodies (an NNP is also a keyless 7/8 body, a 1/2 NIR
is also an NTT), so they are never guessed: ``parse`` never tries them, and each
is read only by its own function. The rules are in ``_family_rules``.
"""

from __future__ import annotations

from typing import ClassVar, Self, TypeVar

from nirkit._family_rules import Found, expected_siren, read_mig, read_nnp, read_ntt
from nirkit._format import FUND_NUMBER_ENDS, NTT_ENDS, display, masked, masked_ntt
from nirkit._issues import Issue, NIRError
from nirkit._kinds import Family
from nirkit._model import MaskedValue, RegisteredSex
from nirkit._profiles import Profile, ProfileName, resolve_profile


class _Identifier(MaskedValue):
    """What the three values share: equality and hash by family and compact form."""

    # One slot holding (compact form, warnings), as NIR does.
    __slots__ = ("_state",)
    _state: tuple[str, tuple[Issue, ...]]
    family: ClassVar[Family]

    @classmethod
    def _make(cls, compact_form: str, warnings: tuple[Issue, ...]) -> Self:
        """Build from a form already checked."""
        value = object.__new__(cls)
        _SET_STATE(value, (compact_form, warnings))
        return value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Identifier) or type(other) is not type(self):
            return NotImplemented
        return self.compact == other.compact

    def __hash__(self) -> int:
        return hash((self.family, self.compact))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked!r})"

    @property
    def compact(self) -> str:
        """The number without separators: the full number."""
        return self._state[0]

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return self._state[1]

    @property
    def registered_sex(self) -> RegisteredSex:
        """The sex digit when the number was made (odd: male): not the current legal sex."""
        return "male" if int(self.compact[0]) % 2 else "female"


# The slot's own setter: __setattr__ is closed, and this is the way round it.
_SET_STATE = _Identifier.__dict__["_state"].__set__


class _FundNumber(_Identifier):
    """The layout shared by NNP and MIG: sex, creation digit, fund, order."""

    __slots__ = ()
    __match_args__ = ("registered_sex", "creation", "fund", "order")

    @property
    def formatted(self) -> str:
        """The groups 1-1-3-8, ``7 1 123 12345678``: the full number."""
        return display(self.compact, FUND_NUMBER_ENDS)

    @property
    def masked(self) -> str:
        """``7 • ••• ••••••••``: only the first digit shows."""
        return masked(self.compact, FUND_NUMBER_ENDS)

    @property
    def creation(self) -> int:
        """Position 2: how the number was made (see :class:`NNP` and :class:`MIG`)."""
        return int(self.compact[1])

    @property
    def fund(self) -> str:
        """Positions 3-5: the number of the health-insurance fund (caisse)."""
        return self.compact[2:5]

    @property
    def order(self) -> int:
        """Positions 6-13: the order number within the fund."""
        return int(self.compact[5:])


class NNP(_FundNumber):
    """A numéro national provisoire: build it with :func:`nirkit.parse_nnp` or ``NNP(text)``.

    Legacy: issued by one fund to a person born abroad and never registered,
    officially ended on 31 December 2022. ``creation`` is 1 (created), 2 (a
    fictitious number made by the fund's system: the warning ``fictitious``)
    or 0 (made before 2012, read only with ``before_2012=True``).

    >>> from nirkit import NNP
    >>> number = NNP("7 1 123 12345678")
    >>> number, number.fund, number.registered_sex
    (NNP('7 • ••• ••••••••'), '123', 'male')
    """

    __slots__ = ()
    family = Family.NNP

    def __init__(
        self,
        text: str,
        /,
        *,
        before_2012: bool = False,
        profile: ProfileName | Profile = "standard",
    ) -> None:
        _SET_STATE(self, parse_nnp(text, before_2012=before_2012, profile=profile)._state)

    @property
    def fictitious(self) -> bool:
        """Creation digit 2: a number the fund's system made up, no one's number."""
        return self.creation == 2


class MIG(_FundNumber):
    """A "migrant de passage" number: build it with :func:`nirkit.parse_mig` or ``MIG(text)``.

    Issued by Assurance Maladie to the family members of a person in transit.
    ``creation`` is 1 (created in the fund's system) or 2 (created at
    reconciliation).

    >>> from nirkit import MIG
    >>> MIG("5 2 123 12345678").registered_sex
    'male'
    """

    __slots__ = ()
    family = Family.MIG

    def __init__(self, text: str, /, *, profile: ProfileName | Profile = "standard") -> None:
        _SET_STATE(self, parse_mig(text, profile=profile)._state)


class NTT(_Identifier):
    """A numéro technique temporaire: build it with :func:`nirkit.parse_ntt` or ``NTT(text)``.

    Made by an employer, declared only in its DSN payroll declarations, while
    an employee has neither NIR nor NIA: it opens no right and identifies no
    one outside that employer's declarations. The mask has the same length for
    every NTT, so that it does not tell the length of the employee part.

    >>> from nirkit import NTT
    >>> number = NTT("1801275115A42")
    >>> number, number.siren
    (NTT('1 ••••••••• •••'), '801275115')
    """

    __slots__ = ()
    __match_args__ = ("registered_sex", "siren", "employee_part")
    family = Family.NTT

    def __init__(
        self, text: str, /, *, siren: str | None = None, profile: ProfileName | Profile = "standard"
    ) -> None:
        _SET_STATE(self, parse_ntt(text, siren=siren, profile=profile)._state)

    @property
    def formatted(self) -> str:
        """Sex digit, SIREN and employee part, ``1 801275115 A42``: the full number."""
        return display(self.compact, NTT_ENDS)

    @property
    def masked(self) -> str:
        """``1 ••••••••• •••``, whatever the length of the employee part."""
        return masked_ntt(self.compact)

    @property
    def siren(self) -> str:
        """Positions 2-10: the employer's SIREN."""
        return self.compact[1:10]

    @property
    def employee_part(self) -> str:
        """Positions 11-40: the employer's own identifier of the employee, case kept."""
        return self.compact[10:]


Value = TypeVar("Value", bound=_Identifier)


def _value(cls: type[Value], found: Found, profile: ProfileName | Profile) -> Value:
    refusals = found.refusals(resolve_profile(profile))
    if refusals:
        raise NIRError(refusals[0])
    return cls._make(found.compact, tuple(found.warnings))


def parse_nnp(
    text: str, /, *, before_2012: bool = False, profile: ProfileName | Profile = "standard"
) -> NNP:
    """Read an NNP (13 digits, no key), raising :class:`NIRError` on the first broken rule.

    Never tried by :func:`nirkit.parse`: ask for it. ``before_2012`` accepts
    the creation digit 0 of numbers made before 2012. Separators go as for a
    NIR. The profile only matters when it makes warnings errors (``strict``):
    then a fictitious NNP is refused.

    >>> parse_nnp("7112312345678").fund
    '123'
    >>> parse_nnp("7012312345678", before_2012=True).creation
    0
    """
    return _value(NNP, read_nnp(text, before_2012=before_2012), profile)


def parse_mig(text: str, /, *, profile: ProfileName | Profile = "standard") -> MIG:
    """Read a MIG number (13 digits, no key), raising :class:`NIRError` on the first broken rule.

    >>> parse_mig("6 1 123 12345678").registered_sex
    'female'
    """
    return _value(MIG, read_mig(text), profile)


def parse_ntt(
    text: str, /, *, siren: str | None = None, profile: ProfileName | Profile = "standard"
) -> NTT:
    """Read an NTT, raising :class:`NIRError` on the first broken rule.

    ``siren`` is the employer's SIREN the NTT must carry (``siren_mismatch``
    otherwise); a SIREN failing the Luhn check is the warning
    ``siren_not_luhn``, an error under ``strict``.

    >>> parse_ntt("180127511504217", siren="801 275 115").employee_part
    '04217'
    """
    return _value(NTT, read_ntt(text, siren=expected_siren(siren)), profile)
