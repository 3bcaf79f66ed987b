"""The questions asked of the index, one module per question: providers (the listing and its
filters), resolve (the record a name means), detail (show, compare), timeline, search, and
asof (a record as it stood on a day). The names are gathered here, where the commands and
views find them.

Query functions take the index and plain options and return plain records (the dicts the
JSON output shows) or small result types; they never print. Standard library only, except
rapidfuzz, loaded where a fuzzy match is needed.
"""

from __future__ import annotations

from sovcloud.query.asof import (
    Record,
    as_of,
    cert_state,
    existed,
    scheme_state,
)
from sovcloud.query.detail import (
    EventDetail,
    ProviderDetail,
    compare,
    event_detail,
    provider_detail,
)
from sovcloud.query.providers import (
    SORT_ORDERS,
    Listing,
    ProviderFilter,
    ProviderRow,
    list_providers,
    provider_listing,
    provider_named,
    sort_providers,
)
from sovcloud.query.resolve import (
    AMBIGUOUS_GAP,
    FUZZY_MIN,
    Resolved,
    checked_text,
    resolve,
)
from sovcloud.query.search import (
    EXCERPT,
    SEARCH_MIN,
    Hit,
    SearchResult,
    excerpt,
    search,
)
from sovcloud.query.timeline import (
    TimelineFilter,
    provider_names,
    resolve_filter,
    resolve_tag,
    timeline,
)

__all__ = [
    "AMBIGUOUS_GAP",
    "EXCERPT",
    "EventDetail",
    "FUZZY_MIN",
    "Hit",
    "Listing",
    "ProviderDetail",
    "ProviderFilter",
    "ProviderRow",
    "Record",
    "Resolved",
    "SEARCH_MIN",
    "SORT_ORDERS",
    "SearchResult",
    "TimelineFilter",
    "as_of",
    "cert_state",
    "checked_text",
    "compare",
    "event_detail",
    "excerpt",
    "existed",
    "list_providers",
    "provider_detail",
    "provider_listing",
    "provider_named",
    "provider_names",
    "resolve",
    "resolve_filter",
    "resolve_tag",
    "scheme_state",
    "search",
    "sort_providers",
    "timeline",
]
