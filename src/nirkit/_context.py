"""Context that says what the digits cannot: whether a 1/2 number is a NIA."""

from __future__ import annotations

from typing import Final

from nirkit._issues import Issue, NIRError
from nirkit._kinds import Kind

#: INS identifier-system OIDs (Interop'Santé FR Core).
OID_INS_NIR: Final = "1.2.250.1.213.1.4.8"
OID_INS_NIA: Final = "1.2.250.1.213.1.4.9"
OID_INS_NIR_TEST: Final = "1.2.250.1.213.1.4.10"
OID_INS_NIR_DEMO: Final = "1.2.250.1.213.1.4.11"

_OIDS: Final = {
    OID_INS_NIR: False,
    OID_INS_NIA: True,
    OID_INS_NIR_TEST: False,
    OID_INS_NIR_DEMO: False,
}

Context = str | Kind | None


def says_waiting(context: Context) -> bool:
    """Whether ``context`` marks a 1/2 number as a waiting number (NIA).

    ``context`` is an INS OID (``urn:oid:`` prefix allowed), ``Kind.WAITING``
    (the caller knows it is a NIA) or ``None``. Anything else is ``bad_context``.
    """
    if context is None:
        return False
    if isinstance(context, Kind):
        if context is Kind.WAITING:
            return True
    elif isinstance(context, str):
        oid = context.removeprefix("urn:oid:")
        if oid in _OIDS:
            return _OIDS[oid]
    raise NIRError(Issue("bad_context", "context"))
