"""The linter's rules: one code each, each switchable.

The codes of invalid numbers are nirkit's own error codes (``key_mismatch``...);
the warnings of valid numbers keep their codes too (only ``specimen`` is on by
default). Three codes are the linter's own: ``key_missing`` (a 13-character
number where the profile requires the key), ``valid_number`` (leak mode) and
``missing_kind`` (``--require-kinds``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final, Literal

from nirkit._issues import Lang
from nirkit._kinds import Kind
from nirkit._messages import MESSAGES

Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    level: Level
    default: bool  # enabled without configuration
    summary: str  # one line for SARIF and ``--list-rules``

    @property
    def description(self) -> str:
        """What the rule checks and why it matters (SARIF's full description)."""
        if self.code in _WHY:
            return _WHY[self.code]
        message = MESSAGES[self.code][0].replace(" at position {position}", "")
        return f"{message} {_BROKEN}"


RULES: Final[dict[str, Rule]] = {
    rule.code: rule
    for rule in (
        Rule("bad_length", "error", True, "A NIR-named value has the wrong number of characters."),
        Rule("bad_character", "error", True, "A character other than a digit (or 2A/2B)."),
        Rule("bad_kind_digit", "error", True, "The first digit is not 1, 2, 3, 4, 7 or 8."),
        Rule("bad_month", "error", True, "The month code is not one a NIR can carry."),
        Rule("bad_department", "error", True, "The département code is impossible."),
        Rule("bad_commune", "error", True, "The commune code is zero."),
        Rule("bad_country", "error", True, "The country code is 000."),
        Rule("bad_order", "error", True, "The order number is 000."),
        Rule("key_out_of_range", "error", True, "The key is 00, 98 or 99."),
        Rule("key_mismatch", "error", True, "The key does not match the other 13 characters."),
        Rule("key_missing", "error", True, "A 13-character number where the key is required."),
        Rule("specimen", "error", True, "A published specimen or example number used as data."),
        Rule("corsica_before_1976", "warning", False, "2A/2B with a birth year before 1976."),
        Rule("corsica_20_after_1975", "warning", False, "Corsica coded 20 after 1975."),
        Rule("unknown_country", "warning", False, "A country code not in the INSEE table."),
        Rule("valid_number", "error", False, "A valid number (leak mode, --report-valid)."),
        Rule("missing_kind", "error", True, "No number of a kind required by --require-kinds."),
    )
}
DEFAULT_ENABLED: Final = frozenset(code for code, rule in RULES.items() if rule.default)

_BROKEN: Final = (
    "A fixture holding this number does not test what it seems to: the number is not a "
    "valid social-security number. Fix the number (nirkit generate makes valid ones), or "
    "mark a number broken on purpose with a `nirkit: ignore[code]` comment."
)
_WHY: Final = {
    "key_missing": (
        "A 13-character number (no key) where the profile requires the key. A key kept in "
        "its own column or field beside the number is read with it. " + _BROKEN
    ),
    "specimen": (
        "A published specimen or worked example (the Carte Vitale specimen, the ameli.fr "
        "illustration, the Wikipedia example) used as data: it is no one's number and "
        "services may refuse it. Use a constructed number (nirkit generate)."
    ),
    "corsica_before_1976": (
        "A Corsican département code 2A or 2B with a birth year that can only be before "
        "1976, when Corsica was coded 20."
    ),
    "corsica_20_after_1975": "The département code 20 (Corsica before 1976) with a later year.",
    "unknown_country": "Born abroad (99) with a country code that is not in the INSEE table.",
    "valid_number": (
        "Leak mode: any valid social-security number is a finding, for trees (logs, "
        "documentation, exports) that must hold none. A NIR is personal data."
    ),
    "missing_kind": (
        "No valid number of a kind required by --require-kinds in the whole run: test data "
        "without provisional or waiting numbers lets a service lock their holders out (the "
        "CAF, October 2021)."
    ),
}

_KIND_WORDS: Final = {
    "en": {
        Kind.DEFINITIVE: "definitive",
        Kind.WAITING: "waiting",
        Kind.PROVISIONAL: "provisional",
    },
    "fr": {
        Kind.DEFINITIVE: "définitif",
        Kind.WAITING: "d'attente",
        Kind.PROVISIONAL: "provisoire",
    },
}
_OWN_MESSAGES: Final = {
    "valid_number": (
        "A valid social-security number ({kind}) is present; this tree must hold none.",
        "Un numéro de sécurité sociale valide ({kind}) est présent ; "
        "cette arborescence ne doit en contenir aucun.",
    ),
    "missing_kind": (
        "No valid number of the {kind} kind was found, and --require-kinds asks for one.",
        "Aucun numéro valide de nature « {kind} » n'a été trouvé, et --require-kinds en exige un.",
    ),
}


def kind_word(kind: Kind, lang: Lang) -> str:
    return _KIND_WORDS[lang][kind]


@functools.cache
def own_message(code: str, kind: Kind, lang: Lang) -> str:
    """The message of ``valid_number`` or ``missing_kind``."""
    english, french = _OWN_MESSAGES[code]
    return (french if lang == "fr" else english).format(kind=kind_word(kind, lang))


def key_missing_message(lang: Lang) -> str:
    english, french = MESSAGES["key_missing"]
    return french if lang == "fr" else english


def unknown_codes(codes: frozenset[str]) -> list[str]:
    return sorted(codes - RULES.keys())
