"""One reader per kind of file, chosen by the file's suffix (or, for text of no
known kind, by its first lines): each says where a token sits in the file's
structure, so that a name given lines above it (a CSV header, ``"nirs": [``,
``nirs:``, ``INSERT INTO t (nir)``) counts as its context.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Final

from nirkit._lint.formats.brackets import BracketReader
from nirkit._lint.formats.delimited import DELIMITERS, SUFFIXES, DelimitedReader
from nirkit._lint.formats.markdown import MarkdownReader
from nirkit._lint.formats.markup import MarkupReader
from nirkit._lint.formats.sql import SqlReader
from nirkit._lint.formats.text import PROSE_SLOT, Slot, TextReader
from nirkit._lint.formats.yaml import YamlReader

_C_LIKE: Final = (
    ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".java", ".kt", ".kts", ".scala",
    ".cs", ".go", ".php", ".rs", ".swift", ".c", ".h", ".cpp", ".dart",
)  # fmt: skip
_LANGUAGES: Final = {
    **dict.fromkeys((".json", ".jsonl", ".ndjson", ".geojson", ".har", ".ipynb"), "json"),
    **dict.fromkeys((".py", ".pyi"), "python"),
    **dict.fromkeys(_C_LIKE, "c"),
}
_YAML: Final = (".yaml", ".yml")
_SQL: Final = (".sql", ".pgsql", ".psql", ".dump")
_MARKDOWN: Final = (".md", ".markdown", ".mdx")
_MARKUP: Final = (".html", ".htm", ".xhtml", ".xml", ".jsp", ".vue", ".svelte", ".twig", ".cda")
_SNIFFED: Final = ("", ".txt", ".dat", ".text", ".out")  # may be a table or JSON


def reader_for(name: str, head: str) -> TextReader:  # noqa: PLR0911  (one return per kind)
    """The reader of a file called ``name`` whose text starts with ``head``."""
    suffix = PurePosixPath(name.lower()).suffix
    if name == "<stdin>":
        suffix = ""
    if suffix in SUFFIXES:
        return DelimitedReader(head)
    if suffix in _LANGUAGES:
        return BracketReader(_LANGUAGES[suffix])
    if suffix in _YAML:
        return YamlReader()
    if suffix in _SQL:
        return SqlReader()
    if suffix in _MARKDOWN:
        return MarkdownReader()
    if suffix in _MARKUP:
        return MarkupReader()
    if suffix in _SNIFFED:
        return _sniffed(head)
    return TextReader()


def _sniffed(head: str) -> TextReader:
    """A table when its first two lines hold the same delimiters; JSON when it starts
    like JSON; text otherwise."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("{", "["):
        return BracketReader("json")
    lines = head.split("\n", 2)
    if len(lines) >= 2:
        for delimiter in DELIMITERS:
            count = lines[0].count(delimiter)
            if count >= 2 and lines[1].count(delimiter) == count:
                return DelimitedReader(head, delimiter)
    return TextReader()


__all__ = ["PROSE_SLOT", "Slot", "TextReader", "reader_for"]
