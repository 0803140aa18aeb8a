"""The mutation run's own setup holds (scripts/mutation.py, docs/testing.md).

A hand-made mutant replaces a text that must stand exactly once in its source
file: a refactor that moves or rewrites that text would otherwise be found only
40 minutes into a mutation run. And a survivor the docs explain must still name
a mutant that exists.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # mutation.py imports hand_mutants by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scripts() -> Iterator[tuple[ModuleType, ModuleType]]:
    hand, mutation = _load("hand_mutants"), _load("mutation")
    yield hand, mutation
    for name in ("hand_mutants", "mutation"):
        sys.modules.pop(name, None)


def test_every_hand_made_mutant_changes_one_text_that_stands_once(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    hand, _ = scripts
    names = [mutant.name for mutant in hand.HAND_MUTANTS]
    assert len(names) == len(set(names)), "two hand-made mutants share a name"
    for mutant in hand.HAND_MUTANTS:
        source = (ROOT / "src" / "nirkit" / mutant.path).read_text(encoding="utf-8")
        assert source.count(mutant.old) == 1, f"{mutant.name}: its text is not once in its file"
        assert mutant.new != mutant.old, f"{mutant.name} changes nothing"


def test_the_documented_hand_made_survivors_exist(
    scripts: tuple[ModuleType, ModuleType],
) -> None:
    hand, mutation = scripts
    known = {f"hand:{mutant.name}" for mutant in hand.HAND_MUTANTS}
    documented = {name for name in mutation.documented_survivors() if name.startswith("hand:")}
    assert documented, "docs/testing.md lists no hand-made survivor: the parsing broke"
    assert documented <= known
