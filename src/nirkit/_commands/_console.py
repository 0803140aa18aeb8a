"""The process around a command: its standard streams, a closed pipe, Ctrl-C.

The choices are those of careful Unix tools, written down in docs/cli.md
(section "Streams, signals and exit codes").
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from typing import Final

# What a shell shows for a tool killed by SIGPIPE: a reader that stopped early
# (``| head``) cut the run short, which must never look like a clean run (0 says
# "every number valid"), and pipefail scripts treat nirkit like cat or grep.
EXIT_PIPE: Final = 141  # 128 + SIGPIPE
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as a shell reports Ctrl-C

_ERRORS: Final = "nirkit-console"
# What a terminal whose encoding lacks a character gets instead of a crash.
_SUBSTITUTES: Final = {"•": "*", "\u00a0": " ", "\u202f": " ", "\u2009": " "}


def _substitute(error: UnicodeError) -> tuple[str | bytes, int]:
    """The codec error handler of the standard streams.

    ``•`` becomes ``*``, French spaces plain spaces, anything else ``?``. A
    surrogate escape stands for a byte of an undecodable file name or
    argument: that byte is written back as it was.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return "".join(_SUBSTITUTES.get(char, "?") for char in text), error.end
    raw = b"".join(
        bytes([ord(char) - 0xDC00])
        if "\udc80" <= char <= "\udcff"
        else _SUBSTITUTES.get(char, "?").encode(error.encoding)
        for char in text
    )
    return raw, error.end


def prepare_streams() -> None:
    """Let stdout and stderr write any text, whatever the terminal's encoding."""
    codecs.register_error(_ERRORS, _substitute)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=_ERRORS)


def finish_output() -> None:
    """Write what is still buffered (on Ctrl-C: what was printed is kept)."""
    with contextlib.suppress(Exception):
        if sys.stdout is not None:
            sys.stdout.flush()


def stop_output() -> None:
    """After a closed pipe or a failed write: send what is still buffered to /dev/null.

    Python flushes the standard streams at exit; without this, the write
    would fail again there and print "Exception ignored".
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)
