"""Writing a :class:`Report` as text, JSON, GitHub workflow commands or SARIF 2.1.0.

Every format carries the masked number (or the full one only when
``--show-numbers`` was given), never a hash of it: a plain hash of a NIR can be
reversed by enumeration.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Final, TextIO
from urllib.parse import quote

from nirkit import __version__
from nirkit._issues import Lang
from nirkit._lint.engine import Finding, Report
from nirkit._lint.rules import RULES

FORMATS: Final = ("text", "json", "github", "sarif")
JSON_VERSION: Final = 1


def _where(finding: Finding) -> str:
    if finding.path is None:
        return "nirkit"
    return f"{finding.path}:{finding.line}:{finding.column}"


def _described(finding: Finding) -> str:
    text = finding.message
    if finding.number is not None:
        text += f" [{finding.number}]"
    if finding.also:
        text += f" (also: {', '.join(finding.also)})"
    return text


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
    },
}


def summary_line(report: Report) -> str:
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
    found = len(report.findings)
    if not found:
        return say("none", 0, counted=counted)
    in_files = len({f.path for f in report.findings if f.path is not None})
    return say("found", found, files=in_files, counted=counted)


def write_text(report: Report, out: TextIO) -> None:
    for finding in report.findings:
        out.write(f"{_where(finding)}: {finding.code} {_described(finding)}\n")
    out.write(summary_line(report) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, out: TextIO) -> None:
    """GitHub Actions workflow commands: one annotation per finding."""
    for finding in report.findings:
        properties = []
        if finding.path is not None:
            end = (finding.column or 1) + max(finding.length, 1) - 1
            properties += [
                f"file={_escape_property(finding.path)}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"endColumn={end}",
            ]
        properties.append(f"title={_escape_property('nirkit ' + finding.code)}")
        message = _escape_data(_described(finding))
        out.write(f"::{finding.level} {','.join(properties)}::{message}\n")
    for error in report.errors:
        title = _escape_property("nirkit unreadable")
        out.write(f"::error file={_escape_property(error.path)},title={title}::")
        out.write(_escape_data(error.message) + "\n")
    out.write(summary_line(report) + "\n")


def _finding_json(finding: Finding) -> dict[str, object]:
    end = None if finding.column is None else finding.column + finding.length
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_column": end,
        "code": finding.code,
        "level": finding.level,
        "message": finding.message,
        "number": finding.number,
        "also": list(finding.also),
    }


def as_json(report: Report) -> dict[str, object]:
    """The JSON document (``version`` 1): see docs/lint.md for its fields."""
    by_code: dict[str, int] = {}
    for finding in report.findings:
        by_code[finding.code] = by_code.get(finding.code, 0) + 1
    return {
        "version": JSON_VERSION,
        "tool": {"name": "nirkit", "version": __version__},
        "summary": {
            "files_checked": report.files_checked,
            "files_skipped": len(report.files_skipped),
            "findings": len(report.findings),
            "errors": len(report.errors),
            "by_code": dict(sorted(by_code.items())),
            "valid_by_kind": {kind.value: n for kind, n in sorted(report.kinds_seen.items())},
        },
        "findings": [_finding_json(finding) for finding in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "skipped": list(report.files_skipped),
    }


def write_json(report: Report, out: TextIO) -> None:
    json.dump(as_json(report), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"))


def as_sarif(report: Report) -> dict[str, object]:
    """A SARIF 2.1.0 log with one run, the rules' metadata and one result per finding."""
    codes = list(RULES)
    results = []
    for finding in report.findings:
        result: dict[str, object] = {
            "ruleId": finding.code,
            "ruleIndex": codes.index(finding.code),
            "level": finding.level,
            "message": {"text": _described(finding)},
        }
        if finding.path is not None:
            region = {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endColumn": (finding.column or 1) + finding.length,
            }
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": "%SRCROOT%"},
                        "region": region,
                    }
                }
            ]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}],
        }
        for error in report.errors
    ]
    rules = [
        {
            "id": rule.code,
            "name": "".join(part.title() for part in rule.code.split("_")),
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": rule.level, "enabled": rule.default},
            "help": {"text": f"{rule.summary} See docs/lint.md, section Rules."},
        }
        for rule in RULES.values()
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "nirkit",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def write_sarif(report: Report, out: TextIO) -> None:
    json.dump(as_sarif(report), out, ensure_ascii=False, indent=2)
    out.write("\n")


WRITERS: Final[dict[str, Callable[[Report, TextIO], None]]] = {
    "text": write_text,
    "json": write_json,
    "github": write_github,
    "sarif": write_sarif,
}
