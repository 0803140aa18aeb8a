"""JSON, Python, JavaScript and other languages of brackets: names from the nesting.

A token with no key before it (an item of a list) is named by the place its
list or call was opened: ``"nirs": [`` on an earlier line, ``NIRS = [``,
``@pytest.mark.parametrize("nir", [``. Brackets are counted outside strings and
comments, with one pattern per language; only brackets reach Python code.
"""

from __future__ import annotations

import re
from typing import Final

from nirkit._lint.formats.text import Slot, TextReader, key_before, key_near, name_path

_LABEL: Final = 200  # characters before an opening bracket read for its name
_DEPTH: Final = 256  # frames kept; deeper nesting is counted but not named


def _structure(elements: str, starts: str) -> re.Pattern[str]:
    """One match per bracket or line end, after what cannot hold one.

    ``elements`` are the strings and comments of a language (a bracket inside
    them does not count), ``starts`` their first characters. Every match starts
    where the previous one ended, so a block is read once.
    """
    plain = rf"[^\[\](){{}}\n{re.escape(starts)}]++"
    lone = f"[{re.escape(starts)}]"  # a quote that opens no string: an apostrophe
    return re.compile(rf"(?:{elements}|{plain}|{lone})*+(?:(?P<b>[\[\](){{}}])|\n|\Z)")


_DOUBLE: Final = r'"(?:[^"\\\n]|\\.)*+"'
_SINGLE: Final = r"'(?:[^'\\\n]|\\.)*+'"
_TRIPLE: Final = r'"""(?:[^"\\]|\\.|"(?!""))*+"""|' + r"'''(?:[^'\\]|\\.|'(?!''))*+'''"
_BACKTICK: Final = r"`(?:[^`\\]|\\.)*+`"
LANGUAGES: Final = {
    "json": _structure(_DOUBLE, '"'),
    "python": _structure(f"{_TRIPLE}|{_DOUBLE}|{_SINGLE}|\\#[^\\n]*+", "\"'#"),
    "c": _structure(
        f"{_DOUBLE}|{_SINGLE}|{_BACKTICK}|//[^\\n]*+|/\\*(?:[^*]|\\*(?!/))*+\\*/", "\"'`/"
    ),
}
_CLOSING: Final = frozenset(")]}")
_COMMENT: Final = re.compile(r"(?:#|//)[^\n]*")


class BracketReader(TextReader):
    """Reads the nesting of brackets as the engine asks about positions."""

    def __init__(self, language: str, frames: list[tuple[str, str]] | None = None) -> None:
        self.language = language
        self.structure = LANGUAGES[language]
        self.frames: list[tuple[str, str]] = list(frames or [])  # (bracket, name)
        self.depth = len(self.frames)  # may exceed the frames kept
        self.at_begin: list[tuple[str, str]] = []
        self.done = 0  # where the next bracket is looked for, in the current block
        self.last = 0  # the end of the last bracket seen, in the current block

    def begin(self, block: str) -> None:
        self.at_begin = list(self.frames)
        self.done = self.last = 0

    def end(self, block: str) -> None:
        self.advance(block, len(block))

    def advance(self, block: str, to: int) -> None:
        """Read the brackets before ``to`` (a string that goes past it is read later, whole)."""
        for found in self.structure.finditer(block, self.done):
            if found.end() > to or found.end() == found.start():
                return
            self.done = found.end()
            bracket = found.start("b")
            if bracket < 0:
                continue  # a line end
            char = block[bracket]
            if char in _CLOSING:
                if self.depth:
                    self.depth -= 1
                    if len(self.frames) > self.depth:
                        self.frames.pop()
            else:
                if len(self.frames) < _DEPTH and len(self.frames) == self.depth:
                    self.frames.append((char, self._name(block, bracket)))
                self.depth += 1
            self.last = found.end()

    def _name(self, block: str, bracket: int) -> str:
        """What the text before an opening bracket calls it.

        A key (``"nirs": [``, ``NIRS = [``, ``nir=[``) names it; otherwise the
        text since the previous bracket does: the arguments before it in a call
        (``parametrize("nir", [``), or at the top level the start of its line.
        """
        start = max(self.last, bracket - _LABEL)
        if not self.frames:
            start = max(start, block.rfind("\n", 0, bracket) + 1)
        text = block[start:bracket]
        name = key_before(text) or _COMMENT.sub("", text).strip(" \t\r\n,;=:")
        if name or start > bracket - 2:
            return name
        # Only "= " since the last bracket (``nirs: string[] = [``): the line says it.
        text = block[max(block.rfind("\n", 0, bracket) + 1, bracket - _LABEL) : bracket]
        return key_before(text) or _COMMENT.sub("", text).strip(" \t\r\n,;=:")

    def slot(self, block: str, position: int, start: int) -> Slot:
        self.advance(block, position)
        key = self.direct_key(block, position, start)
        name = name_path(key, (name for _, name in reversed(self.frames)))
        path = tuple(bracket + name for bracket, name in self.frames[-3:])
        return Slot(name, ("nest", path, key), key=key)

    def key_cell(self, block: str, position: int, end: int, start: int) -> tuple[str, int] | None:
        lower = block.rfind("{", 0, position)
        upper = block.find("}", end)
        return key_near(block, position, end, max(lower, 0), len(block) if upper < 0 else upper)

    def snapshot(self) -> BracketReader:
        return BracketReader(self.language, self.at_begin)

