"""Problems as values: findings with a stable check code, and the domain errors.

Every check has one code that never changes meaning (documented in data/README.md), so that
contributors and CI can rely on it like a linter's.
"""

from __future__ import annotations

from typing import NamedTuple

# code -> (severity, short name). Codes are stable: never reuse or renumber one.
CHECKS: dict[str, tuple[str, str]] = {
    "SC001": ("error", "unreadable-file"),
    "SC002": ("error", "file-too-large"),
    "SC003": ("error", "invalid-encoding"),
    "SC004": ("error", "yaml-syntax"),
    "SC005": ("error", "empty-file"),
    "SC006": ("error", "not-a-mapping"),
    "SC007": ("error", "duplicate-key"),
    "SC008": ("error", "forbidden-tag"),
    "SC009": ("error", "anchor-or-alias"),
    "SC010": ("error", "too-deep"),
    "SC011": ("error", "several-documents"),
    "SC012": ("error", "misplaced-file"),
    "SC013": ("error", "unsafe-link"),
    "SC014": ("error", "missing-folder"),
    "SC101": ("error", "unknown-field"),
    "SC102": ("error", "missing-field"),
    "SC103": ("error", "invalid-value"),
    "SC201": ("error", "id-not-file-name"),
    "SC202": ("error", "duplicate-id"),
    "SC203": ("error", "unknown-reference"),
    "SC204": ("error", "shared-alias"),
    "SC205": ("error", "dates-out-of-order"),
    "SC206": ("error", "future-date"),
    "SC207": ("error", "unknown-citation"),
    "SC208": ("error", "duplicate-item"),
    "SC209": ("error", "unknown-scheme"),
    "SC210": ("error", "unknown-tag"),
    "SC211": ("error", "mixed-script-name"),
    "SC212": ("error", "confusable-name"),
    "SC302": ("warning", "expected-date-passed"),
    "SC303": ("warning", "not-reviewed-recently"),
    "SC304": ("notice", "held-past-validity"),
    "SC305": ("notice", "press-only-evidence"),
    "SC306": ("notice", "version-unknown-after-transition"),
    "SC307": ("warning", "entry-not-checked-recently"),
}


class Finding(NamedTuple):
    """One problem in one file, at one line."""

    path: str
    line: int
    code: str
    message: str

    @property
    def severity(self) -> str:
        return CHECKS[self.code][0]

    @property
    def name(self) -> str:
        return CHECKS[self.code][1]

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.path,
            "line": self.line,
            "code": self.code,
            "check": self.name,
            "severity": self.severity,
            "message": self.message,
        }


class SovcloudError(Exception):
    """An error the CLI reports as one clear sentence and exit code 1.

    The message is an English template with named values, so that the CLI can show it in
    the user's language (i18n.FRENCH holds the translations).
    """

    def __init__(self, message: str, /, **values: object):
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

    def localized(self, lang: str) -> str:
        from sovcloud.i18n import t

        return t(self.template, lang, **self.values)


class DataError(SovcloudError):
    """The data directory holds invalid records; carries the findings."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        errors = [f for f in findings if f.severity == "error"]
        first = errors[0] if errors else findings[0]
        super().__init__(
            "{where}: {code} {message} ({more} more); run `sovcloud validate` for the full list"
            if len(errors) > 1
            else "{where}: {code} {message}; run `sovcloud validate` for the full list",
            where=f"{first.path}:{first.line}",
            code=first.code,
            message=first.message,
            more=len(errors) - 1,
        )


class DataDirError(SovcloudError):
    """The data directory itself is missing or unusable."""


class NotFoundError(SovcloudError):
    """A name matched no record, or matched several equally well."""

    def __init__(self, message: str, suggestions: list[str] | None = None, /, **values: object):
        self.suggestions = suggestions or []
        super().__init__(message, **values)
