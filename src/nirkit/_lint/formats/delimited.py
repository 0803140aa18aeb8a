"""CSV, TSV and the like: the header names each column.

The header is the first line (after an Excel ``sep=;`` line, if any); the
delimiter is the most frequent of ``,`` ``;`` tab ``|`` in it. Fields are split
here, quotes respected, without the ``csv`` module: a header of any length or
line ends reads, and the position of every cell is known.
"""

from __future__ import annotations

from typing import Final

from nirkit._lint.formats.text import PROSE_SLOT, Slot, TextReader
from nirkit._lint.names import names_key, says_nir

DELIMITERS: Final = ",;\t|"
SUFFIXES: Final = (".csv", ".tsv", ".psv", ".tab")
_LONG_LINE: Final = 1 << 16  # a token further into its line is not placed in a column


def field_spans(line: str, delimiter: str, stop: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of each field of ``line`` (up to ``stop``), quotes included."""
    end_of_line = len(line) if stop is None else stop
    if '"' not in line[:end_of_line]:
        spans = []
        start = 0
        while True:
            found = line.find(delimiter, start, end_of_line)
            if found < 0:
                spans.append((start, end_of_line))
                return spans
            spans.append((start, found))
            start = found + 1
    spans = []
    start = 0
    quoted = False
    for index in range(end_of_line):
        char = line[index]
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            spans.append((start, index))
            start = index + 1
    spans.append((start, end_of_line))
    return spans


def column_at(line: str, delimiter: str, position: int) -> int:
    """The 0-based index of the field of ``line`` that holds ``position``."""
    if '"' not in line[:position]:
        return line.count(delimiter, 0, position)
    return len(field_spans(line, delimiter, position)) - 1


def cell_text(line: str, span: tuple[int, int]) -> tuple[str, int]:
    """A cell's value without quotes and spaces, and where it starts in ``line``."""
    start, end = span
    while start < end and line[start] in " \t\"'":
        start += 1
    while end > start and line[end - 1] in " \t\"'\r\n":
        end -= 1
    return line[start:end], start


def sniff_delimiter(header: str) -> str | None:
    """The delimiter of a header line, or ``None`` if it does not look like one."""
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    delimiter = max(counts, key=lambda d: counts[d])
    return delimiter if counts[delimiter] else None


class DelimitedReader(TextReader):
    """A table whose first line names the columns."""

    def __init__(self, header: str = "", delimiter: str = ",") -> None:
        self.delimiter = delimiter
        self.names: list[str] = []
        self.header_line = 1
        self.nir_columns: frozenset[int] = frozenset()
        self.key_column: int | None = None
        if header:
            self.read_header(header)

    def read_header(self, text: str) -> None:
        """Read the header from the first lines of the file."""
        first, _, rest = text.partition("\n")
        header = first.rstrip("\r")
        line = 1
        if header.lower().startswith("sep=") and len(header) == 5:  # Excel's delimiter line
            self.delimiter = header[4]
            header = rest.partition("\n")[0].rstrip("\r")
            line = 2
        else:
            self.delimiter = sniff_delimiter(header) or self.delimiter
        self.header_line = line
        self.names = [cell_text(header, span)[0] for span in field_spans(header, self.delimiter)]
        keys = [i for i, name in enumerate(self.names) if names_key(name)]
        self.key_column = keys[0] if len(keys) == 1 else None
        self.nir_columns = frozenset(
            i for i, name in enumerate(self.names) if says_nir(name) and i not in keys
        )

    def slot(self, block: str, position: int, start: int) -> Slot:
        key = self.direct_key(block, position, start)
        if key:
            return Slot(key, ("key", key), key=key)
        if position - start > _LONG_LINE:
            return PROSE_SLOT
        column = column_at(block[start:position], self.delimiter, position - start)
        name = self.names[column] if column < len(self.names) else ""
        return Slot(name, ("column", column), column=True)

    def prose_before(self, block: str, position: int, start: int) -> str:
        """The text before the token in its own cell (``"Commande n° ...``)."""
        text = super().prose_before(block, position, start)
        return text[text.rfind(self.delimiter) + 1 :]

    def key_cell(self, block: str, position: int, end: int, start: int) -> tuple[str, int] | None:
        if self.key_column is None:
            return None
        stop = block.find("\n", end)
        line = block[start : len(block) if stop < 0 else stop]
        spans = field_spans(line, self.delimiter)
        if self.key_column >= len(spans):
            return ("", end)  # the key cell is missing: the body stands alone
        text, offset = cell_text(line, spans[self.key_column])
        return text, start + offset

    def snapshot(self) -> DelimitedReader:
        copy = DelimitedReader(delimiter=self.delimiter)
        copy.names, copy.header_line = self.names, self.header_line
        copy.nir_columns, copy.key_column = self.nir_columns, self.key_column
        return copy
