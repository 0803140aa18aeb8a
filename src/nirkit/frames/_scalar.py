"""The scalar core's answer for one text: the truth the engines match, and their fallback."""

from __future__ import annotations

from typing import NamedTuple

from nirkit._api import diagnose
from nirkit._format import mask
from nirkit._issues import NIRError
from nirkit._kinds import Kind
from nirkit._profiles import Profile


class Answer(NamedTuple):
    """What ``nirkit.frames`` adds for one row (``warning``, ``key_given``: for the CLI, impact)."""

    valid: bool
    kind: str | None
    error: str | None
    compact: str | None
    key_given: bool | None
    warning: str | None


def check_row(text: str, profile: Profile, *, waiting: bool) -> Answer:
    """``diagnose`` (and ``parse``'s kind under a context) as one row of answers."""
    diagnosis = diagnose(text, profile=profile)
    number = diagnosis.nir
    if not diagnosis.valid or number is None:
        return Answer(False, None, diagnosis.errors[0].code, None, None, None)
    kind = Kind.WAITING if waiting and number.kind is Kind.DEFINITIVE else number.kind
    warning = diagnosis.warnings[0].code if diagnosis.warnings else None
    return Answer(True, kind.value, None, number.compact, number.key_given, warning)


def mask_row(text: str) -> str | None:
    """``nirkit.mask``, or ``None`` where it raises (a length that has no display groups)."""
    try:
        return mask(text)
    except NIRError:
        return None
