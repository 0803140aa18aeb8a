"""Authentication policy: which kinds of number a service accepts, and honest refusals.

RULES.md section 9. In October 2021 the CAF login accepted only numbers starting
with 1 or 2 and told 68,000 people holding provisional numbers that their number
was "not recognised". An :class:`AuthPolicy` makes the accepted kinds explicit
configuration (all three by default), and its :class:`Decision` always tells a
typo (``invalid_number``: type it again) from a valid number of a kind the
service refuses (``kind_not_accepted``: say so, and say what to do instead).
:meth:`AuthPolicy.impact` counts, before a switch, how many people a policy
refuses.

A number is an identifier, never a secret: a policy decides whether a number may
serve as the identifier of an authentication, never that it proves who someone is.

>>> from nirkit import AuthPolicy, Kind
>>> policy = AuthPolicy(accept={Kind.DEFINITIVE})
>>> decision = policy.decide("7 81 05 99 126 045 30")
>>> decision
Decision(allowed=False, reason='kind_not_accepted', kind='provisional')
>>> policy.decide("7 81 05 99 126 045 31").reason
<Reason.INVALID_NUMBER: 'invalid_number'>
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

from nirkit._api import parse
from nirkit._context import Context, says_waiting
from nirkit._decision import _LANGS, Decision, Instruction, Reason
from nirkit._identity import DeclaredIdentity, mismatches
from nirkit._impact import ImpactReport
from nirkit._issues import Issue, NIRError
from nirkit._kinds import Kind
from nirkit._profiles import Profile, ProfileName, resolve_profile

__all__ = ["AuthPolicy", "Decision", "ImpactReport", "Instruction", "Reason"]

# The error of a 13-character number where the key is required.
_KEY_MISSING: Final = Issue("bad_length", "length", variant="key_missing")
_IMMUTABLE: Final = "AuthPolicy objects are immutable: use replace()"


def _kind(value: Kind | str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        msg = f"unknown kind {value!r}: use one of {', '.join(kind.value for kind in Kind)}"
        raise ValueError(msg) from None


def _instruction(value: object) -> Instruction:
    if isinstance(value, Instruction):
        return value
    if not isinstance(value, Mapping):
        msg = "an instruction is an Instruction or a mapping with 'en' and 'fr' texts"
        raise TypeError(msg)
    unknown = set(value) - set(_LANGS)
    if unknown:
        msg = f"unknown instruction language(s) {sorted(unknown)!r}: use 'en' and 'fr'"
        raise ValueError(msg)
    return Instruction(en=value.get("en", ""), fr=value.get("fr", ""))


def _require(value: object, expected: type | tuple[type, ...], what: str) -> None:
    """Refuse a wrong type: a programming error, never a person's input."""
    if not isinstance(value, expected):
        msg = f"{what}, not {type(value).__name__}"
        raise TypeError(msg)


_InstructionLike = Instruction | Mapping[str, str]


