"""Words shown for codes, shared by every renderer and by the answers that explain
themselves (assess, match): scheme names, states, reasons, dates, owners, sources. Text only,
no Rich: it sits in core so that the query layer may word its reasons too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sovcloud.i18n import localized, t

if TYPE_CHECKING:
    from sovcloud.core.certs import Standing

Record = dict[str, Any]

STATUS_WORDS = {
    "qualified": "qualified",
    "certified": "certified",
    "attested": "attested",
    "labelled": "labelled",
    "adherent": "adherent",
    "in-progress": "in progress",
    "announced": "announced",
    "expired": "expired",
    "withdrawn": "withdrawn",
}

# Colour by state; the word always carries the meaning too.
STATE_STYLES = {
    "held": "green",
    "unverified": "yellow",
    "unknown": "yellow",
    "pending": "yellow",
    "superseded": "red",
    "lapsed": "red",
}


def scheme_name(scheme: str) -> str:
    from sovcloud.core.schemes import name

    return name(scheme)


def scheme_full_name(record: Record, lang: str = "en") -> str:
    """The scheme's name spelt out, in `lang` when the record gives it in both ('' when it
    gives none)."""
    return localized(record.get("full_name"), lang)


def reason_words(standing: Standing, lang: str = "en") -> str:
    """Why a certification entry stands as it does, in `lang`."""
    from sovcloud.core.certs import REASONS

    return t(REASONS[standing.reason], lang, detail=standing.detail or "")


def shorten(text: str, width: int | None) -> str:
    """The text cut at a word boundary to fit `width` (None: whole), marked with an
    ellipsis when cut: cells of tables and comparisons; `show` has the whole text."""
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;:(") + "…"


def cert_label(
    cert: Record, with_dates: bool = True, lang: str = "en", width: int | None = None
) -> str:
    """'qualified 3.2 since 2022-03' style text for one certification."""
    parts: list[str] = [t(str(STATUS_WORDS.get(cert["status"], cert["status"])), lang)]
    if cert.get("version"):
        parts.append(f"v{cert['version']}")
    if cert.get("milestone") and cert["status"] in ("in-progress", "announced"):
        parts.append(f"({shorten(cert['milestone'], width)})")
    if with_dates:
        if cert.get("granted"):
            parts.append(f"{t('since', lang)} {cert['granted']}")
        if cert.get("expires"):
            parts.append(f"{t('until', lang)} {cert['expires']}")
        if cert.get("ended"):
            parts.append(f"{t('ended', lang)} {cert['ended']}")
    return " ".join(parts)


def owner_label(owner: Record) -> str:
    """'Docaposte (FR, 36%)': in listings (core/shape.py), `show`, `compare`, dossiers."""
    details = [owner["country"]]
    if owner.get("stake") is not None:
        details.append(f"{owner['stake']:g}%")
    elif owner.get("stake_note"):
        details.append(owner["stake_note"])
    return f"{owner['name']} ({', '.join(details)})"


def license_label(lic: Record) -> str:
    """'Microsoft (US): Azure'."""
    return f"{lic['vendor']} ({lic['country']}): {lic['technology']}"


def ownership_label(ownership: Record, lang: str = "en") -> str:
    """What a record's `ownership` says of its owners as a whole."""
    if ownership["complete"]:
        return t("the owners listed hold all of the capital", lang)
    return t("no source says the owners listed hold all of the capital", lang)


def date_label(text: str | None, status: str | None = None, lang: str = "en") -> str:
    """A date at its own precision, marked when expected."""
    if not text:
        return ""
    if status in ("expected", "cancelled"):
        return f"{text} ({t(status, lang)})"
    return text


def source_label(source: Record, lang: str = "en") -> str:
    """'Publisher, "Title", 2023-10-18 (press)'."""
    kind = t(source["type"], lang)
    return f'{source["publisher"]}, "{source["title"]}", {source["date"]} ({kind})'
