"""Measure ``nirkit lint`` on a built corpus: ``python -m tests.lint_corpus.measure OUTDIR``.

Runs the command as a user does, in a subprocess from the corpus directory
(``python -m nirkit lint --no-config --format json .``, then again with
``--report-valid``), and compares its findings with ``truth.json``:

- a broken number is found when a finding starts at its expected line and column;
- a valid number is reported as broken when a finding other than ``valid_number``
  starts inside it (normal run);
- a lookalike is reported when any finding starts inside it (normal run);
- a valid number is found in leak mode when a ``valid_number`` finding starts
  inside it (for a body and key written in two cells, inside either);
- a file is read when it is neither unreadable nor skipped as binary.

Exit 0 when every goal of issue 8 is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypedDict

from tests.lint_corpus.document import CORPUS_DIR, Cell, Entry, Truth, lines_of, load_truth

FIGURES: Final = (
    "files_read",
    "broken_found",
    "broken_with_expected_code",  # not a goal: what the finding says
    "valid_reported_as_broken",
    "lookalikes_reported",
    "valid_found_in_leak_mode",
)
# What a miss of each figure is called in the list of misses.
PROBLEMS: Final = {
    "files_read": "file not read",
    "broken_found": "broken number not found",
    "broken_with_expected_code": "broken number reported with another code",
    "valid_reported_as_broken": "valid number reported as broken",
    "lookalikes_reported": "lookalike reported",
    "valid_found_in_leak_mode": "valid number not found in leak mode",
    "stray": "finding at no expected place",
}
OVERALL: Final = "overall"


class Tally(TypedDict):
    count: int
    total: int


class Miss(TypedDict):
    problem: str
    kind: str
    where: str  # path:line:column
    code: str | None  # the code expected (broken numbers) or found (false reports)
    fault: str
    form: str
    context: str


class Figures(TypedDict):
    overall: dict[str, Tally]  # figure name -> tally
    by_kind: dict[str, dict[str, Tally]]
    misses: list[Miss]
    exit_codes: dict[str, int]  # "normal", "leak"


@dataclass(frozen=True, slots=True)
class Goal:
    figure: str
    at_least: float = 0.0
    at_most: float = 1.0

    def met(self, tally: Tally) -> bool:
        return self.at_least <= ratio(tally) <= self.at_most


# The goals of issue 8.
GOALS: Final = (
    Goal("files_read", at_least=1.0),
    Goal("broken_found", at_least=0.90),
    Goal("valid_reported_as_broken", at_most=0.0),
    Goal("lookalikes_reported", at_most=0.005),
    Goal("valid_found_in_leak_mode", at_least=0.99),
)


def ratio(tally: Tally) -> float:
    return tally["count"] / tally["total"] if tally["total"] else 0.0


# --- running the linter --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    path: str  # relative to the corpus directory, with /
    line: int
    column: int
    code: str


@dataclass(frozen=True, slots=True)
class Run:
    exit_code: int
    findings: list[Finding]
    unread: frozenset[str]  # unreadable or skipped as binary


def _relative(path: str, corpus: Path) -> str:
    full = Path(path) if Path(path).is_absolute() else corpus / path
    return full.resolve().relative_to(corpus.resolve()).as_posix()


def _path_of(item: Any) -> str:
    """A path listed in ``errors`` or ``skipped`` (a string or an object with a path)."""
    return str(item["path"] if isinstance(item, dict) else item)


def run_lint(corpus: Path, *, leak: bool) -> Run:
    """``nirkit lint`` on ``corpus`` in a subprocess, its JSON report read back."""
    argv = [sys.executable, "-m", "nirkit", "lint", "--no-config", "--format", "json"]
    argv += ["--report-valid", "."] if leak else ["."]
    done = subprocess.run(argv, cwd=corpus, capture_output=True, check=False, timeout=600)
    try:
        report = json.loads(done.stdout.decode("utf-8"))
    except ValueError as error:
        stderr = done.stderr.decode("utf-8", "replace")[-2000:]
        message = f"nirkit lint printed no JSON report (exit {done.returncode}): {stderr}"
        raise RuntimeError(message) from error
    findings = [
        Finding(_relative(f["path"], corpus), f["line"], f["column"], f["code"])
        for f in report["findings"]
        if f.get("path") is not None
    ]
    unread = [*report.get("errors", []), *report.get("skipped", [])]
    return Run(done.returncode, findings, frozenset(_relative(_path_of(u), corpus) for u in unread))


class _Index:
    """Findings by path and line, to look up what starts inside a cell."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.by_line: dict[tuple[str, int], list[Finding]] = defaultdict(list)
        for finding in findings:
            self.by_line[finding.path, finding.line].append(finding)

    def inside(self, path: str, cells: Iterable[Cell]) -> list[Finding]:
        return [
            finding
            for cell in cells
            for finding in self.by_line.get((path, cell.line), [])
            if cell.column <= finding.column < cell.column + len(cell.text)
        ]

    def starting_at(self, path: str, cell: Cell) -> list[Finding]:
        return [f for f in self.by_line.get((path, cell.line), []) if f.column == cell.column]


