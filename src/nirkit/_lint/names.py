"""The names people give a NIR: a CSV column, a JSON key, a variable, a phrase.

Names are compared without case and accents, split into words at anything that
is not a letter or a digit, at camelCase humps and between letters and digits:
``patientNir``, ``num_ss``, ``N° SS``, ``nir13`` and ``Numéro de sécurité
sociale`` say NIR; ``souvenir`` and ``matricule`` do not.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Final

_PARTS: Final = re.compile(r"\d+|[^\W\d_]+")  # runs of digits, runs of letters
# camelCase humps: before a capital that follows a small letter, and before the
# last capital of a run that a small letter follows (``NIRValue`` -> NIR Value).
_SMALL, _CAPITAL = "a-zß-öø-ÿ", "A-ZÀ-ÖØ-Þ"
_HUMP: Final = re.compile(
    rf"(?<=[{_SMALL}])(?=[{_CAPITAL}])|(?<=[{_CAPITAL}])(?=[{_CAPITAL}][{_SMALL}])"
)

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
# Names of the other identifiers that travel beside a NIR and look like one.
_OTHER_WORDS: Final = frozenset(
    {
        "imei", "iccid", "msisdn", "siret", "siren", "ean", "ean13", "gtin", "iban", "bic",
        "rib", "cb", "pan", "card", "tel", "telephone", "phone", "mobile", "portable", "fax",
        "commande", "commandes", "order", "orders", "facture", "factures", "invoice",
        "invoices", "transaction", "transactions", "txn", "uuid", "guid", "tva", "vat",
        "fiscal", "spi", "ticket", "colis", "tracking", "ref", "refs", "reference",
        "references", "contrat", "contract", "police", "policy", "serie", "serial", "lot",
        "batch", "sku", "barcode", "barre", "codebarre", "timestamp", "epoch", "ts",
        "horodatage", "millis", "ms", "datetime", "offset",
    }
)  # fmt: skip
_KEY_WORDS: Final = frozenset({"cle", "clef", "key"})
# The INS identifier systems (NIR, NIA, test, demo): a value beside one is a NIR.
INS_OIDS: Final = re.compile(r"1\.2\.250\.1\.213\.1\.4\.(?:8|9|10|11)(?![0-9])")
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
    return any(pair in _NIR_PHRASES for pair in itertools.pairwise(found))


@functools.lru_cache(maxsize=1024)
def names_key(name: str) -> bool:
    """Whether a column or key holds a NIR's key kept apart: ``cle``, ``clé``, ``cle_nir``."""
    found = words(name)
    return bool(found) and bool(set(found) & _KEY_WORDS) and set(found) <= (
        _KEY_WORDS | _KEY_COMPANIONS
    )


@functools.lru_cache(maxsize=4096)
def says_other(name: str) -> bool:
    """Whether a name or phrase names another identifier (an IMEI, an order, a SIRET...)
    and not a NIR."""
    found = words(name)
    return not says_nir(name) and any(
        word in _OTHER_WORDS or word.removesuffix("s") in _OTHER_WORDS for word in found
    )
