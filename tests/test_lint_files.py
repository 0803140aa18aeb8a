"""Walking with exclusions; paths that cannot be read (reading is tests/test_textfile.py)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from nirkit._lint import files
from nirkit._lint.files import FileError, Target, excluded, targets


@pytest.mark.parametrize(
    ("path", "patterns", "out"),
    [
        ("node_modules/a/b.json", ["node_modules"], True),
        ("src/node_modules", ["node_modules"], True),
        ("tests/fixtures/x.csv", ["tests/fixtures"], True),
        ("tests/fixtures/x.csv", ["tests/fixtures/"], True),
        ("tests/fixtures/x.csv", ["*.csv"], True),
        ("tests/fixtures/x.csv", ["fixtures/*.csv"], False),  # a path pattern is anchored
        ("tests/fixtures/x.csv", ["*/fixtures/*.csv"], True),
        ("tests/x.csv", ["*.json"], False),
    ],
)
def test_excluded(path: str, patterns: list[str], out: bool) -> None:
    assert excluded(path, patterns) is out


def test_excluded_skips_leading_components() -> None:
    assert not excluded("/home/venv/p/a.txt", ["venv"], skip=3)
    assert excluded("/home/venv/p/venv/a.txt", ["venv"], skip=3)


def test_walk_is_sorted_and_honours_exclusions(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/y.csv", ".git/config", "node_modules/m.js", "keep/x.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    found = list(targets([str(tmp_path)], (*files.DEFAULT_EXCLUDES, "keep")))
    names = [t.name.removeprefix(tmp_path.as_posix() + "/") for t in found if isinstance(t, Target)]
    assert names == ["b.txt", "a/y.csv", "a/z.txt"]  # a directory's files, then its subdirectories


def test_parents_of_an_absolute_root_are_not_matched(tmp_path: Path) -> None:
    root = tmp_path / "venv" / "project"
    root.mkdir(parents=True)
    (root / "a.txt").write_text("x", encoding="utf-8")
    found = list(targets([str(root)], files.DEFAULT_EXCLUDES))
    assert [t.name for t in found if isinstance(t, Target)] == [f"{root.as_posix()}/a.txt"]
    assert len(list(targets([str(root / "a.txt")], files.DEFAULT_EXCLUDES))) == 1


def test_named_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    found = list(targets([str(tmp_path / "a.txt"), "-", str(tmp_path / "dangling")], ()))
    assert found[0] == Target(str(tmp_path / "a.txt"), tmp_path / "a.txt")
    assert found[1] == Target("<stdin>", None)
    missing = FileError(str(tmp_path / "dangling"), "No such file or directory", errno.ENOENT)
    assert found[2] == missing
    # An excluded file is skipped even when named (pre-commit names files).
    assert list(targets([str(tmp_path / "a.txt")], ("*.txt",))) == []


def test_a_path_given_twice_is_linted_once(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "d" / "a.txt")
    given = [str(tmp_path / "d"), str(tmp_path / "d" / "a.txt"), str(tmp_path / "d")]
    found = list(targets([*given, str(tmp_path / "link.txt")], ()))
    assert found == [Target(f"{tmp_path.as_posix()}/d/a.txt", tmp_path / "d" / "a.txt")]


def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert list(targets([str(tmp_path / "a")], ())) == [
        FileError(str(tmp_path / "a"), "symbolic link loop", errno.ELOOP)
    ]
    walked = list(targets([str(tmp_path)], ()))
    assert {item for item in walked if isinstance(item, FileError)} == {
        FileError(f"{tmp_path.as_posix()}/a", "symbolic link loop", errno.ELOOP),
        FileError(f"{tmp_path.as_posix()}/b", "symbolic link loop", errno.ELOOP),
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_an_unreadable_directory_is_an_error_not_a_silence(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "open.txt").write_text("x", encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        found = list(targets([str(tmp_path)], ()))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert found == [
        Target(f"{tmp_path.as_posix()}/open.txt", tmp_path / "open.txt"),
        FileError(f"{tmp_path.as_posix()}/locked", "Permission denied", errno.EACCES),
    ]


def test_a_directory_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "open.txt").write_text("x", encoding="utf-8")
    listing = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:  # as root, chmod cannot refuse
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert list(targets([str(tmp_path)], ())) == [
        Target(f"{tmp_path.as_posix()}/open.txt", tmp_path / "open.txt"),
        FileError(f"{tmp_path.as_posix()}/locked", "Permission denied", errno.EACCES),
    ]


def test_a_directory_that_cannot_be_listed_is_said_on_stderr_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a user meets it: the run goes on, names the directory on stderr, counts it
    in the summary and exits 2, even when the files it could read hold findings."""
    from nirkit.cli import main
    from tests.test_lint_helpers import compact, wrong_key

    (tmp_path / "locked").mkdir()
    (tmp_path / "open.txt").write_text(f"{compact(wrong_key('1 84 02 75 123 456'))}\n", "utf-8")
    listing = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:  # as root, chmod cannot refuse
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--no-config", "."]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == ["locked: error: Permission denied"]
    assert out.startswith("open.txt:1:1: key_mismatch")
    assert out.endswith("(1 file checked, 1 unreadable).\n")
