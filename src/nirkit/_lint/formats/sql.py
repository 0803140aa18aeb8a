"""SQL dumps: the column lists of ``INSERT`` and ``COPY`` name the values below them.

``INSERT INTO t (id, nir) VALUES (1, '...'), (2, '...');`` names each value of
each row by its place in the row; ``COPY t (id, nir) FROM stdin;`` names the
tab-separated columns of the lines that follow, up to ``\\.``. ``UPDATE ... SET
nir = '...'`` and ``WHERE nir = '...'`` are keys on the line, as anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from nirkit._lint.formats.delimited import cell_text, column_at, field_spans
from nirkit._lint.formats.text import Slot, TextReader
from nirkit._lint.names import names_key

_HEAD: Final = re.compile(
    r"""\bINSERT\s+(?:IGNORE\s+)?INTO\s+(?P<table>[\w."`\[\]]+)\s*"""
    r"""(?:\((?P<columns>[^()]*)\))?\s*VALUES\b"""
    r"""|\bCREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?P<create>[\w."`\[\]]+)\s*\("""
    r"""|\bCOPY\s+(?P<copy>[\w."]+)\s*(?:\((?P<copy_columns>[^()]*)\))?\s+FROM\s+stdin\b[^\n]*\n"""
    r"""|^\\\.\r?$""",
    re.IGNORECASE | re.MULTILINE,
)
# Where a head may start, and how long that start is at most (a start that ``to``
# cuts in two is still seen).
_HEAD_START: Final = re.compile(r"\b(?:INSERT|CREATE|COPY)\b|^\\\.", re.IGNORECASE | re.MULTILINE)
_HEAD_START_SIZE: Final = len("INSERT") + 1
# What a row of VALUES is made of: strings ('' is a quote inside), identifiers,
# comments, and the characters that shape rows.
_ROW: Final = re.compile(r"""'(?:[^'\\]|\\.|'')*+'|"[^"\n]*+"|--[^\n]*+|[(),;]""")
# What starts a line of CREATE TABLE that is not a column.
_NOT_COLUMN: Final = frozenset(
    {"primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial"}
)
_REACH: Final = 1 << 16  # characters back from a value in which its row is read


@dataclass(slots=True)
class _Statement:
    kind: str  # "insert" or "copy"
    table: str
    columns: list[str]
    values: int  # where the rows start in the current block (-1: in an earlier one)


def _columns(text: str | None) -> list[str]:
    return [name.strip().strip('"`[]') for name in text.split(",")] if text else []


def _table(name: str) -> str:
    """A table's name as INSERT and CREATE TABLE may both spell it: ``public."t"`` -> ``t``."""
    return name.rsplit(".", 1)[-1].strip('"`[]').lower()


def _created(block: str, start: int) -> list[str]:
    """The column names of the CREATE TABLE whose column list opens at ``start``."""
    names: list[str] = []
    depth, definition = 0, start
    for found in _ROW.finditer(block, start, min(len(block), start + _REACH)):
        char = found[0]
        if char == "(":
            depth += 1
        elif char in "),;" and depth == 0:
            first = block[definition : found.start()].split(None, 1)
            if first and first[0].strip('"`[]').lower() not in _NOT_COLUMN:
                names.append(first[0].strip('"`[]'))
            definition = found.end()
            if char != ",":
                break
        elif char == ")":
            depth -= 1
    return names


class SqlReader(TextReader):
    def __init__(
        self, statement: _Statement | None = None, tables: dict[str, list[str]] | None = None
    ) -> None:
        self.statement = statement
        self.tables = tables if tables is not None else {}  # CREATE TABLE: table -> columns
        self.at_begin: _Statement | None = None
        self.done = 0
        # Where the row under the cursor was read up to: position, depth, value index, row start.
        self.cursor = (-1, 0, 0, -1)

    def begin(self, block: str) -> None:
        if self.statement is not None:
            self.statement.values = -1
        self.at_begin = self.statement
        self.done = 0
        self.cursor = (-1, 0, 0, -1)

    def advance(self, block: str, to: int) -> None:
        for found in _HEAD.finditer(block, self.done, to):
            self.done = found.end()
            if found["create"]:
                self.tables[_table(found["create"])] = _created(block, found.end())
            elif found["table"]:
                columns = _columns(found["columns"]) or self.tables.get(_table(found["table"]), [])
                self.statement = _Statement("insert", found["table"], columns, found.end())
            elif found["copy"]:
                columns = _columns(found["copy_columns"])
                self.statement = _Statement("copy", found["copy"], columns, found.end())
            else:
                self.statement = None  # the end of a COPY block
            self.cursor = (-1, 0, 0, -1)
        self.done = max(self.done, self._pending(block, to))

    def _pending(self, block: str, to: int) -> int:
        """Where the next call must read from: the start of a head not finished by
        ``to``, or ``to``. Without it, every call read again from the last head."""
        for found in _HEAD_START.finditer(block, self.done, to + _HEAD_START_SIZE):
            if found.start() >= to:
                break
            head = _HEAD.match(block, found.start())
            if head is not None and head.end() > to:
                return found.start()
        return to

    def slot(self, block: str, position: int, start: int) -> Slot:
        self.advance(block, position)
        key = self.direct_key(block, position, start)
        statement = self.statement
        if key or statement is None:
            return Slot(key, ("key", key), key=key) if key else super().slot(block, position, start)
        if statement.kind == "copy":
            index: int | None = column_at(block[start:position], "\t", position - start)
        else:
            index = self._value_index(block, position, start)
        if index is None:
            return super().slot(block, position, start)
        name = statement.columns[index] if index < len(statement.columns) else ""
        return Slot(name, ("sql", statement.table, index), column=True)

    def _value_index(self, block: str, position: int, start: int) -> int | None:
        """The place in its row of the value at ``position``; ``None`` outside rows."""
        assert self.statement is not None
        at, depth, index, row = self.cursor
        if at < 0 or at > position or position - at > _REACH:
            values = self.statement.values
            at = values if values >= 0 and position - values <= _REACH else start
            depth, index, row = 0, 0, -1
        for found in _ROW.finditer(block, at, position):
            char = found[0]
            at = found.end()
            if char == "(":
                depth += 1
                if depth == 1:
                    index, row = 0, found.start()
            elif char == ")":
                depth = max(depth - 1, 0)
            elif char == "," and depth == 1:
                index += 1
            elif char == ";" and depth == 0:
                self.statement = None
                self.cursor = (-1, 0, 0, -1)
                return None
        self.cursor = (at, depth, index, row)
        return index if depth >= 1 else None

    def key_cell(self, block: str, position: int, end: int, start: int) -> tuple[str, int] | None:
        statement = self.statement
        if statement is None:
            return None
        keys = [i for i, name in enumerate(statement.columns) if names_key(name)]
        if len(keys) != 1:
            return None
        stop = block.find("\n", end)
        if statement.kind == "copy":
            line = block[start : len(block) if stop < 0 else stop]
            spans = field_spans(line, "\t")
            if keys[0] >= len(spans):
                return ("", end)
            text, offset = cell_text(line, spans[keys[0]])
            return text, start + offset
        row = self.cursor[3]
        return None if row < 0 else _value(block, row, keys[0])

    def snapshot(self) -> SqlReader:
        return SqlReader(self.at_begin, dict(self.tables))


def _value(block: str, row: int, wanted: int) -> tuple[str, int] | None:
    """The text and position of value ``wanted`` of the row opened at ``row``."""
    depth, index, value_start = 0, 0, row + 1
    for found in _ROW.finditer(block, row, min(len(block), row + _REACH)):
        char = found[0]
        if char == "(":
            depth += 1
        elif char in ",)" and depth == 1:
            if index == wanted:
                text, offset = cell_text(block, (value_start, found.start()))
                return text, offset
            index += 1
            value_start = found.end()
            if char == ")":
                return None
        elif char == ")":
            depth -= 1
    return None
