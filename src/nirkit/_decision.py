"""What a policy decided about one text, and the message a person is shown.

RULES.md section 9: a refusal always tells a typo (``invalid_number``) from a
valid number of a kind the service refuses (``kind_not_accepted``). The public
names are exported by :mod:`nirkit.policy`.

>>> from nirkit import Kind
>>> from nirkit.policy import Decision, Reason
>>> decision = Decision(False, Reason.KIND_NOT_ACCEPTED, Kind.WAITING)
>>> decision.message("fr")  # doctest: +ELLIPSIS
"Votre numéro est valide, mais c'est un numéro d'attente, et ce service ..."
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from nirkit._identity import Field
from nirkit._issues import Issue, Lang
from nirkit._kinds import Kind

_LANGS: Final = ("en", "fr")


def _lang(lang: str) -> Lang:
    """``lang`` if it is a language nirkit speaks; ``ValueError`` otherwise."""
    if lang == "en":
        return "en"
    if lang == "fr":
        return "fr"
    msg = f"unknown language {lang!r}: use 'en' or 'fr'"
    raise ValueError(msg)


_AND: Final[dict[Lang, str]] = {"en": " and ", "fr": " et "}


def _join(words: list[str], lang: Lang) -> str:
    """``a, b and c`` (``a, b et c`` in French)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + _AND[lang] + words[-1]


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
        "registered_sex": "sex recorded at registration",
        "birthplace": "place of birth",
    },
    "fr": {
        "birth_year": "année de naissance",
        "birth_month": "mois de naissance",
        "registered_sex": "sexe enregistré à l'immatriculation",
        "birthplace": "lieu de naissance",
    },
}
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
