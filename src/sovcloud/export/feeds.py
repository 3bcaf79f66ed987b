"""What the calendar and the feed share: the name of a filtered timeline.

A subscriber sees several calendars and feeds side by side; each is named after what it
holds ("sovcloud — timeline, tag health-data-hub, since 2024"), not "sovcloud timeline" for
all of them.
"""

from __future__ import annotations

from sovcloud.query import TimelineFilter


def _words(label: str, values: list[str]) -> str:
    return f"{label}{'s' if len(values) > 1 else ''} {', '.join(values)}"


def timeline_title(flt: TimelineFilter, provider_names: dict[str, str]) -> str:
    """The timeline's name, its filters in words: providers by name, tags and kinds by id
    (a filter resolved by query.resolve_filter)."""
    parts = ["timeline"]
    if flt.providers:
        parts.append(_words("provider", [provider_names.get(p, p) for p in flt.providers]))
    if flt.tags:
        parts.append(_words("tag", flt.tags))
    if flt.kinds:
        parts.append(_words("kind", list(dict.fromkeys(flt.kinds))))
    if flt.since:
        parts.append(f"since {flt.since}")
    if flt.until:
        parts.append(f"until {flt.until}")
    return "sovcloud — " + ", ".join(parts)
