"""``nirkit explain``: decoded fields in words, masked unless asked."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from nirkit.cli import main
from tests.helpers import with_key

NUMBER = with_key("2 84 33 2B 045 012")


def test_explain_in_english_hides_order_and_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", NUMBER]) == 0
    out = capsys.readouterr().out
    assert "definitive" in out
    assert "female, as recorded at registration" in out
    assert "84 (last two digits; the century is not encoded)" in out
    assert "33: March (from an incomplete record)" in out
    assert "2B Haute-Corse, commune 045" in out
    assert "012" not in out
    assert not re.search(r"\d{5,}", out)
    assert "2 •• •• •• ••• ••• ••" in out


def test_explain_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", NUMBER, "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "féminin, tel qu'enregistré à l'immatriculation" in out
    assert "33: mars (d'après un acte incomplet)" in out


def test_show_numbers_shows_everything(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", NUMBER, "--show-numbers"]) == 0
    out = capsys.readouterr().out
    assert NUMBER in out
    assert "order number: 012" in out


def test_keyless_number_in_the_lenient_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "1 84 20 99 999 012", "--profile", "lenient"]) == 0
    out = capsys.readouterr().out
    assert "computed, the input had none" in out
    assert "unknown month" in out
    assert "country not in the INSEE table" in out
    assert "unknown_country" in out


def test_invalid_number_exits_1_without_echoing(capsys: pytest.CaptureFixture[str]) -> None:
    typo = NUMBER[:-1] + str((int(NUMBER[-1]) + 1) % 10)
    assert main(["explain", typo]) == 1
    out = capsys.readouterr().out
    assert out.startswith("invalid: key_mismatch:")
    assert "045" not in out


def test_usage_error_exits_2() -> None:
    assert main(["explain"]) == 2


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nirkit", "explain", NUMBER],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0
    assert "Haute-Corse" in result.stdout
