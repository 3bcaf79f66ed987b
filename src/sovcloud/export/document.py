"""The whole catalogue as one JSON document.

    {"schema_version": 1, "sovcloud_version": "...", "license": "CC-BY-4.0", ...,
     "providers": [...], "events": [...],
     "schemes": [...], "standing": {"as_of": "...", "entries": [...]}}

Records are exactly as the JSON Schemas describe them (each validates against
schemas/provider.schema.json, event.schema.json or scheme.schema.json), sorted by id, their
keys in the schemas' order. `standing` says what each certification amounts to on the day of
the export (held, unverified, lapsed..., with the reason and the type of evidence), as every
command says it: the only part that changes with the day.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sovcloud import __version__
from sovcloud.core.certs import standing
from sovcloud.core.licence import ATTRIBUTION, DATA_LICENSE, DATA_LICENSE_URL

Record = dict[str, Any]


def to_json(
    providers: list[Record],
    events: list[Record],
    schema_version: int,
    schemes: list[Record] = (),  # type: ignore[assignment]
    on: dt.date | None = None,
) -> bytes:
    """The document, UTF-8, indented, ending with a newline."""
    providers = sorted(providers, key=lambda r: r["id"])
    document: Record = {
        "schema_version": schema_version,
        "sovcloud_version": __version__,
        "license": DATA_LICENSE,
        "license_url": DATA_LICENSE_URL,
        "attribution": ATTRIBUTION,
        "providers": providers,
        "events": sorted(events, key=lambda r: r["id"]),
        "schemes": sorted(schemes, key=lambda r: r["id"]),
    }
    if on is not None:
        document["standing"] = {
            "as_of": on.isoformat(),
            "entries": [
                {
                    "provider": p["id"],
                    "position": i,
                    "scheme": c["scheme"],
                    **standing(c, p, on).as_dict(),
                }
                for p in providers
                for i, c in enumerate(p["certifications"], 1)
            ],
        }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