class AuthPolicy:
    """Which numbers a service accepts as the identifier of an authentication.

    ``accept`` is the set of accepted kinds: all three by default. Refusing
    provisional or waiting numbers must be spelled out, and :meth:`impact`
    counts whom it refuses before it is switched on.

    ``profile`` validates the number. ``key_required`` (default ``True``)
    decides whether a 13-character number (no key) is refused with
    ``key_required`` or accepted, whatever the profile says about keys.
    ``instructions`` maps a refused kind to what the service tells the person
    (an :class:`Instruction` or ``{"en": ..., "fr": ...}``); an instruction
    for an accepted kind is kept, so that a policy can be widened with
    :meth:`replace`, but never shown.

    Immutable and hashable; :meth:`replace` returns a changed copy.

    >>> policy = AuthPolicy()
    >>> policy.accept == frozenset(Kind)
    True
    >>> policy.decide("2 95 10 99 126 111 93").allowed
    True
    """

    __slots__ = ("_accept", "_check", "_instructions", "_key_required", "_profile")
    _accept: frozenset[Kind]
    _profile: Profile
    _key_required: bool
    _instructions: tuple[tuple[Kind, Instruction], ...]
    _check: Profile

    def __init__(
        self,
        *,
        accept: Iterable[Kind | str] = frozenset(Kind),
        profile: ProfileName | Profile = "standard",
        key_required: bool = True,
        instructions: Mapping[Kind, _InstructionLike]
        | Mapping[str, _InstructionLike]
        | None = None,
    ) -> None:
        if isinstance(accept, str):  # a Kind is a str: iterating it gives letters
            msg = "accept is a set of kinds, for example {Kind.DEFINITIVE, Kind.PROVISIONAL}"
            raise TypeError(msg)
        kinds = frozenset(_kind(value) for value in accept)
        if not kinds:
            msg = "accept must name at least one kind: a policy that accepts none refuses all"
            raise ValueError(msg)
        _require(key_required, bool, "key_required must be True or False")
        resolved = resolve_profile(profile)
        given = {_kind(kind): _instruction(text) for kind, text in (instructions or {}).items()}
        setter = object.__setattr__
        setter(self, "_accept", kinds)
        setter(self, "_profile", resolved)
        setter(self, "_key_required", key_required)
        setter(self, "_instructions", tuple((k, given[k]) for k in Kind if k in given))
        # Numbers are checked without requiring the key, so that a missing key
        # can be told apart from a typo (decide() then applies key_required).
        setter(self, "_check", dataclasses.replace(resolved, key_required=False))

    # -- configuration (read-only) ----------------------------------------------------
    @property
    def accept(self) -> frozenset[Kind]:
        """The accepted kinds."""
        return self._accept

    @property
    def profile(self) -> Profile:
        """The validation profile (its own ``key_required`` is overridden by the policy's)."""
        return self._profile

    @property
    def key_required(self) -> bool:
        """Whether a number without its key (13 characters) is refused."""
        return self._key_required

    @property
    def instructions(self) -> Mapping[Kind, Instruction]:
        """The service's instruction per refused kind (read-only view)."""
        return MappingProxyType(dict(self._instructions))

    def replace(self, **changes: Any) -> AuthPolicy:
        """A copy with some settings changed: ``policy.replace(accept=set(Kind))``."""
        settings: dict[str, Any] = {
            "accept": self._accept,
            "profile": self._profile,
            "key_required": self._key_required,
            "instructions": dict(self._instructions),
        }
        unknown = set(changes) - set(settings)
        if unknown:
            msg = f"unknown AuthPolicy setting(s): {', '.join(sorted(unknown))}"
            raise TypeError(msg)
        return AuthPolicy(**(settings | changes))

    __replace__ = replace  # copy.replace() on Python 3.13+

    # -- immutability, equality, pickling -------------------------------------------
    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(_IMMUTABLE)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(_IMMUTABLE)

    def _key(self) -> tuple[object, ...]:
        return (self._accept, self._profile, self._key_required, self._instructions)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AuthPolicy):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (tuple(self._accept), self._profile, self._key_required, self._instructions),
        )

    def __repr__(self) -> str:
        kinds = tuple(kind.value for kind in Kind if kind in self._accept)
        refused_texts = tuple(kind.value for kind, _ in self._instructions)
        return (
            f"AuthPolicy(accept={kinds!r}, profile={self._profile.name!r}, "
            f"key_required={self._key_required!r}, instructions={refused_texts!r})"
        )

    # -- deciding ------------------------------------------------------------------------
    def decide(
        self,
        text: str,
        /,
        *,
        context: Context = None,
        declared: DeclaredIdentity | None = None,
    ) -> Decision:
        """Decide whether ``text`` may identify a person here. Never raises for a ``str``.

        Checks run in this order, and the first that fails gives the reason:
        ``invalid_number`` (the text is not a valid number: a typo), then
        ``key_required`` (13 valid characters where the key is required), then
        ``kind_not_accepted``, then ``identity_mismatch`` (only when
        ``declared`` is given). A problem the person can fix by typing again
        comes first; the kind is judged only on a number known to be valid;
        identity is compared only for a number the service accepts.

        ``context`` (an INS OID or ``Kind.WAITING``) can make a 1/2 number a
        waiting number. It is the caller's configuration, not the person's
        input, so an unknown context raises :class:`NIRError` (``bad_context``)
        at once rather than being reported as a refusal. A non-``str`` text
        raises ``TypeError``, like every function of nirkit.
        """
        says_waiting(context)  # a bad context raises, whatever the text
        _require(declared, (DeclaredIdentity, type(None)), "declared must be a DeclaredIdentity")
        try:
            number = parse(text, profile=self._check, context=context)
        except NIRError as error:
            return Decision(False, Reason.INVALID_NUMBER, error=error.issue)
        kind = number.kind
        warnings = number.warnings
        if self._key_required and not number.key_given:
            return Decision(False, Reason.KEY_REQUIRED, kind, _KEY_MISSING, warnings)
        if kind not in self._accept:
            instruction = dict(self._instructions).get(kind)
            return Decision(
                False, Reason.KIND_NOT_ACCEPTED, kind, None, warnings, instruction=instruction
            )
        if declared is not None:
            fields = mismatches(number, declared)
            if fields:
                return Decision(False, Reason.IDENTITY_MISMATCH, kind, None, warnings, fields)
        return Decision(True, Reason.ACCEPTED, kind, None, warnings)

    def impact(self, numbers: Iterable[str], /, *, context: Context = None) -> ImpactReport:
        """Count what this policy would decide for each of ``numbers``.

        ``numbers`` is any iterable of ``str``, read once; only counters are
        kept, so memory does not grow with the input, and the report holds no
        number. One ``str`` is refused with ``TypeError``: it is one number,
        not a collection of them.

        >>> policy = AuthPolicy(accept={Kind.DEFINITIVE})
        >>> report = policy.impact(["2 95 10 99 126 111 93", "7 81 05 99 126 045 30"])
        >>> report.accepted, report.refused, report.refused_by_kind[Kind.PROVISIONAL]
        (1, 1, 1)
        """
        if isinstance(numbers, str | bytes):  # would be read one character at a time
            msg = "impact() takes a collection of numbers, not one number: pass [number]"
            raise TypeError(msg)
        says_waiting(context)
        counts: Counter[tuple[Reason, Kind | None]] = Counter()
        for text in numbers:
            decision = self.decide(text, context=context)
            counts[decision.reason, decision.kind] += 1
        return ImpactReport._from_counts(self, counts)


def _rebuild(
    accept: tuple[Kind, ...],
    profile: Profile,
    key_required: bool,
    instructions: tuple[tuple[Kind, Instruction], ...],
) -> AuthPolicy:
    return AuthPolicy(
        accept=accept, profile=profile, key_required=key_required, instructions=dict(instructions)
    )
