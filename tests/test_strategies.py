"""``nirkit.strategies``: valid and invalid numbers drawn by Hypothesis."""

from __future__ import annotations

import importlib
import os
import random
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import nirkit
from nirkit import STRICT, Kind, PlaceKind
from nirkit._generate import ERROR_CODES, ErrorCode
from nirkit.strategies import invalid_nir_strings, nir_strings, nirs

# For find(): a fixed random generator and no example database, so that these
# tests explore the same examples on every run.
_FIND = settings(
    max_examples=300,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.filter_too_much],
)
_FIND_AND_SHRINK = settings(_FIND, phases=[Phase.generate, Phase.shrink])


@given(nirs())
def test_nirs_are_valid_without_warning(number: nirkit.NIR) -> None:
    assert nirkit.parse(number.compact, profile=STRICT) == number


@given(st.data())
def test_nirs_follow_options(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(list(Kind)))
    place_kind = data.draw(st.sampled_from(list(PlaceKind)))
    number = data.draw(nirs(kind=kind, place_kind=place_kind))
    assert (number.kind, number.place.kind) == (kind, place_kind)
    assert not number.warnings


@given(nirs(department="2A", registered_sex="female", month_kind="unknown"))
def test_nirs_follow_field_options(number: nirkit.NIR) -> None:
    assert number.place.department_code == "2A"
    assert number.registered_sex == "female"
    assert number.birth_month is None


@given(nir_strings())
def test_compact_strings(text: str) -> None:
    assert nirkit.validate(text, profile=STRICT) == text


@given(nir_strings(style="display"))
def test_display_strings(text: str) -> None:
    assert nirkit.format_nir(text) == text
    assert nirkit.is_valid(text, profile=STRICT)


@given(nir_strings(style="decorated", place_kind="corsica"))
def test_decorated_strings_normalise(text: str) -> None:
    compact = nirkit.validate(text, profile=STRICT)
    assert len(compact) == 15
    assert nirkit.compact(text) == compact


@pytest.mark.parametrize("code", ERROR_CODES)
@given(data=st.data())
def test_invalid_strings_break_one_rule(code: ErrorCode, data: st.DataObject) -> None:
    text = data.draw(invalid_nir_strings(code))
    assert [issue.code for issue in nirkit.diagnose(text).errors] == [code]
    assert [issue.code for issue in nirkit.diagnose(text, profile=STRICT).errors] == [code]


@given(invalid_nir_strings(kind="provisional", place_kind="overseas"))
def test_invalid_strings_of_any_code(text: str) -> None:
    diagnosis = nirkit.diagnose(text)
    assert len(diagnosis.errors) == 1
    assert diagnosis.errors[0].code in ERROR_CODES


def test_strategies_cover_every_kind_and_place_kind() -> None:
    wanted = {(kind, place) for kind in Kind for place in PlaceKind}
    seen: set[tuple[Kind, PlaceKind]] = set()

    def complete(number: nirkit.NIR) -> bool:
        seen.add((number.kind, number.place.kind))
        return seen == wanted

    find(nirs(), complete, settings=_FIND, random=random.Random(0))
    assert seen == wanted


def test_invalid_strategy_covers_every_code() -> None:
    seen: set[str] = set()

    def complete(text: str) -> bool:
        seen.update(issue.code for issue in nirkit.diagnose(text).errors)
        return len(seen) == len(ERROR_CODES)

    find(invalid_nir_strings(), complete, settings=_FIND, random=random.Random(0))
    assert seen == set(ERROR_CODES)


@pytest.mark.parametrize(
    ("condition", "simplest"),
    [
        (lambda n: True, "1 00 01 01 001 001"),
        (lambda n: n.kind is Kind.PROVISIONAL, "7 00 01 01 001 001"),
        (lambda n: n.place.kind is PlaceKind.OVERSEAS, "1 00 01 971 01 001"),
        (lambda n: n.place.kind is PlaceKind.CORSICA, "1 00 01 2A 001 001"),
        (lambda n: n.birth_month is None, "1 00 20 01 001 001"),
        (lambda n: n.registered_sex == "female", "2 00 01 01 001 001"),
    ],
)
def test_shrinks_towards_simple_numbers(condition: Any, simplest: str) -> None:
    found = find(nirs(), condition, settings=_FIND_AND_SHRINK, random=random.Random(0))
    assert found.body == nirkit.compact(simplest)


def test_from_type_nir() -> None:
    @given(st.from_type(nirkit.NIR))
    @settings(max_examples=20)
    def check(number: nirkit.NIR) -> None:
        assert isinstance(number, nirkit.NIR)

    check()


@pytest.mark.parametrize("plugins", ["on", "off"])
def test_from_type_in_a_fresh_interpreter(plugins: str) -> None:
    """The entry point registers NIR at start-up; with plugins off, importing
    nirkit.strategies does; registering twice is harmless."""
    script = (
        "import hypothesis.strategies as st, nirkit\n"
        "import nirkit.strategies, nirkit._hypothesis\n"
        "nirkit._hypothesis._hypothesis_setup_hook()\n"
        "assert isinstance(st.from_type(nirkit.NIR).example(), nirkit.NIR)\n"
    )
    if plugins == "on":  # before any nirkit import: only the entry point can register
        script = (
            "import sys, hypothesis.strategies as st\n"
            "assert 'nirkit.strategies' in sys.modules\n" + script
        )
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    if plugins == "off":
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("factory", "options"),
    [
        (nirs, {"department": "75", "place_kind": "abroad"}),
        (nir_strings, {"style": "fancy"}),
        (invalid_nir_strings, {"code": "bad_country", "place_kind": "metropolitan"}),
        (invalid_nir_strings, {"code": "bad_commune", "place_kind": "abroad"}),
    ],
)
def test_impossible_options_fail_at_once(factory: Any, options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the message is the generator's)
        factory(**options)


def test_clear_import_error_without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "nirkit.strategies")
    with pytest.raises(ImportError, match=r"pip install 'nirkit\[hypothesis\]'"):
        importlib.import_module("nirkit.strategies")
