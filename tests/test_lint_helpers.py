"""Shared helpers of the linter tests (no tests here): constructed numbers and a JSON run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nirkit import compute_key
from nirkit._key import luhn_valid
from nirkit.cli import main
from tests.helpers import with_key

LOOKALIKES = Path(__file__).parent / "fixtures" / "lint_lookalikes"


def wrong_key(body: str) -> str:
    """``body`` with a key that is in range but wrong, and fails the Luhn check
    (so that it is a finding wherever it appears, not a possible card number)."""
    compact = body.replace(" ", "")
    good = compute_key(compact)
    for step in range(1, 97):
        key = (good - 1 + step) % 97 + 1
        if not luhn_valid(compact + f"{key:02d}"):
            return f"{body} {key:02d}"
    raise AssertionError(body)  # pragma: no cover


def compact(text: str) -> str:
    return text.replace(" ", "")


def lint_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object], str]:
    """Run ``nirkit lint --format json --no-config`` and parse what it printed."""
    code = main(["lint", "--format", "json", "--no-config", *argv])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


__all__ = ["LOOKALIKES", "compact", "lint_json", "with_key", "wrong_key"]
