"""The fixture linter behind ``nirkit lint`` (see docs/lint.md).

One module per job: ``candidates`` (which tokens may be numbers), ``context``
(does a key or CSV column name say NIR), ``files`` (walking, exclusions,
bounded UTF-8 blocks), ``config`` (``[tool.nirkit]`` and the command line),
``rules`` (codes and their switches), ``engine`` (findings) and ``report``
(text, json, github and sarif output).
"""

from __future__ import annotations

from nirkit._lint.config import ConfigError, LintConfig
from nirkit._lint.engine import Finding, Report, lint
from nirkit._lint.files import FileError

__all__ = ["ConfigError", "FileError", "Finding", "LintConfig", "Report", "lint"]
