"""``nirkit lint PATH...``: find broken (or, in leak mode, any) numbers in files."""

from __future__ import annotations

import argparse
import errno
import itertools
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Final

from nirkit._commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    add_common_options,
    complain,
    os_error_text,
    stdin_closed,
    tell,
)
from nirkit._commands._progress import progress
from nirkit._issues import Lang
from nirkit._lint.config import (
    ConfigError,
    LintConfig,
    find_pyproject,
    from_pyproject,
    parse_kinds,
    profile_name,
    split_codes,
)
from nirkit._lint.engine import FileError, lint
from nirkit._lint.report import FORMATS, WRITERS
from nirkit._lint.rules import RULES

_TEXTS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "no_path": "give at least one PATH (or - for stdin)",
        "file_error": "{path}: error: {message}",
        "files": "files",
    },
    "fr": {
        "no_path": "donnez au moins un CHEMIN (ou - pour l'entrée standard)",
        "file_error": "{path} : erreur : {message}",
        "files": "fichiers",
    },
}
# The engine's per-file errors are English: the OS's texts and its own.
_NOT_UTF8: Final = re.compile(r"not valid UTF-8 \(line (\d+)\); nirkit reads UTF-8 text only")
_OWN_ERRORS_FR: Final = {
    "no such file": "fichier introuvable",
    "unreadable": "lecture impossible",
}


def _file_error(error: FileError, lang: Lang) -> str:
    """The stderr line of a file that could not be linted, in ``lang``."""
    message = error.message
    if lang == "fr":
        not_utf8 = _NOT_UTF8.fullmatch(message)
        by_os = {os.strerror(code): code for code in errno.errorcode}
        if not_utf8:
            message = f"ce n'est pas de l'UTF-8 valide (ligne {not_utf8[1]}) ; nirkit lit l'UTF-8"
        elif message in by_os:
            message = os_error_text(OSError(by_os[message], message), lang)
        else:
            message = _OWN_ERRORS_FR.get(message, message)
    return _TEXTS[lang]["file_error"].format(path=error.path, message=message)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "lint",
        help="report invalid numbers in files (a fixture linter for CI)",
        description="Find NIR-shaped tokens in text files and report the invalid ones. "
        "Exit 0: no findings; 1: findings; 2: usage or I/O error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - is stdin")
    parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    add_common_options(parser, defaults=False)  # [tool.nirkit] fills in what is not given
    parser.add_argument(
        "--enable", action="append", metavar="CODE[,CODE]", help="turn rules on (repeatable)"
    )
    parser.add_argument(
        "--disable", action="append", metavar="CODE[,CODE]", help="turn rules off (repeatable)"
    )
    parser.add_argument(
        "--report-valid",
        action="store_true",
        help="leak mode: also report every valid number (rule valid_number)",
    )
    parser.add_argument(
        "--require-kinds",
        metavar="KIND[,KIND]",
        help="fail unless valid numbers of these kinds (definitive, waiting, provisional) appear",
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip matching paths"
    )
    parser.add_argument("--config", metavar="FILE", help="the pyproject.toml to read")
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (report only)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no findings; exit code only"
    )
    parser.add_argument("--list-rules", action="store_true", help="list rule codes and exit")
    parser.set_defaults(handler=run)


def configure(args: argparse.Namespace) -> LintConfig:
    """Defaults, then pyproject.toml, then the command line."""
    config = LintConfig()
    if not args.no_config:
        path = Path(args.config) if args.config else find_pyproject(Path.cwd())
        if path is not None and not path.is_file():
            msg = f"{args.config}: no such file"
            raise ConfigError(msg)
        if path is not None:
            config = from_pyproject(path, config)
    if args.profile:
        config = replace(config, profile=profile_name(args.profile))
    if args.lang:
        config = replace(config, lang=args.lang)
    if args.require_kinds is not None:
        config = replace(config, require_kinds=parse_kinds(split_codes([args.require_kinds])))
    enable = split_codes(args.enable) + (["valid_number"] if args.report_valid else [])
    config = config.with_rules(enable, split_codes(args.disable))
    return replace(
        config,
        excludes=config.excludes + tuple(args.exclude),
        show_numbers=args.show_numbers,
    )


def _list_rules(config: LintConfig) -> None:
    for code, rule in RULES.items():
        state = "on " if code in config.enabled else "off"
        print(f"{code:<22} {state} {rule.level:<7} {rule.summary}")


def run(args: argparse.Namespace) -> int:
    try:
        config = configure(args)
    except ConfigError as error:
        return complain(args, str(error))
    lang: Lang = "fr" if config.lang == "fr" else "en"
    if args.list_rules:
        _list_rules(config)
        return EXIT_OK
    if not args.paths:
        return complain(args, _TEXTS[lang]["no_path"])
    if "-" in args.paths and stdin_closed(args):
        return EXIT_USAGE
    done = itertools.count(1)
    with progress("nirkit lint", _TEXTS[lang]["files"], lang, quiet=args.quiet) as shown:
        report = lint(args.paths, config, on_file=lambda _name: shown.update(next(done)))
    for problem in report.errors:
        tell(args, _file_error(problem, lang))
    if not args.quiet:
        WRITERS[args.format](report, sys.stdout)
    if report.errors:
        return EXIT_USAGE
    return EXIT_INVALID if report.findings and not args.exit_zero else EXIT_OK
