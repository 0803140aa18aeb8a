"""The error type and the issue records that describe one broken rule each."""

from __future__ import annotations

from typing import Literal, NamedTuple

from nirkit._messages import MESSAGES

Lang = Literal["en", "fr"]
Severity = Literal["error", "warning"]


class Issue(NamedTuple):
    """One broken rule (an error) or one doubt (a warning) about a number.

    ``code`` is stable and documented; ``field`` names the part of the number at
    fault; ``position`` is the 1-based position of that part in the compact form
    (``None`` when the fault is not at one place, such as the length).
    """

    code: str
    field: str
    position: int | None = None
    severity: Severity = "error"
    variant: str | None = None  # a message variant sharing the code, e.g. "key_missing"

    def message(self, lang: Lang = "en") -> str:
        """The message in English (``"en"``) or French (``"fr"``)."""
        english, french = MESSAGES[self.variant or self.code]
        if lang not in ("en", "fr"):
            msg = f"unknown language {lang!r}: use 'en' or 'fr'"
            raise ValueError(msg)
        return (french if lang == "fr" else english).format(position=self.position)

    @property
    def message_en(self) -> str:
        return self.message("en")

    @property
    def message_fr(self) -> str:
        return self.message("fr")

    def as_error(self) -> Issue:
        """The same issue as an error: the strict profile's view of a warning."""
        return self._replace(severity="error")


class NIRError(ValueError):
    """A text is not a valid number under the profile used.

    The message never contains the number. ``code``, ``field`` and ``position``
    come from the first broken rule, in the order of RULES.md section 4.

    >>> import nirkit
    >>> try:
    ...     nirkit.parse("2 95 10 99 126 111 94")
    ... except nirkit.NIRError as error:
    ...     print(error.code, error.field, error.position)
    ...     print(error.message_fr[:38])
    key_mismatch key 14
    La clé (positions 14-15) ne correspond
    """

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.code)
        self.issue = issue

    def __str__(self) -> str:  # built when shown: failing is a hot path for linters
        return f"{self.issue.code}: {self.issue.message('en')}"

    @property
    def code(self) -> str:
        return self.issue.code

    @property
    def field(self) -> str:
        return self.issue.field

    @property
    def position(self) -> int | None:
        return self.issue.position

    @property
    def message_en(self) -> str:
        return self.issue.message("en")

    @property
    def message_fr(self) -> str:
        return self.issue.message("fr")

    def message(self, lang: Lang = "en") -> str:
        """The message in English (``"en"``) or French (``"fr"``)."""
        return self.issue.message(lang)
