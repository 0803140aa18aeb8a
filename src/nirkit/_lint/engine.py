"""The linter proper: blocks of text in, findings out (no printing here).

The hot loop runs one compiled pattern over each block; its first branch checks
the fields of the usual candidate (a compact or display form), so that only its
key is left to compute. Everything else (where a token sits in the file, what
the file says about it, :func:`nirkit.diagnose`, suppression comments) is
worked out only for the few tokens that may become findings. See docs/lint.md
for the rules.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Final

from nirkit._api import compact_if_valid, diagnose
from nirkit._checks import SPECIMENS
from nirkit._format import format_nir, mask
from nirkit._issues import Lang, NIRError
from nirkit._key import key_is_right, luhn_valid
from nirkit._kinds import KIND_OF_DIGIT, Kind
from nirkit._lint.candidates import (
    DIGITS,
    FAST_TOKEN,
    NUMBER,
    SKIPPED,
    compact_token,
    dated,
    plausible_shape,
    scanner,
    separators_on_group_ends,
    table_scanner,
    written_as_nir,
)
from nirkit._lint.config import LintConfig
from nirkit._lint.files import FileError, Target, os_error, targets
from nirkit._lint.formats import TextReader, reader_for
from nirkit._lint.formats.delimited import DelimitedReader
from nirkit._lint.formats.text import KEY_ENDS, around, says_nothing
from nirkit._lint.names import INS_OIDS, says_nir, says_other
from nirkit._lint.rules import RULES, Level, key_missing_message, own_message
from nirkit._profiles import pattern_for, resolve_profile
from nirkit._textfile import BinaryFile
from nirkit._textfile import TextReader as Decoder

_KEY_CODES: Final = frozenset({"key_mismatch", "key_out_of_range"})
_WARNING_RULES: Final = frozenset(
    {"corsica_before_1976", "corsica_20_after_1975", "unknown_country"}
)
_LEARNED_FROM: Final = 4096  # candidates read to learn what a file says
_IGNORE: Final = re.compile(r"nirkit:\s*ignore(?:\[([^\]]*)\])?")

# What the context of a token says, from another identifier to a NIR.
OTHER: Final = -1  # a name says another identifier (an order, an IMEI), or its column does
NONE: Final = 0  # nothing
LEARNED: Final = 1  # valid numbers are common in the file, and nothing names the place
COLUMN: Final = 2  # the token's column holds valid numbers
NAMED: Final = 3  # a name, a phrase, an INS OID or the grouping says NIR


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


@dataclass(slots=True)
class Report:
    """What a run saw. ``findings`` is filled by :func:`lint` only: a streaming
    run (:class:`Run`) keeps counts, so that its memory stays flat."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_checked: int = 0
    files_skipped: list[str] = field(default_factory=list)  # binary
    found: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    paths_with_findings: set[str] = field(default_factory=set)
    first_file: str | None = None  # the first file read
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

    def count(self, finding: Finding) -> None:
        self.found += 1
        self.by_code[finding.code] += 1
        if finding.path is not None:
            self.paths_with_findings.add(finding.path)


# The masked forms of a clean candidate after its kind digit, by length: masking
# one costs a concatenation (leak mode masks every valid number of a leak).
_MASKED_TAILS: Final = {size: mask("1" * size)[1:] for size in (13, 15)}


def shown_number(compact: str, show_numbers: bool) -> str:
    """The masked form of a candidate, or its display form when asked for."""
    if not show_numbers and len(compact) in _MASKED_TAILS:
        return compact[0] + _MASKED_TAILS[len(compact)]
    try:
        return format_nir(compact) if show_numbers else mask(compact)
    except NIRError:  # a wrong length: no display groups
        return compact if show_numbers else compact[0] + " " + "•" * (len(compact) - 1)


