"""Writing findings as text, JSON, JSON lines, GitHub workflow commands or SARIF 2.1.0.

Every format carries the masked number (or the full one only when
``--show-numbers`` was given), never a hash of it: a plain hash of a NIR can be
reversed by enumeration. Findings are written as they come (memory stays flat
on a leak of any size), except in SARIF, whose one document keeps at most
GitHub's 25,000 results and says how many it left out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Final, TextIO
from urllib.parse import quote

from nirkit import __version__
from nirkit._issues import Lang
from nirkit._lint.engine import Finding, Report
from nirkit._lint.files import FileError
from nirkit._lint.rules import RULES

FORMATS: Final = ("text", "json", "jsonl", "github", "sarif")
JSON_VERSION: Final = 1
SARIF_MAX_RESULTS: Final = 25_000  # GitHub code scanning keeps no more per run
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\"\\]")
# Fingerprints in letters only: no run of digits in the output can look like a number.
_LETTERS: Final = str.maketrans("0123456789", "ghijklmnop")
_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def shown_path(path: str) -> str:
    """A path as a line of output may show it: quoted, C style (as git does), when it
    holds a control character or starts like a workflow command (``::``), so that a
    file's name can neither forge a line nor inject a command into a CI log."""
    if not _CONTROL.search(path) and not path.startswith("::"):
        return path

    def escape(found: re.Match[str]) -> str:
        char = found[0]
        return _ESCAPES.get(char) or f"\\x{ord(char):02x}"

    return '"' + _CONTROL.sub(escape, path) + '"'


def _where(finding: Finding) -> str:
    if finding.path is None:
        return "nirkit"
    return f"{shown_path(finding.path)}:{finding.line}:{finding.column}"


def _described(finding: Finding) -> str:
    text = finding.message
    if finding.number is not None:
        text += f" [{finding.number}]"
    if finding.also:
        text += f" (also: {', '.join(finding.also)})"
    return text


def _end_column(finding: Finding) -> int | None:
    """The column just after the token, in every format."""
    return None if finding.column is None else finding.column + max(finding.length, 1)


# (singular, plural) of each part of the summary line; French puts 0 and 1 in the singular.
_SUMMARY: Final[dict[Lang, dict[str, tuple[str, str]]]] = {
    "en": {
        "files": ("{n} file checked", "{n} files checked"),
        "binary": ("{n} binary skipped", "{n} binary skipped"),
        "unreadable": ("{n} unreadable", "{n} unreadable"),
        "none": ("No findings ({counted}).", "No findings ({counted})."),
        "found": (
            "Found {n} finding in {files} file(s) ({counted}).",
            "Found {n} findings in {files} file(s) ({counted}).",
        ),
        "stopped": ("Stopped after {n}: there may be more.",) * 2,
    },
    "fr": {
        "files": ("{n} fichier vérifié", "{n} fichiers vérifiés"),
        "binary": ("{n} binaire ignoré", "{n} binaires ignorés"),
        "unreadable": ("{n} illisible", "{n} illisibles"),
        "none": ("Aucun constat ({counted}).", "Aucun constat ({counted})."),
        "found": (
            "{n} constat dans {files} fichier(s) ({counted}).",
            "{n} constats dans {files} fichier(s) ({counted}).",
        ),
        "stopped": ("Arrêt après {n} : il peut y en avoir d'autres.",) * 2,
    },
}


def summary_line(report: Report, stopped: bool = False) -> str:
    """``Found 2 findings in 1 file(s) (2 files checked).``, in the report's language."""

    def say(key: str, n: int, **values: object) -> str:
        singular, plural = _SUMMARY[report.lang][key]
        many = n > 1 if report.lang == "fr" else n != 1
        return (plural if many else singular).format(n=n, **values)

    parts = [say("files", report.files_checked)]
    if report.files_skipped:
        parts.append(say("binary", len(report.files_skipped)))
    if report.errors:
        parts.append(say("unreadable", len(report.errors)))
    counted = ", ".join(parts)
    if not report.found:
        return say("none", 0, counted=counted)
    line = say("found", report.found, files=len(report.paths_with_findings), counted=counted)
    return f"{line} {say('stopped', report.found)}" if stopped else line


