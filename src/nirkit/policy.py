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
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from nirkit._api import parse
from nirkit._context import Context, says_waiting
from nirkit._identity import DeclaredIdentity, Field, mismatches
from nirkit._issues import Issue, Lang, NIRError
from nirkit._kinds import Kind
from nirkit._profiles import Profile, ProfileName, resolve_profile

__all__ = ["AuthPolicy", "Decision", "ImpactReport", "Instruction", "Reason"]

_LANGS: Final = ("en", "fr")


class Reason(StrEnum):
    """Why a decision was taken: a stable code, in the order the checks run."""

    ACCEPTED = "accepted"
    INVALID_NUMBER = "invalid_number"  # not a valid number: a typo, ask again
    KEY_REQUIRED = "key_required"  # 13 valid characters, the key is missing
    KIND_NOT_ACCEPTED = "kind_not_accepted"  # valid, of a kind the service refuses
    IDENTITY_MISMATCH = "identity_mismatch"  # valid, contradicts the declared identity


@dataclass(frozen=True, slots=True)
class Instruction:
    """What a service tells a person whose kind of number it refuses, in English and French.

    For example where to ask for help, or which other identifier to use.
    """

    en: str
    fr: str

    def __post_init__(self) -> None:
        for lang in _LANGS:
            text = getattr(self, lang)
            if not isinstance(text, str) or not text.strip():
                msg = f"an instruction needs a non-empty {lang!r} text"
                raise ValueError(msg)

    def text(self, lang: Lang = "en") -> str:
        """The instruction in ``lang``."""
        return self.fr if _lang(lang) == "fr" else self.en


def _lang(lang: str) -> Lang:
    if lang == "en":
        return "en"
    if lang == "fr":
        return "fr"
    msg = f"unknown language {lang!r}: use 'en' or 'fr'"
    raise ValueError(msg)


# -- messages ----------------------------------------------------------------------

_KIND_WORDS: Final[dict[Lang, dict[Kind, str]]] = {
    "en": {
        Kind.DEFINITIVE: "a definitive registration number (NIR)",
        Kind.WAITING: "a waiting number",
        Kind.PROVISIONAL: "a provisional number",
    },
    "fr": {
        Kind.DEFINITIVE: "un numéro d'inscription définitif (NIR)",
        Kind.WAITING: "un numéro d'attente",
        Kind.PROVISIONAL: "un numéro provisoire",
    },
}
_FIELD_WORDS: Final[dict[Lang, dict[Field, str]]] = {
    "en": {
        "birth_year": "year of birth",
        "birth_month": "month of birth",
        "sex": "sex",
        "birthplace": "place of birth",
    },
    "fr": {
        "birth_year": "année de naissance",
        "birth_month": "mois de naissance",
        "sex": "sexe",
        "birthplace": "lieu de naissance",
    },
}
_AND: Final[dict[Lang, str]] = {"en": " and ", "fr": " et "}
_MESSAGES: Final[dict[Reason, dict[Lang, str]]] = {
    Reason.ACCEPTED: {
        "en": "Your number is accepted.",
        "fr": "Votre numéro est accepté.",
    },
    Reason.INVALID_NUMBER: {
        "en": "This is not a valid social-security number. {detail} "
        "Please check it and type it again.",
        "fr": "Ce numéro de sécurité sociale n'est pas valide. {detail} "
        "Vérifiez-le et saisissez-le à nouveau.",
    },
    Reason.KEY_REQUIRED: {
        "en": "Please type all 15 characters of your number, including the 2-digit key at the end.",
        "fr": "Saisissez les 15 caractères de votre numéro, y compris la clé de "
        "2 chiffres à la fin.",
    },
    Reason.KIND_NOT_ACCEPTED: {
        "en": "Your number is valid, but it is {kind}, and this service does not accept "
        "this kind of number. {instruction}",
        "fr": "Votre numéro est valide, mais c'est {kind}, et ce service n'accepte pas "
        "ce type de numéro. {instruction}",
    },
    Reason.IDENTITY_MISMATCH: {
        "en": "Your number does not match what you declared: {fields}. "
        "Please check these details and your number.",
        "fr": "Votre numéro ne correspond pas à ce que vous avez déclaré : {fields}. "
        "Vérifiez ces informations et votre numéro.",
    },
}
_DEFAULT_INSTRUCTION: Final = Instruction(
    en="Your number is not in question: please contact the service to be identified another way.",
    fr="Votre numéro n'est pas en cause : contactez le service pour être identifié autrement.",
)
_WITH_ERROR: Final = frozenset({Reason.INVALID_NUMBER, Reason.KEY_REQUIRED})
# The error of a 13-character number where the key is required.
_KEY_MISSING: Final = Issue("bad_length", "length", variant="key_missing")


def _join(words: list[str], lang: Lang) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + _AND[lang] + words[-1]


