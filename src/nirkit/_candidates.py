"""Every family a text could be: the ambiguity shown, never resolved by a guess."""

from __future__ import annotations

from nirkit._api import is_valid
from nirkit._family_rules import expected_siren, read
from nirkit._kinds import Family
from nirkit._normalize import require_str
from nirkit._profiles import Profile, ProfileName, resolve_profile

_OTHERS = (Family.NNP, Family.MIG, Family.NTT)


def candidates(
    text: str,
    /,
    *,
    profile: ProfileName | Profile = "standard",
    before_2012: bool = False,
    siren: str | None = None,
) -> tuple[Family, ...]:
    """The families whose rules ``text`` satisfies, in the order nir, nnp, mig, ntt.

    A family is listed when its own function accepts the text with the same
    options: ``nir`` when :func:`nirkit.is_valid` is true under ``profile``,
    ``nnp`` when :func:`nirkit.parse_nnp` succeeds, and so on. More than one is
    an ambiguity for a person to settle; none, a text that is no number.
    Never raises for a ``str``; a non-``str`` is a ``TypeError``.

    >>> candidates("7112312345678", profile="lenient")
    (<Family.NIR: 'nir'>, <Family.NNP: 'nnp'>)
    >>> candidates("180127511504217")
    (<Family.NIR: 'nir'>, <Family.NTT: 'ntt'>)
    """
    text = require_str(text)  # a plain str, read once for every family
    resolved = resolve_profile(profile)
    expected = expected_siren(siren)
    found: list[Family] = [Family.NIR] if is_valid(text, profile=resolved) else []
    for family in _OTHERS:
        reading = read(family, text, before_2012=before_2012, siren=expected)
        if not reading.refusals(resolved):
            found.append(family)
    return tuple(found)
