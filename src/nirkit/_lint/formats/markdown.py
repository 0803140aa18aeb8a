"""Markdown: the header of a table names its columns; the rest is prose."""

from __future__ import annotations

import re
from typing import Final

from nirkit._lint.formats.text import Slot, TextReader

_DASHES: Final = r"[ \t]*:?-{3,}:?[ \t]*"  # a cell of the row under a table's header
_SEPARATOR_ROW: Final = re.compile(rf"[ \t]*\|?{_DASHES}(?:\|{_DASHES})*\|?[ \t]*\r?$")
_PIPE: Final = re.compile(r"(?<!\\)\|")
_TABLE_LINES: Final = 10_000  # lines looked back for the header of a table
_LONG_LINE: Final = 1 << 16  # a token further into its line is not placed in a column


def _cells(row: str) -> list[str]:
    cells = [cell.strip() for cell in _PIPE.split(row.strip())]
    if cells and not cells[0]:
        cells = cells[1:]
    return cells


def _all_rows(block: str, start: int, end: int) -> bool:
    """Whether every line from ``start`` to ``end`` is a row of a table."""
    while start < end:
        first = start
        while first < end and block[first] in " \t":
            first += 1
        if first < end and block[first] != "|":
            return False
        start = block.find("\n", start, end) + 1 or end
    return True


class MarkdownReader(TextReader):
    def __init__(self) -> None:
        self.headers: dict[int, list[str]] = {}  # the table starting there: its column names
        self.known = (-1, -1)  # a table's start, and a row start known to be in it

    def begin(self, block: str) -> None:
        self.headers = {}
        self.known = (-1, -1)

    def slot(self, block: str, position: int, start: int) -> Slot:
        key = self.direct_key(block, position, start)
        if key:
            return Slot(key, ("key", key), key=key)
        if position - start > _LONG_LINE or not block[start:position].lstrip().startswith("|"):
            return super().slot(block, position, start)
        table = self._table_start(block, start)
        if table is None:
            return super().slot(block, position, start)
        if table not in self.headers:
            header = block[table : block.find("\n", table)]
            self.headers[table] = _cells(header)
        prefix = block[start:position].lstrip()
        index = len(_PIPE.findall(prefix)) - (1 if prefix.startswith("|") else 0)
        names = self.headers[table]
        name = names[index] if 0 <= index < len(names) else ""
        return Slot(name, ("table", table, index), column=True)

    def _table_start(self, block: str, start: int) -> int | None:
        """The start of the header line of the table whose row starts at ``start``."""
        table, row = self.known
        if 0 <= row <= start and _all_rows(block, row, start):
            self.known = (table, start)
            return table
        line = start
        for _ in range(_TABLE_LINES):
            if line == 0:
                break
            previous = block.rfind("\n", 0, line - 1) + 1
            if not block[previous:line].lstrip().startswith("|"):
                break
            line = previous
        second = block.find("\n", line) + 1
        end = block.find("\n", second)
        if not second or not _SEPARATOR_ROW.match(block[second : end if end >= 0 else None]):
            return None
        self.known = (line, start)
        return line

    def snapshot(self) -> MarkdownReader:
        return MarkdownReader()
