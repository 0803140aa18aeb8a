"""The linter's settings: defaults, then ``[tool.nirkit]`` in pyproject.toml,
then the command line, each overriding the one before."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from nirkit._kinds import Kind
from nirkit._lint.files import DEFAULT_EXCLUDES
from nirkit._lint.rules import DEFAULT_ENABLED, unknown_codes
from nirkit._profiles import ProfileName
from nirkit._textfile import check_encoding

_PROFILES: Final[dict[str, ProfileName]] = {
    "lenient": "lenient",
    "standard": "standard",
    "strict": "strict",
}
_LANGS: Final = ("en", "fr")
_LIST_KEYS: Final = frozenset({"enable", "disable", "exclude", "require-kinds"})
# No ``show-numbers`` key: only a person at a terminal may ask for full numbers,
# never a file that CI reads.
_KEYS: Final = _LIST_KEYS | {"profile", "lang", "report-valid", "encoding", "help-uri"}
# Where SARIF rules point for help: the rule's section of docs/lint.md.
HELP_URI: Final = "https://github.com/nirkit/nirkit/blob/main/docs/lint.md#rules"


class ConfigError(Exception):
    """The configuration (file or command line) is not usable; the message says why."""


@dataclass(frozen=True, slots=True)
class LintConfig:
    """Everything that decides what the linter reports."""

    profile: ProfileName = "standard"
    lang: str = "en"
    enabled: frozenset[str] = DEFAULT_ENABLED
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES
    require_kinds: tuple[Kind, ...] = ()
    show_numbers: bool = False
    source: str | None = None  # the pyproject.toml read, if any
    encoding: str | None = None  # None: let each file's first bytes decide
    help_uri: str = HELP_URI

    def with_rules(self, enable: Iterable[str], disable: Iterable[str]) -> LintConfig:
        """Enable, then disable, rule codes (``disable`` wins for a code in both)."""
        on, off = frozenset(enable), frozenset(disable)
        bad = unknown_codes(on | off)
        if bad:
            msg = f"unknown rule code(s): {', '.join(bad)} (see `nirkit lint --list-rules`)"
            raise ConfigError(msg)
        return replace(self, enabled=(self.enabled | on) - off)


def profile_name(name: str) -> ProfileName:
    """A profile name from the command line (argparse has checked the choice)."""
    return _PROFILES[name]


def parse_kinds(values: Iterable[str]) -> tuple[Kind, ...]:
    kinds: list[Kind] = []
    for value in values:
        try:
            kinds.append(Kind(value.strip().lower()))
        except ValueError:
            choices = ", ".join(kind.value for kind in Kind)
            msg = f"unknown kind {value!r}: use {choices}"
            raise ConfigError(msg) from None
    return tuple(dict.fromkeys(kinds))


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.nirkit]`` table, from ``start`` upwards.

    A file that never says ``nirkit`` is passed over unread, so that another
    project's broken pyproject.toml in a parent directory stops nothing.
    """
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if not candidate.is_file() or not _mentions_nirkit(candidate):
            continue
        if "tool" in (table := _read(candidate)):
            tool = table["tool"]
            if isinstance(tool, dict) and "nirkit" in tool:
                return candidate
    return None


def _mentions_nirkit(path: Path) -> bool:
    try:
        return b"nirkit" in path.read_bytes()
    except OSError:
        return False  # unreadable: it cannot configure anything


def _read(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        msg = f"{path}: not valid TOML: {error}"
        raise ConfigError(msg) from None
    except OSError as error:
        msg = f"{path}: {error.strerror or error}"
        raise ConfigError(msg) from None


def _strings(path: Path, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        msg = f"{path}: [tool.nirkit] {key} must be a list of strings"
        raise ConfigError(msg)
    return list(value)


def _choice(path: Path, key: str, value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        msg = f"{path}: [tool.nirkit] {key} must be one of {', '.join(choices)}"
        raise ConfigError(msg)
    return value


def _text(path: Path, key: str, settings: Mapping[str, object]) -> str:
    value = settings[key]
    if not isinstance(value, str) or not value:
        msg = f"{path}: [tool.nirkit] {key} must be a non-empty string"
        raise ConfigError(msg)
    return value


def encoding_name(name: str) -> str:
    """The codec of ``--encoding`` or ``encoding =``, checked now rather than per file."""
    try:
        return check_encoding(name)
    except LookupError:
        msg = f"unknown encoding {name!r} (for example utf-8, cp1252, utf-16, latin-1)"
        raise ConfigError(msg) from None


def _flag(path: Path, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        msg = f"{path}: [tool.nirkit] {key} must be true or false"
        raise ConfigError(msg)
    return value


def from_pyproject(path: Path, base: LintConfig | None = None) -> LintConfig:
    """Apply the ``[tool.nirkit]`` table of ``path`` over ``base`` (the defaults)."""
    config = base or LintConfig()
    tool = _read(path).get("tool", {})
    table = tool.get("nirkit", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, Mapping):
        msg = f"{path}: [tool.nirkit] must be a table"
        raise ConfigError(msg)
    settings = {str(key).replace("_", "-"): value for key, value in table.items()}
    unknown = sorted(settings.keys() - _KEYS)
    if unknown:
        msg = f"{path}: unknown key(s) in [tool.nirkit]: {', '.join(unknown)}"
        raise ConfigError(msg)
    lists = {key: _strings(path, key, settings.get(key, [])) for key in _LIST_KEYS}
    config = replace(
        config,
        source=str(path),
        excludes=config.excludes + tuple(lists["exclude"]),
        require_kinds=parse_kinds(lists["require-kinds"]) or config.require_kinds,
    )
    if "profile" in settings:
        name = _choice(path, "profile", settings["profile"], tuple(_PROFILES))
        config = replace(config, profile=_PROFILES[name])
    if "lang" in settings:
        config = replace(config, lang=_choice(path, "lang", settings["lang"], _LANGS))
    if "encoding" in settings:
        config = replace(config, encoding=encoding_name(_text(path, "encoding", settings)))
    if "help-uri" in settings:
        config = replace(config, help_uri=_text(path, "help-uri", settings))
    enable = lists["enable"]
    if "report-valid" in settings and _flag(path, "report-valid", settings["report-valid"]):
        enable.append("valid_number")
    try:
        return config.with_rules(enable, lists["disable"])
    except ConfigError as error:
        msg = f"{path}: {error}"
        raise ConfigError(msg) from None


def split_codes(values: Iterable[str] | None) -> list[str]:
    """``--enable a,b --enable c`` -> ``["a", "b", "c"]``."""
    return [code.strip() for value in values or () for code in value.split(",") if code.strip()]
