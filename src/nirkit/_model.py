"""The parsed number: an immutable value whose text forms are masked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from nirkit._data.countries import COUNTRIES
from nirkit._data.departments import DEPARTMENTS
from nirkit._format import display, masked
from nirkit._kinds import Kind, MonthKind, PlaceKind

if TYPE_CHECKING:
    from nirkit._context import Context
    from nirkit._issues import Issue
    from nirkit._profiles import Profile, ProfileName

RegisteredSex = Literal["male", "female"]

_NORTH_AFRICA_CODES: Final = frozenset({"91", "92", "93", "94", "95", "96"})


@dataclass(frozen=True, slots=True)
class Place:
    """Where the number says the person was born (positions 6-10).

    ``department_name`` is the name of the code's latest meaning: 75 is Paris,
    though people born before 1968 carry 75 for the Seine. ``may_be_north_africa``
    is set for 91-96, the codes of Algeria, Morocco and Tunisia before
    independence (91-95 are also Île-de-France départements since 1968).
    """

    kind: PlaceKind
    department_code: str  # "75", "2A", "971", "99"
    department_name: str
    commune_code: str | None  # 3 digits, 2 overseas, None abroad
    country_code: str | None  # 5-digit INSEE code ("99126") when born abroad
    country_name: str | None  # None when the code is not in the INSEE table
    may_be_north_africa: bool
    cog_code: str  # positions 6-10: the COG code of the commune or country


def place_kind_of(department: str) -> PlaceKind:
    """The kind of place of a département code (``"75"``, ``"2A"``, ``"974"``, ``"99"``)."""
    if department in ("20", "2A", "2B"):
        return PlaceKind.CORSICA
    if department == "99":
        return PlaceKind.ABROAD
    if department == "96":
        return PlaceKind.NORTH_AFRICA
    if len(department) == 3:
        return PlaceKind.OVERSEAS
    return PlaceKind.METROPOLITAN


def decode_place(compact_form: str) -> Place:
    """Decode positions 6-10 of a valid compact number."""
    overseas = compact_form[5:7] in ("97", "98")
    department = compact_form[5:8] if overseas else compact_form[5:7]
    rest = compact_form[len(department) + 5 : 10]
    abroad = department == "99"
    country = "99" + rest if abroad else None
    return Place(
        kind=place_kind_of(department),
        department_code=department,
        department_name=DEPARTMENTS[department][-1][0],
        commune_code=None if abroad else rest,
        country_code=country,
        country_name=COUNTRIES.get(country) if country else None,
        may_be_north_africa=department in _NORTH_AFRICA_CODES,
        cog_code=compact_form[5:10],
    )


class MaskedValue:
    """An immutable value whose ``str`` is masked: a NIR, an NNP, a MIG or an NTT.

    Subclasses hold their state in one ``_state`` slot and build themselves with
    ``_make(*state)``, which is also how they are unpickled.
    """

    __slots__ = ()
    _state: tuple[Any, ...]

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"{type(self).__name__} objects are immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"{type(self).__name__} objects are immutable"
        raise AttributeError(msg)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self)._make, self._state)  # type: ignore[attr-defined]

    def __str__(self) -> str:
        return self.masked

    def __format__(self, spec: str) -> str:
        """Format the masked form as a ``str``: ``f"{number:>25}"``."""
        return format(self.masked, spec)

    @property
    def masked(self) -> str:
        """The masked form: only the first digit shows."""
        raise NotImplementedError


class NIR(MaskedValue):
    """A valid number, parsed. Build it with :func:`nirkit.parse` or ``NIR(text)``.

    Immutable and hashable. ``str()``, ``repr()`` and f-strings (with any
    ``str`` format spec) show the masked form only; the full value is in
    :attr:`compact` and :attr:`formatted`.

    >>> from nirkit import NIR
    >>> number = NIR("2 95 10 99 126 111 93")
    >>> number
    NIR('2 •• •• •• ••• ••• ••', kind='definitive')
    >>> number.compact, number.place.country_name
    ('295109912611193', 'Grèce')
    """

    # One slot holding (compact form, kind, warnings, key given): one store per
    # number built, which parse() does for every valid input.
    __slots__ = ("_state",)
    _state: tuple[str, Kind, tuple[Issue, ...], bool]

    def __init__(
        self,
        text: str,
        /,
        *,
        profile: ProfileName | Profile = "standard",
        context: Context = None,
    ) -> None:
        from nirkit._api import parse  # _api imports this module

        _SET_STATE(self, parse(text, profile=profile, context=context)._state)

    @classmethod
    def _make(
        cls, compact_form: str, kind: Kind, warnings: tuple[Issue, ...], key_given: bool
    ) -> NIR:
        """Build from parts already checked (the fast path of ``parse``)."""
        number = object.__new__(cls)
        _SET_STATE(number, (compact_form, kind, warnings, key_given))
        return number

    # -- identity -----------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NIR):
            return NotImplemented
        return self._state[:2] == other._state[:2]

    def __hash__(self) -> int:
        return hash(self._state[:2])

    def __repr__(self) -> str:
        return f"NIR({self.masked!r}, kind={self.kind.value!r})"

    # -- full value (explicit access only) ------------------------------------
    @property
    def compact(self) -> str:
        """The 15-character compact form: the full number."""
        return self._state[0]

    @property
    def formatted(self) -> str:
        """The display form, ``2 95 10 99 126 111 93``: the full number."""
        return display(self.compact)

    @property
    def masked(self) -> str:
        """The masked form, ``2 •• •• •• ••• ••• ••``."""
        return masked(self.compact)

    @property
    def body(self) -> str:
        """The first 13 characters."""
        return self.compact[:13]

    @property
    def key(self) -> int:
        """The key, 1-97 (computed when the input had none)."""
        return int(self.compact[13:])

    @property
    def key_given(self) -> bool:
        """False when the input had 13 characters and the key was computed."""
        return self._state[3]

    # -- decoded fields ---------------------------------------------------------
    @property
    def kind(self) -> Kind:
        return self._state[1]

    @property
    def registered_sex(self) -> RegisteredSex:
        """The sex recorded when the number was issued (odd digit: male).

        A registration fact, not the person's current legal sex: a number is
        reissued when civil status changes, and old numbers stay in files.
        """
        return "male" if self.compact[0] in "137" else "female"

    @property
    def birth_year_2d(self) -> int:
        """The last two digits of the birth year; the century is not encoded."""
        return int(self.compact[1:3])

    @property
    def month_code(self) -> int:
        """Positions 4-5 as written (1-12, or a special code)."""
        return int(self.compact[3:5])

    @property
    def month_kind(self) -> MonthKind:
        code = self.month_code
        if code <= 12:
            return MonthKind.REAL
        if 31 <= code <= 42:
            return MonthKind.INCOMPLETE_RECORD
        return MonthKind.UNKNOWN

    @property
    def birth_month(self) -> int | None:
        """The birth month 1-12, or ``None`` when the number does not tell it."""
        code = self.month_code
        kind = self.month_kind
        if kind is MonthKind.REAL:
            return code
        return code - 30 if kind is MonthKind.INCOMPLETE_RECORD else None

    @property
    def place(self) -> Place:
        return decode_place(self.compact)

    @property
    def order(self) -> int:
        """The order number, positions 11-13."""
        return int(self.compact[10:13])

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return self._state[2]


# The slot's own setter: __setattr__ is closed, and this is the fast way round it.
_SET_STATE = NIR.__dict__["_state"].__set__
