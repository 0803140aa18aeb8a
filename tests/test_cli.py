"""The command line through ``main(argv)`` and through a real subprocess."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nirkit._commands._typed import mask_typed, option_names, typed_runs, unquoted_number
from nirkit.cli import build_parser, main
from tests.test_lint_helpers import compact, with_key, wrong_key

GOOD = with_key("2 95 10 99 126 111")
PROVISIONAL = with_key("7 81 05 99 126 045")
BAD = wrong_key("1 84 02 75 123 456")
SPECIMEN = "269054958815780"  # only to test the specimen warning


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- check ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("numbers", "code", "lines"),
    [
        ([GOOD], 0, ["1: 2 •• •• •• ••• ••• ••: valid (definitive)"]),
        ([compact(PROVISIONAL)], 0, ["1: 7 •• •• •• ••• ••• ••: valid (provisional)"]),
        (
            [GOOD, BAD],
            1,
            [
                "1: 2 •• •• •• ••• ••• ••: valid (definitive)",
                "2: 1 •• •• •• ••• ••• ••: invalid: key_mismatch: The key (positions 14-15) "
                "does not match the other 13 characters: a digit was probably mistyped.",
            ],
        ),
        (
            [compact(GOOD)[:13]],
            1,
            [
                "1: 2 •• •• •• ••• •••: invalid: key_missing: The key (the last 2 digits) is "
                "missing: all 15 characters are required here."
            ],
        ),
        (
            ["12"],
            1,
            [
                "1: ••: invalid: bad_length: A social-security number has 15 characters "
                "(13 without the key) once spaces, dots and hyphens are removed."
            ],
        ),
    ],
)
def test_check(
    capsys: pytest.CaptureFixture[str], numbers: list[str], code: int, lines: list[str]
) -> None:
    assert main(["check", *numbers]) == code
    assert capsys.readouterr().out.splitlines() == lines


def test_check_specimen_warning_and_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "fr", SPECIMEN]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1: 2 •• •• •• ••• ••• ••: valide (définitif); avertissement specimen:")
    assert SPECIMEN not in out


def test_check_show_numbers_and_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--show-numbers", "--profile", "lenient", compact(GOOD)[:13]]) == 0
    assert capsys.readouterr().out == f"1: {GOOD[:-3]}: valid (definitive)\n"


def test_check_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "jsonl", "--lang", "fr", GOOD, BAD, SPECIMEN]) == 1
    good, bad, specimen = map(json.loads, capsys.readouterr().out.splitlines())
    assert good == {
        "input": "1",
        "number": "2 •• •• •• ••• ••• ••",
        "valid": True,
        "kind": "definitive",
        "errors": [],
        "warnings": [],
    }
    assert (bad["valid"], bad["kind"], bad["warnings"]) == (False, None, [])
    assert bad["errors"][0]["code"] == "key_mismatch"
    assert (bad["errors"][0]["field"], bad["errors"][0]["position"]) == ("key", 14)
    assert bad["errors"][0]["message"].startswith("La clé")
    assert [w["code"] for w in specimen["warnings"]] == ["specimen"]
    assert compact(BAD) not in json.dumps([good, bad, specimen])


def test_check_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, f"{GOOD}\n\n{BAD}\n".encode())
    assert main(["check", "-"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0:2] for line in out] == [["<stdin>", "1"], ["<stdin>", "3"]]


def test_check_stdin_in_cp1252_or_utf16(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, f"{GOOD}\r\n".encode("cp1252") + b"caf\xe9\r\n")
    assert main(["check", "-"]) == 1  # cp1252 read: the first is valid, "café" is not
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("<stdin>:1: 2 •• •• •• ••• ••• ••: valid")
    _stdin(monkeypatch, b"\xff\xfe" + f"{GOOD}\r\n".encode("utf-16-le"))
    assert main(["check", "-"]) == 0
    _stdin(monkeypatch, b"\x00\x01\x02")
    assert main(["check", "-"]) == 2
    assert "<stdin>: not text (NUL bytes)" in capsys.readouterr().err


def test_check_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert main(["check", "--profile", "nope", GOOD]) == 2
    assert GOOD not in capsys.readouterr().err


# --- what the user typed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "groups"),
    [
        (["check", *GOOD.split()], 7),
        (["explain", "--lang", "fr", *with_key("1 84 02 2A 123 456").split()], 7),
        (["check", "295", "109", "912", "611", "193"], 5),
        (["check", *GOOD.split()[:-1]], 6),  # 13 characters, no key
        (["check", *GOOD.split()[:-1], "9"], 7),  # 14: a digit of the key forgotten
        (["check", compact(GOOD), compact(BAD)], 0),  # two numbers
        (["check", "12", "345"], 0),
        (["generate", "--year", "95", "--month-code", "10", "--seed", "1"], 0),
        (["impact", "f.csv", "--column", "2", "--delimiter", ";"], 0),
    ],
)
def test_a_number_typed_without_quotes(argv: list[str], groups: int) -> None:
    assert unquoted_number(argv) == groups


def test_only_the_digits_typed_are_masked() -> None:
    typed = typed_runs(["check", f"x{compact(GOOD)}", "--year", "95", "7", "２９"])
    assert typed == {compact(GOOD), "95", "２９"}
    message = f"'x{compact(GOOD)}' at line 95, 7, 1995, ２９ and 95."
    assert mask_typed(message, typed) == "'x•••••••••••••••' at line ••, 7, 1995, •• and ••."


def test_option_names_are_not_typed_digits() -> None:
    options = option_names(build_parser())
    assert {"--before-2012", "--siren", "--version"} <= options
    argv = ["check", "--before-2012", "--siren=732829320", "--2012", "--before-2012=12345"]
    assert typed_runs(argv, options) == {"732829320", "2012", "12345"}


# --- lint ----------------------------------------------------------------


def test_lint_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(f"ok {GOOD}\n", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(f"bad {BAD}\n", encoding="utf-8")
    assert main(["lint", "--no-config", str(clean)]) == 0
    assert main(["lint", "--no-config", str(broken)]) == 1
    assert main(["lint", "--no-config", "--exit-zero", str(broken)]) == 0
    assert main(["lint", "--no-config", "-q", str(broken)]) == 1
    capsys.readouterr()
    assert main(["lint", "--no-config", "-q", str(broken)]) == 1
    assert capsys.readouterr() == ("", "")  # -q: the exit code only
    assert main(["lint", "--no-config"]) == 2  # no path
    assert main(["lint", "--no-config", "--enable", "no_such_rule", str(clean)]) == 2
    assert main(["lint", "--no-config", "--require-kinds", "nobody", str(clean)]) == 2
    assert main(["lint", "--no-config", "--format", "xml", str(clean)]) == 2


def test_lint_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, f"first line\nnir: {BAD}\n".encode())
    assert main(["lint", "--no-config", "-"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<stdin>:2:6: key_mismatch ")


def test_lint_binary_and_badly_encoded_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00" + BAD.encode())
    assert main(["lint", "--no-config", str(tmp_path)]) == 0
    assert "1 binary skipped" in capsys.readouterr().out
    (tmp_path / "latin1.csv").write_bytes(f"nir\ncaf\xe9\n{BAD}\n".encode("latin-1"))
    assert main(["lint", "--no-config", str(tmp_path)]) == 1  # read as cp1252, whole
    out, err = capsys.readouterr()
    assert "latin1.csv:3:1: key_mismatch" in out
    assert err == ""
    # A named encoding that the bytes are not in: the rest is still read, the file named.
    assert main(["lint", "--no-config", "--encoding", "utf-8", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "latin1.csv: error: not valid utf-8 (line 2); the rest was read" in err
    assert "Traceback" not in err
    assert "latin1.csv:3:1: key_mismatch" in out


@pytest.mark.parametrize("kind", ["dangling", "missing"])
def test_lint_unreadable_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A path that cannot be read (a dangling link works even for root, where
    chmod 000 does not stop reading)."""
    path = tmp_path / kind
    if kind == "dangling":
        path.symlink_to(tmp_path / "nowhere")
    assert main(["lint", "--no-config", str(path)]) == 2
    out, err = capsys.readouterr()
    typed = re.sub(r"[0-9]{2,}", lambda run: "•" * len(run[0]), str(path))  # never echoed
    assert f"{typed}: error: No such file or directory" in err
    assert "Traceback" not in err
    assert "1 unreadable" in out


