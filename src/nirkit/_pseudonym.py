"""Keyed pseudonyms: compare or join numbers without keeping them (RULES.md section 8).

A plain hash of a number is not a pseudonym: there are only about 10^11
well-formed numbers (2 sexes x 100 years x 12 months x some 36,000 birthplaces x
999 order numbers), so anyone can hash them all and read every hash back. A
keyed hash (HMAC-SHA-256) with a secret the attacker does not hold cannot be
enumerated that way. nirkit offers no plain hash on purpose.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
from typing import Final

from nirkit._api import parse
from nirkit._profiles import STANDARD

MIN_SECRET_BYTES: Final = 16
_KEYLESS: Final = dataclasses.replace(STANDARD, key_required=False)


def pseudonym(text: str, /, secret: bytes, *, key_required: bool = True) -> str:
    """The HMAC-SHA-256 (hex) of the compact 15-character form of a valid number.

    The number is validated first (standard profile): an invalid one raises
    :class:`NIRError`, so that a typo never gets a pseudonym of its own. Every
    spelling of one number (spaces, dots, ``2a``) gives the same pseudonym.

    ``secret`` is ``bytes`` of at least 16 bytes (``secrets.token_bytes(32)``),
    kept apart from the data: whoever holds it can enumerate the numbers again.
    A shorter secret raises ``ValueError``; a ``str`` raises ``TypeError``.

    By default the key is required. With ``key_required=False`` a
    13-character number is accepted too and gets the pseudonym of its
    15-character form (the key is computed), so that files that dropped the key
    join with files that kept it; such a number has no key to catch a typo.

    >>> secret = bytes(range(32))  # use secrets.token_bytes(32), stored apart
    >>> a = pseudonym("2 95 10 99 126 111 93", secret)
    >>> a == pseudonym("295109912611193", secret), len(a)
    (True, 64)
    >>> a == pseudonym("2 95 10 99 126 111", secret, key_required=False)
    True
    """
    _check_secret(secret)
    number = parse(text, profile=STANDARD if key_required else _KEYLESS)
    return hmac.new(secret, number.compact.encode("ascii"), hashlib.sha256).hexdigest()


def _check_secret(secret: object) -> None:
    """A wrong type is ``TypeError``; a short secret is ``ValueError``. Never echo it."""
    if not isinstance(secret, bytes):
        msg = f"the secret must be bytes, not {type(secret).__name__}"
        raise TypeError(msg)
    if len(secret) < MIN_SECRET_BYTES:
        msg = (
            f"the secret must be at least {MIN_SECRET_BYTES} bytes long "
            "(use secrets.token_bytes(32))"
        )
        raise ValueError(msg)