# --- comparing -----------------------------------------------------------


class _Counts:
    def __init__(self) -> None:
        self.by_kind: dict[str, dict[str, list[int]]] = defaultdict(
            lambda: {figure: [0, 0] for figure in FIGURES}
        )

    def add(self, kind: str, figure: str, hit: bool) -> None:
        for key in (kind, OVERALL):
            tally = self.by_kind[key][figure]
            tally[0] += hit
            tally[1] += 1

    def tallies(self, kind: str) -> dict[str, Tally]:
        counts = self.by_kind[kind]
        return {
            figure: Tally(count=counts[figure][0], total=counts[figure][1]) for figure in FIGURES
        }


def _miss(problem: str, entry: Entry, cell: Cell, code: str | None) -> Miss:
    return Miss(
        problem=problem,
        kind=entry.kind,
        where=f"{entry.path}:{cell.line}:{cell.column}",
        code=code,
        fault=entry.fault,
        form=entry.form,
        context=entry.context,
    )


def _judge(entry: Entry, normal: _Index, leak: _Index, counts: _Counts) -> list[Miss]:
    """Count one entry of the truth; return what went wrong with it."""
    misses: list[Miss] = []
    where = entry.cells[0]
    if entry.role == "broken":
        at = normal.starting_at(entry.path, where)
        counts.add(entry.kind, "broken_found", bool(at))
        right = any(finding.code == entry.code for finding in at)
        counts.add(entry.kind, "broken_with_expected_code", right)
        if not at:
            misses.append(_miss(PROBLEMS["broken_found"], entry, where, entry.code))
        elif not right:
            problem = PROBLEMS["broken_with_expected_code"]
            misses.append(_miss(problem, entry, where, at[0].code))
    elif entry.role == "lookalike":
        reported = normal.inside(entry.path, entry.cells)
        counts.add(entry.kind, "lookalikes_reported", bool(reported))
        if reported:
            misses.append(_miss(PROBLEMS["lookalikes_reported"], entry, where, reported[0].code))
    else:
        wrong = [f for f in normal.inside(entry.path, entry.cells) if f.code != "valid_number"]
        counts.add(entry.kind, "valid_reported_as_broken", bool(wrong))
        if wrong:
            problem = PROBLEMS["valid_reported_as_broken"]
            misses.append(_miss(problem, entry, where, wrong[0].code))
        seen = any(f.code == "valid_number" for f in leak.inside(entry.path, entry.cells))
        counts.add(entry.kind, "valid_found_in_leak_mode", seen)
        if not seen:
            misses.append(_miss(PROBLEMS["valid_found_in_leak_mode"], entry, where, None))
    return misses


