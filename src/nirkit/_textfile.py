"""Reading text files in whatever encoding a French export uses.

One reader serves the linter, ``impact`` and ``check``. Without an explicit
encoding, the first bytes decide:

- a byte-order mark: UTF-8, UTF-16 LE/BE (Excel's "Unicode text") or UTF-32;
- NUL bytes at every other position and nowhere else: UTF-16 without a mark;
- any other NUL byte near the start: not text (:class:`BinaryFile`);
- bytes that are not UTF-8 in the first block: cp1252 (Windows exports);
- otherwise UTF-8, where a later byte that is not UTF-8 is read as cp1252, byte
  by byte, so that a file mixing the two reads right on every line. Digits are
  ASCII in all of these: no number is ever lost.

Line ends are ``\\n``; a bare ``\\r`` (old Mac files, some exports) counts as one
and is given as ``\\n``, so that line numbers are the ones an editor shows.
Blocks are bounded (``BLOCK_BYTES`` read at a time, a line longer than
``MAX_PENDING`` characters is cut where no number can be), so memory stays flat.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO, Final

BLOCK_BYTES: Final = 1 << 20
MAX_PENDING: Final = 4 << 20  # characters of one line held before cutting it
SNIFF_BYTES: Final = 8192  # the bytes that decide the encoding (and binary or not)

_BOMS: Final = (  # longest first: the UTF-32 LE mark starts like the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACK: Final = "nirkit-cp1252"  # the error handler that reads a non-UTF-8 byte as cp1252
_BARE_CR: Final = re.compile(r"\r(?!\n)")
_UTF8_CHARACTER: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NOT_ASCII: Final = re.compile(rb"[\x80-\xff]")
# Up to the last character of a pending line at which it can be cut: one that
# cannot belong to a number (a digit, a letter, a separator).
_CUT: Final = re.compile(r".*[^0-9A-Za-z .\-\u00a0\u202f\u2009]", re.DOTALL)


class BinaryFile(Exception):  # noqa: N818  (a reason to skip, not an error)
    """The file holds NUL bytes that no text encoding explains: it is not text."""


class DecodeError(Exception):
    """The bytes are not in the encoding the caller named; ``line`` is the first bad one."""

    def __init__(self, encoding: str, line: int) -> None:
        super().__init__(f"not valid {encoding} (line {line})")
        self.encoding = encoding
        self.line = line


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """Read the bytes UTF-8 refused as cp1252 (undefined ones as U+FFFD), one per byte."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", "replace"), error.end


codecs.register_error(_FALLBACK, _cp1252_byte)


