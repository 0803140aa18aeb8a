"""``check --as``, ``check --candidates`` and ``explain --as``, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nirkit.cli import main
from tests.helpers import with_key

SIREN = "732829320"  # constructed, passes the Luhn check
NNP = "7112312345678"
FICTITIOUS = "7212312345678"
MIG = "6112312345678"
NTT = f"1{SIREN}Matricule7"
NIR_NTT = with_key("1 80 12 75 115 042").replace(" ", "")  # a NIR that is also an NTT
SECRETS = (NNP, FICTITIOUS, MIG, NTT, NIR_NTT, SIREN + "Matricule7", "12345678", "Matricule7")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.mark.parametrize(
    ("argv", "code", "lines"),
    [
        (["--as", "nnp", "7 1 123 12345678"], 0, ["1: 7 • ••• ••••••••: valid (NNP)"]),
        (
            ["--as", "nnp", FICTITIOUS],
            0,
            [
                "1: 7 • ••• ••••••••: valid (NNP); warning fictitious: The creation digit 2 "
                "marks a fictitious number made by the fund's system: it is no one's number."
            ],
        ),
        (
            ["--as", "nnp", "--profile", "strict", FICTITIOUS],
            1,
            [
                "1: 7 • ••• ••••••••: invalid: fictitious: The creation digit 2 marks a "
                "fictitious number made by the fund's system: it is no one's number."
            ],
        ),
        (
            ["--as", "nnp", "9 0 000 00000000"],
            1,
            [
                "1: 9 • ••• ••••••••: invalid: bad_kind_digit: The first digit of an NNP must "
                "be 7 (male) or 8 (female). (also: bad_creation_digit, bad_fund, bad_order)"
            ],
        ),
        (
            ["--as", "nnp", "--before-2012", "8012312345678"],
            0,
            ["1: 8 • ••• ••••••••: valid (NNP)"],
        ),
        (
            ["--as", "mig", MIG, NNP],
            1,
            [
                "1: 6 • ••• ••••••••: valid (MIG)",
                "2: 7 • ••• ••••••••: invalid: bad_kind_digit: The first digit of a MIG number "
                "must be 5 (male) or 6 (female).",
            ],
        ),
        (
            ["--as", "ntt", NTT, f"  {NTT}  "],
            0,
            ["1: 1 ••••••••• •••: valid (NTT)", "2: 1 ••••••••• •••: valid (NTT)"],
        ),
        (
            ["--as", "ntt", "--siren", "732 829 321", NTT],
            1,
            [
                "1: 1 ••••••••• •••: invalid: siren_mismatch: The SIREN (positions 2-10) is "
                "not the employer's SIREN that was expected."
            ],
        ),
        (
            ["--as", "ntt", "--lang", "fr", f"1{SIREN}"],
            1,
            [
                "1: 1 ••••••••• •••: invalide: bad_length: Un NTT compte 11 à 40 caractères : "
                "1 ou 2, les 9 chiffres du SIREN de l'employeur, puis 1 à 30 lettres ou chiffres."
            ],
        ),
        (
            ["--candidates", NNP, NIR_NTT, NTT, "nothing", with_key("1 80 12 75 115 042")],
            1,
            [
                "1: 7 • ••• ••••••••: nnp",
                "2: 1 •• •• •• ••• ••• ••: nir, ntt (ambiguous)",
                "3: 1 ••••••••• •••: ntt",
                "4: •••••••: none",
                "5: 1 •• •• •• ••• ••• ••: nir",
            ],
        ),
        (
            ["--candidates", "--profile", "lenient", "--lang", "fr", NNP],
            0,
            ["1: 7 •• •• •• ••• •••: nir, nnp (ambigu)"],
        ),
        (["--candidates", "--siren", "111111118", NIR_NTT], 0, ["1: 1 •• •• •• ••• ••• ••: nir"]),
    ],
)
def test_check(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, lines: list[str]
) -> None:
    assert _run(capsys, "check", *argv) == (code, lines, "")


def test_check_show_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "check", "--as", "ntt", "--show-numbers", NTT)[1] == [
        f"1: 1 {SIREN} Matricule7: valid (NTT)"
    ]
    assert _run(capsys, "check", "--as", "nnp", "--show-numbers", NNP)[1] == [
        "1: 7 1 123 12345678: valid (NNP)"
    ]


def test_check_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = _run(capsys, "check", "--as", "nnp", "--format", "jsonl", "7100012345678")
    assert code == 1
    assert json.loads(lines[0]) == {
        "input": "1",
        "number": "7 • ••• ••••••••",
        "family": "nnp",
        "valid": False,
        "errors": [
            {
                "code": "bad_fund",
                "field": "fund",
                "position": 3,
                "message": "The fund number (positions 3-5) cannot be 000.",
            }
        ],
        "warnings": [],
    }
    code, lines, _ = _run(capsys, "check", "--candidates", "--format", "jsonl", NIR_NTT, "xyz")
    assert [json.loads(line) for line in lines] == [
        {"input": "1", "number": "1 •• •• •• ••• ••• ••", "candidates": ["nir", "ntt"]},
        {"input": "2", "number": "•••", "candidates": []},
    ]
    assert code == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--siren", SIREN, NTT], "nirkit check: --siren needs --as ntt or --candidates"),
        (["check", "--as", "mig", "--siren", SIREN, MIG], "--siren needs --as ntt"),
        (["check", "--before-2012", NNP], "--before-2012 needs --as nnp or --candidates"),
        (["check", "--as", "ntt", "--siren", "12", NTT], "9-digit SIREN"),
        (["explain", "--before-2012", NNP], "nirkit explain: --before-2012 needs --as nnp\n"),
        (["explain", "--as", "ntt", "--siren", "x", NTT], "9-digit SIREN"),
        (["check", "--as", "nnp", "--column", "nnp", "f.csv"], "--column reads NIRs: give --as"),
        (["check", "--candidates", "--column", "id", "f.csv"], "--column reads NIRs: give --as"),
        (
            ["check", "--lang", "fr", "--before-2012", NNP],
            "nirkit check: --before-2012 demande --as nnp ou --candidates\n",
        ),
        (
            ["explain", "--lang", "fr", "--as", "ntt", "--siren", "12", NTT],
            "nirkit explain: --siren doit être le SIREN à 9 chiffres",
        ),
        (
            ["generate", "--family", "nnp", "--error", "bad_month"],
            "nirkit generate: unknown --error code 'bad_month' for --family nnp: use one of",
        ),
        (
            ["generate", "--family", "mig", "--siren", SIREN],
            "--siren is an option of an NTT: give ",
        ),
        (
            ["generate", "--family", "ntt", "--siren", "12"],
            "--siren must be the employer's 9-digit",
        ),
        (
            ["generate", "--family", "ntt", "--error", "siren_mismatch"],
            "--error siren_mismatch needs --siren: the SIREN",
        ),
        (
            [
                "generate",
                "--family",
                "nnp",
                "--error",
                "bad_kind_digit",
                "--registered-sex",
                "male",
            ],
            "--error bad_kind_digit replaces the sex digit: give no --registered-sex\n",
        ),
        (
            ["generate", "--family", "nnp", "--month-code", "5", "--year", "80"],
            "nirkit generate: --month-code, --year: NIR options; give none with --family nnp\n",
        ),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, lines, err = _run(capsys, *argv)
    assert (code, lines) == (2, []) and message in err


def test_usage_errors_print_back_no_typed_digits(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", "--as", "ntt", "--siren", "1732829320A42", NTT)
    assert code == 2 and "1732829320" not in err and "--siren must be" in err


def test_as_and_candidates_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", "--as", "nnp", "--candidates", NNP)
    assert code == 2 and "not allowed with argument" in err


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = _run(capsys, "explain", "--as", "nnp", FICTITIOUS)
    assert code == 0
    assert lines[:6] == [
        "number:       7 • ••• •••••••• (hidden; --show-numbers shows it)",
        "family:       NNP: provisional national number of a health-insurance fund, legacy "
        "(ended on 31 December 2022)",
        "sex digit:    7: male, as recorded at registration",
        "creation:     2: fictitious, made by the fund's system",
        "fund:         123",
        "order number: •••••••• (hidden; --show-numbers shows it)",
    ]
    assert lines[6].startswith("warnings:     fictitious: ")
    code, lines, _ = _run(capsys, "explain", "--as", "mig", "--lang", "fr", "6 2 045 00000300")
    assert "création:        2: créé au calage" in lines
    assert "numéro d'ordre:  •••••••• (masqué ; --show-numbers l'affiche)" in lines


def test_explain_ntt(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = _run(capsys, "explain", "--as", "ntt", "--siren", SIREN, NTT)
    assert (code, lines) == (
        0,
        [
            "number:         1 ••••••••• ••• (hidden; --show-numbers shows it)",
            "family:         NTT: temporary technical number made by an employer, for its DSN only",
            "sex digit:      1: male, as declared by the employer",
            f"employer SIREN: {SIREN}",
            "employee part:  ••• (hidden; --show-numbers shows it)",
            "warnings:       none",
        ],
    )
    code, lines, _ = _run(capsys, "explain", "--as", "ntt", "--show-numbers", NTT)
    assert lines[0] == f"number:         1 {SIREN} Matricule7"
    assert "employee part:  Matricule7" in lines


def test_explain_invalid(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = _run(capsys, "explain", "--as", "mig", "--lang", "fr", "5312312345678")
    assert code == 1
    assert lines == [
        "invalide: bad_creation_digit: Le chiffre de création (position 2) doit être 1 ou 2 ; "
        "0 n'est admis que dans un NNP créé avant 2012, si l'appelant l'indique."
    ]


def test_nir_commands_are_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = _run(capsys, "check", MIG, NNP)
    assert code == 1
    assert lines[0].startswith("1: 6 •• •• •• ••• •••: invalid: key_missing")
    code, lines, _ = _run(capsys, "explain", MIG)
    assert code == 1 and lines[0].startswith("invalid: ")


def _nirkit(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "nirkit", *argv],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )


def test_subprocess_never_shows_a_number() -> None:
    lines = "\n".join(SECRETS[:5]) + "\n"
    for argv, code in (
        (["check", "--as", "nnp", "-"], 1),
        (["check", "--as", "ntt", "--format", "jsonl", "-"], 1),
        (["check", "--candidates", "--profile", "lenient", "-"], 0),
    ):
        done = _nirkit(*argv, stdin=lines.encode())
        assert (done.returncode, done.stderr) == (code, b"")
        assert len(done.stdout.decode().splitlines()) == 5
        for secret in SECRETS:
            assert secret.encode() not in done.stdout
    for family, text in (("nnp", NNP), ("mig", MIG), ("ntt", NTT)):
        done = _nirkit("explain", "--as", family, text)
        assert done.returncode == 0
        for secret in SECRETS:
            assert secret.encode() not in done.stdout


def test_subprocess_stdin_without_a_number_is_said() -> None:
    """``--as`` and ``--candidates`` read standard input as ``check`` does."""
    for argv in (["check", "--as", "nnp", "-"], ["check", "--candidates", "-"]):
        done = subprocess.run(
            [sys.executable, "-m", "nirkit", *argv, "--lang", "fr"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=60,
        )
        assert (done.returncode, done.stdout) == (0, b"")
        assert (
            done.stderr.decode() == "nirkit check: aucun numéro n'a été lu sur l'entrée standard\n"
        )


def test_subprocess_stdin_not_utf8() -> None:
    """Bytes that are not UTF-8 are read as cp1252 (Windows exports), as everywhere."""
    done = _nirkit("check", "--candidates", "-", stdin=NNP.encode() + b"\n\xff\n")
    assert (done.returncode, done.stderr) == (1, b"")
    first, second = done.stdout.decode().splitlines()
    assert first == "<stdin>:1: 7 • ••• ••••••••: nnp"
    assert second.startswith("<stdin>:2: ") and second.endswith(": none")
