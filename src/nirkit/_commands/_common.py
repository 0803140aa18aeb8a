"""Options, exit codes, messages and closed streams, shared by the sub-commands."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from typing import Final, TextIO

from nirkit._commands._typed import mask_typed
from nirkit._issues import Lang

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1  # an invalid number, a finding, a refused number
EXIT_USAGE: Final = 2  # usage or I/O error

# The OS gives its error messages in English; these are the ones a user meets.
_OS_ERRORS_FR: Final = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "n'est pas un dossier",
    errno.ELOOP: "trop de niveaux de liens symboliques",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EIO: "erreur d'entrée-sortie",
    errno.ENOSPC: "plus de place sur le périphérique",
    errno.EBADF: "descripteur de fichier invalide",
}
# An OSError raised without an errno (Polars raises them so) still tells by its class.
_ERRNO_OF: Final[dict[type[OSError], int]] = {
    FileNotFoundError: errno.ENOENT,
    PermissionError: errno.EACCES,
    IsADirectoryError: errno.EISDIR,
    NotADirectoryError: errno.ENOTDIR,
}
_TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "stdin_closed": "standard input is closed: give a file, or - with input",
        "stdout_closed": "standard output is closed: redirect it to /dev/null to discard it",
        "unreadable": "cannot read",
    },
    "fr": {
        "stdin_closed": "l'entrée standard est fermée : donnez un fichier, ou - avec une entrée",
        "stdout_closed": "la sortie standard est fermée : redirigez-la vers /dev/null pour "
        "l'ignorer",
        "unreadable": "lecture impossible",
    },
}


class CommandError(Exception):
    """A problem with the command line or an input: one line on stderr, exit 2.

    ``key`` names the text in the command's table; ``values`` fill it in.
    """

    def __init__(self, key: str, /, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, texts: dict[Lang, dict[str, str]], lang: Lang) -> str:
        return texts[lang][self.key].format(**self.values)


def lang_of(args: argparse.Namespace) -> Lang:
    """The language of messages (English unless ``--lang fr``)."""
    return "fr" if getattr(args, "lang", None) == "fr" else "en"


def tell(args: argparse.Namespace, line: str) -> None:
    """Print ``line`` on stderr, with the digits the user typed masked."""
    print(mask_typed(line, getattr(args, "typed", frozenset())), file=sys.stderr)


def complain(args: argparse.Namespace, message: str) -> int:
    """Print ``nirkit COMMAND: message`` on stderr (typed digits masked); return 2."""
    tell(args, f"nirkit {args.command}: {message}")
    return EXIT_USAGE


def os_error_text(error: OSError, lang: Lang) -> str:
    """What went wrong, in words: the OS's English, or French for the usual cases."""
    code = error.errno if error.errno is not None else _ERRNO_OF.get(type(error))
    if lang == "fr" and code in _OS_ERRORS_FR:
        return _OS_ERRORS_FR[code]
    if error.strerror:
        return error.strerror
    return os.strerror(code) if code is not None else _TEXTS[lang]["unreadable"]


def stdin_closed(args: argparse.Namespace) -> bool:
    """Say so, and return True, when standard input is closed (``<&-``)."""
    return _closed(args, sys.stdin, "stdin_closed")


def stdout_closed(args: argparse.Namespace) -> bool:
    """Say so, and return True, when standard output is closed (``>&-``)."""
    return _closed(args, sys.stdout, "stdout_closed")


def _closed(args: argparse.Namespace, stream: TextIO | None, key: str) -> bool:
    if stream is not None:
        return False
    complain(args, _TEXTS[lang_of(args)][key])
    return True


def add_common_options(
    parser: argparse.ArgumentParser,
    *,
    defaults: bool = True,
    show_numbers: bool = True,
) -> None:
    """``--profile``, ``--lang`` and ``--show-numbers``.

    ``defaults=False`` leaves unset options at ``None``, for a command whose
    configuration file fills them in; ``show_numbers=False`` is for a command
    that never shows a number.
    """
    parser.add_argument(
        "--profile",
        choices=("lenient", "standard", "strict"),
        default="standard" if defaults else None,
        help="validation profile (default: standard)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "fr"),
        default="en" if defaults else None,
        help="language of messages (default: en)",
    )
    if show_numbers:
        parser.add_argument(
            "--show-numbers",
            action="store_true",
            help="show full numbers instead of masked forms",
        )
