"""Whether a certification holds on a day, and how well we know it: the one implementation.

Every command that shows or judges a certification (providers, show, compare, match, assess,
dossier, stats, the exports) asks `standing()`, so that they all say the same thing.

A register entry holds on a day when it was granted by then and its validity (`expires`) or
its end (`ended`) is not past. On top of the dates, the evidence counts:
- an entry under a version whose successor's transition had ended no longer counts
  (`superseded`: HDS certificates under the 2018 referential after May 2026);
- an entry backed only by the press, or by evidence older than the scheme's validity period,
  or without a version once the scheme's transition has ended, is `unverified`: shown, with
  the date and type of its evidence, but not taken as proof;
- an entry past its validity is `lapsed`, and says "renewal not confirmed" for a year after,
  rather than vanishing;
- when the dates cannot tell (no grant date before the entry was last checked, or a day
  inside a grant date known only to the month or year) the answer is `unknown`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple, Protocol

from sovcloud import dates
from sovcloud.core import schemes

Record = dict[str, Any]

HELD_STATUSES = ("qualified", "certified", "attested", "labelled", "adherent")
PENDING_STATUSES = ("in-progress", "announced")
ENDED_STATUSES = ("expired", "withdrawn")

# Kinds of evidence, most authoritative first: the certifying body's own register, a
# transcription of it, an official text, the company itself; the rest is not proof.
EVIDENCE_ORDER = (
    "register",
    "register-copy",
    "government",
    "company",
    "analyst",
    "press",
    "opinion",
    "other",
)
PROOF = frozenset(("register", "register-copy", "government", "company"))

# States, from the most to the least useful to a buyer.
HELD = "held"
UNVERIFIED = "unverified"
UNKNOWN = "unknown"
PENDING = "pending"
SUPERSEDED = "superseded"
LAPSED = "lapsed"
STATES = (HELD, UNVERIFIED, UNKNOWN, PENDING, SUPERSEDED, LAPSED)
# A scheme filter (`providers --scheme`) lists these, marking the unverified ones.
COUNTS_AS_HELD = (HELD, UNVERIFIED)
# How long after its validity ends an entry says "renewal not confirmed".
RENEWAL_WINDOW = dt.timedelta(days=365)


class Standing(NamedTuple):
    """What a certification entry amounts to on a day, and why."""

    state: str  # one of STATES
    reason: str  # a code, see REASONS
    evidence: str | None  # the most authoritative type among its sources
    evidence_date: str | None  # the newest date among its sources
    detail: str | None = None  # a date or version the reason refers to

    def as_dict(self) -> Record:
        return {
            "state": self.state,
            "reason": self.reason,
            "evidence": self.evidence,
            "evidence_date": self.evidence_date,
            "detail": self.detail,
        }


# What each reason means, in words every renderer can use (`{detail}` filled in).
REASONS = {
    "valid": "granted and within its validity",
    "valid-since-checked": "held when last checked; grant date not recorded",
    "press-only": "only press sources back it",
    "old-evidence": "its newest source ({detail}) is older than the scheme's validity period",
    "version-unknown": "version not recorded, and the transition to version {detail} has ended",
    "superseded": "its version no longer counts since the transition to version {detail} ended",
    "expired": "validity ended on {detail}",
    "renewal-not-confirmed": "validity ended on {detail}; renewal not confirmed",
    "ended": "ended on {detail}",
    "not-yet-granted": "granted later, on {detail}",
    "granted-in-period": "granted during {detail}: the day is not known",
    "ended-in-period": "ended during {detail}: the day is not known",
    "undated": "no grant date before it was last checked ({detail})",
    "in-progress": "in progress",
    "announced": "announced",
    "no-dates": "ended, with no dates to tell when it held",
}


def reason_text(standing: Standing) -> str:
    return REASONS[standing.reason].format(detail=standing.detail or "")


def evidence_of(cert: Record, record: Record) -> tuple[str | None, str | None]:
    """(the most authoritative type, the newest date) among the sources the entry cites."""
    wanted = set(cert.get("sources", ()))
    cited = [s for s in record.get("sources", ()) if s.get("id") in wanted]
    if not cited:
        return None, None
    best = min(
        (s["type"] for s in cited),
        key=lambda k: EVIDENCE_ORDER.index(k) if k in EVIDENCE_ORDER else len(EVIDENCE_ORDER),
    )
    newest = max((s["date"] for s in cited), key=dates.last_day)
    return best, newest


def _past(end: str, on: dt.date) -> bool:
    """Whether a validity ending on `end` is surely over on that day."""
    return dates.last_day(end) < on


def _maybe_past(end: str, on: dt.date) -> bool:
    """Whether it may be over: a day is its last day of validity; a month or year may end
    anywhere inside it."""
    if dates.precision(end) == "day":
        return on > dates.first_day(end)
    return on >= dates.first_day(end)


def standing(cert: Record, record: Record, on: dt.date) -> Standing:
    """The entry's standing on that day (see the module's docstring)."""
    evidence, evidence_date = evidence_of(cert, record)

    def result(state: str, reason: str, detail: str | None = None) -> Standing:
        return Standing(state, reason, evidence, evidence_date, detail)

    status = cert["status"]
    granted = cert.get("granted")
    if status in PENDING_STATUSES:
        return result(PENDING, status)
    if status in ENDED_STATUSES:
        return _ended_entry(cert, on, result)
    # A held status: the dates first.
    if granted and dates.first_day(granted) > on:
        return result(LAPSED, "not-yet-granted", granted)
    for key in ("ended", "expires"):
        end = cert.get(key)
        if end and _past(end, on):
            if key == "ended":
                return result(LAPSED, "ended", end)
            recent = on - dates.last_day(end) <= RENEWAL_WINDOW
            return result(LAPSED, "renewal-not-confirmed" if recent else "expired", end)
        if end and _maybe_past(end, on):
            return result(UNKNOWN, "ended-in-period", end)
    if granted and dates.last_day(granted) > on:
        return result(UNKNOWN, "granted-in-period", granted)
    known_since = cert.get("checked") or record.get("last_reviewed")
    if not granted and known_since and on < dt.date.fromisoformat(known_since):
        return result(UNKNOWN, "undated", known_since)
    # Then what the scheme says of versions.
    scheme = schemes.get(cert["scheme"])
    later = scheme.superseded(cert.get("version"), on)
    if later is not None:
        return result(SUPERSEDED, "superseded", later["version"])
    if cert.get("version") is None:
        passed = scheme.transition_passed(on)
        if passed is not None:
            return result(UNVERIFIED, "version-unknown", passed["version"])
    # Then the evidence.
    if evidence not in PROOF:
        return result(UNVERIFIED, "press-only")
    years = scheme.validity_years
    if (
        years
        and evidence_date
        and not cert.get("expires")
        and dates.last_day(evidence_date) + dt.timedelta(days=365 * years + years // 4) < on
    ):
        return result(UNVERIFIED, "old-evidence", evidence_date)
    return result(HELD, "valid" if granted else "valid-since-checked")


class _Result(Protocol):
    def __call__(self, state: str, reason: str, detail: str | None = None) -> Standing: ...


def _ended_entry(cert: Record, on: dt.date, result: _Result) -> Standing:
    """An expired or withdrawn entry held between its grant and its end, when both are
    known; otherwise it is lapsed, or unknown where the dates leave the day open."""
    granted = cert.get("granted")
    ends = [cert[k] for k in ("ended", "expires") if cert.get(k)]
    if not ends:
        return result(LAPSED, "no-dates")
    end = min(ends, key=dates.first_day)
    if _past(end, on):
        return result(LAPSED, "ended", end)
    if granted and dates.first_day(granted) > on:
        return result(LAPSED, "not-yet-granted", granted)
    if _maybe_past(end, on):
        return result(UNKNOWN, "ended-in-period", end)
    if not granted:
        return result(UNKNOWN, "no-dates")
    if dates.last_day(granted) > on:
        return result(UNKNOWN, "granted-in-period", granted)
    return result(HELD, "valid")


def best(record: Record, scheme: str, on: dt.date) -> tuple[Standing, Record] | None:
    """The most telling entry of a scheme for the provider on that day (held, then
    unverified, unknown, pending, superseded, lapsed), or None when it has none."""
    ranked = sorted(
        ((standing(c, record, on), c) for c in record["certifications"] if c["scheme"] == scheme),
        key=lambda sc: STATES.index(sc[0].state),
    )
    return ranked[0] if ranked else None


def scheme_state(record: Record, scheme: str, on: dt.date) -> str | None:
    """The best state among the provider's entries of a scheme, or None."""
    found = best(record, scheme, on)
    return found[0].state if found else None


def annotate(record: Record, on: dt.date) -> Record:
    """The record with each certification's standing on that day under `standing`: what
    JSON, YAML and every export carry, so that programs read the same answer people see."""
    certs = [{**c, "standing": standing(c, record, on).as_dict()} for c in record["certifications"]]
    return {**record, "certifications": certs}
