"""Hypothesis profiles, and what a mutation run needs (docs/testing.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# The command line runs in subprocesses as in a user's shell: buffered output,
# whatever the machine that runs the tests sets (an unbuffered stdout hid a crash
# on a failed last write).
os.environ.pop("PYTHONUNBUFFERED", None)

# mutmut sets MUTANT_UNDER_TEST in every process it runs tests in;
# scripts/mutation.py sets NIRKIT_MUTATION for its hand-made mutants.
UNDER_MUTMUT = "MUTANT_UNDER_TEST" in os.environ
MUTATION_RUN = UNDER_MUTMUT or "NIRKIT_MUTATION" in os.environ

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=200,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=200)
# One test run per mutant: few examples, always the same ones, so that a score
# does not depend on luck.
settings.register_profile(
    "mutation",
    derandomize=True,
    deadline=None,
    max_examples=30,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile("mutation" if MUTATION_RUN else "ci" if os.environ.get("CI") else "dev")


class _StandardOnDemand:
    """Stands for ``_api._DEFAULT``: resolves the standard profile at each use."""

    def __iter__(self) -> Iterator[object]:
        from nirkit._profiles import compiled

        return iter(compiled("standard"))


if UNDER_MUTMUT:  # a hand-made mutant is imported mutated: nothing to refill

    @pytest.fixture(autouse=True)
    def _caches_filled_under_the_mutant(monkeypatch: pytest.MonkeyPatch) -> None:
        """Empty the caches that import filled, before each test.

        mutmut imports nirkit once, unmutated, and forks a worker per mutant:
        a pattern compiled before the fork (``_DEFAULT``, ``_COMPILED``, the
        linter's scanners) would hide every mutant of the code that built it.
        Every cache of the linter's candidates and names is emptied.
        """
        from nirkit import _api, _profiles
        from nirkit._lint import candidates, names

        monkeypatch.setattr(_profiles, "_COMPILED", {})
        monkeypatch.setattr(_api, "_DEFAULT", _StandardOnDemand())
        for module in (candidates, names):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
