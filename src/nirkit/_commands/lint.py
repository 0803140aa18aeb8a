"""``nirkit lint PATH...``: find broken (or, in leak mode, any) numbers in files."""

from __future__ import annotations

import argparse
import itertools
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
    encoding_name,
    find_pyproject,
    from_pyproject,
    parse_kinds,
    profile_name,
    split_codes,
)
from nirkit._lint.engine import Run
from nirkit._lint.files import FileError
from nirkit._lint.report import FORMATS, WRITERS, SarifWriter, Writer, shown_path
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
        "not a regular file": "ce n'est pas un fichier ordinaire",
        "symbolic link loop": "boucle de liens symboliques",
        "decode": "pas entièrement en {encoding} (ligne {line}) ; le reste a été lu",
    },
}


def _file_error(error: FileError, lang: Lang) -> str:
    """The stderr line of a path that could not be linted, in ``lang``."""
    message = error.message
    if lang == "fr":
        texts = _TEXTS["fr"]
        if error.encoding is not None:
            message = texts["decode"].format(encoding=error.encoding, line=error.line)
        elif message in texts:
            message = texts[message]
        elif error.errno is not None:
            message = os_error_text(OSError(error.errno, message), lang)
    return _TEXTS[lang]["file_error"].format(path=shown_path(error.path), message=message)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "lint",
        help="report invalid numbers in files (a fixture linter for CI)",
        description="Find NIR-shaped tokens in text files and report the invalid ones. "
        "Exit 0: no findings; 1: findings; 2: usage or I/O error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; - is stdin")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), json, jsonl (one object per line), github or sarif",
    )
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
    parser.add_argument(
        "--encoding",
        metavar="CODEC",
        help="read every file in this encoding (default: each file's first bytes decide; "
        "UTF-8, UTF-16 with a byte-order mark, cp1252 for bytes that are not UTF-8)",
    )
    parser.add_argument(
        "--max-findings",
        type=_positive,
        metavar="N",
        help="stop after N findings (exit 1)",
    )
    parser.add_argument("--config", metavar="FILE", help="the pyproject.toml to read")
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (report only)"
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no findings and stop at the first one; exit code only",
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
    if args.encoding:
        config = replace(config, encoding=encoding_name(args.encoding))
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
    writer = None if args.quiet else _writer(args.format, config)
    limit = 1 if args.quiet else args.max_findings
    stopped = False
    files = itertools.count(1)
    with progress("nirkit lint", _TEXTS[lang]["files"], lang, quiet=args.quiet) as shown:
        run = Run(args.paths, config, on_file=lambda _name: shown.update(next(files)))
        for item in run:
            shown.close()  # no output on the progress line's tail; drawn again when due
            if isinstance(item, FileError):
                tell(args, _file_error(item, lang))
                if writer is not None:
                    writer.error(item)
                continue
            if writer is not None:
                writer.finding(item)
            if limit is not None and run.report.found >= limit:
                stopped = True
                break
    if writer is not None:
        writer.finish(run.report, stopped)
    if run.report.errors:
        return EXIT_USAGE
    return EXIT_INVALID if run.report.found and not args.exit_zero else EXIT_OK


def _writer(name: str, config: LintConfig) -> Writer:
    if name == "sarif":
        return SarifWriter(sys.stdout, help_uri=config.help_uri, run_file=config.source)
    return WRITERS[name](sys.stdout)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = "expected a whole number of 1 or more"
        raise argparse.ArgumentTypeError(msg)
    return value
