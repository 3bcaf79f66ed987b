"""A timeline as an iCalendar file (RFC 5545): one all-day VEVENT per event.

A calendar needs a day. An event known to the day is placed on it; one known to the month or
the year only is placed on the first day of that month or year, and says so in its summary
("(2023)") and its description, so that no day is invented silently. Expected events are
TENTATIVE and marked "Expected:", cancelled ones CANCELLED. The calendar is named after its
filters. The output is deterministic: DTSTAMP and LAST-MODIFIED are the day the event's
record was last reviewed (RFC 5545 reads DTSTAMP as the last revision when the calendar has
no METHOD), never the day of the export.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sovcloud import __version__, dates
from sovcloud.core.licence import ATTRIBUTION, DATA_LICENSE_URL
from sovcloud.i18n import localized

Record = dict[str, Any]
MAX_OCTETS = 75  # per line, CRLF excluded (RFC 5545 section 3.1)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def escape(text: str) -> str:
    """A TEXT value escaped: backslash, semicolon, comma and newlines (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> bytes:
    """One content line as octets, folded to at most 75 octets a line, never inside a
    UTF-8 character; each continuation starts with a space."""
    data = line.encode("utf-8")
    parts = []
    limit = MAX_OCTETS
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = MAX_OCTETS - 1  # the leading space counts
    parts.append(data)
    return b"\r\n ".join(parts) + b"\r\n"


def precision_note(date: str, *, on_calendar: bool = True) -> str:
    """The date and its precision in words; `on_calendar` adds where the calendar shows it."""
    kind = dates.precision(date)
    if kind == "day":
        return f"Date: {date}."
    if kind == "month":
        year, month = date.split("-")
        where = ", so the calendar shows it on the first day of the month" if on_calendar else ""
        return (
            f"Date: {_MONTHS[int(month) - 1]} {year} (month precision): "
            f"the source gives no day{where}."
        )
    where = ", so the calendar shows it on 1 January" if on_calendar else ""
    return f"Date: {date} (year precision): the source gives no month or day{where}."


def to_ics(
    events: list[Record],
    provider_names: dict[str, str],
    lang: str = "en",
    title: str = "sovcloud — timeline",
) -> bytes:
    """The calendar, as octets with CRLF line ends, named `title` (NAME of RFC 7986, and
    X-WR-CALNAME, which most calendar programs read)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//sovcloud//sovcloud {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "NAME:" + escape(title),
        "X-WR-CALNAME:" + escape(title),
        "DESCRIPTION:" + escape(f"{title}. {ATTRIBUTION} {DATA_LICENSE_URL}"),
        "X-WR-CALDESC:" + escape(f"{title}. {ATTRIBUTION} {DATA_LICENSE_URL}"),
    ]
    for event in events:
        lines.extend(_vevent(event, provider_names, lang))
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)


def _vevent(event: Record, provider_names: dict[str, str], lang: str) -> list[str]:
    date = event["date"]
    first = dates.first_day(date)
    status = event["status"]
    title = localized(event["title"], lang)
    if dates.precision(date) != "day":
        title += f" ({date})"
    prefix = {"expected": "Expected: ", "cancelled": "Cancelled: "}.get(status, "")
    reviewed = dt.date.fromisoformat(event["last_reviewed"])
    description = [localized(event["summary"], lang), "", precision_note(date)]
    if status == "expected":
        description.append("Status: expected (announced or planned, not yet happened).")
    elif status == "cancelled":
        description.append("Status: cancelled.")
    if event["providers"]:
        names = [provider_names.get(p, p) for p in event["providers"]]
        description.append("Providers: " + ", ".join(names) + ".")
    if event.get("note"):
        description.append("Note: " + localized(event["note"], lang))
    description.append("Sources:")
    for source in event["sources"]:
        url = f" {source['url']}" if source.get("url") else ""
        description.append(f"- {source['publisher']}, {source['title']} ({source['date']}){url}")
    categories = [event["kind"], *event["tags"]]
    urls = [s["url"] for s in event["sources"] if s.get("url")]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['id']}@sovcloud",
        f"DTSTAMP:{reviewed:%Y%m%d}T000000Z",
        f"LAST-MODIFIED:{reviewed:%Y%m%d}T000000Z",  # the event's own last review
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{first + dt.timedelta(days=1):%Y%m%d}",
        "SUMMARY:" + escape(prefix + title),
        "DESCRIPTION:" + escape("\n".join(description)),
        "CATEGORIES:" + ",".join(escape(c) for c in categories),
        "STATUS:" + {"expected": "TENTATIVE", "cancelled": "CANCELLED"}.get(status, "CONFIRMED"),
        "TRANSP:TRANSPARENT",
    ]
    if urls:
        lines.append(f"URL:{urls[0]}")
    lines.append("END:VEVENT")
    return lines