# -- the decision -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """What a policy decided about one text. Immutable; never holds the number.

    ``kind`` is set whenever the number's fields are valid (so also for
    ``key_required``, ``kind_not_accepted`` and ``identity_mismatch``);
    ``error`` is the first broken rule for ``invalid_number`` (and the missing
    key for ``key_required``); ``warnings`` are those of a valid number;
    ``mismatched`` names the declared fields the number contradicts;
    ``instruction`` is the service's own text for a refused kind.
    """

    allowed: bool
    reason: Reason
    kind: Kind | None = None
    error: Issue | None = None
    warnings: tuple[Issue, ...] = ()
    mismatched: tuple[Field, ...] = ()
    instruction: Instruction | None = None

    def __post_init__(self) -> None:
        reason = Reason(self.reason)
        object.__setattr__(self, "reason", reason)
        consistent = (
            self.allowed is (reason is Reason.ACCEPTED)
            and (self.kind is None) is (reason is Reason.INVALID_NUMBER)
            and (self.error is not None) is (reason in _WITH_ERROR)
            and bool(self.mismatched) is (reason is Reason.IDENTITY_MISMATCH)
        )
        if not consistent:
            msg = f"inconsistent decision for reason {reason.value!r}"
            raise ValueError(msg)

    def message(self, lang: Lang = "en") -> str:
        """A message a service can show to the person as is, in ``"en"`` or ``"fr"``."""
        lang = _lang(lang)
        template = _MESSAGES[self.reason][lang]
        if self.reason is Reason.INVALID_NUMBER:
            detail = self.error.message(lang) if self.error is not None else ""
            return template.format(detail=detail)
        if self.reason is Reason.KIND_NOT_ACCEPTED and self.kind is not None:
            instruction = self.instruction or _DEFAULT_INSTRUCTION
            kind = _KIND_WORDS[lang][self.kind]
            return template.format(kind=kind, instruction=instruction.text(lang))
        if self.reason is Reason.IDENTITY_MISMATCH:
            words = [_FIELD_WORDS[lang][field] for field in self.mismatched]
            return template.format(fields=_join(words, lang))
        return template

    @property
    def message_en(self) -> str:
        return self.message("en")

    @property
    def message_fr(self) -> str:
        return self.message("fr")

    def __repr__(self) -> str:
        parts = [f"allowed={self.allowed}", f"reason={self.reason.value!r}"]
        if self.kind is not None:
            parts.append(f"kind={self.kind.value!r}")
        if self.error is not None:
            parts.append(f"error={self.error.code!r}")
        if self.mismatched:
            parts.append(f"mismatched={self.mismatched!r}")
        return f"Decision({', '.join(parts)})"

    def __str__(self) -> str:
        return self.message("en")


# -- the policy ---------------------------------------------------------------------


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
        msg = "AuthPolicy objects are immutable: use replace()"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = "AuthPolicy objects are immutable: use replace()"
        raise AttributeError(msg)

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
        number.

        >>> policy = AuthPolicy(accept={Kind.DEFINITIVE})
        >>> report = policy.impact(["2 95 10 99 126 111 93", "7 81 05 99 126 045 30"])
        >>> report.accepted, report.refused, report.refused_by_kind[Kind.PROVISIONAL]
        (1, 1, 1)
        """
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


# -- the impact report ---------------------------------------------------------------

_REFUSALS: Final[tuple[Reason, ...]] = tuple(
    reason for reason in Reason if reason is not Reason.ACCEPTED
)
_KIND_ADJECTIVES: Final[dict[Lang, dict[Kind, tuple[str, str]]]] = {  # singular, plural
    "en": {
        Kind.DEFINITIVE: ("definitive", "definitive"),
        Kind.WAITING: ("waiting", "waiting"),
        Kind.PROVISIONAL: ("provisional", "provisional"),
    },
    "fr": {
        Kind.DEFINITIVE: ("définitif", "définitifs"),
        Kind.WAITING: ("d'attente", "d'attente"),
        Kind.PROVISIONAL: ("provisoire", "provisoires"),
    },
}
_REPORT: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "policy": "policy: accepts {kinds} numbers; {profile} profile; key {key}",
        "required": "required",
        "optional": "optional",
        "headline": "this policy refuses {refused} of {total} numbers ({percent})",
        "accepted": "accepted: {count} ({percent})",
        "invalid": "not valid numbers (refused by any policy): {count} ({percent})",
        "reasons": "refusals by reason: {reasons}",
        "none": "none",
        "empty": "no numbers were read",
    },
    "fr": {
        "policy": "politique : accepte les numéros {kinds} ; profil {profile} ; clé {key}",
        "required": "exigée",
        "optional": "facultative",
        "headline": "cette politique refuse {refused} {noun} sur {total} ({percent})",
        "accepted": "acceptés : {count} ({percent})",
        "invalid": "numéros non valides (refusés par toute politique) : {count} ({percent})",
        "reasons": "refus par motif : {reasons}",
        "none": "aucun",
        "empty": "aucun numéro n'a été lu",
    },
}


