"""Hypothesis strategies for constructed numbers (needs ``hypothesis``:
``pip install 'nirkit[hypothesis]'``).

Not imported by ``nirkit``: ``import nirkit.strategies`` in your tests. The
strategies build numbers from Hypothesis draws with the same core as
:func:`nirkit.generate`, so they take the same options and shrink towards
simple numbers: a definitive number, male, year 00, month 01, metropolitan
département 01, commune and order 001.

The other identifiers (NNP, MIG, NTT) have their strategies too:
:func:`family_strings`, :func:`invalid_family_strings`, :func:`nnps`,
:func:`migs` and :func:`ntts`.

Importing this module registers :func:`nirs` for :class:`nirkit.NIR` (and
:func:`nnps`, :func:`migs`, :func:`ntts` for the other values), so that
``st.from_type(NIR)`` works; Hypothesis also does that at start-up through
nirkit's ``hypothesis`` entry point, unless plugins are off
(``HYPOTHESIS_NO_PLUGINS``).

>>> from hypothesis import given
>>> from nirkit.strategies import nirs
>>> @given(nirs(kind="waiting", place_kind="overseas"))
... def test_waiting_overseas(number):
...     assert number.kind == "waiting" and number.place.kind == "overseas"
>>> test_waiting_overseas()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final, Literal, TypeVar, Unpack

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a test with hypothesis hidden
    _MESSAGE = "nirkit.strategies needs Hypothesis: pip install 'nirkit[hypothesis]'"
    raise ImportError(_MESSAGE) from error

from nirkit._api import parse
from nirkit._family import MIG, NNP, NTT, parse_mig, parse_nnp, parse_ntt
from nirkit._format import GROUP_ENDS, display
from nirkit._generate import (
    ERROR_CODES,
    ErrorCode,
    KindName,
    Options,
    PlaceKindName,
    ShapeOptions,
    build_any,
    is_nir_error,
    make_options,
)
from nirkit._generate_family import (
    FAMILY_ERROR_CODES,
    FamilyErrorCode,
    FamilyOptions,
    make_family_options,
)
from nirkit._kinds import Family, FamilyName, Kind, PlaceKind
from nirkit._model import NIR, RegisteredSex

__all__ = [
    "ERROR_CODES",
    "FAMILY_ERROR_CODES",
    "family_strings",
    "invalid_family_strings",
    "invalid_nir_strings",
    "migs",
    "nir_strings",
    "nirs",
    "nnps",
    "ntts",
]

T = TypeVar("T")
Style = Literal["compact", "display", "decorated"]

# Separators nirkit removes, simplest first ("" shrinks towards the compact form).
_SEPARATORS: Final = ("", " ", ".", "-", "  ", "\t", "\u00a0", "\u202f", " - ")
_FULL_WIDTH: Final = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)})


class _DrawSource:
    """The choices of :mod:`nirkit._generate`, drawn by Hypothesis."""

    __slots__ = ("_draw",)

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self._draw = draw

    def choice(self, options: Sequence[T]) -> T:
        return options[self._draw(st.integers(0, len(options) - 1))]  # type: ignore[no-any-return]

    def integer(self, low: int, high: int) -> int:
        return self._draw(st.integers(low, high))  # type: ignore[no-any-return]


@st.composite
def _built(draw: st.DrawFn, options: Options | FamilyOptions) -> str:
    return build_any(_DrawSource(draw), options)


@st.composite
def _decorated(draw: st.DrawFn, compact_form: str) -> str:
    """``compact_form`` with separators, a lower-case 2a/2b, or full-width digits."""
    text = compact_form
    for end in reversed(GROUP_ENDS):
        text = text[:end] + draw(st.sampled_from(_SEPARATORS)) + text[end:]
    if draw(st.booleans()):
        text = text.replace("A", "a").replace("B", "b")
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    padding = draw(st.sampled_from(("", " ")))
    return padding + text + padding


_STYLES: Final[dict[str, Callable[[st.SearchStrategy[str]], st.SearchStrategy[str]]]] = {
    "compact": lambda numbers: numbers,
    "display": lambda numbers: numbers.map(display),
    "decorated": lambda numbers: numbers.flatmap(_decorated),
}


def nir_strings(
    *, style: Style = "compact", **options: Unpack[ShapeOptions]
) -> st.SearchStrategy[str]:
    """Valid numbers as text; the options are those of :func:`nirkit.generate`.

    ``style`` is ``"compact"`` (``295109912611193``), ``"display"``
    (``2 95 10 99 126 111 93``) or ``"decorated"``: what people type, with
    spaces, dots, hyphens, tabs, no-break spaces, a lower-case ``2a``/``2b``
    or full-width digits, all of which :func:`nirkit.compact` removes. Every
    example is valid under the standard and strict profiles and is never a
    published specimen. Raises ``ValueError`` at once for options that cannot
    be met together.
    """
    shape = make_options(**options)
    try:
        styled = _STYLES[style]
    except KeyError:
        msg = f"style must be 'compact', 'display' or 'decorated', not {style!r}"
        raise ValueError(msg) from None
    return styled(_built(shape))


def nirs(**options: Unpack[ShapeOptions]) -> st.SearchStrategy[NIR]:
    """Parsed :class:`nirkit.NIR` values; the options are those of :func:`nirkit.generate`.

    A waiting number here has a 3/4 first digit (the digits of a 1/2 number
    cannot say it is a NIA).
    """
    return nir_strings(**options).map(parse)


def invalid_nir_strings(
    code: ErrorCode | None = None,
    *,
    kind: Kind | KindName | None = None,
    place_kind: PlaceKind | PlaceKindName | None = None,
) -> st.SearchStrategy[str]:
    """Compact numbers that break exactly one rule, with the right key where one exists.

    ``nirkit.diagnose(example).errors`` is one issue whose code is ``code``
    (any of :data:`ERROR_CODES` when ``None``). ``kind`` and ``place_kind``
    shape the rest of the number where the broken rule allows it.
    """
    codes: Sequence[ErrorCode] = ERROR_CODES if code is None else (code,)
    strategies = []
    for each in codes:
        # A broken kind digit has no kind; a broken département has no place.
        each_kind = None if each == "bad_kind_digit" else kind
        each_place = None if each == "bad_department" else place_kind
        if each == "bad_commune" and each_place in ("abroad", PlaceKind.ABROAD):
            continue  # a birth abroad has a country, not a commune
        if each == "bad_country" and each_place not in (None, "abroad", PlaceKind.ABROAD):
            continue  # a birth in France has a commune, not a country
        strategies.append(_built(make_options(kind=each_kind, place_kind=each_place, error=each)))
    if not strategies:
        msg = f"no number can break {code!r} with place_kind={place_kind!r}"
        raise ValueError(msg)
    return st.one_of(strategies)


def family_strings(
    family: Family | FamilyName,
    *,
    registered_sex: RegisteredSex | None = None,
    siren: str | None = None,
) -> st.SearchStrategy[str]:
    """Valid values of one family as compact text, with no warning.

    ``"nnp"``, ``"mig"`` or ``"ntt"`` (``siren``: the employer's, for an NTT);
    ``"nir"`` gives :func:`nir_strings`. They shrink towards ``7100100000001``,
    ``5100100000001`` and ``1`` + the smallest SIREN + ``0``.
    """
    if Family(family) is Family.NIR:
        if siren is not None:
            msg = "siren is an option of an NTT"
            raise ValueError(msg)
        return nir_strings(registered_sex=registered_sex)
    return _built(make_family_options(family, registered_sex=registered_sex, siren=siren))


def invalid_family_strings(
    family: Family | FamilyName,
    code: FamilyErrorCode | ErrorCode | None = None,
    *,
    siren: str | None = None,
) -> st.SearchStrategy[str]:
    """Values of one family that break exactly one rule (any of the family's when ``code``
    is ``None``): read as that family, they fail with that code and no other.

    ``siren_mismatch`` needs ``siren``, the SIREN to read the NTT against; with
    ``code=None`` and no ``siren`` it is left out. ``"nir"`` gives
    :func:`invalid_nir_strings`.
    """
    resolved = Family(family)
    if resolved is Family.NIR:
        if siren is not None or not is_nir_error(code):
            msg = f"a NIR takes no siren, and its codes are {', '.join(ERROR_CODES)}"
            raise ValueError(msg)
        return invalid_nir_strings(code)
    codes: tuple[str, ...] = FAMILY_ERROR_CODES.get(resolved, ()) if code is None else (code,)
    if code is None and siren is None:
        codes = tuple(each for each in codes if each != "siren_mismatch")
    return st.one_of(
        [_built(make_family_options(resolved, siren=siren, error=each)) for each in codes]
    )


def nnps(*, registered_sex: RegisteredSex | None = None) -> st.SearchStrategy[NNP]:
    """Parsed :class:`nirkit.NNP` values, without warning."""
    return family_strings(Family.NNP, registered_sex=registered_sex).map(parse_nnp)


def migs(*, registered_sex: RegisteredSex | None = None) -> st.SearchStrategy[MIG]:
    """Parsed :class:`nirkit.MIG` values."""
    return family_strings(Family.MIG, registered_sex=registered_sex).map(parse_mig)


def ntts(
    *, registered_sex: RegisteredSex | None = None, siren: str | None = None
) -> st.SearchStrategy[NTT]:
    """Parsed :class:`nirkit.NTT` values; with ``siren``, all of that employer."""
    texts = family_strings(Family.NTT, registered_sex=registered_sex, siren=siren)
    return texts.map(lambda text: parse_ntt(text, siren=siren))


st.register_type_strategy(NIR, nirs())
st.register_type_strategy(NNP, nnps())
st.register_type_strategy(MIG, migs())
st.register_type_strategy(NTT, ntts())