def sniff(head: bytes) -> tuple[str, int]:
    """The encoding the first bytes of a file show, and the length of its mark.

    ``"utf-8"`` (with cp1252 for stray bytes) when nothing else is shown.
    Raises :class:`BinaryFile` for NUL bytes that no encoding explains.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    if b"\0" not in head:
        return ("cp1252" if _mostly_cp1252(head) else "utf-8"), 0
    even, odd = head[0::2], head[1::2]
    size = len(head) // 2
    # Text in UTF-16 without a mark: ASCII characters have a NUL as their
    # high byte, and no character is NUL itself.
    if size >= 2 and odd.count(0) >= size * 3 // 4 and 0 not in even[: len(odd)]:
        return "utf-16-le", 0
    if size >= 2 and even[: len(odd)].count(0) >= size * 3 // 4 and 0 not in odd:
        return "utf-16-be", 0
    raise BinaryFile


def _mostly_cp1252(head: bytes) -> bool:
    """Whether bytes that are not UTF-8 outnumber the UTF-8 characters beyond ASCII."""
    if head.isascii():
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)  # a cut character is fine
    except UnicodeDecodeError:
        utf8 = len(_UTF8_CHARACTER.findall(head))
        return len(_NOT_ASCII.findall(head)) - utf8 * 2 > utf8
    return False


class TextReader:
    """The decoded text of a byte stream, as blocks of whole lines.

    ``encoding`` is the one the caller named, or ``None`` to let the first bytes
    decide (see the module's docstring). With a named encoding, bytes not in it
    are read as U+FFFD and reading goes on; ``error`` then names the first bad line.
    """

    def __init__(self, stream: BinaryIO, encoding: str | None = None) -> None:
        self.stream = stream
        # What is there, up to a size: a pipe typed into is read line by line.
        self.read = getattr(stream, "read1", stream.read)
        self.encoding = encoding
        self.error: DecodeError | None = None
        self._newlines = 0  # in the text decoded so far, for the line of an error

    def blocks(self) -> Iterator[str]:
        """Blocks of text, each ending after a ``\\n`` unless a line is too long."""
        pending = ""
        for piece in self._decoded():
            text = pending + piece
            pending = "\r" if text.endswith("\r") else ""  # its \n may come next
            if pending:
                text = text[:-1]
            if "\r" in text:
                text = _BARE_CR.sub("\n", text)
            cut = text.rfind("\n") + 1
            if not cut and len(text) > MAX_PENDING:
                found = _CUT.match(text)
                cut = found.end() if found else len(text)
            if cut:
                yield text[:cut]
            pending = text[cut:] + pending
        if pending:
            yield _BARE_CR.sub("\n", pending)

    def lines(self) -> Iterator[str]:
        """Lines with their ``\\n`` (the last one may have none), for ``csv`` and friends."""
        for block in self.blocks():
            start = 0
            while start < len(block):
                end = block.find("\n", start) + 1 or len(block)
                yield block[start:end]
                start = end

    def _decoded(self) -> Iterator[str]:
        raw = self.read(max(BLOCK_BYTES, SNIFF_BYTES))
        while 0 < len(raw) < 4:  # a byte-order mark is up to 4 bytes
            more = self.read(BLOCK_BYTES)
            if not more:
                break
            raw += more
        if self.encoding is not None:
            yield from self._strictly(raw, codecs.lookup(self.encoding).name)
            return
        encoding, mark = sniff(raw[:SNIFF_BYTES])
        raw = raw[mark:]
        if encoding == "cp1252":  # as Python reads it, with U+FFFD for its 5 holes
            decoder = codecs.getincrementaldecoder("cp1252")("replace")
            while raw:
                yield decoder.decode(raw)
                raw = self.read(BLOCK_BYTES)
            return
        if encoding != "utf-8":
            yield from self._strictly(raw, encoding)
            return
        decoder = codecs.getincrementaldecoder("utf-8")(_FALLBACK)
        while raw:
            yield decoder.decode(raw)
            raw = self.read(BLOCK_BYTES)
        yield decoder.decode(b"", final=True)

    def _strictly(self, raw: bytes, encoding: str) -> Iterator[str]:
        """Decode in ``encoding``; bad bytes become U+FFFD and the first is recorded."""
        if encoding == "utf-8" and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]  # as utf-8-sig reads it
        decoder = codecs.getincrementaldecoder(encoding)()
        while True:
            final = not raw
            try:
                text = decoder.decode(raw, final=final)
            except UnicodeDecodeError as error:
                good = bytes(error.object[: error.start])
                text = codecs.decode(good, encoding, "replace") + "\ufffd"
                if self.error is None:
                    line = self._newlines + _count_lines(text) + 1
                    self.error = DecodeError(encoding, line)
                decoder = codecs.getincrementaldecoder(encoding)()
                raw, final = bytes(error.object[error.end :]), False
            else:
                raw = self.read(BLOCK_BYTES)
            self._newlines += _count_lines(text)
            yield text
            if final:
                return


def _count_lines(text: str) -> int:
    """The line ends of ``text``: ``\\n``, and ``\\r`` not followed by ``\\n``."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def check_encoding(name: str) -> str:
    """The codec name for ``--encoding``; ``LookupError`` if Python has no such codec."""
    return codecs.lookup(name).name