def _stray(run: Run, truth: Truth, label: str) -> list[Miss]:
    """Findings that start inside no number of the truth (a phone, an IBAN...)."""
    cells: dict[tuple[str, int], list[Cell]] = defaultdict(list)
    for entry in truth.entries:
        for cell in entry.cells:
            cells[entry.path, cell.line].append(cell)
    kinds = {spec.path: spec.kind for spec in truth.files}
    return [
        Miss(
            problem=f"{PROBLEMS['stray']} ({label})",
            kind=kinds.get(finding.path, "?"),
            where=f"{finding.path}:{finding.line}:{finding.column}",
            code=finding.code,
            fault="",
            form="",
            context="",
        )
        for finding in run.findings
        if not any(
            c.column <= finding.column < c.column + len(c.text)
            for c in cells.get((finding.path, finding.line), [])
        )
    ]


def compare(truth: Truth, normal: Run, leak: Run) -> Figures:
    counts = _Counts()
    misses: list[Miss] = []
    for spec in truth.files:
        read = spec.path not in normal.unread
        counts.add(spec.kind, "files_read", read)
        if not read:
            misses.append(
                Miss(
                    problem=PROBLEMS["files_read"],
                    kind=spec.kind,
                    where=spec.path,
                    code=None,
                    fault="",
                    form=spec.encoding,
                    context=f"encoding {spec.encoding}",
                )
            )
    normal_index, leak_index = _Index(normal.findings), _Index(leak.findings)
    for entry in truth.entries:
        misses += _judge(entry, normal_index, leak_index, counts)
    misses += _stray(normal, truth, "normal run") + _stray(leak, truth, "leak mode")
    kinds = sorted({spec.kind for spec in truth.files})
    return Figures(
        overall=counts.tallies(OVERALL),
        by_kind={kind: counts.tallies(kind) for kind in kinds},
        misses=misses,
        exit_codes={"normal": normal.exit_code, "leak": leak.exit_code},
    )


def measure(outdir: Path) -> Figures:
    """Run the linter on ``outdir``'s corpus twice and compare with its truth."""
    truth = load_truth(outdir)
    corpus = outdir / CORPUS_DIR
    return compare(truth, run_lint(corpus, leak=False), run_lint(corpus, leak=True))


# --- printing ------------------------------------------------------------

_HEADINGS: Final = {
    "files_read": "files read",
    "broken_found": "broken found",
    "broken_with_expected_code": "with the expected code",
    "valid_reported_as_broken": "valid as broken",
    "lookalikes_reported": "lookalikes reported",
    "valid_found_in_leak_mode": "leak mode found",
}


def _cell(tally: Tally) -> str:
    if not tally["total"]:
        return "-"
    return f"{tally['count']}/{tally['total']} {100 * ratio(tally):5.1f} %"


def table(figures: Figures) -> str:
    """The figures as a Markdown table, one row per file kind and one overall."""
    rows = [["file kind", *_HEADINGS.values()], ["---"] * (len(_HEADINGS) + 1)]
    for kind, tallies in [*figures["by_kind"].items(), (OVERALL, figures["overall"])]:
        rows.append(
            [f"**{kind}**" if kind == OVERALL else kind] + [_cell(tallies[f]) for f in FIGURES]
        )
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def goal_lines(figures: Figures) -> str:
    lines = []
    for goal in GOALS:
        tally = figures["overall"][goal.figure]
        bound = f">= {goal.at_least:.1%}" if goal.at_least else f"<= {goal.at_most:.1%}"
        state = "met" if goal.met(tally) else "NOT MET"
        lines.append(f"{_HEADINGS[goal.figure]}: {_cell(tally).strip()} (goal {bound}): {state}")
    return "\n".join(lines)


def _cause(miss: Miss) -> tuple[str, str, str, str, str]:
    return miss["problem"], miss["kind"], miss["context"], miss["fault"], miss["code"] or ""


def _cause_line(count: int, cause: tuple[str, str, str, str, str]) -> str:
    problem, kind, context, fault, code = cause
    return f"{count:5d}  {problem}: {kind}, {context or '-'}, {fault or '-'} {code}".rstrip()


def causes(misses: Iterable[Miss]) -> str:
    """Misses grouped by problem, file kind, context and fault, most frequent first."""
    grouped = Counter(_cause(miss) for miss in misses)
    return "\n".join(_cause_line(count, cause) for cause, count in grouped.most_common())


