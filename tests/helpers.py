"""Constructed test numbers: a body plus its correct key, so that each test
isolates the one rule it is about."""

from __future__ import annotations

from nirkit import compute_key


def with_key(body: str) -> str:
    """``body`` (13 characters, separators allowed) followed by its correct key."""
    return f"{body} {compute_key(body):02d}"
