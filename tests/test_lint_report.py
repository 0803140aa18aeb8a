"""Every output format, field by field, and never a full number in any of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nirkit._lint.report import FORMATS
from nirkit._lint.rules import RULES
from nirkit.cli import main
from tests.test_lint_helpers import compact, with_key, wrong_key

BAD = wrong_key("1 84 02 75 123 456")
GOOD = with_key("2 95 10 99 126 111")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a,b:c%.txt").write_text(f"ok\nx = {BAD}\n", encoding="utf-8")
    (tmp_path / "data" / "leak.log").write_text(f"user {compact(GOOD)}\n", encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["lint", "--no-config", "--require-kinds", "provisional", *argv])
    return code, capsys.readouterr().out


def _digits_of(number: str) -> list[str]:
    body = compact(number)
    return [body, number, body[1:]]  # whole, spaced, or all but the kind digit


@pytest.mark.parametrize("form", FORMATS)
def test_no_full_number_in_any_format(
    tree: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    code, out = _run(capsys, "--format", form, "--report-valid", "data")
    assert code == 1 and out
    for secret in _digits_of(BAD) + _digits_of(GOOD):
        assert secret not in out
    assert not re.search(r"\d{5}", out.replace("2.1.0", ""))  # no run of 5 digits at all
    code, shown = _run(capsys, "--format", form, "--report-valid", "--show-numbers", "data")
    assert BAD in shown and GOOD in shown  # asked for: shown in display form


def test_text(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "data")
    assert code == 1
    assert out.splitlines() == [
        "data/a,b:c%.txt:2:5: key_mismatch The key (positions 14-15) does not match the other "
        "13 characters: a digit was probably mistyped. [1 •• •• •• ••• ••• ••]",
        "nirkit: missing_kind No valid number of the provisional kind was found, and "
        "--require-kinds asks for one.",
        "Found 2 findings in 1 file(s) (2 files checked).",
    ]


def test_text_in_french(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, "--lang", "fr", "data")
    assert "La clé (positions 14-15) ne correspond pas" in out
    assert "nature « provisoire »" in out


def test_github_escaping(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, "--format", "github", "data")
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=data/a%2Cb%3Ac%25.txt,line=2,col=5,endColumn=25,"
        "title=nirkit key_mismatch::The key (positions 14-15) does not match the other 13 "
        "characters: a digit was probably mistyped. [1 •• •• •• ••• ••• ••]"
    )
    assert lines[1].startswith("::error title=nirkit missing_kind::No valid number")
    assert lines[-1].startswith("Found 2 findings")


def test_json_document(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, "--format", "json", "data")
    document = json.loads(out)
    assert document["version"] == 1
    assert document["tool"]["name"] == "nirkit"
    assert document["summary"] == {
        "files_checked": 2,
        "files_skipped": 0,
        "findings": 2,
        "errors": 0,
        "by_code": {"key_mismatch": 1, "missing_kind": 1},
        "valid_by_kind": {"definitive": 1},
    }
    first, missing = document["findings"]
    assert first == {
        "path": "data/a,b:c%.txt",
        "line": 2,
        "column": 5,
        "end_column": 26,
        "code": "key_mismatch",
        "level": "error",
        "message": first["message"],
        "number": "1 •• •• •• ••• ••• ••",
        "also": [],
    }
    assert missing["path"] is missing["line"] is missing["column"] is None
    assert (document["errors"], document["skipped"]) == ([], [])


def test_sarif_log(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "data" / "bin.dat").write_bytes(b"\x00\x01")
    (tree / "data" / "latin1.txt").write_bytes(b"caf\xe9\n")
    code, out = _run(capsys, "--format", "sarif", "data")
    assert code == 2  # an unreadable file wins over findings
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "nirkit"
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert run["columnKind"] == "unicodeCodePoints"
    first, missing = run["results"]
    assert first["ruleId"] == "key_mismatch"
    assert driver["rules"][first["ruleIndex"]]["id"] == "key_mismatch"
    assert first["level"] == "error"
    assert first["message"]["text"].endswith("[1 •• •• •• ••• ••• ••]")
    (location,) = first["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "data/a%2Cb%3Ac%25.txt"
    assert location["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 5,
        "endColumn": 26,
    }
    assert "locations" not in missing
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert "UTF-8" in note["message"]["text"]
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "data/latin1.txt"