def masked_excerpt(line: str, numbers: Iterable[Cell], column: int, width: int = 60) -> str:
    """``line`` around ``column``, each of ``numbers`` masked to its first character
    (the lookalikes stay readable: they are no one's number); tabs shown as ``⇥``."""
    chars = list(line)
    for cell in numbers:
        for index in range(cell.column, min(len(chars), cell.column - 1 + len(cell.text))):
            chars[index] = "•" if chars[index].isalnum() else chars[index]
    start, end = max(0, column - 1 - width), column - 1 + width
    text = "".join(chars[start:end]).replace("\t", "⇥")
    return ("…" if start else "") + text + ("…" if end < len(chars) else "")


def examples(figures: Figures, outdir: Path) -> str:
    """Misses grouped as :func:`causes` does, each group with the line of its first miss."""
    truth = load_truth(outdir)
    lines = {spec.path: lines_of(outdir / CORPUS_DIR, spec) for spec in truth.files}
    numbers: dict[tuple[str, int], list[Cell]] = defaultdict(list)
    for entry in truth.entries:
        if entry.role != "lookalike":
            for cell in entry.cells:
                numbers[entry.path, cell.line].append(cell)
    grouped: dict[tuple[str, str, str, str, str], list[Miss]] = defaultdict(list)
    for miss in figures["misses"]:
        grouped[_cause(miss)].append(miss)
    parts = []
    for cause, group in sorted(grouped.items(), key=lambda item: -len(item[1])):
        parts.append(_cause_line(len(group), cause))
        path, _, place = group[0]["where"].partition(":")
        if place:
            line, column = map(int, place.split(":"))
            excerpt = masked_excerpt(lines[path][line - 1], numbers[path, line], column)
            parts.append(f"       {group[0]['where']}  {excerpt}")
    return "\n".join(parts)


def goal_failure(figures: Figures, goal: Goal) -> str | None:
    """Why ``goal`` is not met (the figures, and its misses by cause), or None."""
    tally = figures["overall"][goal.figure]
    if goal.met(tally):
        return None
    problem = PROBLEMS[goal.figure]
    misses = [miss for miss in figures["misses"] if miss["problem"] == problem]
    grouped = "\n".join(causes(misses).splitlines()[:20])
    return (
        f"{goal.figure}: {tally['count']}/{tally['total']} "
        f"(goal: at least {goal.at_least:.1%}, at most {goal.at_most:.1%})\n"
        f"{table(figures)}\n\n{problem}, by cause:\n{grouped}"
    )


def report(figures: Figures, *, every_miss: bool = False) -> str:
    exits = figures["exit_codes"]
    parts = [
        table(figures),
        f"\nexit codes: {exits['normal']} (normal run), {exits['leak']} (leak mode)\n",
        goal_lines(figures),
        "\nMisses by cause:\n" + (causes(figures["misses"]) or "none"),
    ]
    if every_miss:
        listed = [
            f"{m['where']}: {m['problem']} ({m['code'] or m['fault']})" for m in figures["misses"]
        ]
        parts.append("\nEvery miss:\n" + "\n".join(listed))
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.lint_corpus.measure", description=__doc__
    )
    parser.add_argument("outdir", type=Path, help="a directory written by tests.lint_corpus.build")
    parser.add_argument("--misses", action="store_true", help="list every miss, with its place")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--examples",
        action="store_true",
        help="misses by cause, each with one line of the corpus (numbers masked)",
    )
    args = parser.parse_args(argv)
    figures = measure(args.outdir)
    if args.examples:
        sys.stdout.write(report(figures) + "\nOne line of each cause:\n")
        sys.stdout.write(examples(figures, args.outdir) + "\n")
    elif args.json:
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report(figures, every_miss=args.misses))
    return 0 if all(goal.met(figures["overall"][goal.figure]) for goal in GOALS) else 1


if __name__ == "__main__":
    sys.exit(main())
