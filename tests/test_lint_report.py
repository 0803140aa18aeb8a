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
        "::error file=data/a%2Cb%3Ac%25.txt,line=2,endLine=2,col=5,endColumn=26,"
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
        "stopped": False,
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


def test_sarif_log(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / ".git").mkdir()  # the repository root: SARIF paths are relative to it
    (tree / "data" / "bin.dat").write_bytes(b"\x00\x01")
    (tree / "data" / "loop").symlink_to(tree / "data" / "loop")
    monkeypatch.chdir(tree / "data")  # run from a subdirectory
    code, out = _run(capsys, "--format", "sarif", ".")
    assert code == 2  # an unreadable path wins over findings
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tree.as_uri() + "/"}}
    driver = run["tool"]["driver"]
    assert driver["name"] == "nirkit"
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert len(rule["fullDescription"]["text"]) > len(rule["shortDescription"]["text"])
        assert rule["helpUri"].startswith("https://")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert run["columnKind"] == "unicodeCodePoints"
    first, missing = run["results"]
    assert first["ruleId"] == "key_mismatch"
    assert driver["rules"][first["ruleIndex"]]["id"] == "key_mismatch"
    assert first["level"] == "error"
    assert first["message"]["text"].endswith("[1 •• •• •• ••• ••• ••]")
    (location,) = first["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "data/a%2Cb%3Ac%25.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 5,
        "endLine": 2,
        "endColumn": 26,
    }
    (fingerprint,) = first["partialFingerprints"].values()
    assert re.fullmatch(r"[g-pa-f]{16}:1", fingerprint)
    # The run-wide finding points at a file, as code scanning wants.
    artifact = missing["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"] == "data/a%2Cb%3Ac%25.txt"
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == "symbolic link loop"
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "data/loop"
    assert run["properties"]["resultsLeftOut"] == 0


def test_sarif_fingerprints_follow_what_a_finding_shows(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Moving a finding down a line keeps its fingerprint; two alike get :1 and :2."""
    _, before = _run(capsys, "--format", "sarif", "data")
    (tree / "data" / "a,b:c%.txt").write_text(f"new\nok\nx = {BAD}\nx = {BAD}\n", "utf-8")
    _, after = _run(capsys, "--format", "sarif", "data")

    def prints(log: str) -> list[str]:
        results = json.loads(log)["runs"][0]["results"]
        return [r["partialFingerprints"]["primaryLocationLineHash"] for r in results[:-1]]

    (old,) = prints(before)
    moved, twin = prints(after)
    assert moved == old and twin == old.replace(":1", ":2")


def test_sarif_keeps_what_github_keeps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nirkit._lint import report

    monkeypatch.setattr(report, "SARIF_MAX_RESULTS", 3)
    (tmp_path / "many.txt").write_text(f"{BAD}\n" * 5, encoding="utf-8")
    code, out = _run(capsys, "--format", "sarif", str(tmp_path))
    (run,) = json.loads(out)["runs"]
    assert code == 1 and len(run["results"]) == 3
    assert run["properties"]["resultsLeftOut"] == 3  # 2 findings and missing_kind
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and "3 left out" in note["message"]["text"]
