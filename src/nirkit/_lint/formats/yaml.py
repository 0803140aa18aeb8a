"""YAML: names from indentation.

A token with no key before it on its line (a list item ``- 1 84 ...``, an item
of a flow list) is named by the keys above it: the nearest less indented
``key:`` line, and the one above that when the first says nothing by itself.
"""

from __future__ import annotations

import re
from typing import Final

from nirkit._lint.formats.text import Slot, TextReader, key_near, name_path

# A line that starts with a key: its indentation (list dashes included) and the key.
_KEY_LINE: Final = re.compile(
    r"""^(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>"[^"\n]*"|'[^'\n]*'|[^\s#'"\[\]{},&*!|>%@`-][^:#\n]*?)"""
    r"""[ ]*:(?=[ \t\r]|$)""",
    re.MULTILINE,
)
_DEPTH: Final = 64


class YamlReader(TextReader):
    def __init__(self, keys: list[tuple[int, str]] | None = None) -> None:
        self.keys: list[tuple[int, str]] = list(keys or [])  # (indentation, key), outermost first
        self.at_begin: list[tuple[int, str]] = []
        self.done = 0

    def begin(self, block: str) -> None:
        self.at_begin = list(self.keys)
        self.done = 0

    def end(self, block: str) -> None:
        self.advance(block, len(block))

    def advance(self, block: str, to: int) -> None:
        """Read the key lines that start before ``to``."""
        for found in _KEY_LINE.finditer(block, self.done, to):
            indent = len(found["indent"])
            while self.keys and self.keys[-1][0] >= indent:
                self.keys.pop()
            if len(self.keys) < _DEPTH:
                self.keys.append((indent, found["key"].strip("\"'")))
            self.done = found.end()

    def slot(self, block: str, position: int, start: int) -> Slot:
        self.advance(block, start)  # the keys of the lines above
        key = self.direct_key(block, position, start)
        if not key:
            own = _KEY_LINE.match(block, start, position)  # ``nirs: [a, b]``
            key = own["key"].strip("\"'") if own else ""
        line = block[start:position]
        indent = len(line) - len(line.lstrip(" -"))  # a list item sits under its key
        parents = [name for level, name in reversed(self.keys) if level < indent]
        path = tuple(reversed(parents[:3]))
        return Slot(name_path(key, parents), ("yaml", path, key), key=key)

    def key_cell(self, block: str, position: int, end: int, start: int) -> tuple[str, int] | None:
        return key_near(block, position, end, 0, len(block))

    def snapshot(self) -> YamlReader:
        return YamlReader(self.at_begin)
