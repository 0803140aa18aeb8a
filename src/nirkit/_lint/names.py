"""The names people give a NIR: a CSV column, a JSON key, a variable, a phrase.

Names are compared without case and accents, split into words at anything that
is not a letter or a digit, at camelCase humps and between letters and digits:
``patientNir``, ``num_ss``, ``N° SS``, ``nir13`` and ``Numéro de sécurité
sociale`` say NIR; ``souvenir`` and ``matricule`` do not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

_PARTS: Final = re.compile(r"\d+|[^\W\d_]+")  # runs of digits, runs of letters
# camelCase humps: before a capital that follows a small letter, and before the
# last capital of a run that a small letter follows (``NIRValue`` -> NIR Value).
_HUMP: Final = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])|(?<=[A-ZÀ-ÖØ-Þ])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")

_NIR_WORDS: Final = frozenset(
    {
        "nir", "nirs", "nia", "nias", "nss", "ssn", "ssns", "insee", "secu", "ins",
        "immatriculation", "immat", "vitale", "numss", "noss", "numsecu", "nosecu",
    }
)  # fmt: skip
# Phrases of two words (after folding): "n° ss", "num ss", "sécurité sociale"...
_NIR_PHRASES: Final = frozenset(
    {
        ("n", "ss"), ("no", "ss"), ("num", "ss"), ("numero", "ss"), ("nro", "ss"),
        ("securite", "sociale"), ("social", "security"), ("numero", "secu"),
    }
)  # fmt: skip
_KEY_WORDS: Final = frozenset({"cle", "clef", "key"})
# Words that may sit beside a key word in the name of a key column.
_KEY_COMPANIONS: Final = _NIR_WORDS | {"de", "du", "la", "controle", "check", "digits"}


def fold(text: str) -> str:
    """Lower case without accents: ``Numéro`` -> ``numero``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.lru_cache(maxsize=4096)
def words(name: str) -> tuple[str, ...]:
    """The folded words of a name: ``patientNir`` -> ``("patient", "nir")``."""
    found: list[str] = []
    for part in _PARTS.findall(name):
        found.extend(fold(word) for word in _HUMP.sub(" ", part).split())
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def says_nir(name: str) -> bool:
    """Whether a key, column or variable name names a social-security number."""
    found = words(name)
    if any(word in _NIR_WORDS for word in found):
        return True
    return any(pair in _NIR_PHRASES for pair in zip(found, found[1:], strict=False))


@functools.lru_cache(maxsize=1024)
def names_key(name: str) -> bool:
    """Whether a column or key holds the key of a NIR apart: ``cle``, ``clé``, ``cle_nir``, ``key``."""
    found = words(name)
    return bool(found) and bool(set(found) & _KEY_WORDS) and set(found) <= (
        _KEY_WORDS | _KEY_COMPANIONS
    )
