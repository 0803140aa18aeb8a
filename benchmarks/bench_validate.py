"""Compare nirkit's ``is_valid`` and ``parse`` with python-stdnum, in one run.

    python benchmarks/bench_validate.py [--count 200000] [--seed 2026] [--repeat 5]

The corpus is generated from a fixed seed: about 90 % valid numbers of every
kind and kind of place, the rest broken in one field, written compact (60 %)
or in the spaced display form (40 %). Each function runs over the whole corpus
``--repeat`` times; the best run counts. Results are ratios, so that they can be
compared across machines; record them in docs/performance.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from collections.abc import Callable, Sequence

from stdnum.fr import nir as stdnum_nir

import nirkit

_DEPARTMENTS = [f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B", "20"]
_OVERSEAS = ["971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988"]
_COUNTRIES = ["100", "109", "126", "134", "139", "212", "350", "351", "352", "401", "501"]


def _body(rng: random.Random) -> str:
    kind = rng.choice("11112222223478")
    year = f"{rng.randrange(100):02d}"
    special = [rng.randint(20, 42), rng.randint(50, 99)]  # unknown or incomplete months
    month = f"{rng.choice([rng.randint(1, 12)] * 9 + special):02d}"
    roll = rng.random()
    if roll < 0.75:
        place = rng.choice(_DEPARTMENTS) + f"{rng.randint(1, 999):03d}"
    elif roll < 0.85:
        place = rng.choice(_OVERSEAS) + f"{rng.randint(1, 99):02d}"
    else:
        place = "99" + rng.choice(_COUNTRIES)
    return f"{kind}{year}{month}{place}{rng.randint(1, 999):03d}"


def _break(number: str, rng: random.Random) -> str:
    """One error: a mistyped digit, a swap, a bad month or a bad kind digit."""
    roll = rng.random()
    digits = list(number)
    if roll < 0.4:
        index = rng.choice([i for i in range(15) if digits[i].isdigit() and i not in (5, 6)])
        digits[index] = str((int(digits[index]) + rng.randint(1, 9)) % 10)
    elif roll < 0.7:
        index = rng.randrange(7, 12)
        digits[index], digits[index + 1] = digits[index + 1], digits[index]
    elif roll < 0.85:
        digits[3:5] = "13"
    else:
        digits[0] = rng.choice("0569")
    return "".join(digits)


def make_corpus(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    corpus = []
    for _ in range(count):
        body = _body(rng)
        number = f"{body}{nirkit.compute_key(body):02d}"
        if rng.random() < 0.1:
            number = _break(number, rng)
        if rng.random() < 0.4:
            number = nirkit.format_nir(number)
        corpus.append(number)
    return corpus


def _nirkit_parse(text: str) -> bool:
    try:
        nirkit.parse(text)
    except nirkit.NIRError:
        return False
    return True


def best_time(function: Callable[[str], object], corpus: Sequence[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in corpus:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.count, args.seed)
    valid = sum(map(nirkit.is_valid, corpus))
    print(f"corpus: {len(corpus):,} inputs, {len(corpus) - valid:,} invalid (seed {args.seed})")
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.processor()}")
    contenders = {
        "stdnum.fr.nir.is_valid": stdnum_nir.is_valid,
        "nirkit.is_valid": nirkit.is_valid,
        "nirkit.parse": _nirkit_parse,
    }
    times = {name: best_time(f, corpus, args.repeat) for name, f in contenders.items()}
    reference = times["stdnum.fr.nir.is_valid"]
    print(f"{'function':<24} {'µs/input':>9} {'speed-up vs stdnum':>19}")
    for name, seconds in times.items():
        per_input = seconds / len(corpus) * 1e6
        print(f"{name:<24} {per_input:>9.3f} {reference / seconds:>18.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
