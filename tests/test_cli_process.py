"""The command line as a user runs it: a real process, real pipes, signals,
terminals and encodings. Nothing here calls ``main`` in-process."""

from __future__ import annotations

import importlib.metadata
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nirkit._commands._progress import INTERVAL
from tests.test_lint_helpers import with_key, wrong_key

GOOD = with_key("2 95 10 99 126 111")
BAD = wrong_key("2 95 10 99 126 111")
COMPACT = GOOD.replace(" ", "")
NIRKIT = [sys.executable, "-m", "nirkit"]
BASH = shutil.which("bash") or "/bin/bash"


def _run(
    *argv: str,
    stdin: bytes | None = b"",
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*NIRKIT, *argv],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        cwd=cwd,
        env=None if env is None else os.environ | env,
        check=False,
        timeout=120,
    )


def _shell(script: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """``script`` run by bash, with ``nirkit`` the command under test."""
    nirkit = " ".join(f"'{part}'" for part in NIRKIT)
    return subprocess.run(
        [BASH, "-c", f'nirkit() {{ {nirkit} "$@"; }}\n{script}'],
        capture_output=True,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def _digit_runs(text: str) -> set[str]:
    """The runs of 2 or more digits of ``text``: what must never be printed back."""
    return set(re.findall(r"[0-9]{2,}", text))


def _echoed(done: subprocess.CompletedProcess[bytes], typed: str) -> set[str]:
    printed = (done.stdout + done.stderr).decode("utf-8", "replace")
    return {run for run in _digit_runs(typed) if run in _digit_runs(printed)}


# --- nothing typed is printed back ---------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", *GOOD.split()],
        ["check", *GOOD.split()],
        ["check", "--lang", "fr", *GOOD.split()],
        [*GOOD.split()],
        ["impact", *GOOD.split()],
        ["lint", *GOOD.split()],
        ["check", "--show-numbers", *BAD.split()],
    ],
)
def test_a_number_typed_without_quotes_is_never_printed(argv: list[str]) -> None:
    done = _run(*argv)
    assert done.returncode == 2
    assert b"quote" in done.stderr or b"guillemets" in done.stderr
    assert done.stdout == b""
    assert not _digit_runs(done.stderr.decode())  # none of the groups, nor any other
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", COMPACT, BAD.replace(" ", "")],  # unrecognized arguments
        [COMPACT],  # invalid choice
        ["check", f"--profile={COMPACT}", "x"],  # invalid choice of an option
        ["check", "--format", COMPACT, "x"],
        ["impact", COMPACT],  # no such file
        ["impact", "--lang", "fr", COMPACT],
        ["impact", "-", "--column", COMPACT],  # no such column
        ["impact", "-", "--delimiter", COMPACT],
        ["impact", "-", "--context", COMPACT],
        ["lint", "--no-config", COMPACT],
        ["lint", "--no-config", "--enable", COMPACT, "."],  # unknown rule code
        ["lint", "--no-config", "--require-kinds", COMPACT, "."],
        ["lint", "--config", COMPACT, "."],
        ["generate", "--count", COMPACT],
        ["generate", "--country", COMPACT[5:10], "--department", "75"],
        ["generate", f"--cou={COMPACT}"],  # ambiguous option
        ["generate", "--year", GOOD[2:4], "--year", "x"],
    ],
)
def test_no_message_prints_back_the_digits_typed(argv: list[str], tmp_path: Path) -> None:
    done = _run(*argv, stdin=b"nir\n", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr and b"Traceback" not in done.stderr
    assert not _echoed(done, " ".join(argv))


def test_bad_length_inputs_show_no_digit() -> None:
    done = _run("check", GOOD[:4], GOOD[5:])
    assert done.returncode == 1
    assert not _echoed(done, GOOD)
    assert done.stdout.decode().splitlines()[0].startswith("1: •••: invalid: bad_length")


# --- a closed pipe, Ctrl-C, closed streams ----------------------------------------


def _first_line_then_close(argv: list[str], stdin: Path | None = None) -> tuple[int, bytes]:
    """Read one line of the output and close the pipe, as ``| head -1`` does."""
    with (
        open(stdin or os.devnull, "rb") as source,
        subprocess.Popen(
            [*NIRKIT, *argv], stdin=source, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process,
    ):
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read()
        return process.wait(timeout=120), error


@pytest.fixture(scope="module")
def many_numbers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file of 5,000 invalid numbers: more output than a pipe holds, in any format."""
    path = tmp_path_factory.mktemp("many") / "numbers.txt"
    path.write_text(f"nir: {BAD}\n" * 5_000, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["generate", "--count", "20000"],
        ["generate", "--count", "20000", "--format", "csv"],
        ["generate", "--count", "20000", "--format", "json"],
        ["check", "-"],
        ["check", "--format", "jsonl", "-"],
        ["lint", "--no-config", "-"],
        ["lint", "--no-config", "--format", "json", "-"],
        ["lint", "--no-config", "--format", "github", "-"],
        ["lint", "--no-config", "--format", "sarif", "-"],
    ],
)
def test_a_closed_pipe_ends_the_run_quietly_with_141(argv: list[str], many_numbers: Path) -> None:
    code, error = _first_line_then_close(argv, many_numbers)
    assert (code, error) == (141, b"")


def test_head_in_a_real_shell_pipeline() -> None:
    done = _shell('nirkit generate --count 100000 | head -1; echo "status ${PIPESTATUS[0]}"')
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 2 and len(lines[0]) == 15
    assert lines[1] == "status 141"
    assert done.stderr == b""


def _wait_until_reading(pid: int) -> None:
    """Until the process waits on its standard input (it is then inside the command)."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if not wchan.exists():  # not Linux: give it time to start
            time.sleep(3)
            return
        if "pipe_read" in wchan.read_text():
            return
        time.sleep(0.02)
    pytest.fail("nirkit never read its standard input")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "-"],
        ["check", "--format", "jsonl", "-"],
        ["lint", "--no-config", "-"],
        ["impact", "-"],
    ],
)
def test_ctrl_c_exits_130_without_a_traceback(argv: list[str]) -> None:
    with subprocess.Popen(
        [*NIRKIT, *argv], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        _wait_until_reading(process.pid)
        process.send_signal(signal.SIGINT)
        out, error = process.communicate(timeout=30)
    assert process.returncode == 130
    assert (out, error) == (b"", b"")


def test_ctrl_c_at_a_terminal_keeps_what_was_printed() -> None:
    """``nirkit check -`` typed at a terminal: a number, its line, then Ctrl-C."""
    master, slave = pty.openpty()
    with subprocess.Popen(
        [*NIRKIT, "check", "-"], stdin=subprocess.PIPE, stdout=slave, stderr=subprocess.PIPE
    ) as process:
        os.close(slave)
        assert process.stdin is not None
        process.stdin.write(f"{GOOD}\n".encode())
        process.stdin.flush()
        shown = b""
        while b"\n" not in shown:
            shown += os.read(master, 1024)
        process.send_signal(signal.SIGINT)
        _, error = process.communicate(timeout=30)
    os.close(master)
    assert shown.startswith("<stdin>:1: 2 •• •• •• ••• ••• ••: valid".encode())
    assert (process.returncode, error) == (130, b"")


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("nirkit check - <&-", b"nirkit check: standard input is closed"),
        ("nirkit lint --no-config - <&-", b"nirkit lint: standard input is closed"),
        ("nirkit impact - <&-", b"nirkit impact: standard input is closed"),
        ("nirkit check --lang fr - <&-", "nirkit check: l'entrée standard est fermée".encode()),
        ("nirkit check --as nnp - <&-", b"nirkit check: standard input is closed"),
        ("nirkit check --candidates - <&-", b"nirkit check: standard input is closed"),
        ("nirkit lint --no-config a.txt >&-", b"nirkit lint: standard output is closed"),
        ("nirkit generate >&-", b"nirkit generate: standard output is closed"),
    ],
)
def test_a_closed_stream_is_one_clear_line_and_exit_2(
    script: str, message: bytes, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(f"{BAD}\n", encoding="utf-8")
    done = _shell(f"{script}; echo $? >&2", cwd=tmp_path)
    *lines, status = done.stderr.splitlines()
    assert lines == [lines[0]] and lines[0].startswith(message)
    assert status == b"2"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", GOOD], b"nirkit: No space left on device\n"),  # short: the last flush fails
        (["--help"], b"nirkit: No space left on device\n"),
        (["generate", "--count", "20000"], b"nirkit generate: No space left on device\n"),
    ],
)
def test_an_output_device_that_fails_is_one_line_and_exit_2(
    argv: list[str], message: bytes
) -> None:
    """``> /dev/full`` (a full disk), with stdout buffered as in a user's shell: the
    test environment may set PYTHONUNBUFFERED, which would hide a failing last flush."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*NIRKIT, *argv], stdout=full, stderr=subprocess.PIPE, env=env, check=False, timeout=120
        )
    assert (done.returncode, done.stderr) == (2, message)


def test_nothing_on_standard_input_is_said() -> None:
    done = _run("check", "-", stdin=None)  # < /dev/null
    assert (done.returncode, done.stdout) == (0, b"")
    assert done.stderr == b"nirkit check: no number was read from standard input\n"


# --- terminals that are not UTF-8 ---------------------------------------------


def _iso_8859_15_locale(tmp_path: Path) -> dict[str, str]:
    """The environment of an ISO-8859-15 terminal: an installed locale, else one built
    with localedef, else Python told the encoding directly."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    for name in listed.stdout.split():
        if name.lower().replace("-", "").endswith("iso885915"):
            return {"LC_ALL": name}
    localedef = shutil.which("localedef")
    if localedef is not None:
        built = subprocess.run(
            [localedef, "-i", "fr_FR", "-f", "ISO-8859-15", str(tmp_path / "fr_FR.ISO-8859-15")],
            capture_output=True,
            check=False,
        )
        if (tmp_path / "fr_FR.ISO-8859-15").exists() and built.returncode in (0, 1):
            return {"LOCPATH": str(tmp_path), "LC_ALL": "fr_FR.ISO-8859-15"}
    return {"PYTHONIOENCODING": "iso-8859-15"}