def test_lint_directory_that_cannot_be_opened_as_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError while opening a listed file is a per-file error, not a crash."""
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert main(["lint", "--no-config", str(tmp_path)]) == 2
    assert "a.txt: error: Permission denied" in capsys.readouterr().err


def _project(tmp_path: Path, table: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.nirkit]\n{table}\n", encoding="utf-8")
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "a.yaml").write_text(
        f"nir: {compact(GOOD)[:13]}\nother: {BAD}\nspecimen: {SPECIMEN}\n", encoding="utf-8"
    )
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "b.txt").write_text(f"{BAD}\n", encoding="utf-8")
    return tmp_path


def _codes(capsys: pytest.CaptureFixture[str], *argv: str) -> list[tuple[str, str]]:
    assert main(["lint", "--format", "json", *argv]) in (0, 1)
    return [(f["path"], f["code"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_configuration_and_its_precedence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, 'profile = "lenient"\ndisable = ["specimen"]\nexclude = ["vendor"]')
    monkeypatch.chdir(tmp_path / "fixtures")  # the pyproject.toml is found upwards
    monkeypatch.chdir(tmp_path)
    assert _codes(capsys, ".") == [("fixtures/a.yaml", "key_mismatch")]
    # The command line wins over the file...
    assert _codes(capsys, "--profile", "standard", ".") == [
        ("fixtures/a.yaml", "key_missing"),
        ("fixtures/a.yaml", "key_mismatch"),
    ]
    assert _codes(capsys, "--enable", "specimen", ".") == [
        ("fixtures/a.yaml", "key_mismatch"),
        ("fixtures/a.yaml", "specimen"),
    ]
    # ... and --no-config ignores it (vendor is linted again, specimen is back).
    assert len(_codes(capsys, "--no-config", ".")) == 4


def test_configuration_found_from_a_subdirectory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, 'disable = ["key_mismatch", "specimen"]')
    monkeypatch.chdir(tmp_path / "fixtures")
    assert _codes(capsys, ".") == [("a.yaml", "key_missing")]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('profile = "loose"', "profile must be one of"),
        ("exclude = 3", "exclude must be a list of strings"),
        ('enable = ["nope"]', "unknown rule code(s): nope"),
        ('surprise = "x"', "unknown key(s) in [tool.nirkit]: surprise"),
        ("report-valid = 1", "report-valid must be true or false"),
        ('require-kinds = ["x"]', "unknown kind 'x'"),
        ("profile = ", "not valid TOML"),
    ],
)
def test_bad_configuration(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    message: str,
) -> None:
    _project(tmp_path, table)
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "."]) == 2
    assert message in capsys.readouterr().err


def test_config_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path, 'report_valid = true\nrequire_kinds = ["waiting"]')
    fixtures = str(project / "fixtures")
    codes = [
        code for _, code in _codes(capsys, "--config", str(project / "pyproject.toml"), fixtures)
    ]
    assert codes == ["key_missing", "key_mismatch", "specimen", "missing_kind"]
    assert main(["lint", "--config", str(project / "missing.toml"), fixtures]) == 2


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-config", "--list-rules", "--report-valid"]) == 0
    out = capsys.readouterr().out
    assert "valid_number           on " in out
    assert "unknown_country        off" in out


# --- a real subprocess -----------------------------------------------------


def _nirkit(
    *argv: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "nirkit", *argv],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
        timeout=60,
    )


def test_subprocess_check() -> None:
    done = _nirkit("check", "-", stdin=f"{GOOD}\n{BAD}\n".encode())
    assert done.returncode == 1
    out = done.stdout.decode()
    assert "<stdin>:1: 2 •• •• •• ••• ••• ••: valid (definitive)" in out
    assert "<stdin>:2: 1 •• •• •• ••• ••• ••: invalid: key_mismatch" in out
    for secret in (GOOD, BAD, compact(GOOD), compact(BAD)):
        assert secret.encode() not in done.stdout + done.stderr


@pytest.mark.parametrize("form", ["text", "json", "github", "sarif"])
def test_subprocess_lint(tmp_path: Path, form: str) -> None:
    (tmp_path / "a.csv").write_text(f"id,nir\n1,{BAD}\n2,{GOOD}\n", encoding="utf-8")
    done = _nirkit("lint", "--no-config", "--report-valid", "--format", form, ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr == b""
    for secret in (GOOD, BAD, compact(GOOD), compact(BAD)):
        assert secret.encode() not in done.stdout
    if form in ("json", "sarif"):
        json.loads(done.stdout)
    shown = _nirkit("lint", "--no-config", "--show-numbers", "--format", form, ".", cwd=tmp_path)
    assert BAD.encode() in shown.stdout


def test_subprocess_usage_error() -> None:
    done = _nirkit("lint", "--format", "nope", ".")
    assert done.returncode == 2
    assert b"invalid choice" in done.stderr
