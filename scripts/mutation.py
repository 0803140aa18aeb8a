"""The mutation run: how many deliberate mistakes in the rules the tests catch.

    python -m pip install -e '.[test,mutation]'
    python scripts/mutation.py [--jobs 2] [--core] [--only mutmut|hand]

1. mutmut mutates every function of the core modules and of the linter's
   candidate checks (``[tool.mutmut]`` in pyproject.toml) and runs, per
   mutant, the tests that call the function.
2. The hand-made mutants of ``scripts/hand_mutants.py`` (tables and pattern
   digits, which mutmut leaves alone) are applied one at a time to a copy of
   the repository, each followed by ``pytest -x tests``.

Both run ``tests/`` only, with the ``mutation`` Hypothesis profile (see
tests/conftest.py). The report (``mutants/report.md``) gives the score per
module: killed mutants over those that can change behaviour, that is all but
the survivors docs/testing.md lists with the reason they cannot. A survivor
it does not list makes the run fail: write the test, or document why no test
can tell. Nothing here runs in CI: a full run takes about 40 minutes.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from hand_mutants import HAND_MUTANTS, HandMutant

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
DOCS = ROOT / "docs" / "testing.md"
# The mutmut mutant names of the core modules, and of the linter's candidate checks
# (the linter's hand-made mutants are those of the files under _lint/).
CORE = ["nirkit._[!l]*", "nirkit.policy.*"]
LINT = ["nirkit._lint.candidates.*"]
# mutmut's exit codes: 0 survived, 33 and 5 no test ran; the rest caught the mutant
# (1 a test failed, 3 pytest crashed, 36 and the SIGXCPU codes a time-out).
_SURVIVED = frozenset({0, 5, 33})
_HAND_TIMEOUT = 600  # seconds; an endless loop is a kill
_COPIED = ("src", "tests", "docs", "scripts", "pyproject.toml", "README.md")


def module_of(mutant: str) -> str:
    """``nirkit._checks`` of ``nirkit._checks.x_find_errors__mutmut_3`` or ``hand:checks-...``."""
    if mutant.startswith("hand:"):
        path = next(hand.path for hand in HAND_MUTANTS if f"hand:{hand.name}" == mutant)
        return "nirkit." + path.removesuffix(".py").replace("/", ".")
    found = re.match(r"(.+?)\.x[_ǁ]", mutant)
    if found is None:
        raise ValueError(mutant)
    return found[1]


def run_mutmut(jobs: int, patterns: list[str]) -> dict[str, bool]:
    """Run mutmut afresh; {mutant name: killed}."""
    shutil.rmtree(MUTANTS, ignore_errors=True)  # mutmut would keep stale sources
    MUTANTS.mkdir()
    with (MUTANTS / "mutmut.log").open("w", encoding="utf-8") as log:
        command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *patterns]
        code = subprocess.call(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    if code != 0:
        sys.exit(f"mutmut failed (exit {code}): see mutants/mutmut.log")
    results: dict[str, bool] = {}
    for meta in sorted((MUTANTS / "src").rglob("*.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, exit_code in codes.items():
            if exit_code is not None and any(fnmatch.fnmatch(name, p) for p in patterns):
                results[name] = exit_code not in _SURVIVED
    return results


@contextmanager
def _copies(count: int) -> Iterator[queue.Queue[Path]]:
    """``count`` copies of the repository, for hand-made mutants to run in side by side."""
    with tempfile.TemporaryDirectory(prefix="nirkit-mutation-") as base:
        free: queue.Queue[Path] = queue.Queue()
        for index in range(count):
            copy = Path(base) / f"copy{index}" / "nirkit"
            for name in _COPIED:
                source = ROOT / name
                if source.is_dir():
                    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis")
                    shutil.copytree(source, copy / name, ignore=ignore)
                else:
                    shutil.copy2(source, copy / name)
            free.put(copy)
        yield free


def _tests_fail(copy: Path) -> bool:
    """Whether ``pytest -x tests`` fails in a copy of the repository."""
    env = os.environ | {"NIRKIT_MUTATION": "1", "PYTHONPATH": str(copy / "src")}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "tests"]
    result = subprocess.run(
        command, check=False, cwd=copy, env=env, capture_output=True, timeout=_HAND_TIMEOUT
    )
    return result.returncode != 0


def _run_hand_mutant(mutant: HandMutant, free: queue.Queue[Path]) -> bool:
    copy = free.get()
    try:
        path = copy / "src" / "nirkit" / mutant.path
        original = path.read_text(encoding="utf-8")
        if original.count(mutant.old) != 1:
            sys.exit(f"hand mutant {mutant.name}: its text is not exactly once in {mutant.path}")
        path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
        try:
            killed = _tests_fail(copy)
        except subprocess.TimeoutExpired:
            print(f"hand:{mutant.name}: killed (time-out)", flush=True)
            return True
        finally:
            path.write_text(original, encoding="utf-8")
        print(f"hand:{mutant.name}: {'killed' if killed else 'SURVIVED'}", flush=True)
        return killed
    finally:
        free.put(copy)


def run_hand(jobs: int, mutants: list[HandMutant]) -> dict[str, bool]:
    """Each hand-made mutant in turn; {``hand:name``: killed}."""
    with _copies(jobs) as free, ThreadPoolExecutor(jobs) as pool:
        copy = free.get()
        if _tests_fail(copy):  # every mutant would be "killed"
            sys.exit("the tests fail without any mutant: run pytest and fix them first")
        free.put(copy)
        killed = pool.map(lambda mutant: _run_hand_mutant(mutant, free), mutants)
        return {f"hand:{m.name}": k for m, k in zip(mutants, killed, strict=True)}


def documented_survivors() -> set[str]:
    """The mutant names in the survivors section of docs/testing.md."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Surviving mutants", 1)[-1].split("\n## ", 1)[0]
    return set(re.findall(r"`((?:nirkit\.\S+__mutmut_\d+)|(?:hand:[\w-]+))`", section))


