"""Run the examples in README.md and docs/*.md as tests (Sybil).

Examples that need a dataframe engine sit between ``<!-- skip: start
if(engine_missing("polars"), reason="...") -->`` and ``<!-- skip: end -->``:
skipped where the engine is not installed, an error where NIRKIT_REQUIRE_ENGINES=1.
"""

from __future__ import annotations

import importlib.util
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from typing import Any

import pytest

from tests.engines import engine_missing

# Without the test extra, say what to install rather than fail on the first import.
_MISSING = [
    name
    for name in ("nirkit", "sybil", "hypothesis", "stdnum", "pydantic", "fastapi", "django")
    if importlib.util.find_spec(name) is None
]


def pytest_configure(config: pytest.Config) -> None:
    if _MISSING:
        msg = (
            f"not installed: {', '.join(_MISSING)}. The README's test command installs "
            "them: python -m pip install -e '.[test]' && python -m pytest"
        )
        raise pytest.UsageError(msg)


def _setup(namespace: dict[str, Any]) -> None:
    namespace["engine_missing"] = engine_missing


if not _MISSING:
    from sybil import Sybil
    from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

    pytest_collect_file = Sybil(
        parsers=[
            PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
            SkipParser(),
        ],
        patterns=["README.md", "docs/*.md"],
        setup=_setup,
    ).pytest()

# nirkit.frames needs narwhals: without it, its modules cannot even be imported
# for their doctests (its own tests skip, or fail where engines are required).
collect_ignore_glob = ["src/nirkit/frames/*"] if engine_missing("polars") else []
