"""The knowledge model: what each kind of record may say (providers, events, schemes, tags,
frameworks), one module per kind, gathered here so that `from sovcloud.models import X` finds
every model and type.

Strict pydantic models (unknown fields are errors, values are typed) define the YAML schema
contributors write and the JSON Schema editors check against. Only `validate`, the index
rebuild and `schema` import this package: queries work from the derived index.
"""

from __future__ import annotations

from typing import Any

from sovcloud.models.common import (
    CRITERION_PATTERN,
    MAX_URL,
    SCHEMA_VERSION,
    SLUG_MESSAGE,
    SLUG_PATTERN,
    Citations,
    Country,
    Day,
    Jurisdiction,
    Line,
    LocalizedText,
    PartialDate,
    Prose,
    Slug,
    Source,
    SourceType,
    Strict,
    Text,
    Url,
    Version,
)
from sovcloud.models.event import (
    Event,
    EventKind,
    EventStatus,
)
from sovcloud.models.framework import (
    Criterion,
    Framework,
    FrameworkVersion,
    Objective,
    Rung,
)
from sovcloud.models.provider import (
    Certification,
    CertStatus,
    DataCentre,
    License,
    Offer,
    Owner,
    OwnerRole,
    Ownership,
    Provider,
    ProviderKind,
    ProviderStatus,
    ServiceModel,
    SovereigntyAnswer,
)
from sovcloud.models.scheme import (
    Activity,
    HeldWord,
    HolderCount,
    HolderUnit,
    Milestone,
    Register,
    Scheme,
    SchemeTarget,
    SchemeVersion,
    Tag,
)

__all__ = [
    "Activity",
    "CRITERION_PATTERN",
    "CertStatus",
    "Certification",
    "Citations",
    "Country",
    "Criterion",
    "DataCentre",
    "Day",
    "Event",
    "EventKind",
    "EventStatus",
    "Framework",
    "FrameworkVersion",
    "HeldWord",
    "HolderCount",
    "HolderUnit",
    "Jurisdiction",
    "License",
    "Line",
    "LocalizedText",
    "MAX_URL",
    "MODELS",
    "Milestone",
    "Objective",
    "Offer",
    "Owner",
    "OwnerRole",
    "Ownership",
    "PartialDate",
    "Prose",
    "Provider",
    "ProviderKind",
    "ProviderStatus",
    "Register",
    "Rung",
    "SCHEMA_VERSION",
    "SLUG_MESSAGE",
    "SLUG_PATTERN",
    "Scheme",
    "SchemeTarget",
    "SchemeVersion",
    "ServiceModel",
    "Slug",
    "Source",
    "SourceType",
    "SovereigntyAnswer",
    "Strict",
    "Tag",
    "Text",
    "Url",
    "Version",
    "json_schemas",
]


MODELS: dict[str, type[Strict]] = {
    "providers": Provider,
    "events": Event,
    "schemes": Scheme,
    "tags": Tag,
    "frameworks": Framework,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each record kind, keyed by folder name."""
    schemas = {}
    for folder, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schemas[folder] = schema
    return schemas
