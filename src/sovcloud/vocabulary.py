"""The closed vocabularies the command line offers as choices (and completes), kept in one
place.

Standard library only (nothing at all): the command modules read these at start-up, where
importing the pydantic models is too slow. models/ defines the same values as enums for
validation; tests/test_project.py checks that the two agree.
"""

PROVIDER_KINDS = (
    "cloud-provider",
    "hyperscaler",
    "joint-venture",
    "hosting",
    "integrator",
    "software-vendor",
    "telecom-operator",
    "other",
)
PROVIDER_STATUSES = ("active", "announced", "merged", "closed")
# The kinds of service an offer is (`match --service`).
SERVICE_MODELS = (
    "iaas",
    "paas",
    "saas",
    "caas",
    "private-cloud",
    "hosting",
    "colocation",
    "other",
)
EVENT_KINDS = (
    "certification",
    "contract",
    "partnership",
    "acquisition",
    "announcement",
    "launch",
    "regulation",
    "report",
    "court-decision",
    "statement",
    "tender",
    "funding",
    "incident",
    "other",
)
# How `sovcloud providers --sort` can order its rows (query.sort_providers).
SORT_KEYS = ("name", "id", "country", "kind", "founded", "certifications")
