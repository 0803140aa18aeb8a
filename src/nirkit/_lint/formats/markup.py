"""HTML and XML: an element names what it holds (``<nir>``, ``<input name="nir"
value="...">``, handled by every reader), and a table's header cells name its
columns (``<th>N° SS</th>`` above ``<td>...</td>``)."""

from __future__ import annotations

import re
from typing import Final

from nirkit._lint.formats.text import Slot, TextReader

_REACH: Final = 1 << 16  # characters looked back for a row and its table's header
_ROW: Final = re.compile(r"<tr\b", re.IGNORECASE)
_LAST_ROW: Final = re.compile(r"(?s:.*)(<tr\b)", re.IGNORECASE)  # .* first: the last one
_CELL: Final = re.compile(r"<t[dh]\b", re.IGNORECASE)
_HEADER_START: Final = re.compile(r"<th\b", re.IGNORECASE)
_HEADER_CELL: Final = re.compile(r"<th\b[^>]*>(.*?)</th\s*>", re.IGNORECASE | re.DOTALL)
_TABLE_EDGE: Final = re.compile(r"</?table\b", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]*>")
_NO_HEADER: Final = -2  # the table start kept when a row was found to have no header


class MarkupReader(TextReader):
    def __init__(self) -> None:
        # (table start, known up to, names); -1: nothing known yet
        self.header: tuple[int, int, list[str]] = (-1, -1, [])

    def begin(self, block: str) -> None:
        self.header = (-1, -1, [])

    def slot(self, block: str, position: int, start: int) -> Slot:
        key = self.direct_key(block, position, start)
        if key.lower() in ("td", "th"):
            row = _last_row(block, max(0, position - _REACH), position)
            names = self._header(block, row) if row >= 0 else None
            if names is not None:
                index = len(_CELL.findall(block, row, position)) - 1
                name = names[index] if 0 <= index < len(names) else ""
                return Slot(name, ("table", self.header[0], index), column=True)
        return Slot(key, ("key", key), key=key) if key else super().slot(block, position, start)

    def _header(self, block: str, row: int) -> list[str] | None:
        """The header cells of the table whose row starts at ``row``, if it has some.

        The answer is kept, found or not: the rows of a long table ask in turn,
        and it holds while no table starts or ends and no header cell comes.
        """
        table, known, names = self.header
        if known <= row and not _TABLE_EDGE.search(block, known, row):
            if 0 <= table < row:
                self.header = (table, row, names)
                return names
            if table == _NO_HEADER and not _HEADER_START.search(block, known, row):
                self.header = (_NO_HEADER, row, [])
                return None
        position = row
        rows = [found.start() for found in _ROW.finditer(block, max(0, row - _REACH), row)]
        for previous in reversed(rows):  # rows above, up to the table's start
            if _TABLE_EDGE.search(block, previous, position):
                break
            cells = _HEADER_CELL.findall(block, previous, position)
            if cells:
                names = [_TAG.sub("", cell).strip() for cell in cells]
                self.header = (previous, row, names)
                return names
            position = previous
        self.header = (_NO_HEADER, row, [])
        return None

    def snapshot(self) -> MarkupReader:
        return MarkupReader()


def _last_row(block: str, lower: int, upper: int) -> int:
    """Where the last row between ``lower`` and ``upper`` starts, or -1: read back
    from ``upper``, so the cost is the distance to that row, not to ``lower``."""
    found = _LAST_ROW.match(block, lower, upper)
    return found.start(1) if found else -1
