"""Write the linter benchmark's fixtures, fixed seed.

    python benchmarks/make_lint_fixture.py [--kind people|ean|leak] [--rows N] [--out PATH]

- ``people`` (1,000,000 rows, 59 MB): an id, a name, a birth date, one other
  number that looks a bit like a NIR (an EAN-13 barcode, a phone number, a
  timestamp, a SIRET or an order id, in turn) and a NIR: compact (60 %) or in
  the spaced display form (40 %), about 1 % of them with a wrong key.
- ``ean`` (500,000 rows): an id, a 13-digit EAN and a NIR, a third of them in
  display form, about 1 % with a wrong key.
- ``leak`` (800,000 lines, about 100 MB): a log in which every line holds one
  valid number, for leak mode (``--report-valid``) at the size of a real leak.

The default outputs, under ``benchmarks/out/``, are git-ignored. Every number
is constructed from the seed; none is a person's.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

_OUT = Path(__file__).parent / "out" / "people.csv"
_DEPARTMENTS = [f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"]
_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy"]
_HEADER = "id,name,birth_date,other,nir\n"


def _key(body: str) -> int:
    digits = body.replace("2A", "19").replace("2B", "18") if body[5] == "2" else body
    return 97 - int(digits) % 97


def _nir(rng: random.Random) -> str:
    kind = rng.choice("11112222223478")
    month = rng.choice([rng.randint(1, 12)] * 9 + [rng.randint(50, 99)])
    department = rng.choice(_DEPARTMENTS)
    body = (
        f"{kind}{rng.randrange(100):02d}{month:02d}{department}"
        f"{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    )
    return f"{body}{_key(body):02d}"


def _ean(rng: random.Random) -> str:
    digits = f"{rng.randrange(10**12):012d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def _written(rng: random.Random, display: float) -> str:
    """A NIR, about 1 % with a wrong key, in the display form with probability ``display``."""
    nir = _nir(rng)
    if rng.random() < 0.01:  # a wrong key, 01-97
        key = int(nir[13:])
        nir = nir[:13] + f"{key % 97 + 1:02d}"
    if rng.random() < display:
        nir = " ".join((nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]))
    return nir


def _row(rng: random.Random, index: int) -> str:
    nir = _written(rng, 0.4)
    date = f"{rng.randint(1930, 2010)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{index},{rng.choice(_NAMES)},{date},{_other(rng, index)},{nir}\n"


def _ean_row(rng: random.Random, index: int) -> str:
    return f"{index},{_ean(rng)},{_written(rng, 1 / 3)}\n"


def _leak_line(rng: random.Random, index: int) -> str:
    nir = _nir(rng)
    if index % 2:
        nir = " ".join((nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]))
    stamp = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 12:{index % 60:02d}:07"
    took = rng.randrange(900)
    return (
        f'{stamp} INFO api.patients request="GET /v1/patients" nir="{nir}" status=200 '
        f'duration_ms={took} client="curl/8.5"\n'
    )


_KINDS = {  # kind -> (header, row writer, default rows)
    "people": (_HEADER, _row, 1_000_000),
    "ean": ("id,ean,nir\n", _ean_row, 500_000),
    "leak": ("", _leak_line, 800_000),
}


def _other(rng: random.Random, index: int) -> str:
    which = index % 5
    if which == 0:
        return _ean(rng)
    if which == 1:
        return f"+33 6 {rng.randrange(10**8):08d}"
    if which == 2:
        return f"2024{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randrange(240000):06d}"
    if which == 3:
        return f"{rng.randrange(10**14):014d}"  # SIRET-like
    return f"CMD-{rng.randrange(10**15):015d}"  # an order id


def write(path: Path, rows: int | None, seed: int, kind: str = "people") -> None:
    header, row, default_rows = _KINDS[kind]
    rows = default_rows if rows is None else rows
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        for start in range(0, rows, 10_000):
            out.write("".join(row(rng, i) for i in range(start, min(rows, start + 10_000))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=list(_KINDS), default="people")
    parser.add_argument("--rows", type=int, help="default: 1,000,000, 500,000 or 800,000")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or _OUT.parent / f"{args.kind}.csv"
    write(out, args.rows, args.seed, args.kind)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
