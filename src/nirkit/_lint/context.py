"""Does the context of a token say that it holds a NIR?

Three places can say so: a ``name=`` / ``name:`` / ``"name":`` / ``<name>``
before the token on the same line (within ``LOOKBACK`` characters), or the
header of the CSV column the token sits in. The name must contain one of the
words of ``NIR_NAME`` (``nir``, ``nss``, ``nia``, ``insee``, ``secu``, ``ssn``,
or ``social security`` / ``sécurité sociale`` in any spelling).
"""

from __future__ import annotations

import csv
import re
from typing import Final

LOOKBACK: Final = 200  # characters before the token in which a key name is looked for

# Words are split on anything that is not a letter and on camelCase humps,
# then matched whole: ``patientNir`` and ``num_secu`` say NIR, ``souvenir`` does not.
_WORD: Final = re.compile(r"[A-Z]?[a-zà-ÿ]+|[A-Z]+(?![a-z])")
_NIR_WORDS: Final = frozenset(
    {"nir", "nirs", "nss", "nia", "nias", "insee", "secu", "sécu", "ssn", "ssns"}
)
_NIR_PHRASE: Final = re.compile(r"social_?security|s[ée]curit[ée]_?sociale|numsecu", re.IGNORECASE)
# The last key before the token: JSON/YAML/TOML/INI/Python/SQL assignments
# and XML tags.
_KEY: Final = re.compile(
    r"""([A-Za-zÀ-ÿ_][\wÀ-ÿ.\-]*)["']?\s*(?:=>|:=|[:=])\s*["'\[(]?\s*$"""
    r"""|<([A-Za-z_][\w.\-:]*)[^<>]*>\s*$"""
)
_DELIMITERS: Final = ",;\t|"
CSV_SUFFIXES: Final = (".csv", ".tsv", ".psv")


# Every name ``says_nir`` accepts contains one of these (case-insensitive).
_MENTION: Final = re.compile(r"nir|nss|nia|insee|s[ée]cu|ssn", re.IGNORECASE)


def mentions_nir(text: str) -> bool:
    """Whether ``text`` may hold a name that says NIR (a cheap test on a whole block)."""
    return _MENTION.search(text) is not None


def says_nir(name: str) -> bool:
    """Whether a key or column name names a social-security number."""
    words = [word.lower() for word in _WORD.findall(name)]
    if any(word in _NIR_WORDS for word in words):
        return True
    return _NIR_PHRASE.search("_".join(words)) is not None


def key_before(prefix: str) -> str | None:
    """The key name that ``prefix`` (the line up to the token) ends with, if any."""
    tail = prefix.rstrip(" \t\"'[(")
    if not tail or tail[-1] not in ":=>":
        return None  # the common case (a CSV field, prose), decided cheaply
    match = _KEY.search(prefix[-LOOKBACK:])
    if match is None:
        return None
    return match.group(1) or match.group(2)


class CsvColumns:
    """The NIR columns of a CSV file, read from its header line."""

    def __init__(self, header: str) -> None:
        counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
        self.delimiter = max(counts, key=lambda d: counts[d])
        names = next(csv.reader([header], delimiter=self.delimiter), [])
        self.nir_columns = frozenset(i for i, name in enumerate(names) if says_nir(name))

    def column_at(self, line: str, position: int) -> int:
        """The 0-based index of the field of ``line`` that holds ``position``."""
        delimiter = self.delimiter
        if '"' not in line:
            return line.count(delimiter, 0, position)
        column = 0
        quoted = False
        for char in line[:position]:
            if char == '"':
                quoted = not quoted
            elif char == delimiter and not quoted:
                column += 1
        return column

    def says_nir(self, line: str, position: int) -> bool:
        return bool(self.nir_columns) and self.column_at(line, position) in self.nir_columns