class _Every:
    """Holds every string (leak mode looks at every valid number)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY: Final = _Every()


class _Lines:
    """Line numbers, columns and line texts of positions in one block.

    Positions are asked for mostly in increasing order, so each query only
    scans the text since the previous one: linear in the block, even for a
    10 MB line.
    """

    def __init__(self, block: str, first_line: int, column_offset: int) -> None:
        self.block = block
        self.line = first_line
        self.first_offset = column_offset  # characters of the first line in earlier blocks
        self.offset = column_offset
        self.position = 0
        self.line_start = 0

    def seek(self, position: int) -> None:
        block = self.block
        if position >= self.position:
            newlines = block.count("\n", self.position, position)
            if newlines:
                self.line += newlines
                self.line_start = block.rfind("\n", self.position, position) + 1
                self.offset = 0
        else:  # a key cell before its body
            self.line -= block.count("\n", position, self.position)
            self.line_start = block.rfind("\n", 0, position) + 1
            self.offset = 0 if self.line_start else self.first_offset
        self.position = position

    def column(self, position: int) -> int:
        return position - self.line_start + self.offset + 1

    def text(self) -> str:
        """The current line, as far as this block holds it."""
        end = self.block.find("\n", self.line_start)
        return self.block[self.line_start : len(self.block) if end < 0 else end]


@dataclass(slots=True)
class _Evidence:
    """What a file says of itself: the columns that hold valid numbers, those
    that hold candidates but never a valid one, and whether valid numbers are
    common in it."""

    columns: frozenset[object] = frozenset()
    other_columns: frozenset[object] = frozenset()
    common: bool = False


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
        self.number_pattern = pattern_for(self.profile).pattern if fast else None
        self.scanner = scanner(self.number_pattern) if self.number_pattern else FAST_TOKEN
        self.lang = report.lang
        enabled = config.enabled
        if self.profile.warnings_are_errors:  # strict: a warning is an error, always reported
            enabled |= _WARNING_RULES
        self.enabled = enabled
        self.want_valid = "valid_number" in enabled
        self.want_specimen = "specimen" in enabled
        self.want_warnings = bool(enabled & _WARNING_RULES)
        self.reader: TextReader = TextReader()
        self.evidence: _Evidence | None = None  # learned at the first question
        self.ignores: tuple[int, frozenset[str] | None] = (0, None)  # the last line's
        self.out: list[Finding] = []

    def run(self, texts: Iterable[str]) -> Iterator[Finding]:
        line = 1
        offset = 0
        for index, block in enumerate(texts):
            if not index:
                self.reader = reader_for(self.name, block)
            self.reader.begin(block)
            self.scan(block, line, offset)
            self.reader.end(block)
            yield from self.out
            self.out.clear()
            newlines = block.count("\n")
            line += newlines
            offset = len(block) - block.rfind("\n") - 1 + (0 if newlines else offset)

    def scan(self, block: str, first_line: int, offset: int) -> None:  # noqa: PLR0912, PLR0915
        # One loop, no call per token: a call costs as much as the work it would hold.
        lines = _Lines(block, first_line, offset)
        accept = self.accept
        # Counted by first digit: hashing a one-character str is cheaper than an enum.
        seen = self.report.first_digits
        # The valid numbers to look at closer: every one, or the specimens only.
        watched: Container[str] = (
            _EVERY if self.want_valid or self.want_warnings
            else SPECIMENS if self.want_specimen else frozenset()
        )  # fmt: skip
        # In a table, most lookalikes sit in other columns and are ruled out
        # here, the line start kept up to date incrementally (linear, even for
        # a 10 MB line).
        table = self.reader if isinstance(self.reader, DelimitedReader) and not offset else None
        delimiter = table.delimiter if table else ","
        in_table = DIGITS if table else -1  # the branch a table rules on by position
        usual, skipped, key_ends = NUMBER, SKIPPED, KEY_ENDS  # read once: the hot path
        columns: frozenset[int] | None = None  # the table's NIR columns, once asked for
        line_start = seen_to = 0
        unquoted = '"' not in block
        found = self.scanner
        if table is not None and unquoted and self.number_pattern is not None:
            columns = self.table_columns(table, block)
            lines_in_block = block.count("\n") + (not block.endswith("\n"))
            fields = len(table.names)
            if fields > 1 and block.count(delimiter) == (fields - 1) * lines_in_block:
                # Every line has its fields: the lookalikes of other columns are
                # not even matched.
                found = table_scanner(self.number_pattern, delimiter, fields, columns)
        for match in found.finditer(block):
            branch = match.lastindex
            if branch == skipped:
                continue
            if branch == in_table:
                # Digits only: in a table, the column decides most of them (the
                # lookalikes of other columns), from positions alone.
                position, end = match.span()
                size = end - position
                if size != 15:
                    if size < 13 or size > 16:
                        continue
                    newline = block.rfind("\n", seen_to, position)
                    line_start = newline + 1 if newline >= 0 else line_start
                    seen_to = position
                    if columns is None:
                        assert table is not None
                        columns = self.table_columns(table, block)
                    before = block[position - 1]  # a field starts after the delimiter, a value not
                    if (
                        block.count(delimiter, line_start, position) not in columns
                        and (unquoted or block.find('"', line_start, position) < 0)
                        and (before == delimiter or before not in key_ends)
                    ):
                        continue
            token = match.group()
            # The usual candidate, a compact or display form whose fields the
            # scanner has checked: only the key is left, and nothing is built.
            if branch == usual:
                compact = token if len(token) == 15 else token.replace(" ", "")
                try:  # key_is_right, inlined: a call costs as much as the check
                    number = int(compact)
                    key = number % 100
                    right = 0 < key < 98 and (number + 2 * key) % 97 == 0
                except ValueError:  # 2A or 2B
                    right = key_is_right(compact)
                if right:
                    seen[compact[0]] += 1
                    if compact in watched:
                        self.valid(lines, match.start(), match.end(), compact)
                    continue
            compact = token if branch == DIGITS else compact_token(token)
            size = len(compact)
            if size < 13 or size > 16:
                continue  # too short (the scanner leaves that to us) or too long
            if size == 15 and accept(compact):
                odd = not separators_on_group_ends(token)  # e.g. a decimal number
                if odd and self.context(lines, match, compact) <= NONE:
                    continue  # a NIR only if the context says so
                seen[compact[0]] += 1
                if compact in watched:
                    self.valid(lines, match.start(), match.end(), compact)
                continue
            if "." in token and not separators_on_group_ends(token) and not written_as_nir(token):
                continue  # dotted otherwise: an OID, a version, an address, a decimal number
            # What a token needs to be reported: a NIR-shaped one, that nothing says
            # it is something else; another, something that says NIR; a dated or
            # card-like one, a column of NIRs or a name.
            if _lookalike(compact):
                needed = COLUMN
            elif size == 15 and plausible_shape(compact) and separators_on_group_ends(token):
                needed = NONE
            else:
                needed = LEARNED
            if self.context(lines, match, compact) >= needed:
                self.suspect(lines, match, compact)

    def table_columns(self, table: DelimitedReader, block: str) -> frozenset[int]:
        """The columns of a table that hold NIRs: named so, or learned."""
        learned = self.learn(block).columns
        return table.nir_columns | {place[1] for place in learned if isinstance(place, tuple)}

    def context(self, lines: _Lines, match: re.Match[str], compact: str) -> int:  # noqa: PLR0911
        """What the place of a token, its grouping or its file says (``NONE``...``NAMED``).

        A name says NIR (or another identifier) first: the token's own (its
        column, its key, the names above it), then the prose just before it,
        then the object or tag around it. Only a place that nothing names
        learns from the file. In prose, valid numbers speak for tokens of a
        NIR's length only: prose mixes numbers of all kinds, where a list or a
        column holds one kind.
        """
        if written_as_nir(match[0]):
            return NAMED
        position, end = match.span()
        lines.seek(position)
        start = lines.line_start
        block = lines.block
        if lines.line <= self.reader.header_line:
            return NONE  # a table's header is not data
        slot = self.reader.slot(block, position, start)
        said = _says(slot.name)
        if said is None:  # "le NIR de l'assuré est ...", "Commande n° ..." (in a cell too)
            said = _says(self.reader.prose_before(block, position, start))
        if said is None and not slot.column and says_nothing(slot.key):
            said = _says(around(block, position, end))  # {"type": "NIR", "valeur": ...}
        if said is not None:
            return NAMED if said else OTHER
        evidence = self.learn(block)
        if slot.column:
            if slot.place in evidence.columns:
                return COLUMN
            return OTHER if slot.place in evidence.other_columns else NONE
        if evidence.common and says_nothing(slot.name) and (slot.place or len(compact) == 15):
            return LEARNED
        return NONE

    def learn(self, block: str) -> _Evidence:
        """What the file's own numbers say, read once from the block of the first question.

        A column whose candidates are mostly valid numbers holds NIRs; where
        valid numbers make a quarter of a file's candidates, or where the
        file's path names NIRs, unnamed candidates (list items, prose) are NIRs
        too.
        """
        if self.evidence is not None:
            return self.evidence
        reader = self.reader.snapshot()
        reader.begin(block)
        valid: Counter[object] = Counter()
        total: Counter[object] = Counter()
        all_valid = all_total = 0
        line_start = 0
        for match in FAST_TOKEN.finditer(block):
            compact = compact_token(match[0])
            if not 13 <= len(compact) <= 16:
                continue
            if all_total == _LEARNED_FROM:
                break
            position = match.start()
            line_start = block.rfind("\n", line_start, position) + 1 or line_start
            slot = reader.slot(block, position, line_start)
            is_valid = self.accept(compact) is not None
            all_total += 1
            all_valid += is_valid
            if slot.column:
                total[slot.place] += 1
                valid[slot.place] += is_valid
        columns = frozenset(
            place for place, count in valid.items() if count >= 2 and 2 * count >= total[place]
        )
        named = says_nir(self.name) and not says_other(self.name)  # tests/fixtures/nirs.txt
        other = frozenset(
            place for place, count in total.items() if count >= 3 and not valid[place] and not named
        )
        common = named or (all_valid >= 3 and 4 * all_valid >= all_total)
        self.evidence = _Evidence(columns, other, common)
        return self.evidence

    def valid(self, lines: _Lines, start: int, end: int, compact: str) -> None:
        codes: list[tuple[str, str]] = []
        if self.want_warnings or (self.want_specimen and compact in SPECIMENS):
            number = diagnose(compact, profile=self.profile).nir
            warnings = number.warnings if number is not None else ()
            codes += [(w.code, w.message(self.lang)) for w in warnings if w.code in self.enabled]
        if self.want_valid:
            kind = KIND_OF_DIGIT[compact[0]]
            codes.append(("valid_number", own_message("valid_number", kind, self.lang)))
        if codes:
            self.add(lines, start, end - start, compact, codes)

    def suspect(self, lines: _Lines, match: re.Match[str], compact: str) -> None:
        """A token that is not a valid number: strong, or in a NIR context."""
        start, end = match.span()
        if len(compact) == 13 and self.paired(lines, start, end, compact):
            return
        keyless = len(compact) == 13 and self.profile.key_required
        diagnosis = diagnose(compact, profile=self.keyless if keyless else self.profile)
        if diagnosis.valid and keyless:
            missing = [("key_missing", key_missing_message(self.lang))]
            self.add(lines, start, end - start, compact, missing)
            return
        if diagnosis.valid:  # 13 characters where the profile allows it
            self.report.first_digits[compact[0]] += 1
            self.valid(lines, start, end, compact)
            return
        errors = [(e.code, e.message(self.lang)) for e in diagnosis.errors]
        self.add(lines, start, end - start, compact, errors)

    def paired(self, lines: _Lines, start: int, end: int, body: str) -> bool:
        """Check a 13-character body with the key kept in its own cell, if there is one."""
        lines.seek(start)
        cell = self.reader.key_cell(lines.block, start, end, lines.line_start)
        if cell is None or not (cell[0].isascii() and cell[0].isdigit()) or len(cell[0]) > 2:
            return False
        key, key_at = cell
        compact = body + key.zfill(2)
        diagnosis = diagnose(compact, profile=self.profile)
        if diagnosis.valid:
            self.report.first_digits[compact[0]] += 1
            if self.want_valid or self.want_warnings or compact in SPECIMENS:
                self.valid(lines, start, end, compact)
            return True
        errors = [(e.code, e.message(self.lang)) for e in diagnosis.errors]
        if all(code in _KEY_CODES for code, _ in errors):
            self.add(lines, key_at, len(key), compact, errors)  # a wrong key: at its cell
        else:
            self.add(lines, start, end - start, compact, errors)
        return True

    def add(
        self, lines: _Lines, start: int, length: int, compact: str, codes: list[tuple[str, str]]
    ) -> None:
        codes = [(code, message) for code, message in codes if code in self.enabled]
        if not codes:
            return
        lines.seek(start)
        ignored = self.ignored(lines)
        if ignored is not None:
            codes = [(code, message) for code, message in codes if ignored and code not in ignored]
            if not codes:
                return
        (code, message), *others = codes
        finding = Finding(
            code=code,
            level=RULES[code].level,
            message=message,
            path=self.name,
            line=lines.line,
            column=lines.column(start),
            length=length,
            number=shown_number(compact, self.config.show_numbers),
            also=tuple(other for other, _ in others),
        )
        self.out.append(finding)

    def ignored(self, lines: _Lines) -> frozenset[str] | None:
        """The codes a ``nirkit: ignore[...]`` comment silences on the current line.

        ``None``: no comment; an empty set: every code.
        """
        line, codes = self.ignores
        if line != lines.line:  # findings come line by line: one line's answer is kept
            text = lines.text()
            found = _IGNORE.search(text) if "nirkit:" in text else None
            listed = (found.group(1) or "") if found else ""
            listed_codes = (code.strip() for code in listed.split(","))
            codes = None if found is None else frozenset(filter(None, listed_codes))
            self.ignores = (lines.line, codes)
        return codes


class Run:
    """One run of the linter: iterate over it for the findings and the files that
    could not be read, as they are met (file by file, in walking order); then
    ``report`` holds the counts. Stopping early (``break``) closes the open file.
    """

    def __init__(
        self,
        paths: Iterable[str],
        config: LintConfig,
        on_file: Callable[[str], None] | None = None,
    ) -> None:
        self.paths = paths
        self.config = config
        self.on_file = on_file  # called with each file's name before it is read (progress)
        self.report = Report(lang="fr" if config.lang == "fr" else "en")

    def __iter__(self) -> Iterator[Finding | FileError]:
        for target in targets(self.paths, self.config.excludes):
            if isinstance(target, FileError):
                self.report.errors.append(target)
                yield target
                continue
            if self.on_file is not None:
                self.on_file(target.name)
            yield from self._file(target)
        yield from self._missing_kinds()

    def _file(self, target: Target) -> Iterator[Finding | FileError]:
        try:
            if target.path is None:
                yield from self._read(target, sys.stdin.buffer)
            else:
                with target.path.open("rb") as stream:
                    yield from self._read(target, stream)
        except OSError as error:
            problem = os_error(target.name, error)
            self.report.errors.append(problem)
            yield problem

    def _read(self, target: Target, stream: BinaryIO) -> Iterator[Finding | FileError]:
        decoder = Decoder(stream, self.config.encoding)
        try:
            for finding in _FileLinter(target, self.config, self.report).run(decoder.blocks()):
                self.report.count(finding)
                yield finding
        except BinaryFile:
            self.report.files_skipped.append(target.name)
            return
        self.report.files_checked += 1
        self.report.first_file = self.report.first_file or target.name
        if decoder.error is not None:  # read whole, with U+FFFD for the bad bytes
            error = decoder.error
            message = f"{error}; the rest was read"
            problem = FileError(target.name, message, encoding=error.encoding, line=error.line)
            self.report.errors.append(problem)
            yield problem

    def _missing_kinds(self) -> Iterator[Finding]:
        lang = self.report.lang
        if "missing_kind" not in self.config.enabled:
            return
        for kind in self.config.require_kinds:
            if not self.report.kinds_seen[kind]:
                message = own_message("missing_kind", kind, lang)
                finding = Finding("missing_kind", RULES["missing_kind"].level, message)
                self.report.count(finding)
                yield finding


def lint(
    paths: Iterable[str], config: LintConfig, on_file: Callable[[str], None] | None = None
) -> Report:
    """Lint files and directories (``-`` is stdin); the report lists every finding."""
    run = Run(paths, config, on_file)
    run.report.findings = [item for item in run if isinstance(item, Finding)]
    return run.report


def _lookalike(compact: str) -> bool:
    """A dated reference or a number that passes the Luhn check (a card, an IMEI):
    reported only where its place says NIR, whatever rule it breaks."""
    return dated(compact) or (compact.isdigit() and luhn_valid(compact))  # no card has a letter


def _says(text: str) -> bool | None:
    """``True`` where ``text`` names a NIR (a word, an INS OID), ``False`` where it names
    another identifier, ``None`` where it says neither."""
    if not text:
        return None
    if says_nir(text) or INS_OIDS.search(text):
        return True
    return False if says_other(text) else None
