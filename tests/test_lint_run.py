"""``nirkit lint`` run as a user runs it: a real process, real files in every encoding,
output that streams, stops when asked, and names no file in a way that forges output."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_lint_helpers import compact, lint_json, with_key, wrong_key

GOOD = compact(with_key("2 95 10 99 126 111"))
BAD = compact(wrong_key("1 84 02 75 123 456"))
BAD_MONTH = compact(with_key("1 84 13 75 123 456"))
HEADER = "N° dossier;Numéro de sécurité sociale;Nom\r\n"


def nirkit(*argv: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "nirkit", "lint", "--no-config", *argv],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("cp1252", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_every_encoding_of_an_export(tmp_path: Path, encoding: str, mark: bytes) -> None:
    """The same export saved by different tools gives the same findings, at columns
    counted in characters (``Dupré`` and ``Numéro`` are one character per letter)."""
    text = HEADER + f"1;{BAD_MONTH};Dupré\r\n2;{GOOD};Léa\r\n3;Élodie;{BAD}\r\n"
    (tmp_path / "export.csv").write_bytes(mark + text.encode(encoding))
    done = nirkit("--format", "json", "--report-valid", "export.csv", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, b"")
    found = json.loads(done.stdout)["findings"]
    assert [(f["line"], f["column"], f["code"]) for f in found] == [
        (2, 3, "bad_month"),
        (3, 3, "valid_number"),
        (4, 10, "key_mismatch"),
    ]


def test_a_named_encoding_from_the_command_line_or_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "latin9.txt").write_bytes(f"nir: €{BAD}\n".encode("iso8859-15"))
    done = nirkit("--encoding", "iso8859-15", "--format", "json", "latin9.txt", cwd=tmp_path)
    (finding,) = json.loads(done.stdout)["findings"]
    assert finding["column"] == 7  # the euro sign is one character
    (tmp_path / "pyproject.toml").write_text('[tool.nirkit]\nencoding = "iso8859-15"\n', "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "nirkit", "lint", "--format", "json", "latin9.txt"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert json.loads(done.stdout)["findings"][0]["column"] == 7
    bad = nirkit("--encoding", "klingon", "latin9.txt", cwd=tmp_path)
    assert bad.returncode == 2
    assert b"unknown encoding 'klingon'" in bad.stderr


def test_a_utf16_file_is_text_not_binary(tmp_path: Path) -> None:
    """Excel's "Unicode text" export holds NUL bytes: it is still read (it used to be
    skipped as binary, exit 0, the leak unseen)."""
    text = "Nom\tNIR\r\nMartin\t" + GOOD + "\r\n"
    (tmp_path / "unicode.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + GOOD.encode())
    done = nirkit("--report-valid", ".", cwd=tmp_path)
    assert done.returncode == 1
    assert b"unicode.txt:2:8: valid_number" in done.stdout
    assert b"1 binary skipped" in done.stdout


def test_findings_stream_and_stop_when_asked(tmp_path: Path) -> None:
    (tmp_path / "leak.log").write_text(f"user {GOOD}\n" * 1000, encoding="utf-8")
    everything = nirkit("--report-valid", "--format", "jsonl", "leak.log", cwd=tmp_path)
    lines = [json.loads(line) for line in everything.stdout.splitlines()]
    assert [line["type"] for line in lines] == ["finding"] * 1000 + ["summary"]
    assert lines[-1]["findings"] == 1000 and lines[-1]["stopped"] is False
    some = nirkit("--report-valid", "--max-findings", "3", "--format", "jsonl", "leak.log",
                  cwd=tmp_path)  # fmt: skip
    lines = [json.loads(line) for line in some.stdout.splitlines()]
    assert some.returncode == 1
    assert [line["line"] for line in lines[:-1]] == [1, 2, 3]
    assert lines[-1]["findings"] == 3 and lines[-1]["stopped"] is True
    text = nirkit("--report-valid", "--max-findings", "2", "leak.log", cwd=tmp_path)
    assert text.stdout.decode().splitlines()[-1].endswith("Stopped after 2: there may be more.")
    quiet = nirkit("--report-valid", "-q", "leak.log", cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout) == (1, b"")
    assert nirkit("--max-findings", "0", "leak.log", cwd=tmp_path).returncode == 2


def test_a_leak_of_real_size_streams_in_flat_memory(tmp_path: Path) -> None:
    """10 MB holding 80,000 valid numbers: findings are written as they come and the
    peak memory of the process stays far below the file's weight in findings."""
    line = f"2024-04-15 12:03:11 INFO patient {GOOD} consulted the file of {GOOD}\n"
    with (tmp_path / "leak.log").open("w", encoding="utf-8") as out:
        for _ in range(10_000_000 // len(line)):
            out.write(line)
    with subprocess.Popen(
        [sys.executable, "-c", _PEAK_AFTER_RUN, "lint", "--no-config", "--report-valid",
         "--format", "jsonl", "leak.log"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None and child.stderr is not None
        count = sum(1 for _ in child.stdout)  # read as it comes, as a pipe does
        peak = child.stderr.read()
    assert child.returncode == 1
    assert count == 2 * (10_000_000 // len(line)) + 1
    assert int(peak.split()[-2]) / 1024 < 100  # MB, whatever the number of findings


# Run the command line, then print the peak resident memory of this process image
# (VmHWM: unlike the rusage of a child, it leaves out the parent it was forked from).
_PEAK_AFTER_RUN = """
import sys
from pathlib import Path
from nirkit.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
peak = [l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM")]
print(peak[0], file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("::error::forged.txt", '"::error::forged.txt"'),
        ("new\nline.txt", '"new\\nline.txt"'),
        ("bell\x07.txt", '"bell\\x07.txt"'),
        ("plain name.txt", "plain name.txt"),
    ],
)
def test_a_file_name_cannot_inject_a_workflow_command(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    shown: str,
) -> None:
    from nirkit.cli import main

    (tmp_path / name).write_text(f"{BAD}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--no-config", name]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{shown}:1:1: key_mismatch")
    assert not any(line.startswith("::") for line in out.splitlines())


def test_unreadable_paths_exit_2_and_are_named(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "a.txt").write_text(f"{BAD}\n", encoding="utf-8")
    done = nirkit(".", "missing.txt", "a.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "loop: error: symbolic link loop",
        "missing.txt: error: No such file or directory",
    ]
    out = done.stdout.decode()
    assert out.count("a.txt:1:1: key_mismatch") == 1  # named twice, linted once
    assert out.endswith("(1 file checked, 2 unreadable).\n")


def test_help_uri_comes_from_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nirkit.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.nirkit]\nhelp-uri = "https://intranet.example/nirkit/lint.html"\n', "utf-8"
    )
    (tmp_path / "a.txt").write_text(f"{BAD}\n", encoding="utf-8")
    assert main(["lint", "--format", "sarif", "a.txt"]) == 1
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    assert {rule["helpUri"] for rule in rules} == {"https://intranet.example/nirkit/lint.html"}


def test_lint_json_is_one_document_even_when_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(f"{BAD}\n{BAD}\n", encoding="utf-8")
    code, document, _ = lint_json(capsys, "--max-findings", "1", str(tmp_path))
    assert code == 1
    assert len(document["findings"]) == 1  # type: ignore[arg-type]
    assert document["summary"]["stopped"] is True  # type: ignore[index]
