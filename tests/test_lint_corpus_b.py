"""The goals of issue 8 on a second corpus, written blind (``--set b`` of tests/lint_corpus).

The first corpus was written beside the linter's engine; this one was written
from issue 8, RULES.md and ``nirkit lint --help`` only, in file kinds and
spellings the first one does not have (``tests/lint_corpus/writers_b.py``):
payroll and HR exports with a key column and quoted multi-line comments, cp1252,
UTF-16 without a BOM, JSON Lines, JSON tables and FHIR identifiers, MySQL and
PostgreSQL dumps, XML and HL7 v2, TOML, INI and ``.env``, a Jest spec, a Python
fixtures module, a Markdown procedure, logs and an HTML form. The truth is
recorded while writing; the instrument tests below check it without nirkit.

``python -m tests.lint_corpus.build OUT --set b && python -m
tests.lint_corpus.measure OUT --examples`` lists every miss by cause.
"""

from __future__ import annotations

import ast
import configparser
import csv
import io
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from stdnum.fr import nif as stdnum_nif

from tests.lint_corpus.build import PLANS, PLANS_B, build
from tests.lint_corpus.document import CORPUS_DIR, TRUTH_FILE, Truth, decoded, lines_of
from tests.lint_corpus.measure import GOALS, Figures, Goal, goal_failure, measure
from tests.lint_corpus.samples import BREAKERS, luhn_ok
from tests.lint_corpus.writers_b import LOOKALIKE_SHAPES_B
from tests.test_lint_corpus import _compact
from tests.test_lint_corpus import (
    test_broken_numbers_break_one_rule as _broken_numbers_break_one_rule,
)
from tests.test_lint_corpus import test_lookalikes_are_not_numbers as _lookalikes_are_not_numbers
from tests.test_lint_corpus import test_valid_numbers_are_valid as _valid_numbers_are_valid

SEED = 1
SCALE = 1.0  # about 250 broken numbers, 790 valid ones, 3,200 lookalikes: a few seconds
LOOKALIKE_ONLY_KINDS = {"csv_lookalikes_only", "log_lookalikes_only"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Truth]:
    outdir = tmp_path_factory.mktemp("lint_corpus_b")
    return outdir, build(outdir, SEED, SCALE, "b")


@pytest.fixture(scope="module")
def figures(built: tuple[Path, Truth]) -> Figures:
    return measure(built[0])


# --- the instrument --------------------------------------------------------


def test_every_place_holds_what_the_truth_says(built: tuple[Path, Truth]) -> None:
    outdir, truth = built
    lines = {spec.path: lines_of(outdir / CORPUS_DIR, spec) for spec in truth.files}
    for entry in truth.entries:
        for cell in entry.cells:
            line = lines[entry.path][cell.line - 1]
            start = cell.column - 1
            end = start + len(cell.text)
            assert line[start:end] == cell.text, entry
            # a token of its own: not glued to a letter or a digit
            assert start == 0 or not line[start - 1].isalnum(), entry
            assert not line[end : end + 1].isalnum(), entry


def test_valid_numbers_are_valid(built: tuple[Path, Truth]) -> None:
    _valid_numbers_are_valid(built)  # set a's check: python-stdnum agrees on every key


def test_broken_numbers_break_one_rule(built: tuple[Path, Truth]) -> None:
    _broken_numbers_break_one_rule(built)  # set a's check: one rule broken, and only one


def test_lookalikes_are_not_numbers(built: tuple[Path, Truth]) -> None:
    _lookalikes_are_not_numbers(built)  # set a's check: 13-16 digits, never a valid NIR
    for entry in built[1].entries:  # and set b's own shapes are what they claim to be
        digits = "".join(char for char in entry.cells[0].text if char.isdigit())
        assert entry.fault != "visa13" or luhn_ok(digits), entry
        assert entry.fault != "tax_number" or stdnum_nif.is_valid(digits), entry


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# How to parse each structured kind; a fixture that its own format rejects is no fixture.
_PARSERS: dict[str, Callable[[str], object]] = {
    "json_nested": json.loads,
    "jsonl": lambda text: [json.loads(line) for line in text.splitlines()],
    "toml": tomllib.loads,
    "xml": ElementTree.fromstring,
    "ini": lambda text: configparser.ConfigParser().read_string(text),
    "python_module": ast.parse,
}
_DELIMITERS = {
    "csv_payroll_key_column": ";",
    "csv_hr_cp1252": ";",
    "csv_key_before_body": ",",
    "tsv_utf16_no_bom": "\t",
    "csv_lookalikes_only": ",",
}


def test_files_parse_as_their_kind(built: tuple[Path, Truth]) -> None:
    outdir, truth = built
    for spec in truth.files:
        text = decoded(outdir / CORPUS_DIR, spec)
        if spec.kind in _PARSERS:
            _PARSERS[spec.kind](text)
        elif spec.kind in _DELIMITERS:
            rows = _csv_rows(text, _DELIMITERS[spec.kind])
            assert len(rows) > 2, spec
            assert {len(row) for row in rows} == {len(rows[0])}, spec  # quoted ; and newlines


def test_the_corpus_holds_what_set_a_has_not(built: tuple[Path, Truth]) -> None:
    files, entries = built[1].files, built[1].entries
    assert not {spec.path for spec in files} & {plan.spec.path for plan in PLANS}
    assert {spec.encoding for spec in files} >= {"utf-8", "utf-8-sig", "cp1252", "utf-16-le"}
    assert {spec.newline for spec in files} == {"\n", "\r\n", "\r"}
    broken_kinds = {entry.kind for entry in entries if entry.role == "broken"}
    assert broken_kinds == {spec.kind for spec in files} - LOOKALIKE_ONLY_KINDS
    assert {entry.fault for entry in entries if entry.role == "broken"} == set(BREAKERS)
    shapes = {entry.fault for entry in entries if entry.role == "lookalike"}
    assert shapes == set(LOOKALIKE_SHAPES_B)
    forms = {entry.form for entry in entries if entry.role != "lookalike"}
    assert forms >= {"compact", "display", "body_key", "hyphen", "nbsp", "narrow_nbsp"}
    assert forms >= {"thin_space", "pair"}
    valid = [_compact(entry) for entry in entries if entry.role == "valid"]
    assert {number[0] for number in valid} == set("123478")
    assert {"2A", "2B", "97", "98", "99"} <= {number[5:7] for number in valid}
    texts = [cell.text for entry in entries if entry.role != "lookalike" for cell in entry.cells]
    assert any("2a" in text or "2b" in text for text in texts)  # typed in lower case
    assert not any(e.role != "lookalike" for e in entries if e.kind in LOOKALIKE_ONLY_KINDS)


def test_the_build_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    build(first, seed=7, scale=0.2, corpus_set="b")
    build(second, seed=7, scale=0.2, corpus_set="b")
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert TRUTH_FILE in {str(path) for path in files}
    assert len(files) == len(PLANS_B) + 1
    for path in files:
        assert (first / path).read_bytes() == (second / path).read_bytes(), path


# --- the goals of issue 8 ---------------------------------------------------


@pytest.mark.parametrize("goal", GOALS, ids=[goal.figure for goal in GOALS])
def test_goal(figures: Figures, goal: Goal) -> None:
    failure = goal_failure(figures, goal)
    if failure:
        pytest.fail(failure)
