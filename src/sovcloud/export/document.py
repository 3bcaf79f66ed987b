"""The whole catalogue as one JSON document.

    {"schema_version": 1, "sovcloud_version": "...", "providers": [...], "events": [...]}

Records are exactly as the JSON Schemas describe them (each validates against
schemas/provider.schema.json or schemas/event.schema.json), sorted by id, their keys in the
schemas' order. No time stamp: the same data always gives the same bytes, so exports diff.
"""

from __future__ import annotations

import json
from typing import Any

from sovcloud import __version__

Record = dict[str, Any]


def to_json(providers: list[Record], events: list[Record], schema_version: int) -> bytes:
    """The document, UTF-8, indented, ending with a newline."""
    document = {
        "schema_version": schema_version,
        "sovcloud_version": __version__,
        "providers": sorted(providers, key=lambda r: r["id"]),
        "events": sorted(events, key=lambda r: r["id"]),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
