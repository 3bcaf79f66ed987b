"""The checks beyond the schema: within a record (checks/record.py), and across records and
against today (checks/cross.py).

Within-record checks run once per file version (their result is cached with the file).
Cross-record checks and date checks work on small facts (ids, references, names, dated
conditions) that the derived index keeps, so they re-run on every refresh without re-reading
any file. Standard library only. The names are gathered here, where the rest of the code
finds them; `fold` and `id_named` live in core/text.py.
"""

from __future__ import annotations

from sovcloud.checks.cross import (
    MAX_PER_CHECK,
    capped,
    confusable_names,
    dangling_refs,
    duplicate_ids,
    max_age_findings,
    shared_names,
    unchecked_findings,
    unknown_scheme_refs,
    unknown_tag_refs,
)
from sovcloud.checks.record import Checked, LineOf, Record, Timed, check_record
from sovcloud.core.text import fold, id_named

__all__ = [
    "MAX_PER_CHECK",
    "Checked",
    "LineOf",
    "Record",
    "Timed",
    "capped",
    "check_record",
    "confusable_names",
    "dangling_refs",
    "duplicate_ids",
    "fold",
    "id_named",
    "max_age_findings",
    "shared_names",
    "unchecked_findings",
    "unknown_scheme_refs",
    "unknown_tag_refs",
]
