"""``AuthPolicy.impact``, its report, and ``nirkit impact``."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import nirkit
from nirkit import OID_INS_NIA, AuthPolicy, Kind
from nirkit.cli import main
from nirkit.policy import ImpactReport, Reason
from tests.helpers import with_key

DEFINITIVE = [with_key(f"2 95 10 99 126 {order:03d}") for order in range(101, 107)]  # 6
PROVISIONAL = [with_key("7 81 05 99 126 045"), with_key("8 02 12 75 056 123")]
WAITING = [with_key("4 95 10 99 126 111")]
TYPO = DEFINITIVE[0][:-2] + ("00" if not DEFINITIVE[0].endswith("00") else "01")
NUMBERS = DEFINITIVE + PROVISIONAL + WAITING + [TYPO]  # 10
ONLY_DEFINITIVE = AuthPolicy(accept={Kind.DEFINITIVE})


def test_counts() -> None:
    report = ONLY_DEFINITIVE.impact(NUMBERS)
    assert (report.total, report.accepted, report.refused, report.invalid) == (10, 6, 3, 1)
    assert dict(report.refused_by_kind) == {
        Kind.DEFINITIVE: 0,
        Kind.WAITING: 1,
        Kind.PROVISIONAL: 2,
    }
    assert dict(report.refused_by_reason) == {
        Reason.INVALID_NUMBER: 1,
        Reason.KEY_REQUIRED: 0,
        Reason.KIND_NOT_ACCEPTED: 3,
        Reason.IDENTITY_MISMATCH: 0,
    }
    assert report.policy == ONLY_DEFINITIVE


def test_a_missing_key_is_counted_with_its_kind() -> None:
    keyless = [number[:-3] for number in PROVISIONAL]
    report = AuthPolicy().impact(keyless)
    assert report.refused_by_reason[Reason.KEY_REQUIRED] == 2
    assert report.refused_by_kind[Kind.PROVISIONAL] == 2
    assert AuthPolicy(key_required=False).impact(keyless).accepted == 2


def test_the_default_policy_refuses_only_invalid_numbers() -> None:
    report = AuthPolicy().impact(NUMBERS)
    assert (report.accepted, report.refused, report.invalid) == (9, 0, 1)


def test_any_iterable_is_read_once() -> None:
    def stream() -> Iterator[str]:
        yield from NUMBERS

    assert ONLY_DEFINITIVE.impact(stream()) == ONLY_DEFINITIVE.impact(NUMBERS)
    assert ONLY_DEFINITIVE.impact(io.StringIO("\n".join(NUMBERS)).read().splitlines()).total == 10


@pytest.mark.parametrize("one", [DEFINITIVE[0], DEFINITIVE[0].replace(" ", "").encode()])
def test_one_number_is_not_a_collection(one: str) -> None:
    with pytest.raises(TypeError, match=r"not one number: pass \[number\]") as caught:
        AuthPolicy().impact(one)
    assert "126" not in str(caught.value)


def test_a_context_applies_to_every_number() -> None:
    report = ONLY_DEFINITIVE.impact(DEFINITIVE, context=OID_INS_NIA)
    assert report.refused_by_kind[Kind.WAITING] == 6
    with pytest.raises(nirkit.NIRError):
        ONLY_DEFINITIVE.impact(DEFINITIVE, context="1.2.3")


def test_the_text_report() -> None:
    assert ONLY_DEFINITIVE.impact(NUMBERS).render() == (
        "policy: accepts definitive numbers; standard profile; key required\n"
        "this policy refuses 3 of 10 numbers (30.0 %): 2 provisional, 1 waiting\n"
        "accepted: 6 (60.0 %)\n"
        "not valid numbers (refused by any policy): 1 (10.0 %)\n"
        "refusals by reason: invalid_number 1, kind_not_accepted 3"
    )
    assert ONLY_DEFINITIVE.impact(NUMBERS).render("fr") == (
        "politique : accepte les numéros définitifs ; profil standard ; clé exigée\n"
        "cette politique refuse 3 numéros sur 10 (30,0 %) : 2 provisoires, 1 d'attente\n"
        "acceptés : 6 (60,0 %)\n"
        "numéros non valides (refusés par toute politique) : 1 (10,0 %)\n"
        "refus par motif : invalid_number 1, kind_not_accepted 3"
    )


def _report(total: int, accepted: int, provisional: int, waiting: int) -> ImpactReport:
    by_kind = {Kind.DEFINITIVE: 0, Kind.WAITING: waiting, Kind.PROVISIONAL: provisional}
    by_reason = dict.fromkeys(list(Reason)[1:], 0) | {
        Reason.KIND_NOT_ACCEPTED: provisional + waiting
    }
    return ImpactReport(ONLY_DEFINITIVE, total, accepted, by_reason, by_kind)


def test_large_figures_read_well() -> None:
    report = _report(4_100_000, 4_032_000, 67_800, 200)
    lines = report.render().splitlines()
    assert lines[1] == (
        "this policy refuses 68,000 of 4,100,000 numbers (1.7 %): 67,800 provisional, 200 waiting"
    )
    assert report.render("fr").splitlines()[1] == (
        "cette politique refuse 68\u202f000 numéros sur 4\u202f100\u202f000 (1,7 %) : "
        "67\u202f800 provisoires, 200 d'attente"
    )


@pytest.mark.parametrize(
    ("accepted", "provisional", "expected"),
    [
        (999_999, 1, "(< 0.1 %)"),  # one person is not zero
        (1, 999_999, "(> 99.9 %)"),  # nor is everyone but one
        (0, 1_000_000, "(100.0 %)"),
        (1_000_000, 0, "(0.0 %)"),
    ],
)
def test_percentages_never_round_to_a_lie(accepted: int, provisional: int, expected: str) -> None:
    headline = _report(1_000_000, accepted, provisional, 0).render().splitlines()[1]
    assert expected in headline


def test_an_empty_input() -> None:
    report = AuthPolicy().impact([])
    assert (report.total, report.refused, report.invalid) == (0, 0, 0)
    assert report.render().splitlines()[1] == "no numbers were read"
    assert report.render("fr").splitlines()[1] == "aucun numéro n'a été lu"


def test_the_report_is_an_immutable_value_without_numbers() -> None:
    report = ONLY_DEFINITIVE.impact(NUMBERS)
    assert report == ONLY_DEFINITIVE.impact(list(reversed(NUMBERS)))
    assert hash(report) == hash(ONLY_DEFINITIVE.impact(NUMBERS))
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.total = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        report.refused_by_kind[Kind.WAITING] = 0  # type: ignore[index]
    shown = [repr(report), str(report), report.render("fr"), json.dumps(report.as_dict())]
    for number in NUMBERS:
        compact_form = nirkit.compact(number)
        assert not any(compact_form[:10] in text for text in shown)


def test_as_dict() -> None:
    data = ONLY_DEFINITIVE.impact(NUMBERS).as_dict()
    assert data == {
        "policy": {"accept": ["definitive"], "profile": "standard", "key_required": True},
        "total": 10,
        "accepted": 6,
        "refused": 3,
        "invalid": 1,
        "refused_by_reason": {
            "invalid_number": 1,
            "key_required": 0,
            "kind_not_accepted": 3,
            "identity_mismatch": 0,
        },
        "refused_by_kind": {"definitive": 0, "waiting": 1, "provisional": 2},
    }


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def numbers_file(tmp_path: Path) -> Path:
    path = tmp_path / "numbers.txt"
    path.write_text("\n".join([*NUMBERS, "", "  "]) + "\n", encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["impact", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _no_number_in(*texts: str) -> bool:
    return not any(nirkit.compact(n)[:10] in text for n in NUMBERS for text in texts)


def test_cli_text(numbers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(numbers_file), "--accept", "definitive")
    assert code == 0 and err == ""
    assert "this policy refuses 3 of 10 numbers (30.0 %): 2 provisional, 1 waiting" in out
    assert "empty lines or cells skipped: 2" in out
    assert _no_number_in(out, err)


def test_cli_accepts_repeated_kinds(numbers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [str(numbers_file), "--accept", "definitive", "--accept", "provisional"]
    code, out, _ = _run(capsys, *argv, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["policy"]["accept"] == ["definitive", "provisional"]
    assert (data["refused"], data["refused_by_kind"]["waiting"], data["skipped_empty"]) == (1, 1, 2)


def test_cli_defaults_to_every_kind(numbers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(numbers_file), "--format", "json", "--lang", "fr")
    assert code == 0 and json.loads(out)["accepted"] == 9


def test_cli_french(numbers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, str(numbers_file), "--accept", "definitive", "--lang", "fr")
    assert "cette politique refuse 3 numéros sur 10 (30,0 %)" in out
    assert "lignes ou cellules vides ignorées : 2" in out


def test_cli_csv_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "accounts.csv"
    rows = ["account;nir;name"] + [f"{i};{n};Person {i}" for i, n in enumerate(NUMBERS)]
    path.write_text("\n".join([*rows, "99;;Nobody", "100"]) + "\n", encoding="utf-8-sig")
    argv = [str(path), "--column", "nir", "--delimiter", ";", "--accept", "definitive"]
    code, out, err = _run(capsys, *argv, "--format", "json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert (data["total"], data["accepted"], data["skipped_empty"]) == (10, 6, 2)
    assert _no_number_in(out, err)


def test_cli_key_optional(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "keyless.txt"
    path.write_text("\n".join(n[:-3] for n in DEFINITIVE) + "\r\n", encoding="utf-8")
    _, out, _ = _run(capsys, str(path), "--format", "json")
    assert json.loads(out)["refused_by_reason"]["key_required"] == 6
    _, out, _ = _run(capsys, str(path), "--format", "json", "--key-optional")
    assert json.loads(out)["accepted"] == 6


def test_cli_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = ("\ufeff" + "\n".join(NUMBERS) + "\n").encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    code, out, _ = _run(capsys, "-", "--accept", "definitive", "--format", "json")
    assert code == 0
    assert (json.loads(out)["total"], json.loads(out)["invalid"]) == (10, 1)  # BOM dropped


def test_cli_stdin_as_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(NUMBERS)))
    code, out, _ = _run(capsys, "-", "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 10


@pytest.mark.parametrize(
    ("content", "argv", "message"),
    [
        (None, [], "No such file"),
        (b"\x00\x01\x02garbage\n", [], "not a text file"),
        (b"\xff\xfe" + "295109912611193\n".encode("utf-16-le") + b"\x00", [], "not valid utf-16"),
        (b"account,nir\n1,2\n", ["--column", "number"], "no column 'number' in the header row (2"),
        (b"295109912611193\n", ["--column", "nir"], "(1 column: check --delimiter)"),
        (b"", ["--column", "nir"], "empty"),
        (b"nir\n", ["--delimiter", "::"], "one character"),
    ],
)
def test_cli_usage_errors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    argv: list[str],
    message: str,
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _run(capsys, str(path), *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert "295109912611193" not in err  # a headerless file's first row is not echoed


def test_cli_unknown_kind(numbers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(numbers_file), "--accept", "nia")
    assert code == 2 and "invalid choice" in err


def test_cli_hints_at_a_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("account,nir\n" + "".join(f"{i},{n}\n" for i, n in enumerate(NUMBERS)))
    code, _, err = _run(capsys, str(path))
    assert code == 0 and "--column" in err


def test_python_dash_m(numbers_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nirkit", "impact", str(numbers_file), "--accept", "definitive"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "(30.0 %): 2 provisional, 1 waiting" in result.stdout


def test_cli_context_makes_definitive_numbers_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nia.txt"
    path.write_text(with_key("1 84 02 75 123 456") + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, str(path), "--format", "json", "--accept", "definitive")
    assert (code, json.loads(out)["accepted"]) == (0, 1)
    argv = (str(path), "--format", "json", "--accept", "definitive", "--context", OID_INS_NIA)
    code, out, _ = _run(capsys, *argv)
    assert (code, json.loads(out)["refused_by_kind"]["waiting"]) == (0, 1)
    code, out, err = _run(capsys, str(path), "--context", "1.2.3")
    assert (code, out) == (2, "")
    assert "--context" in err


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("cp1252", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_cli_reads_every_encoding_of_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes
) -> None:
    """Excel and Windows tools save CSV in cp1252 or UTF-16: the counts are the same."""
    text = "compte;Numéro de sécurité sociale\r\n" + "".join(
        f"{i};{number}\r\n" for i, number in enumerate(NUMBERS)
    )
    path = tmp_path / "export.csv"
    path.write_bytes(bom + text.encode(encoding))
    argv = [str(path), "--column", "Numéro de sécurité sociale", "--delimiter", ";"]
    code, out, err = _run(capsys, *argv, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["total"] == len(NUMBERS)
