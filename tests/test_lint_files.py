"""Reading files in bounded blocks, skipping binaries, walking with exclusions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nirkit._lint import files
from nirkit._lint.files import BinaryFile, NotUtf8, Target, blocks, excluded, targets


def _blocks(data: bytes) -> list[str]:
    return list(blocks(io.BytesIO(data)))


def test_blocks_end_after_a_newline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "BLOCK_BYTES", 8)
    got = _blocks(b"one\ntwo three\nfour\nfive")
    assert "".join(got) == "one\ntwo three\nfour\nfive"
    assert all(block.endswith("\n") for block in got[:-1])


@given(st.text(alphabet="ab1é€\n ,", max_size=300), st.integers(1, 16))
def test_blocks_rebuild_the_text(text: str, size: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files, "BLOCK_BYTES", size)
        patch.setattr(files, "MAX_PENDING", 2 * size)
        got = _blocks(text.encode("utf-8"))
    assert "".join(got) == text  # a multi-byte character split by a read is whole
    assert all(len(block) <= 3 * size + 4 for block in got)  # bounded, even without newlines


def test_a_long_line_is_cut_between_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "BLOCK_BYTES", 16)
    monkeypatch.setattr(files, "MAX_PENDING", 32)
    got = _blocks(b"184027512345634, " * 10)
    assert all(block.endswith(",") for block in got[:-1])
    assert "".join(got) == "184027512345634, " * 10


def test_bom_is_dropped() -> None:
    assert _blocks("\ufeffnir\n".encode()) == ["nir\n"]


def test_binary_is_refused_before_any_block() -> None:
    with pytest.raises(BinaryFile):
        _blocks(b"\x89PNG\r\n\x1a\n\x00\x00")


@pytest.mark.parametrize(
    ("data", "line"),
    [(b"\xff", 1), (b"ok\nok\ncaf\xe9\n", 3), ("é\n".encode() * 3 + b"\x80", 4)],
)
def test_not_utf8_says_where(data: bytes, line: int) -> None:
    with pytest.raises(NotUtf8) as caught:
        _blocks(data)
    assert caught.value.line == line


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
    assert isinstance(found[2], OSError)
    # An excluded file is skipped even when named (pre-commit names files).
    assert list(targets([str(tmp_path / "a.txt")], ("*.txt",))) == []
