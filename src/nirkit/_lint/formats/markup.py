"""HTML and XML: an element names what it holds (``<nir>``, ``<input name="nir"
value="...">``, handled by every reader), and a table's header cells name its
columns (``<th>N° SS</th>`` above ``<td>...</td>``)."""

from __future__ import annotations

import re
from typing import Final

from nirkit._lint.formats.text import Slot, TextReader

_REACH: Final = 1 << 16  # characters looked back for a row and its table's header
_ROW: Final = re.compile(r"<tr\b", re.IGNORECASE)
_CELL: Final = re.compile(r"<t[dh]\b", re.IGNORECASE)
_HEADER_CELL: Final = re.compile(r"<th\b[^>]*>(.*?)</th\s*>", re.IGNORECASE | re.DOTALL)
_TABLE_EDGE: Final = re.compile(r"</?table\b", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]*>")


class MarkupReader(TextReader):
    def __init__(self) -> None:
        self.header: tuple[int, int, list[str]] = (-1, -1, [])  # (table start, known up to, names)

    def begin(self, block: str) -> None:
        self.header = (-1, -1, [])

    def slot(self, block: str, position: int, start: int) -> Slot:
        key = self.direct_key(block, position, start)
        if key.lower() in ("td", "th"):
            row = _last(_ROW, block, max(0, position - _REACH), position)
            names = self._header(block, row) if row >= 0 else None
            if names is not None:
                index = len(_CELL.findall(block, row, position)) - 1
                name = names[index] if 0 <= index < len(names) else ""
                return Slot(name, ("table", self.header[0], index), column=True)
        return Slot(key, ("key", key), key=key) if key else super().slot(block, position, start)

    def _header(self, block: str, row: int) -> list[str] | None:
        """The header cells of the table whose row starts at ``row``, if it has some."""
        table, known, names = self.header
        if 0 <= table < row and known <= row and not _TABLE_EDGE.search(block, known, row):
            self.header = (table, row, names)
            return names
        position = row
        lower = max(0, row - _REACH)
        while position > lower:  # rows above, up to the table's start
            previous = _last(_ROW, block, lower, position)
            if previous < 0 or _TABLE_EDGE.search(block, previous, position):
                return None
            cells = _HEADER_CELL.findall(block, previous, position)
            if cells:
                names = [_TAG.sub("", cell).strip() for cell in cells]
                self.header = (previous, row, names)
                return names
            position = previous
        return None

    def snapshot(self) -> MarkupReader:
        return MarkupReader()


def _last(pattern: re.Pattern[str], block: str, lower: int, upper: int) -> int:
    """Where the last match of ``pattern`` between ``lower`` and ``upper`` starts, or -1."""
    found = -1
    for match in pattern.finditer(block, lower, upper):
        found = match.start()
    return found
