"""Parse, validate, classify and normalise French social-security numbers.

The rules are in ``docs/``; the short version:

>>> import nirkit
>>> number = nirkit.parse("2 95 10 99 126 111 93")
>>> number.kind, number.birth_year_2d, number.birth_month, number.place.country_name
(<Kind.DEFINITIVE: 'definitive'>, 95, 10, 'Grèce')
>>> print(number)
2 •• •• •• ••• ••• ••
"""

from __future__ import annotations

from nirkit._api import Diagnosis, classify, diagnose, is_valid, parse, validate
from nirkit._candidates import candidates
from nirkit._context import OID_INS_NIA, OID_INS_NIR, OID_INS_NIR_DEMO, OID_INS_NIR_TEST
from nirkit._family import MIG, NNP, NTT, parse_mig, parse_nnp, parse_ntt
from nirkit._format import format_nir, mask
from nirkit._generate import generate
from nirkit._identity import DeclaredIdentity, mismatches
from nirkit._issues import Issue, NIRError
from nirkit._key import compute_key
from nirkit._kinds import Family, Kind, MonthKind, PlaceKind
from nirkit._model import NIR, Place
from nirkit._normalize import compact
from nirkit._profiles import LENIENT, STANDARD, STRICT, Profile
from nirkit._pseudonym import pseudonym
from nirkit.policy import AuthPolicy, Decision

__version__ = "0.1.0"

__all__ = [
    "LENIENT",
    "MIG",
    "NIR",
    "NNP",
    "NTT",
    "OID_INS_NIA",
    "OID_INS_NIR",
    "OID_INS_NIR_DEMO",
    "OID_INS_NIR_TEST",
    "STANDARD",
    "STRICT",
    "AuthPolicy",
    "Decision",
    "DeclaredIdentity",
    "Diagnosis",
    "Family",
    "Issue",
    "Kind",
    "MonthKind",
    "NIRError",
    "Place",
    "PlaceKind",
    "Profile",
    "__version__",
    "candidates",
    "classify",
    "compact",
    "compute_key",
    "diagnose",
    "format_nir",
    "generate",
    "is_valid",
    "mask",
    "mismatches",
    "parse",
    "parse_mig",
    "parse_nnp",
    "parse_ntt",
    "pseudonym",
    "validate",
]


def __dir__() -> list[str]:
    return __all__