def report(results: dict[str, bool], documented: set[str]) -> tuple[str, list[str]]:
    """The score table (Markdown) and the survivors that docs/testing.md does not explain."""
    total: Counter[str] = Counter()
    killed: Counter[str] = Counter()
    equivalent: Counter[str] = Counter()
    unexplained = []
    for name, caught in sorted(results.items()):
        module = module_of(name)
        total[module] += 1
        killed[module] += caught
        if not caught and name in documented:
            equivalent[module] += 1
        elif not caught:
            unexplained.append(name)
    lines = [
        "| module | mutants | killed | cannot change behaviour | score |",
        "|---|---:|---:|---:|---:|",
    ]
    for module in sorted(total):
        can_change = total[module] - equivalent[module]
        score = 100 * killed[module] / can_change if can_change else 100.0
        lines.append(
            f"| `{module}` | {total[module]} | {killed[module]} | {equivalent[module]} "
            f"| {score:.1f} % |"
        )
    all_total, all_killed, all_equivalent = total.total(), killed.total(), equivalent.total()
    overall = 100 * all_killed / max(1, all_total - all_equivalent)
    lines.append(f"| all | {all_total} | {all_killed} | {all_equivalent} | {overall:.1f} % |")
    return "\n".join(lines) + "\n", unexplained


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--core", action="store_true", help="the core only, not the linter")
    parser.add_argument("--only", choices=["mutmut", "hand"], help="one half of the run")
    options = parser.parse_args()
    results: dict[str, bool] = {}
    if options.only != "hand":
        results |= run_mutmut(options.jobs, CORE + ([] if options.core else LINT))
    if options.only != "mutmut":
        hands = [m for m in HAND_MUTANTS if not (options.core and m.path.startswith("_lint/"))]
        results |= run_hand(options.jobs, hands)
    documented = documented_survivors()
    table, unexplained = report(results, documented)
    MUTANTS.mkdir(exist_ok=True)
    survivors = sorted(name for name, caught in results.items() if not caught)
    (MUTANTS / "report.md").write_text(
        table + "\nSurvivors:\n" + "".join(f"- `{name}`\n" for name in survivors), encoding="utf-8"
    )
    print(table)
    hand = {f"hand:{mutant.name}": mutant for mutant in HAND_MUTANTS}
    for name in unexplained:
        print(f"survived, and docs/testing.md does not say why: {name}")
        if name in hand:
            print(f"  in {hand[name].path}: {hand[name].old!r} -> {hand[name].new!r}")
        else:
            subprocess.call([sys.executable, "-m", "mutmut", "show", name], cwd=ROOT)
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
