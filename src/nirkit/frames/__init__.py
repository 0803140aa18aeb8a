"""nirkit on dataframes: the scalar core's answers as column operations.

``check``, ``mask``, ``pseudonym`` and ``impact`` take a Polars ``DataFrame`` or
``LazyFrame``, a pandas ``DataFrame``, a PyArrow ``Table``, a DuckDB relation or
a PySpark ``DataFrame``, and give the same answers as ``nirkit.diagnose``,
``nirkit.mask``, ``nirkit.pseudonym`` and ``AuthPolicy.impact``, row by row.
Install the engine with its extra: ``pip install 'nirkit[polars]'`` (or
``pandas``, ``duckdb``, ``spark``). See docs/scale.md.

>>> import polars as pl
>>> from nirkit import frames
>>> checked = frames.check(pl.DataFrame({"nir": ["2 95 10 99 126 111 93", "2951099126111"]}), "nir")
>>> checked.select("nir_valid", "nir_kind", "nir_error").rows()
[(True, 'definitive', None), (False, None, 'bad_length')]
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any, Final, TypeVar

import narwhals as nw

from nirkit._context import Context, says_waiting
from nirkit._decision import Reason
from nirkit._kinds import Kind
from nirkit._profiles import STANDARD, Profile, ProfileName, resolve_profile
from nirkit._pseudonym import _KEYLESS, _check_secret
from nirkit.frames._engine import add_columns
from nirkit.frames._hmac import add_pseudonyms
from nirkit.frames._rules import PREFIX, checking, masking
from nirkit.frames._scalar import check_row, mask_row
from nirkit.policy import AuthPolicy, ImpactReport

__all__ = ["check", "impact", "mask", "pseudonym"]

FrameT = TypeVar("FrameT")


def _decide_check(profile: Profile, waiting: bool, text: str) -> dict[str, object]:
    return check_row(text, profile, waiting=waiting)._asdict()


def _checked(
    frame: Any,
    column: str,
    profile: Profile,
    *,
    waiting: bool,
    answers: tuple[str, ...] = ("valid", "kind", "error", "compact"),
    prefix: str = "",
) -> Any:
    """``frame`` with the chosen answers as ``<prefix><column>_<answer>`` columns."""
    outputs = {key: (f"{prefix}{column}_{key}", _DTYPES[key]) for key in answers}
    stages = checking(column, profile, waiting=waiting, warning="warning" in answers)
    return add_columns(frame, column, stages, outputs, partial(_decide_check, profile, waiting))


_DTYPES: Final = {
    "valid": nw.Boolean(),
    "kind": nw.String(),
    "error": nw.String(),
    "compact": nw.String(),
    "key_given": nw.Boolean(),
    "warning": nw.String(),
}


def check(
    frame: FrameT,
    column: str,
    *,
    profile: ProfileName | Profile = "standard",
    context: Context = None,
) -> FrameT:
    """``frame`` with ``<column>_valid``, ``_kind``, ``_error`` and ``_compact`` added.

    Each row holds what the scalar core says of the text: ``diagnose(text,
    profile=profile)``'s validity and first error code, and ``parse(text,
    profile=profile, context=context)``'s kind and compact form (15 characters,
    the key computed for a keyless number the profile accepts). A null text gives
    null in all four. ``column`` must hold text: any other type is ``TypeError``.
    """
    return _checked(frame, column, resolve_profile(profile), waiting=says_waiting(context))  # type: ignore[no-any-return]


def _decide_mask(text: str) -> dict[str, object]:
    return {"masked": mask_row(text)}


def mask(frame: FrameT, column: str) -> FrameT:
    """``frame`` with ``<column>_masked``: ``nirkit.mask`` of each row, null where it raises."""
    outputs = {"masked": (f"{column}_masked", nw.String())}
    return add_columns(frame, column, masking(), outputs, _decide_mask)  # type: ignore[no-any-return]


def pseudonym(frame: FrameT, column: str, *, secret: bytes, key_required: bool = True) -> FrameT:
    """``frame`` with ``<column>_pseudonym``: ``nirkit.pseudonym`` of each valid row, else null.

    Validity is decided by the engine; the HMAC is computed in Python (on the
    executors, for Spark), never written into a query plan, so that the secret
    shows in no plan, query text, log or UI.
    """
    _check_secret(secret)
    profile = STANDARD if key_required else _KEYLESS  # as nirkit.pseudonym parses
    checked = _checked(frame, column, profile, waiting=False, answers=("compact",), prefix=PREFIX)
    return add_pseudonyms(checked, f"{PREFIX}{column}_compact", f"{column}_pseudonym", secret)  # type: ignore[no-any-return]


def impact(frame: Any, column: str, policy: AuthPolicy, *, context: Context = None) -> ImpactReport:
    """``policy.impact`` of the texts of ``column``, counted by the engine. Nulls are skipped.

    Equal to ``policy.impact(texts, context=context)`` for the non-null texts.
    """
    waiting = says_waiting(context)
    profile = policy._check  # the profile decide() parses with: key optional, judged after
    answers = ("valid", "kind", "key_given")
    checked = _checked(frame, column, profile, waiting=waiting, answers=answers, prefix=PREFIX)
    counted = (
        nw.from_native(checked)
        .lazy()
        .filter(~nw.col(column).is_null())
        .group_by(*(f"{PREFIX}{column}_{answer}" for answer in answers))
        .agg(nw.len())
        .collect()
    )
    rows = counted.rows()
    counts: Counter[tuple[Reason, Kind | None]] = Counter()
    for valid, kind_name, key_given, count in rows:
        counts[_reason(policy, valid, kind_name, key_given)] += count
    return ImpactReport._from_counts(policy, counts)


def _reason(
    policy: AuthPolicy, valid: bool, kind_name: str | None, key_given: bool | None
) -> tuple[Reason, Kind | None]:
    """What ``AuthPolicy.decide`` says of a row, from its answers."""
    if not valid or kind_name is None:
        return Reason.INVALID_NUMBER, None
    kind = Kind(kind_name)
    if policy.key_required and not key_given:
        return Reason.KEY_REQUIRED, kind
    if kind not in policy.accept:
        return Reason.KIND_NOT_ACCEPTED, kind
    return Reason.ACCEPTED, kind
