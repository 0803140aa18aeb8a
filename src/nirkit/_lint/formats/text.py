"""The reader of plain text, and what every other reader builds on.

A reader tells the engine where a token sits in the file's structure (its
:class:`Slot`), and where the key of a 13-character body kept apart is. It reads
lazily: the engine asks about positions in increasing order within a block, and
only about the few tokens that need a context.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Final

from nirkit._lint.names import names_key, words

LOOKBACK: Final = 200  # characters before a token in which its key name is looked for
PROSE: Final = 80  # characters of prose before a token in which a NIR word counts
# The last number (6 digits or more, grouped or not) before a token in prose:
# a NIR word before it names that one.
_LAST_NUMBER: Final = re.compile(r".*[0-9](?:[ .\-\u00a0\u202f\u2009]?[0-9]){5}", re.DOTALL)
# The last key before a token: JSON/YAML/TOML/INI/Python/JS/SQL assignments,
# keyword arguments and XML tags.
_KEY: Final = re.compile(
    r"""([^\W\d][\w.\-]*)["'`]?\s*(?:=>|:=|==|[:=])\s*["'`\[(]?\s*$"""
    r"""|<([A-Za-z_][\w.\-:]*)[^<>]*>\s*$"""
)
KEY_ENDS: Final = frozenset(":=> \t\"'`[(")
# A key cell kept apart, near its body: ``"cle": "34"``, ``cle: 34``, ``cle='34'``.
_NEAR_KEY: Final = re.compile(
    r"""([^\W\d][\w\-]*)["'`]?\s*(?:=>|[:=])\s*["'`]?([0-9]{1,3})(?![0-9])"""
)
_NEAR: Final = 300  # characters around a body in which its key is looked for
# Value names that say nothing by themselves: the name of the place around them counts too.
# Names that say nothing of what a place holds: ``value``, ``INVALID``,
# ``cas_de_test``. The names around them (or the file's numbers) tell instead.
GENERIC: Final = frozenset(
    {"value", "values", "valeur", "valeurs", "val", "v", "number", "numbers", "numero",
     "numeros", "num", "no", "code", "codes", "id", "ids", "identifiant", "identifier",
     "identifiants", "identifiers", "extension", "text", "texte", "raw", "data", "donnee",
     "donnees", "input", "inputs", "expected", "valid", "invalid", "valide", "valides",
     "invalide", "invalides", "good", "bad", "wrong", "ok", "ko", "broken", "case",
     "cases", "cas", "de", "du", "des", "le", "la", "les", "the", "a", "test", "tests",
     "example", "examples", "exemple", "exemples", "sample", "samples", "fixture",
     "fixtures", "list", "liste", "items", "item", "keys", "cles", "params", "param",
     "all", "assert", "not", "is", "it", "each", "describe", "expect", "should",
     "parametrize", "pytest", "mark", "check", "verify", "valider", "validate",
     "verifier", "controler", "parse", "is_valid", "table", "rows", "row", "const",
     "let", "var", "export", "string", "str"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a token sits.

    ``name`` is what the place is called (a column header, a key, a variable,
    and the names above it; ``""`` when nothing names it), ``key`` the token's
    own key if it has one. ``place`` identifies the place for what is learned
    about it (``None`` for prose). ``column`` says that the place is a column of
    a table, whose other cells tell what it holds.
    """

    name: str
    place: Hashable | None
    column: bool = False
    key: str = ""


PROSE_SLOT: Final = Slot("", None)


def prose_before(block: str, position: int, start: int) -> str:
    """The prose before a token on its line, since the number before it if any:
    in "NIR 1 84 ... réf. 2024...", the reference is not named by "NIR"."""
    text = block[max(start, position - PROSE) : position]
    found = _LAST_NUMBER.match(text)
    return text[found.end() :] if found else text


def key_before(prefix: str) -> str | None:
    """The key name that ``prefix`` (the text up to a token) ends with, if any."""
    tail = prefix.rstrip(" \t\"'`[(")
    if not tail or tail[-1] not in ":=>":
        return None  # the common case (a CSV field, prose), decided cheaply
    found = _KEY.search(prefix[-LOOKBACK:])
    if found is None:
        return None
    return found.group(1) or found.group(2)


def around(block: str, start: int, end: int) -> str:
    """The rest of the object or tag that holds the token at ``start:end``
    (``{"type": "NIR", "valeur": ``, ``<id root="..." extension=``), within
    ``_NEAR`` characters; empty when the token is in none."""
    lower = max(0, start - _NEAR)
    opened = max(block.rfind("{", lower, start), block.rfind("<", lower, start))
    if opened < 0 or any(block.find(char, opened, start) >= 0 for char in "}>[]"):
        return ""  # in no object or tag, or in a list inside one
    upper = min(len(block), end + _NEAR)
    ends = [block.find(char, end, upper) for char in "}>"]
    closed = min((found for found in ends if found >= 0), default=end)
    return block[opened:start] + " " + block[end:closed]


def ends_with_key_char(block: str, position: int) -> bool:
    """Whether the character before ``position`` can end a key name's assignment."""
    return position > 0 and block[position - 1] in KEY_ENDS


def key_near(block: str, start: int, end: int, lower: int, upper: int) -> tuple[str, int] | None:
    """The nearest ``key name: digits`` between ``lower`` and ``upper`` around a body
    at ``start:end``: the key of a NIR kept apart (``"cle": "34"``)."""
    best: tuple[int, str, int] | None = None
    lower, upper = max(lower, start - _NEAR), min(upper, end + _NEAR)
    for found in _NEAR_KEY.finditer(block, lower, upper):
        if (found.start() < end and found.end() > start) or not names_key(found[1]):
            continue
        distance = start - found.end() if found.end() <= start else found.start() - end
        if best is None or distance < best[0]:
            best = (distance, found[2], found.start(2))
    return None if best is None else (best[1], best[2])


def name_path(key: str, outer: Iterable[str]) -> str:
    """The name of a place: its own key, then the names around it (innermost
    first, empty ones skipped) while the last one says nothing by itself
    (``nir valeur``, ``nir valides``), three names at most."""
    names = [key] if key else []
    for name in outer:
        if len(names) == 3 or (names and not says_nothing(names[-1])):
            break
        if name:
            names.append(name)
    return " ".join(reversed(names))


def says_nothing(name: str) -> bool:
    """A name that says nothing of what it holds: none, or ``value``, ``INVALID``..."""
    return all(word in GENERIC or word.isdigit() for word in words(name))


class TextReader:
    """Plain text: a key before the token on its line names it; otherwise it is prose."""

    header_line = 0  # the line of a table's header (not data), 0 for none

    def begin(self, block: str) -> None:
        """A new block is about to be scanned."""

    def end(self, block: str) -> None:
        """The block has been scanned: read what is left of its structure."""

    def slot(self, block: str, position: int, start: int) -> Slot:
        """The slot of the token at ``position``, on the line starting at ``start``."""
        key = self.direct_key(block, position, start)
        return Slot(key, ("key", key), key=key) if key else PROSE_SLOT

    def direct_key(self, block: str, position: int, start: int) -> str:
        """The key name right before the token (``nir: ``, ``"nss": "``), on its line or,
        when the token starts its line, at the end of the line before."""
        if not ends_with_key_char(block, position) and position != start:
            return ""
        if not block[start:position].strip(" \t\"'`") and start:
            start = block.rfind("\n", 0, start - 1) + 1  # the key may end the line above
        return key_before(block[max(start, position - LOOKBACK) : position]) or ""

    def prose_before(self, block: str, position: int, start: int) -> str:
        """The prose before the token that may say what it is."""
        return prose_before(block, position, start)

    def key_cell(self, block: str, position: int, end: int, start: int) -> tuple[str, int] | None:
        """The separate key of the 13-character body at ``position:end``: its text and
        position, or ``None``. Plain text looks on the body's line."""
        stop = block.find("\n", end)
        return key_near(block, position, end, start, len(block) if stop < 0 else stop)

    def snapshot(self) -> TextReader:
        """A reader in this one's state at the start of the current block (for learning)."""
        return type(self)()
