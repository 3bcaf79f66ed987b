"""A record's sources as every view lists them: ordered, numbered, each with its link."""

from __future__ import annotations

from typing import Any

from sovcloud.core import certs
from sovcloud.core.labels import source_label
from sovcloud.render.grid import LINK
from sovcloud.render.markup import Record, md
from sovcloud.render.terminal import plain

# Sources are listed most authoritative first: the certifying body's register, official
# texts, the company itself, then the press and the rest; then the newest first.
SOURCE_ORDER = certs.EVIDENCE_ORDER


def ordered_sources(sources: list[Record]) -> list[Record]:
    """The sources in SOURCE_ORDER, newest first within a type."""
    by_date = sorted(sources, key=lambda s: str(s["date"]), reverse=True)
    return sorted(
        by_date,
        key=lambda s: SOURCE_ORDER.index(s["type"]) if s["type"] in SOURCE_ORDER else 99,
    )


def md_sources(sources: list[Record], start: int = 1) -> list[str]:
    """Numbered Markdown lines, each source with its link."""
    out = []
    for i, s in enumerate(sources, start):
        url = f" <{plain(s['url'])}>" if s.get("url") else ""
        note = f": {md(s['note'])}" if s.get("note") else ""
        out.append(f"{i}. {md(source_label(s))}{note}{url}")
    return out


def source_lines(sources: list[Record], width: int) -> list[Any]:
    """Numbered sources, each link clickable where the terminal supports it."""
    from sovcloud.render.grid import paragraph

    out = []
    for i, s in enumerate(sources, 1):
        text = f"[{i}] {source_label(s)}" + (f": {s['note']}" if s.get("note") else "")
        out += paragraph(text, "", width, indent="  ", hang="      ")
        if s.get("url"):
            out.append([("      ", ""), (s["url"], LINK)])
    return out