class Writer:
    """Writes findings to ``out`` as they come, then what the run saw."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def finding(self, finding: Finding) -> None:
        self.out.write(f"{_where(finding)}: {finding.code} {_described(finding)}\n")

    def error(self, error: FileError) -> None:
        """A path that could not be read (the command line says so on standard error too)."""

    def finish(self, report: Report, stopped: bool = False) -> None:
        self.out.write(summary_line(report, stopped) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubWriter(Writer):
    """GitHub Actions workflow commands: one annotation per finding."""

    def finding(self, finding: Finding) -> None:
        properties = []
        if finding.path is not None:
            properties += [
                f"file={_escape_property(finding.path)}",
                f"line={finding.line}",
                f"endLine={finding.line}",
                f"col={finding.column}",
                f"endColumn={_end_column(finding)}",
            ]
        properties.append(f"title={_escape_property('nirkit ' + finding.code)}")
        message = _escape_data(_described(finding))
        self.out.write(f"::{finding.level} {','.join(properties)}::{message}\n")

    def error(self, error: FileError) -> None:
        title = _escape_property("nirkit unreadable")
        self.out.write(f"::error file={_escape_property(error.path)},title={title}::")
        self.out.write(_escape_data(error.message) + "\n")


def _finding_json(finding: Finding) -> dict[str, object]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_column": _end_column(finding),
        "code": finding.code,
        "level": finding.level,
        "message": finding.message,
        "number": finding.number,
        "also": list(finding.also),
    }


def _summary_json(report: Report, stopped: bool) -> dict[str, object]:
    return {
        "files_checked": report.files_checked,
        "files_skipped": len(report.files_skipped),
        "findings": report.found,
        "errors": len(report.errors),
        "stopped": stopped,
        "by_code": dict(sorted(report.by_code.items())),
        "valid_by_kind": {kind.value: n for kind, n in sorted(report.kinds_seen.items())},
    }


def _dump(document: object) -> str:
    return json.dumps(document, ensure_ascii=False)


class JsonWriter(Writer):
    """One JSON document, written as it goes: ``findings`` first, the summary last."""

    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        tool = _dump({"name": "nirkit", "version": __version__})
        out.write(f'{{\n  "version": {JSON_VERSION},\n  "tool": {tool},\n  "findings": [')
        self.first = True

    def finding(self, finding: Finding) -> None:
        self.out.write(("\n    " if self.first else ",\n    ") + _dump(_finding_json(finding)))
        self.first = False

    def finish(self, report: Report, stopped: bool = False) -> None:
        errors = [{"path": e.path, "message": e.message} for e in report.errors]
        self.out.write(("" if self.first else "\n  ") + "],\n")
        self.out.write(f'  "errors": {_dump(errors)},\n')
        self.out.write(f'  "skipped": {_dump(report.files_skipped)},\n')
        self.out.write(f'  "summary": {_dump(_summary_json(report, stopped))}\n}}\n')


class JsonLinesWriter(Writer):
    """One JSON object per line: each finding, each unreadable path, then the summary."""

    def finding(self, finding: Finding) -> None:
        self.out.write(_dump({"type": "finding", **_finding_json(finding)}) + "\n")

    def error(self, error: FileError) -> None:
        self.out.write(_dump({"type": "error", "path": error.path, "message": error.message}))
        self.out.write("\n")

    def finish(self, report: Report, stopped: bool = False) -> None:
        self.out.write(_dump({"type": "summary", **_summary_json(report, stopped)}) + "\n")


def repository_root(start: Path) -> Path:
    """The top of the git work tree holding ``start`` (the directory itself outside one)."""
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return start


class SarifWriter(Writer):
    """A SARIF 2.1.0 log with one run, for GitHub code scanning or any SARIF viewer.

    Paths are relative to the repository root (``%SRCROOT%``), whatever the
    current directory. Fingerprints are computed from what a finding shows
    (rule, path, masked number, column), never from the line, which holds the
    number; GitHub's upload keeps them instead of hashing the line itself.
    """

    def __init__(
        self,
        out: TextIO,
        *,
        help_uri: str = "",
        run_file: str | None = None,
        cwd: Path | None = None,
    ) -> None:
        super().__init__(out)
        self.cwd = cwd or Path.cwd()
        self.root = repository_root(self.cwd)
        self.help_uri = help_uri
        self.run_file = run_file  # where a finding about the whole run points
        self.results: list[dict[str, object]] = []
        self.about_the_run: list[Finding] = []  # written last, when the run's first file is known
        self.left_out = 0
        self.occurrences: Counter[str] = Counter()

    def _uri(self, path: str) -> tuple[str, bool]:
        """The URI of a path, and whether it is relative to the repository root."""
        absolute = Path(os.path.abspath(self.cwd / path))
        try:
            return quote(absolute.relative_to(self.root).as_posix()), True
        except ValueError:
            return absolute.as_uri(), False

    def finding(self, finding: Finding) -> None:
        if finding.path is None:
            self.about_the_run.append(finding)
        else:
            self._result(finding, finding.path)

    def _result(self, finding: Finding, path: str | None) -> None:
        if len(self.results) >= SARIF_MAX_RESULTS:
            self.left_out += 1
            return
        result: dict[str, object] = {
            "ruleId": finding.code,
            "ruleIndex": list(RULES).index(finding.code),
            "level": finding.level,
            "message": {"text": _described(finding)},
        }
        if path is not None:
            uri, relative = self._uri(path)
            location: dict[str, object] = {"uri": uri}
            if relative:
                location["uriBaseId"] = "%SRCROOT%"
            region = {"startLine": finding.line or 1}
            if finding.column is not None:
                region |= {
                    "startColumn": finding.column,
                    "endLine": finding.line or 1,
                    "endColumn": _end_column(finding) or 1,
                }
            physical = {"artifactLocation": location, "region": region}
            result["locations"] = [{"physicalLocation": physical}]
            shown = f"{finding.code}\0{uri}\0{finding.number}\0{finding.column}"
            digest = hashlib.sha256(shown.encode()).hexdigest()[:16].translate(_LETTERS)
            self.occurrences[digest] += 1
            result["partialFingerprints"] = {
                "primaryLocationLineHash": f"{digest}:{self.occurrences[digest]}"
            }
        self.results.append(result)

    def finish(self, report: Report, stopped: bool = False) -> None:
        for finding in self.about_the_run:  # missing_kind: about the configuration, or the files
            self._result(finding, self.run_file or report.first_file)
        notifications = [
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": self._uri(error.path)[0]}}}
                ],
            }
            for error in report.errors
        ]
        if self.left_out:
            text = (
                f"{SARIF_MAX_RESULTS} results kept, {self.left_out} left out: GitHub code "
                f"scanning keeps at most {SARIF_MAX_RESULTS} per run (see the text or json format)"
            )
            notifications.append({"level": "warning", "message": {"text": text}})
        run: dict[str, object] = {
            "tool": {"driver": self._driver()},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self.root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "invocations": [
                {
                    "executionSuccessful": not report.errors,
                    "toolExecutionNotifications": notifications,
                }
            ],
            "results": self.results,
            "properties": {"resultsLeftOut": self.left_out, "stopped": stopped},
        }
        document = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        }
        json.dump(document, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")

    def _driver(self) -> dict[str, object]:
        rules = [
            {
                "id": rule.code,
                "name": "".join(part.title() for part in rule.code.split("_")),
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.description},
                "helpUri": self.help_uri,
                "help": {"text": f"{rule.description} See {self.help_uri}"},
                "defaultConfiguration": {"level": rule.level, "enabled": rule.default},
            }
            for rule in RULES.values()
        ]
        return {
            "name": "nirkit",
            "version": __version__,
            "informationUri": self.help_uri,
            "rules": rules,
        }


WRITERS: Final[dict[str, type[Writer]]] = {
    "text": Writer,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "github": GithubWriter,
    "sarif": SarifWriter,
}
