"""The linter proper: blocks of text in, findings out (no printing here).

The hot loop runs one compiled pattern over each block; its first branch checks
the fields of the usual candidate (a compact or display form), so that only its
key is left to compute. The CSV column of a lookalike is found with a few string
methods. Positions, context, :func:`nirkit.diagnose` and suppression comments
are worked out only for the few tokens that may become findings.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Final

from nirkit._api import compact_if_valid, diagnose
from nirkit._checks import SPECIMENS
from nirkit._format import format_nir, mask
from nirkit._issues import Lang, NIRError
from nirkit._key import key_is_right, luhn_valid
from nirkit._kinds import KIND_OF_DIGIT, Kind
from nirkit._lint.candidates import (
    TOKEN,
    compact_token,
    plausible_shape,
    scanner,
    separators_on_group_ends,
)
from nirkit._lint.config import LintConfig
from nirkit._lint.context import (
    CSV_SUFFIXES,
    LOOKBACK,
    CsvColumns,
    key_before,
    mentions_nir,
    says_nir,
)
from nirkit._lint.files import BinaryFile, NotUtf8, Target, blocks, targets
from nirkit._lint.rules import RULES, Level, key_missing_message, own_message
from nirkit._profiles import pattern_for, resolve_profile

_KEY_CODES: Final = frozenset({"key_mismatch", "key_out_of_range"})
_WARNING_RULES: Final = frozenset(
    {"corsica_before_1976", "corsica_20_after_1975", "unknown_country"}
)
_IGNORE: Final = re.compile(r"nirkit:\s*ignore(?:\[([^\]]*)\])?")
# A key name can only end right before a token with one of these characters.
_KEY_ENDS: Final = frozenset(":=> \t\"'[(")
_MAX_CSV_LINE: Final = 1 << 16  # longer lines are not read as CSV records


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem. ``number`` is masked unless full numbers were asked for.

    ``path``, ``line`` and ``column`` (1-based, in characters) are ``None`` for
    a finding about the whole run (``missing_kind``).
    """

    code: str
    level: Level
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    length: int = 0  # characters the token spans, separators included
    number: str | None = None
    also: tuple[str, ...] = ()  # the other enabled codes of the same token


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be linted (unreadable, not UTF-8)."""

    path: str
    message: str


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_checked: int = 0
    files_skipped: list[str] = field(default_factory=list)  # binary
    # Valid numbers by first digit: a plain dict, cheaper to add to than a Counter.
    first_digits: dict[str, int] = field(default_factory=lambda: dict.fromkeys("123478", 0))
    lang: Lang = "en"  # of the messages and the summary

    @property
    def kinds_seen(self) -> Counter[Kind]:
        """How many valid numbers of each kind were seen."""
        kinds: Counter[Kind] = Counter()
        for digit, count in self.first_digits.items():
            if count:
                kinds[KIND_OF_DIGIT[digit]] += count
        return kinds


def shown_number(compact: str, show_numbers: bool) -> str:
    """The masked form of a candidate, or its display form when asked for."""
    try:
        return format_nir(compact) if show_numbers else mask(compact)
    except NIRError:  # a wrong length: no display groups
        return compact if show_numbers else compact[0] + " " + "•" * (len(compact) - 1)


class _Lines:
    """Line numbers, columns and line texts of positions in one block.

    Positions are asked for in increasing order, so each query only scans the
    text since the previous one: linear in the block, even for a 10 MB line.
    """

    def __init__(self, block: str, first_line: int, column_offset: int) -> None:
        self.block = block
        self.line = first_line
        self.offset = column_offset  # characters of the first line in earlier blocks
        self.position = 0
        self.line_start = 0
        self.line_end = -1

    def seek(self, position: int) -> None:
        newlines = self.block.count("\n", self.position, position)
        if newlines:
            self.line += newlines
            self.line_start = self.block.rfind("\n", self.position, position) + 1
            self.offset = 0
        self.position = position

    def column(self, position: int) -> int:
        return position - self.line_start + self.offset + 1

    def text(self) -> str:
        """The current line, as far as this block holds it."""
        if self.line_end < self.line_start:
            end = self.block.find("\n", self.line_start)
            self.line_end = len(self.block) if end < 0 else end
        return self.block[self.line_start : self.line_end]


class _FileLinter:
    def __init__(self, target: Target, config: LintConfig, report: Report) -> None:
        self.name = target.name
        self.config = config
        self.report = report
        self.profile = resolve_profile(config.profile)
        self.keyless = replace(self.profile, key_required=False)
        self.accept = compact_if_valid(self.profile)
        # A first branch for valid-looking numbers, where the key is required and
        # a valid number has no other condition (no warning turned into an error).
        fast = self.profile.key_required and not self.profile.warnings_are_errors
        self.scanner = scanner(pattern_for(self.profile).pattern) if fast else TOKEN
        self.lang: Lang = "fr" if config.lang == "fr" else "en"
        enabled = config.enabled
        if self.profile.warnings_are_errors:  # strict: a warning is an error, always reported
            enabled |= _WARNING_RULES
        self.enabled = enabled
        self.want_valid = "valid_number" in enabled
        self.want_specimen = "specimen" in enabled
        self.want_warnings = bool(enabled & _WARNING_RULES)
        self.csv = target.name.lower().endswith(CSV_SUFFIXES)
        self.columns: CsvColumns | None = None
        self.ignores: dict[int, frozenset[str] | None] = {}

    def run(self, texts: Iterable[str]) -> None:
        line = 1
        offset = 0
        for block in texts:
            if self.csv and self.columns is None:
                end = block.find("\n")
                self.columns = CsvColumns(block if end < 0 else block[:end])
            self.scan(block, line, offset)
            newlines = block.count("\n")
            line += newlines
            offset = len(block) - block.rfind("\n") - 1 + (0 if newlines else offset)

    def scan(self, block: str, first_line: int, offset: int) -> None:
        lines = _Lines(block, first_line, offset)
        accept = self.accept
        # Counted by first digit: hashing a one-character str is cheaper than an enum.
        seen = self.report.first_digits
        specimens = SPECIMENS if self.want_specimen else frozenset[str]()
        every_valid = self.want_valid or self.want_warnings
        # No NIR column and no NIR word in the block: no token can have a NIR context.
        columns = self.columns
        maybe_context = bool(columns and columns.nir_columns) or mentions_nir(block)
        # The NIR columns of a CSV, when this block starts at the start of a line.
        nir_columns = columns.nir_columns if columns and not offset else frozenset[int]()
        delimiter = columns.delimiter if columns else ","
        line_start = seen_to = 0
        unquoted = '"' not in block
        for match in self.scanner.finditer(block):
            token = match[0]
            # The usual candidate, a compact or display form whose fields the
            # scanner has checked: only the key is left, and nothing is built.
            if match.lastgroup:
                compact = token if len(token) == 15 else token.replace(" ", "")
                if key_is_right(compact):
                    seen[compact[0]] += 1
                    if every_valid or compact in specimens:
                        self.valid(lines, match, compact)
                    continue
            compact = token if token.isdigit() else compact_token(token)
            size = len(compact)
            if size == 15 and accept(compact):
                if not separators_on_group_ends(token) and not self.context(lines, match.start()):
                    continue  # e.g. a decimal number: a NIR only if the context says so
                seen[compact[0]] += 1
                if every_valid or compact in specimens:
                    self.valid(lines, match, compact)
            elif 13 <= size <= 16:
                strong = size == 15 and plausible_shape(compact) and separators_on_group_ends(token)
                if not strong and nir_columns:
                    # Most lookalikes of a CSV sit in other columns after no key
                    # name: rule them out here, with the line start kept up to
                    # date incrementally (linear, even for a 10 MB line).
                    position = match.start()
                    newline = block.rfind("\n", seen_to, position)
                    if newline >= 0:
                        line_start = newline + 1
                    seen_to = position
                    if (
                        block[position - 1] not in _KEY_ENDS
                        and (unquoted or block.find('"', line_start, position) < 0)
                        and block.count(delimiter, line_start, position) not in nir_columns
                    ):
                        continue
                if strong or (maybe_context and self.context(lines, match.start())):
                    self.suspect(lines, match, compact, strong)

    def context(self, lines: _Lines, position: int) -> bool:
        """Whether the key or CSV column of the token at ``position`` says NIR."""
        lines.seek(position)
        block = lines.block
        start = lines.line_start
        if position > start and block[position - 1] in _KEY_ENDS:
            key = key_before(block[max(start, position - LOOKBACK) : position])
            if key is not None and says_nir(key):
                return True
        columns = self.columns
        if columns is None or not columns.nir_columns or lines.line == 1 or lines.offset:
            return False
        if position - start > _MAX_CSV_LINE:
            return False
        if block.find('"', start, position) < 0:
            column = block.count(columns.delimiter, start, position)
        else:
            column = columns.column_at(block[start:position], position - start)
        return column in columns.nir_columns

    def valid(self, lines: _Lines, match: re.Match[str], compact: str) -> None:
        codes: list[tuple[str, str]] = []
        if self.want_warnings or (self.want_specimen and compact in SPECIMENS):
            number = diagnose(compact, profile=self.profile).nir
            warnings = number.warnings if number is not None else ()
            codes += [(w.code, w.message(self.lang)) for w in warnings if w.code in self.enabled]
        if self.want_valid:
            kind = KIND_OF_DIGIT[compact[0]]
            codes.append(("valid_number", own_message("valid_number", kind, self.lang)))
        if codes:
            self.add(lines, match, compact, codes)

    def suspect(self, lines: _Lines, match: re.Match[str], compact: str, strong: bool) -> None:
        """A token that is not a valid number: strong, or in a NIR context."""
        keyless = len(compact) == 13 and self.profile.key_required
        diagnosis = diagnose(compact, profile=self.keyless if keyless else self.profile)
        if diagnosis.valid and keyless:
            self.add(lines, match, compact, [("key_missing", key_missing_message(self.lang))])
            return
        if diagnosis.valid:  # 13 characters where the profile allows it
            self.report.first_digits[compact[0]] += 1
            self.valid(lines, match, compact)
            return
        errors = diagnosis.errors
        # A payment card number or an IMEI passes the Luhn check and can have
        # this shape too: then only a NIR context makes it a finding.
        card = strong and {e.code for e in errors} <= _KEY_CODES and luhn_valid(compact)
        if card and not self.context(lines, match.start()):
            return
        self.add(lines, match, compact, [(e.code, e.message(self.lang)) for e in errors])

    def add(
        self, lines: _Lines, match: re.Match[str], compact: str, codes: list[tuple[str, str]]
    ) -> None:
        codes = [(code, message) for code, message in codes if code in self.enabled]
        if not codes:
            return
        lines.seek(match.start())
        ignored = self.ignored(lines)
        if ignored is not None:
            codes = [(code, message) for code, message in codes if ignored and code not in ignored]
            if not codes:
                return
        (code, message), *others = codes
        self.report.findings.append(
            Finding(
                code=code,
                level=RULES[code].level,
                message=message,
                path=self.name,
                line=lines.line,
                column=lines.column(match.start()),
                length=match.end() - match.start(),
                number=shown_number(compact, self.config.show_numbers),
                also=tuple(other for other, _ in others),
            )
        )

    def ignored(self, lines: _Lines) -> frozenset[str] | None:
        """The codes a ``nirkit: ignore[...]`` comment silences on the current line.

        ``None``: no comment; an empty set: every code.
        """
        if lines.line not in self.ignores:
            text = lines.text()
            found = _IGNORE.search(text) if "nirkit:" in text else None
            if found is None:
                self.ignores[lines.line] = None
            else:
                listed = found.group(1) or ""
                self.ignores[lines.line] = frozenset(
                    code.strip() for code in listed.split(",") if code.strip()
                )
        return self.ignores[lines.line]


def lint_stream(target: Target, stream: BinaryIO, config: LintConfig, report: Report) -> None:
    """Lint one open file into ``report``."""
    linter = _FileLinter(target, config, report)
    try:
        linter.run(blocks(stream))
    except BinaryFile:
        report.files_skipped.append(target.name)
        return
    except NotUtf8 as error:
        message = f"not valid UTF-8 (line {error.line}); nirkit reads UTF-8 text only"
        report.errors.append(FileError(target.name, message))
        return  # counted as unreadable, not as checked
    report.files_checked += 1


def lint(
    paths: Iterable[str], config: LintConfig, on_file: Callable[[str], None] | None = None
) -> Report:
    """Lint files and directories (``-`` is stdin) and return every finding.

    ``on_file`` is called with the name of each file before it is read (progress).
    """
    report = Report(lang="fr" if config.lang == "fr" else "en")
    for target in _targets(paths, config, report):
        if on_file is not None:
            on_file(target.name)
        if target.path is None:
            lint_stream(target, sys.stdin.buffer, config, report)
            continue
        try:
            with target.path.open("rb") as stream:
                lint_stream(target, stream, config, report)
        except OSError as error:
            report.errors.append(FileError(target.name, error.strerror or str(error)))
    for kind in config.require_kinds:
        if "missing_kind" in config.enabled and not report.kinds_seen[kind]:
            message = own_message("missing_kind", kind, "fr" if config.lang == "fr" else "en")
            report.findings.append(Finding("missing_kind", RULES["missing_kind"].level, message))
    return report


def _targets(paths: Iterable[str], config: LintConfig, report: Report) -> Iterator[Target]:
    for target in targets(paths, config.excludes):
        if isinstance(target, OSError):
            report.errors.append(FileError(str(target.filename), target.strerror or "unreadable"))
        else:
            yield target
