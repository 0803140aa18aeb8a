"""Finding the files to lint and reading them as bounded blocks of text.

Memory stays flat: a file is read in blocks of ``BLOCK_BYTES``; a block ends
after its last newline and the rest waits for the next block, so blocks hold
whole lines. A line longer than ``MAX_PENDING`` characters is cut at its last
character that cannot belong to a token (a comma, a quote...), so even a file
that is one huge line is read in bounded pieces.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

BLOCK_BYTES: Final = 1 << 20
MAX_PENDING: Final = 4 << 20  # characters of one line held before cutting it
SNIFF_BYTES: Final = 8192  # a NUL byte in this many first bytes means binary
STDIN: Final = "-"
STDIN_NAME: Final = "<stdin>"

DEFAULT_EXCLUDES: Final = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
)
# Up to the last character of a pending line at which it can be cut: not a
# token character nor a separator (greedy, so one backward pass).
_CUT: Final = re.compile(r".*[^0-9A-Za-z .\-]", re.DOTALL)


class BinaryFile(Exception):  # noqa: N818  (a reason to skip, not an error)
    """The file holds a NUL byte near its start: it is not text."""


class NotUtf8(Exception):  # noqa: N818  (carried to the report as a per-file error)
    """The file is not valid UTF-8; ``line`` is where decoding failed."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint: ``name`` as shown in findings, ``path`` (``None`` for stdin)."""

    name: str
    path: Path | None


def excluded(relative: str, patterns: Iterable[str], skip: int = 0) -> bool:
    """Whether a path (with ``/``) matches an exclusion glob.

    A pattern with a ``/`` matches the whole path (or a leading part of it);
    a pattern without one matches any single component (``node_modules``,
    ``*.min.js``) but the first ``skip`` ones (the parents of an absolute
    path given on the command line, which are not the project's business).
    """
    parts = relative.split("/")
    for pattern in patterns:
        stripped = pattern.strip("/")
        if "/" in stripped:
            prefixes = ("/".join(parts[: i + 1]) for i in range(len(parts)))
            if any(fnmatch.fnmatchcase(prefix, stripped) for prefix in prefixes):
                return True
        elif any(fnmatch.fnmatchcase(part, stripped) for part in parts[skip:]):
            return True
    return False


def _display(path: Path) -> str:
    text = path.as_posix()
    return text[2:] if text.startswith("./") else text


def targets(paths: Iterable[str], excludes: tuple[str, ...]) -> Iterator[Target | OSError]:
    """The files under ``paths``, sorted, without excluded ones.

    A path named explicitly is excluded too (so that pre-commit, which names
    files, honours the configuration). A named path that cannot be read yields
    an ``OSError`` for the caller to report; inside a directory, things that
    are not regular files (dangling links, sockets) are skipped.
    """
    for given in paths:
        if given == STDIN:
            yield Target(STDIN_NAME, None)
            continue
        path = Path(given)
        shown = _display(path)
        skip = shown.count("/") if path.is_absolute() else 0
        if excluded(shown, excludes, skip):
            continue
        if path.is_dir():
            yield from _walk(path, excludes, shown.count("/") + 1 if path.is_absolute() else 0)
        elif path.is_file():
            yield Target(_display(path), path)
        else:
            yield FileNotFoundError(2, "no such file", given)


def _walk(root: Path, excludes: tuple[str, ...], skip: int) -> Iterator[Target]:
    """The files under ``root``: a directory's files first, then its subdirectories."""
    for directory, subdirs, files in os.walk(root):
        base = Path(directory)
        subdirs[:] = sorted(d for d in subdirs if not excluded(_display(base / d), excludes, skip))
        for name in sorted(files):
            path = base / name
            shown = _display(path)
            if not excluded(shown, excludes, skip) and path.is_file():
                yield Target(shown, path)


def blocks(stream: BinaryIO) -> Iterator[str]:
    """Decoded UTF-8 blocks of ``stream``, each ending after a newline when possible.

    Raises :class:`BinaryFile` before yielding anything when the first bytes
    hold a NUL, and :class:`NotUtf8` where the bytes stop being UTF-8 (after
    yielding the whole lines before that point).
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    pending = ""
    lines_before = 0  # newlines in the text already yielded, for error positions
    first = True
    while True:
        raw = stream.read(BLOCK_BYTES)
        if first and b"\0" in raw[:SNIFF_BYTES]:
            raise BinaryFile
        first = False
        try:
            text = decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as error:
            # The whole lines before the bad byte are still linted.
            head = pending + bytes(error.object[: error.start]).decode("utf-8", "replace")
            whole = head[: head.rfind("\n") + 1]
            if whole:
                yield whole.removeprefix("\ufeff")
            raise NotUtf8(lines_before + head.count("\n") + 1) from None
        if not raw:
            if pending or text:
                yield pending + text
            return
        pending += text
        cut = pending.rfind("\n") + 1
        if not cut and len(pending) > MAX_PENDING:
            found = _CUT.match(pending)
            cut = found.end() if found else len(pending)
        if cut:
            block, pending = pending[:cut], pending[cut:]
            lines_before += block.count("\n")
            yield block
