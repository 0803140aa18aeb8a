"""The generated tables match shared/data, when it is there."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from nirkit._data import countries, departments

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_tables", ROOT / "scripts" / "gen_tables.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DATA.is_dir(), reason="shared/data is not beside the repository")
def test_generated_tables_are_up_to_date() -> None:
    generated = ROOT / "src" / "nirkit" / "_data"
    for name, text in _generator().render(DATA).items():
        assert (generated / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run python scripts/gen_tables.py"
        )


def test_tables_hold_what_the_rules_need() -> None:
    codes = set(departments.DEPARTMENTS)
    assert {f"{d:02d}" for d in range(1, 97)} <= codes | {"20"}
    assert {"2A", "2B", "20", "99"} <= codes
    assert {"971", "978", "984", "989"} <= codes
    assert [m[0] for m in departments.DEPARTMENTS["75"]] == ["Seine", "Paris"]
    assert countries.COUNTRIES["99126"] == "Grèce"
    assert "99158" in countries.RELATED_COUNTRIES["99101"]  # Faroe shared Denmark's code
