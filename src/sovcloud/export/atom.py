"""A timeline as an Atom feed (RFC 4287): one entry per event, in the order given
(newest first, as `export atom` asks the timeline for).

The feed is named after its filters. Each entry's title starts with the event's date at its
own precision; its links go to the sources (the first as `alternate`, the others
`related`). Ids are stable UUIDs derived from the record ids (the feed's, from its name),
and each entry's `updated` is the day its own record was last reviewed, the feed's the
latest of them, never the day of the export: the same data always gives the same feed, and
readers show an entry again only when it was revised.
"""

from __future__ import annotations

import html
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from sovcloud import __version__
from sovcloud.charsets import xml_text
from sovcloud.core.licence import ATTRIBUTION, DATA_LICENSE_URL
from sovcloud.export.ical import precision_note
from sovcloud.i18n import localized

Record = dict[str, Any]
ATOM = "http://www.w3.org/2005/Atom"
# Fixed namespace for the feed's UUIDs (uuid5 of "sovcloud" in the URL namespace).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "sovcloud")


def entry_id(event_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'event/' + event_id)}"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def to_atom(
    events: list[Record],
    provider_names: dict[str, str],
    lang: str = "en",
    title: str = "sovcloud — timeline",
) -> bytes:
    """The feed, as UTF-8 XML, named `title`; its id follows the title, so that feeds of
    different filters are different feeds to a reader."""

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        # ElementTree escapes markup but writes any character: one that XML cannot hold
        # (U+FFFE, a control) would make the whole feed unreadable, so it is replaced.
        element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
        if text is not None:
            element.text = xml_text(text)
        return element

    # Plain names with the namespace declared on the root, rather than ElementTree's
    # namespace handling, which would prefix every element (ns0:entry).
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    key = "timeline" if title == "sovcloud — timeline" else f"timeline/{xml_text(title)}"
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}")
    sub(feed, "title", title)  # the caller's, which may hold anything too
    reviewed = max((e["last_reviewed"] for e in events), default="1970-01-01")
    sub(feed, "updated", _stamp(reviewed))
    author = sub(feed, "author")
    sub(author, "name", "sovcloud")
    sub(feed, "generator", "sovcloud", version=__version__)
    sub(feed, "rights", f"{ATTRIBUTION} {DATA_LICENSE_URL}")
    for event in events:
        entry = sub(feed, "entry")
        sub(entry, "id", entry_id(event["id"]))
        prefix = {"expected": "Expected: ", "cancelled": "Cancelled: "}.get(event["status"], "")
        sub(entry, "title", f"{event['date']}: {prefix}{localized(event['title'], lang)}")
        sub(entry, "updated", _stamp(event["last_reviewed"]))
        urls = [s["url"] for s in event["sources"] if s.get("url")]
        for i, url in enumerate(dict.fromkeys(urls)):
            sub(entry, "link", rel="alternate" if i == 0 else "related", href=url)
        for term in [event["kind"], *event["tags"]]:
            sub(entry, "category", term=term)
        summary = localized(event["summary"], lang)
        sub(entry, "summary", summary, type="text")
        sub(entry, "content", _content(event, summary, provider_names, lang), type="html")
    ET.indent(feed)
    written: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return written + b"\n"


def _content(event: Record, summary: str, provider_names: dict[str, str], lang: str) -> str:
    """The entry's body as HTML (escaped once more by the XML writer)."""
    e = html.escape
    parts = [
        f"<p>{e(summary)}</p>",
        f"<p>{e(precision_note(event['date'], on_calendar=False))}</p>",
    ]
    if event["status"] == "expected":
        parts.append("<p>Status: expected (announced or planned, not yet happened).</p>")
    elif event["status"] == "cancelled":
        parts.append("<p>Status: cancelled.</p>")
    if event["providers"]:
        names = ", ".join(e(provider_names.get(p, p)) for p in event["providers"])
        parts.append(f"<p>Providers: {names}.</p>")
    if event.get("note"):
        parts.append(f"<p>Note: {e(localized(event['note'], lang))}</p>")
    items = []
    for s in event["sources"]:
        label = f"{e(s['publisher'])}, {e(s['title'])} ({e(s['date'])})"
        if s.get("url"):
            label = f'<a href="{e(s["url"])}">{label}</a>'
        items.append(f"<li>{label}</li>")
    parts.append("<p>Sources:</p><ul>" + "".join(items) + "</ul>")
    return "".join(parts)
