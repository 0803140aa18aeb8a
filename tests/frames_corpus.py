"""A corpus for the differential tests of nirkit.frames: every kind, place, month kind
and error, in every spelling, with warnings, keyless numbers, nulls and junk.

Built from constructed numbers (``nirkit.generate``) with a fixed seed.
"""

from __future__ import annotations

import random
from typing import Final

import nirkit
from nirkit._generate import ERROR_CODES

# Characters a migration meets: separators, Unicode spaces and digits, letters,
# combining marks, controls. NFKC turns some into digits or spaces.
ODD: Final = [
    "\u00a0", "\u202f", "\u2009", "\u3000", "\t", "\n", "\r", ".", "-", "_", "/", "O", "o",
    "a", "A", "b", "B", "c", "é", "e\u0301", "\u0301", "ß", "ﬁ", "①", "¹", "²", "⁹", "٣",
    "７", "０", "Ａ", "ａ", "ｂ", "𝟗", "\u200b", "\ufeff", "\x00", "€", "😀", " ",
]  # fmt: skip


def _spellings(compact: str, rng: random.Random) -> list[str]:
    display = nirkit.format_nir(compact) if len(compact) in (13, 15) else compact
    fullwidth = "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in compact)
    return [
        compact,
        display,
        display.replace(" ", "."),
        display.replace(" ", "-"),
        display.replace(" ", "\u00a0"),
        display.replace(" ", "\u202f"),
        display.replace(" ", "\t"),
        display.replace(" ", "  "),
        f"  {display} ",
        compact.lower(),
        fullwidth,
        display.replace(" ", rng.choice(ODD)),
    ]


def _mutations(compact: str, rng: random.Random) -> list[str]:
    chars = list(compact)
    out = []
    for _ in range(3):
        changed = chars.copy()
        index = rng.randrange(len(changed))
        roll = rng.random()
        if roll < 0.4:
            changed[index] = rng.choice(ODD + list("0123456789"))
        elif roll < 0.7:
            changed.insert(index, rng.choice(ODD))
        else:
            del changed[index]
        out.append("".join(changed))
    return out


def corpus(seed: int = 2026) -> list[str | None]:
    rng = random.Random(seed)
    numbers = [
        nirkit.generate(kind=kind, place_kind=place, month_kind=month, rng=rng)
        for kind in ("definitive", "waiting", "provisional")
        for place in ("metropolitan", "corsica", "overseas", "abroad", "north_africa")
        for month in ("real", "incomplete_record", "unknown")
    ]
    numbers += [nirkit.generate(error=code, rng=rng) for code in ERROR_CODES for _ in range(4)]
    bodies = [
        "1850520123456",
        "2502012312345",
        "1809912345678",  # 99 + an unknown country
        "1809900012345",  # country 000
        "1804400012345",  # commune 000
        "1804412300045",
        "1804412345000",  # order 000
        "1804597100012",
        "1454599112345",  # month 45 (lenient only)
        "1009712300012",  # 971 commune 23
        "1009710012345",  # overseas commune 00
        "1009790012345",  # 979: no such overseas code
        "1000012345678",  # département 00
    ]
    corsica = ["150022A123456", "185022B123456", "175022A123456", "190022B123456"]
    for body in bodies + corsica:
        key = nirkit.compute_key(body)
        numbers += [
            body,
            f"{body}{key:02d}",
            f"{body}00",
            f"{body}98",
            f"{body}{(key % 97) + 1:02d}",
        ]
    numbers += ["269054958815780", "185057800608491", "137047624348415"]  # specimens
    texts: list[str | None] = []
    for number in numbers:
        texts += _spellings(number, rng)
        texts += _mutations(number, rng)
    texts += [
        None, None, "", " ", "\u00a0", "-", "x", "2A", "Ｏ", "😀" * 3, "1" * 64, "1" * 65,
        " " * 64 + "1", "2 95 10 99 126 111 93".ljust(64), "2 95 10 99 126 111 93".ljust(65),
        "２" * 70, "2 95 10 99 126 111 93\n", "\n2 95 10 99 126 111 93",
    ]  # fmt: skip
    return texts
