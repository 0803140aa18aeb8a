"""Docs that must stay in step with the code (examples run through Sybil)."""

from __future__ import annotations

from pathlib import Path

from nirkit._messages import MESSAGES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_code_and_message_is_documented() -> None:
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    for code, (english, french) in MESSAGES.items():
        assert f"### `{code}`" in text
        assert f"- en: {english.format(position='N')}" in text
        assert f"- fr: {french.format(position='N')}" in text