def _count(value: int, lang: Lang) -> str:
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _percent(part: int, whole: int, lang: Lang) -> str:
    share = 100 * part / whole if whole else 0.0
    if part > 0 and round(share, 1) == 0:
        text = "< 0.1"
    elif part < whole and round(share, 1) == 100:
        text = "> 99.9"
    else:
        text = f"{share:.1f}"
    return (text.replace(".", ",") if lang == "fr" else text) + " %"


@dataclass(frozen=True, slots=True)
class ImpactReport:
    """Counts of what a policy decides over a set of numbers. Holds no number.

    ``total = accepted + refused + invalid``: ``refused`` counts valid numbers
    the policy refuses (what a switch costs: the CAF's missing figure), and
    ``invalid`` counts texts that are not valid numbers, which every policy
    refuses. ``refused_by_reason`` has every refusal reason (``invalid_number``
    included); ``refused_by_kind`` splits ``refused`` by kind.
    """

    policy: AuthPolicy
    total: int
    accepted: int
    refused_by_reason: Mapping[Reason, int]
    refused_by_kind: Mapping[Kind, int]

    @classmethod
    def _from_counts(
        cls, policy: AuthPolicy, counts: Counter[tuple[Reason, Kind | None]]
    ) -> ImpactReport:
        by_reason: dict[Reason, int] = dict.fromkeys(_REFUSALS, 0)
        by_kind: dict[Kind, int] = dict.fromkeys(Kind, 0)
        accepted = 0
        for (reason, kind), count in counts.items():
            if reason is Reason.ACCEPTED:
                accepted += count
                continue
            by_reason[reason] += count
            if kind is not None:
                by_kind[kind] += count
        return cls(
            policy,
            sum(counts.values()),
            accepted,
            MappingProxyType(by_reason),
            MappingProxyType(by_kind),
        )

    def __hash__(self) -> int:
        return hash(
            (
                self.policy,
                self.total,
                self.accepted,
                tuple(self.refused_by_reason.items()),
                tuple(self.refused_by_kind.items()),
            )
        )

    @property
    def invalid(self) -> int:
        """Texts that are not valid numbers (every policy refuses them)."""
        return self.refused_by_reason.get(Reason.INVALID_NUMBER, 0)

    @property
    def refused(self) -> int:
        """Valid numbers this policy refuses."""
        return self.total - self.accepted - self.invalid

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "policy": {
                "accept": [kind.value for kind in Kind if kind in self.policy.accept],
                "profile": self.policy.profile.name,
                "key_required": self.policy.key_required,
            },
            "total": self.total,
            "accepted": self.accepted,
            "refused": self.refused,
            "invalid": self.invalid,
            "refused_by_reason": {r.value: n for r, n in self.refused_by_reason.items()},
            "refused_by_kind": {k.value: n for k, n in self.refused_by_kind.items()},
        }

    def render(self, lang: Lang = "en") -> str:
        """The report in words, with percentages, in ``"en"`` or ``"fr"``."""
        lang = _lang(lang)
        words = _REPORT[lang]
        adjectives = _KIND_ADJECTIVES[lang]
        policy = self.policy
        kinds = _join([adjectives[k][1] for k in Kind if k in policy.accept], lang)
        key = words["required" if policy.key_required else "optional"]
        lines = [words["policy"].format(kinds=kinds, profile=policy.profile.name, key=key)]
        if not self.total:
            lines.append(words["empty"])
            return "\n".join(lines)
        headline = words["headline"].format(
            refused=_count(self.refused, lang),
            noun="numéros" if self.refused > 1 else "numéro",
            total=_count(self.total, lang),
            percent=_percent(self.refused, self.total, lang),
        )
        split = sorted(
            ((n, k) for k, n in self.refused_by_kind.items() if n),
            key=lambda pair: (-pair[0], list(Kind).index(pair[1])),
        )
        if split:
            colon = " : " if lang == "fr" else ": "
            headline += colon + ", ".join(
                f"{_count(n, lang)} {adjectives[k][n > 1]}" for n, k in split
            )
        reasons = ", ".join(
            f"{reason.value} {_count(n, lang)}" for reason, n in self.refused_by_reason.items() if n
        )
        lines += [
            headline,
            words["accepted"].format(
                count=_count(self.accepted, lang),
                percent=_percent(self.accepted, self.total, lang),
            ),
            words["invalid"].format(
                count=_count(self.invalid, lang), percent=_percent(self.invalid, self.total, lang)
            ),
            words["reasons"].format(reasons=reasons or words["none"]),
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("en")
