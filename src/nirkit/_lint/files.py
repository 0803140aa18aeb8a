"""Finding the files to lint: walking, exclusions, and paths that cannot be read.

Reading a file's text (encodings, bounded blocks) is ``nirkit._textfile``'s job.
"""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

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


@dataclass(frozen=True, slots=True)
class FileError:
    """A path that could not be read (or not wholly, in the encoding asked for).

    ``message`` says why in English; ``errno`` (the OS's refusal) or ``encoding``
    and ``line`` (the first byte not in the encoding asked for) let the command
    line say it in French too.
    """

    path: str
    message: str
    errno: int | None = None
    encoding: str | None = None
    line: int | None = None


def os_error(path: str, error: OSError) -> FileError:
    """The error of a path the OS refused: a loop named as such."""
    if error.errno == errno.ELOOP:
        return FileError(path, "symbolic link loop", errno.ELOOP)
    return FileError(path, error.strerror or str(error), error.errno)


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


def targets(paths: Iterable[str], excludes: tuple[str, ...]) -> Iterator[Target | FileError]:
    """The files under ``paths``, sorted, without excluded ones, each once.

    A path named explicitly is excluded too (so that pre-commit, which names
    files, honours the configuration). A named path that cannot be read, a
    directory that cannot be listed and a symbolic link loop are errors; inside
    a directory, things that are not regular files (sockets, dangling links)
    are skipped. A file named twice, or named and inside a named directory, is
    linted once.
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        if given == STDIN:
            yield Target(STDIN_NAME, None)
            continue
        path = Path(given)
        shown = _display(path)
        skip = shown.count("/") if path.is_absolute() else 0
        if excluded(shown, excludes, skip):
            continue
        try:
            status = path.stat()
        except OSError as error:
            yield os_error(shown, error)
            continue
        if path.is_dir():
            walked = _walk(path, excludes, shown.count("/") + 1 if path.is_absolute() else 0)
            for found in walked:
                if isinstance(found, FileError) or _first_time(found.path, seen):
                    yield found
        elif not path.is_file():
            yield FileError(shown, "not a regular file")
        elif (status.st_dev, status.st_ino) not in seen:
            seen.add((status.st_dev, status.st_ino))
            yield Target(shown, path)


def _first_time(path: Path | None, seen: set[tuple[int, int]]) -> bool:
    if path is None:
        return True
    try:
        status = path.stat()
    except OSError:
        return True  # reading it will say what is wrong
    identity = (status.st_dev, status.st_ino)
    if identity in seen:
        return False
    seen.add(identity)
    return True


def _walk(root: Path, excludes: tuple[str, ...], skip: int) -> Iterator[Target | FileError]:
    """The files under ``root``: a directory's files first, then its subdirectories."""
    problems: list[OSError] = []
    for directory, subdirs, files in os.walk(root, onerror=problems.append):
        while problems:  # a directory that could not be listed
            error = problems.pop()
            yield os_error(_display(Path(error.filename)), error)
        base = Path(directory)
        subdirs[:] = sorted(d for d in subdirs if not excluded(_display(base / d), excludes, skip))
        for name in sorted(files):
            path = base / name
            shown = _display(path)
            if excluded(shown, excludes, skip):
                continue
            if path.is_file():
                yield Target(shown, path)
            elif path.is_symlink() and _loops(path):
                yield FileError(shown, "symbolic link loop", errno.ELOOP)
    for error in problems:
        yield os_error(_display(Path(error.filename)), error)


def _loops(path: Path) -> bool:
    try:
        path.stat()
    except OSError as error:
        return error.errno == errno.ELOOP
    return False
