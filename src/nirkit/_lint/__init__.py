"""The fixture linter behind ``nirkit lint`` (see docs/lint.md).

One module per job: ``candidates`` (which tokens may be numbers, and what
their shape says), ``names`` (which names say NIR, or another identifier),
``formats`` (one reader per kind of file: where a token sits in its structure),
``files`` (walking, exclusions, paths that cannot be read), ``config``
(``[tool.nirkit]`` and the command line), ``rules`` (codes and their switches),
``engine`` (findings) and ``report`` (text, json, jsonl, github and sarif
output). Text comes through ``nirkit._textfile``, whatever its encoding.
"""

from __future__ import annotations

from nirkit._lint.config import ConfigError, LintConfig
from nirkit._lint.engine import Finding, Report, Run, lint
from nirkit._lint.files import FileError

__all__ = ["ConfigError", "FileError", "Finding", "LintConfig", "Report", "Run", "lint"]
