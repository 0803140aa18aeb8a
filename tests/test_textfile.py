"""The shared reader: every encoding a French export uses, bounded blocks, line ends."""

from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nirkit import _textfile
from nirkit._textfile import BinaryFile, TextReader, sniff

TEXT = "N° dossier;Numéro de sécurité sociale;Nom\n1;1 84 02 75 123 456 74;Dupré\n"


def _read(data: bytes, encoding: str | None = None) -> str:
    return "".join(TextReader(io.BytesIO(data), encoding).blocks())


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with a byte-order mark"),
        (TEXT.encode("cp1252"), "cp1252, as Excel and older Windows tools save"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "Excel's 'Unicode text'"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 big-endian with a mark"),
        (TEXT.encode("utf-16-le"), "UTF-16 without a mark: the NUL bytes say so"),
        (TEXT.encode("utf-16-be"), "UTF-16 big-endian without a mark"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32 with a mark"),
    ],
)
def test_every_encoding_reads_the_same_text(data: bytes, why: str) -> None:
    assert _read(data) == TEXT, why


def test_a_file_mixing_utf8_and_cp1252_reads_right_on_every_line() -> None:
    data = "é UTF-8\n".encode() + "é cp1252\n".encode("cp1252") + "€ UTF-8\n".encode()
    assert _read(data) == "é UTF-8\né cp1252\n€ UTF-8\n"


def test_bytes_undefined_in_cp1252_become_one_replacement_character_each() -> None:
    assert _read(b"a\x81\x8db 184027512345634\n") == "a\ufffd\ufffdb 184027512345634\n"


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        (b"plain", "utf-8"),
        ("é".encode()[:1], "utf-8"),  # a character cut by the first read
        ("é;".encode("cp1252"), "cp1252"),
        ("é;é\n".encode() + "é".encode("cp1252"), "utf-8"),  # mostly UTF-8: a stray byte
        (codecs.BOM_UTF16_LE + b"a\0", "utf-16-le"),
        (codecs.BOM_UTF32_LE + b"a\0\0\0", "utf-32-le"),
        ("ab".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_sniff(head: bytes, encoding: str) -> None:
    assert sniff(head)[0] == encoding


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x01", b"PK\x03\x04\x14\x00\x00\x00", b"ab\0cd\0\0\0"]
)
def test_binary_is_refused_before_any_block(data: bytes) -> None:
    with pytest.raises(BinaryFile):
        _read(data)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"a\r\nb\r\n", "a\r\nb\r\n"),  # Windows line ends are kept (columns do not move)
        (b"a\rb\rc", "a\nb\nc"),  # old Mac line ends count as line ends
        (b"a\r", "a\n"),
        (b"a\n\rb", "a\n\nb"),
    ],
)
def test_line_ends(data: bytes, text: str) -> None:
    assert _read(data) == text


def test_a_named_encoding_is_used_and_a_bad_byte_is_reported_with_its_line() -> None:
    reader = TextReader(io.BytesIO(b"ok\nok\ncaf\xe9 1\nnext\n"), "utf-8")
    assert "".join(reader.blocks()) == "ok\nok\ncaf\ufffd 1\nnext\n"  # the rest is still read
    assert reader.error is not None
    assert (reader.error.encoding, reader.error.line) == ("utf-8", 3)
    latin = TextReader(io.BytesIO("café\n".encode("latin-1")), "latin-1")
    assert "".join(latin.blocks()) == "café\n"
    assert latin.error is None


def test_blocks_end_after_a_newline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_textfile, "BLOCK_BYTES", 8)
    got = list(TextReader(io.BytesIO(b"one\ntwo three\nfour\nfive")).blocks())
    assert "".join(got) == "one\ntwo three\nfour\nfive"
    assert all(block.endswith("\n") for block in got[:-1])


@given(
    st.one_of(
        st.tuples(st.text(alphabet="ab1é€\n\r ,\u00a0", max_size=300), st.just("utf-8")),
        st.tuples(st.text(alphabet="ab1é€\n\r ,\u00a0", max_size=300), st.just("utf-16")),
        # é before ASCII is never UTF-8, even where the first bytes sniffed look like it.
        st.tuples(st.text(alphabet="ab1é\n\r ,", max_size=300), st.just("cp1252")),
    ),
    st.integers(1, 16),
)
def test_blocks_rebuild_the_text(text_encoding: tuple[str, str], size: int) -> None:
    text, encoding = text_encoding
    expected = text.replace("\r\n", "\0").replace("\r", "\n").replace("\0", "\r\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_textfile, "BLOCK_BYTES", size)
        patch.setattr(_textfile, "MAX_PENDING", 2 * size)
        patch.setattr(_textfile, "SNIFF_BYTES", 16)
        got = list(TextReader(io.BytesIO(text.encode(encoding))).blocks())
    assert "".join(got) == expected  # a character split by a read is whole
    assert all(len(block) <= 3 * 16 + 4 for block in got)  # bounded, even without newlines


def test_a_long_line_is_cut_between_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_textfile, "BLOCK_BYTES", 16)
    monkeypatch.setattr(_textfile, "MAX_PENDING", 32)
    got = list(TextReader(io.BytesIO(b"184027512345674, " * 10)).blocks())
    assert all(block.endswith(",") for block in got[:-1])
    assert "".join(got) == "184027512345674, " * 10


def test_lines_keep_their_ends() -> None:
    reader = TextReader(io.BytesIO(b"a,b\r\n1,2\n3"))
    assert list(reader.lines()) == ["a,b\r\n", "1,2\n", "3"]