@pytest.fixture(params=["latin-1", "iso-8859-15 locale", "ascii"])
def legacy_terminal(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[dict[str, str], str]:
    """(environment, encoding) of a terminal that cannot show ``•``."""
    if request.param == "iso-8859-15 locale":
        return _iso_8859_15_locale(tmp_path), "iso-8859-15"
    return {"PYTHONIOENCODING": request.param}, request.param


def test_a_terminal_without_the_bullet_gets_stars(
    legacy_terminal: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, encoding = legacy_terminal
    (tmp_path / "a.txt").write_text(f"nir: {BAD}\n", encoding="utf-8")
    for argv, expected in [
        (["check", "--lang", "fr", GOOD], "1: 2 ** ** ** *** *** **: valide (définitif)"),
        (["explain", GOOD], "2 ** ** ** *** *** ** (hidden"),
        (["lint", "--no-config", "a.txt"], "[2 ** ** ** *** *** **]"),
        (["check", BAD.replace(" ", "")[:-1] + " "], "1: **************: invalid"),
    ]:
        done = _run(*argv, cwd=tmp_path, env=env)
        assert done.returncode in (0, 1), done.stderr
        assert b"Traceback" not in done.stderr
        out = done.stdout.decode(encoding)
        assert (expected.replace("é", "?") if encoding == "ascii" else expected) in out, out


def test_a_file_name_that_is_not_utf8_is_written_back_as_it_is(tmp_path: Path) -> None:
    """Under a strict UTF-8 terminal, an undecodable file name is printed byte for byte."""
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w", encoding="utf-8") as file:
        file.write(f"nir: {BAD}\n")
    done = _run("lint", "--no-config", ".", cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(b"caf\xe9.txt:1:6: key_mismatch ")


# --- the other rough edges ------------------------------------------------------


def test_version() -> None:
    version = importlib.metadata.version("nirkit")
    script = Path(sys.executable).with_name("nirkit")
    for command in ([*NIRKIT, "--version"], [str(script), "--version"]):
        done = subprocess.run(command, capture_output=True, check=False, timeout=60)
        assert (done.returncode, done.stdout) == (0, f"nirkit {version}\n".encode())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--count", "abc"], "argument --count: must be a whole number"),
        (["--seed", "x"], "argument --seed: must be a whole number"),
        (["--count", "0"], "argument --count: must be a whole number from 1 to 1000000"),
        (["--month-code", "13"], "--month-code must be 1-12, 20-42 or 50-99"),
        (["--month-code", "1", "--month-kind", "real"], "give --month-code or --month-kind"),
        (
            ["--error", "bad_department", "--place-kind", "abroad"],
            "--error bad_department replaces the place",
        ),
        (["--error", "bad_kind_digit", "--kind", "waiting"], "give no --kind nor --registered-sex"),
    ],
)
def test_generate_errors_name_the_options(argv: list[str], message: str) -> None:
    done = _run("generate", *argv)
    assert done.returncode == 2
    error = done.stderr.decode()
    assert message in error
    assert "invalid _count" not in error and "month_code" not in error and "error='" not in error


def test_a_broken_pyproject_of_another_project_above_stops_nothing(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = ", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "a.txt").write_text(f"nir: {BAD}\n", encoding="utf-8")
    done = _run("lint", "a.txt", cwd=project)
    assert done.returncode == 1, done.stderr
    assert b"key_mismatch" in done.stdout
    # A broken file that does mention nirkit may be its configuration: that is an error.
    (tmp_path / "pyproject.toml").write_text("[tool.nirkit\nprofile = ", encoding="utf-8")
    (project / "pyproject.toml").unlink()
    assert _run("lint", "a.txt", cwd=project).returncode == 2


@pytest.fixture
def accounts(tmp_path: Path) -> Path:
    path = tmp_path / "accounts.tsv"
    rows = [f"{rank}\t{GOOD}" for rank in range(3)] + [f"3\t{'9' * 200_000}"]
    path.write_text("Account\tNIR\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("delimiter", ["\\t", "tab", "\t"])
def test_impact_reads_a_tab_separated_file_with_any_case_column(
    accounts: Path, delimiter: str
) -> None:
    done = _run("impact", str(accounts), "--column", "nir", "--delimiter", delimiter)
    assert done.returncode == 0, done.stderr
    # The 200,000-character cell is read, and counted as what it is: not a number.
    assert "this policy refuses 0 of 4 numbers" in done.stdout.decode()
    assert "not valid numbers (refused by any policy): 1 (25.0 %)" in done.stdout.decode()


def test_impact_column_names_that_differ_only_in_case(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text(f"nir,NIR\n{GOOD},{GOOD}\n", encoding="utf-8")
    assert _run("impact", str(path), "--column", "NIR").returncode == 0  # the exact name
    done = _run("impact", str(path), "--column", "Nir")
    assert done.returncode == 2
    assert b"2 columns are named 'Nir' (whatever the case)" in done.stderr


# --- French -----------------------------------------------------------------------


def test_french_messages_of_lint_impact_and_check(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"nir: {BAD}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(f"nir: {GOOD}\ncaf\xe9\n".encode("latin-1"))
    done = _run("lint", "--no-config", "--lang", "fr", "a.txt", "b.txt", "missing", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.decode().splitlines()[-1] == (
        "1 constat dans 1 fichier(s) (2 fichiers vérifiés, 1 illisible)."  # b.txt: cp1252
    )
    assert done.stderr.decode().splitlines() == [
        "missing : erreur : fichier ou dossier introuvable",
    ]
    named = _run("lint", "--no-config", "--lang", "fr", "--encoding", "utf-8", "b.txt",
                 cwd=tmp_path)  # fmt: skip
    assert named.stderr.decode().splitlines() == [
        "b.txt : erreur : pas entièrement en utf-8 (ligne 2) ; le reste a été lu",
    ]
    alone = _run("lint", "--no-config", "--lang", "fr", "missing", cwd=tmp_path)
    assert alone.stdout.decode() == "Aucun constat (0 fichier vérifié, 1 illisible).\n"
    done = _run("impact", "--lang", "fr", "missing.csv", cwd=tmp_path)
    assert done.stderr.decode() == "nirkit impact: missing.csv : fichier ou dossier introuvable\n"
    done = _run("impact", "--lang", "fr", "a.txt", "--column", "nir", cwd=tmp_path)
    assert "pas de colonne 'nir' dans la ligne d'en-tête (1 colonne" in done.stderr.decode()
    done = _run("check", "--lang", "fr", "-", stdin=b"\x00\x01caf\xe9\n")
    assert done.stderr.decode() == ("nirkit check: <stdin> : ce n'est pas du texte (octets nuls)\n")
    done = _run("check", "--lang", "fr", "-", stdin=None)
    assert done.stderr.decode() == "nirkit check: aucun numéro n'a été lu sur l'entrée standard\n"


# --- progress on a terminal ---------------------------------------------------------


def _stderr_seen(argv: list[str], cwd: Path, at_a_terminal: bool) -> tuple[int, bytes]:
    """Run with numbers on stdin sent in two parts, a pause between them so that the
    run lasts well over a progress interval however fast the machine; return the exit
    code and what stderr showed (a pseudo-terminal, or a pipe)."""
    master, slave = pty.openpty() if at_a_terminal else os.pipe()
    with subprocess.Popen(
        [*NIRKIT, *argv], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=slave, cwd=cwd
    ) as process:
        os.close(slave)
        assert process.stdin is not None
        process.stdin.write(f"{GOOD}\n".encode() * 3_000)
        process.stdin.flush()
        time.sleep(1.5 * INTERVAL)
        process.stdin.write(f"{GOOD}\n".encode() * 3_000)
        process.stdin.close()
        shown = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        code = process.wait(timeout=120)
    os.close(master)
    return code, shown


@pytest.mark.parametrize(
    ("argv", "unit"),
    [
        (["impact", "-"], b" numbers ("),
        (["lint", "--no-config", "-", "a.txt", "b.txt"], b" files ("),  # after stdin: a.txt
    ],
)
def test_progress_on_a_terminal_only(tmp_path: Path, argv: list[str], unit: bytes) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"nir: {GOOD}\n", encoding="utf-8")
    code, shown = _stderr_seen(argv, tmp_path, at_a_terminal=True)
    assert code == 0
    assert shown.startswith(b"\rnirkit " + argv[0].encode() + b": ") and unit in shown
    assert re.search(rb"\(\d[\d,]*/s\)", shown)
    assert shown.endswith(b"\r")  # the line is erased at the end
    assert _stderr_seen([*argv, "-q"], tmp_path, at_a_terminal=True) == (0, b"")
    assert _stderr_seen(argv, tmp_path, at_a_terminal=False) == (0, b"")
