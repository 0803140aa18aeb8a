"""A file being written, which remembers where each number went: the truth.

Positions are 1-based lines and columns counted in characters of the decoded
text (a BOM is not a character of the text; a CRLF file gets its ``\\r`` at the
end of lines, after every column). A line ends at CRLF, LF or a bare CR (HL7
segments), as Python's universal newlines read them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Final, Literal

from tests.lint_corpus.samples import KEY_CODES, Lookalike, Sample

Role = Literal["valid", "broken", "lookalike"]
TRUTH_FILE: Final = "truth.json"
# A line feed that stays one in a CRLF file, as Excel writes a line break inside a quoted cell.
KEPT_LF: Final = "\ue000"
CORPUS_DIR: Final = "corpus"  # the linted tree; the truth sits beside it, not inside


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a piece of a number was written, and what was written there."""

    line: int
    column: int
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A number of the corpus. A finding about it is expected at ``cells[0]``.

    A number written as a body cell and a key cell has two cells; the first is
    the key cell when the fault is the key's, the body cell otherwise.
    """

    path: str
    kind: str  # the file kind ("json", "sql"...)
    role: Role
    code: str | None  # the code a finding should carry (broken numbers only)
    fault: str  # "valid", how a number was broken, or a lookalike's shape
    form: str  # "compact", "display", "nbsp"..., "pair" (body and key cells)
    context: str  # where it sits, in words: "json list under nirs"
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class FileSpec:
    path: str  # relative to the corpus directory, with /
    kind: str
    encoding: str  # a key of ENCODERS
    newline: str = "\n"


def _utf16_with_bom(codec: str, bom: bytes) -> Callable[[str], bytes]:
    return lambda text: bom + text.encode(codec)


ENCODERS: Final[dict[str, Callable[[str], bytes]]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-sig": lambda text: text.encode("utf-8-sig"),
    "cp1252": lambda text: text.encode("cp1252"),
    "utf-16-le-bom": _utf16_with_bom("utf-16-le", b"\xff\xfe"),
    "utf-16-be-bom": _utf16_with_bom("utf-16-be", b"\xfe\xff"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),  # no BOM, as `bcp -w` writes it
}
# Python codecs that decode each encoding and drop its BOM.
DECODERS: Final = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "cp1252": "cp1252",
    "utf-16-le-bom": "utf-16",
    "utf-16-be-bom": "utf-16",
    "utf-16-le": "utf-16-le",
}


class Doc:
    """The text of one file, and the entries written into it so far."""

    def __init__(self, spec: FileSpec) -> None:
        self.spec = spec
        self.parts: list[str] = []
        self.line = 1
        self.column = 1
        self.entries: list[Entry] = []

    def write(self, text: str) -> None:
        assert "\r" not in text  # line ends are written at save time
        self.parts.append(text)
        newlines = text.count("\n") + text.count(KEPT_LF)
        if newlines:
            self.line += newlines
            self.column = len(text) - max(text.rfind("\n"), text.rfind(KEPT_LF))
        else:
            self.column += len(text)

    def cell(self, text: str) -> Cell:
        """Write ``text`` and say where it went."""
        where = Cell(self.line, self.column, text)
        self.write(text)
        return where

    def number(self, sample: Sample, form: str, context: str, quote: str = "") -> None:
        """Write a number in ``form`` (a key of samples.FORMS), between quotes if given."""
        self.write(quote)
        cell = self.cell(sample.written(form))
        self.write(quote)
        role: Role = "valid" if sample.valid else "broken"
        self._add(
            role, code=sample.code, fault=sample.fault, form=form, context=context, cells=(cell,)
        )

    def pair(self, sample: Sample, body: Cell, key: Cell, context: str) -> None:
        """Record a number already written as a body cell and a key cell."""
        cells = (key, body) if sample.code in KEY_CODES else (body, key)
        role: Role = "valid" if sample.valid else "broken"
        self._add(
            role, code=sample.code, fault=sample.fault, form="pair", context=context, cells=cells
        )

    def lookalike(self, look: Lookalike, context: str, quote: str = "") -> None:
        self.write(quote)
        cell = self.cell(look.text)
        self.write(quote)
        self._add(
            "lookalike", code=None, fault=look.shape, form="compact", context=context, cells=(cell,)
        )

    def _add(
        self,
        role: Role,
        *,
        code: str | None,
        fault: str,
        form: str,
        context: str,
        cells: tuple[Cell, ...],
    ) -> None:
        path, kind = self.spec.path, self.spec.kind
        self.entries.append(Entry(path, kind, role, code, fault, form, context, cells))

    def text(self) -> str:
        return "".join(self.parts)

    def save(self, root: Path) -> None:
        text = self.text()
        if self.spec.newline != "\n":
            text = text.replace("\n", self.spec.newline)
        text = text.replace(KEPT_LF, "\n")
        path = root / self.spec.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(ENCODERS[self.spec.encoding](text))


def decoded(root: Path, spec: FileSpec) -> str:
    """A corpus file's text as a reader that knows its encoding sees it."""
    return (root / spec.path).read_bytes().decode(DECODERS[spec.encoding])


def lines_of(root: Path, spec: FileSpec) -> list[str]:
    """A corpus file's lines, ended by CRLF, LF or a bare CR (positions count them so)."""
    return re.split(r"\r\n|\r|\n", decoded(root, spec))


# --- truth.json ----------------------------------------------------------


@dataclass(slots=True)
class Truth:
    seed: int
    scale: float
    files: list[FileSpec] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)

    def save(self, outdir: Path) -> None:
        # One file or entry a line: easy to grep and to diff.
        def lines(items: list[FileSpec] | list[Entry]) -> str:
            return ",\n".join(json.dumps(asdict(item), ensure_ascii=False) for item in items)

        text = (
            f'{{"seed": {self.seed}, "scale": {self.scale},\n'
            f'"files": [\n{lines(self.files)}\n],\n'
            f'"entries": [\n{lines(self.entries)}\n]}}\n'
        )
        (outdir / TRUTH_FILE).write_text(text, encoding="utf-8")


def load_truth(outdir: Path) -> Truth:
    document = json.loads((outdir / TRUTH_FILE).read_text(encoding="utf-8"))
    files = [FileSpec(**spec) for spec in document["files"]]
    entries = [
        Entry(**{**entry, "cells": tuple(Cell(**cell) for cell in entry["cells"])})
        for entry in document["entries"]
    ]
    return Truth(document["seed"], document["scale"], files, entries)
