"""`sovcloud match`: who could answer a tender, ranked by how far each is from it.

A tender asks for certifications, kinds of offer, countries and minimum SEALs of the EU Cloud
Sovereignty Framework; each provider gets one Need per requirement (met, pending, unknown or
missing, with the facts behind it). render/match.py shows the result; nothing here prints.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.checks import fold
from sovcloud.core import certs
from sovcloud.core import framework as rules_
from sovcloud.core import schemes as schemes_
from sovcloud.core.labels import STATUS_WORDS, cert_label, reason_words, scheme_name
from sovcloud.errors import NotFoundError
from sovcloud.facts import Need, cited, record_sources, scheme_verdict
from sovcloud.framework_assess import (
    DEFAULT_FRAMEWORK,
    CriterionAnswer,
    chosen_version,
    grade,
    label,
    load_framework,
    title,
)
from sovcloud.i18n import localized, t
from sovcloud.query import existed

if TYPE_CHECKING:
    from sovcloud.index import Index

Record = dict[str, Any]


class Candidate(NamedTuple):
    record: Record
    needs: list[Need]

    @property
    def lacks(self) -> list[Need]:
        return [n for n in self.needs if n.state != "met"]

    @property
    def meets_all(self) -> bool:
        return not self.lacks


class Tender(NamedTuple):
    """What `sovcloud match` asks for."""

    schemes: list[str] = []
    services: list[str] = []  # any of them, unless all_services
    countries: list[str] = []
    as_of: dt.date | None = None
    everyone: bool = False  # every near miss, and providers with nothing toward any need
    all_services: bool = False  # every service asked for, rather than any of them
    # A minimum SEAL per objective of the EU Cloud Sovereignty Framework: ("sov-2", 3).
    seals: list[tuple[str, int]] = []


class MatchResult(NamedTuple):
    candidates: list[Candidate]  # ranked
    on: dt.date
    tender: Tender
    left_out: int  # providers with nothing toward any requirement, not listed
    unknown_schemes: list[str]  # schemes no record holds a certification of
    more_near_misses: int = 0  # near misses beyond NEAR_MISSES, not listed without --all


# Near misses listed without --all: a shortlist, not the whole market.
NEAR_MISSES = 10
# How far a provider is from a requirement: lacking a qualification is farther than lacking
# an offer of the kind asked for, which a provider can add in weeks.
DISTANCE = {
    ("scheme", "missing"): 4.0,
    ("scheme", "unknown"): 2.0,
    ("scheme", "pending"): 1.5,
    ("service", "missing"): 1.0,
    ("service", "unknown"): 1.0,
    ("service", "pending"): 0.5,
    ("seal", "missing"): 3.0,
    ("seal", "unknown"): 2.0,
}


# A missing qualification (an authority's multi-year process, such as SecNumCloud) is
# farther than a missing certification (an accredited body's audit of months, such as HDS),
# itself farther than a label or a code of conduct one declares.
MISSING_SCHEME = {"qualified": 4.0, "certified": 3.0, "attested": 3.0}


def _distance(candidate: Candidate) -> float:
    total = 0.0
    for need in candidate.lacks:
        if need.requirement.startswith("service:"):
            total += DISTANCE[("service", need.state)]
        elif need.requirement.startswith("sov-"):
            total += DISTANCE[("seal", need.state)]
        elif need.state == "missing":
            held_as = schemes_.get(need.requirement).held_as or "certified"
            total += MISSING_SCHEME.get(held_as, 2.0)
        else:
            total += DISTANCE[("scheme", need.state)]
    return total


def offer_services(record: Record) -> dict[str, set[str]]:
    """Each offer's kinds of service: its own, and those the register qualifies it as (a
    hosted private cloud that ANSSI qualifies as IaaS counts as IaaS)."""
    kinds = {o["id"]: {o["service"]} for o in record["offers"]}
    for cert in record["certifications"]:
        for offer in cert["offers"]:
            if offer in kinds:
                kinds[offer].update(cert.get("services", []))
    return kinds


def _scheme_need(
    record: Record,
    scheme: str,
    services: list[str],
    on: dt.date,
    every: bool = False,
    lang: str = "en",
) -> Need:
    """Whether the provider holds the scheme on the day, for an offer of the kinds asked for
    (any of them, or each of them when `every`)."""
    name = scheme_name(scheme)
    state, entries = scheme_verdict(record, scheme, on)
    if state == "none":
        return Need(scheme, "missing", t("{name}: none recorded", lang, name=name), [])
    sources = [s for c in entries for s in cited(record, c["sources"])]
    cert = entries[0]
    if state == "held":
        uncovered = _outside_scope(record, entries, services, every, name, lang)
        if uncovered is not None:
            return Need(scheme, "missing", uncovered, sources)
        label = cert_label(cert, lang=lang)
        return Need(scheme, "met", t("{name}: {text}", lang, name=name, text=label), sources)
    if state == "unknown":
        text = t(
            "{name}: {label}; not known to be held on {day}: {why}",
            lang,
            name=name,
            label=cert_label(cert, lang=lang),
            day=on,
            why=reason_words(certs.standing(cert, record, on), lang),
        )
        return Need(scheme, "unknown", text, sources)
    if state == "pending":
        pending, text = _pending(record, cert, on, name, lang)
        return Need(scheme, "pending" if pending else "missing", text, sources)
    return Need(scheme, "missing", _not_held(cert, on, name, lang), sources)


def _outside_scope(
    record: Record,
    entries: list[Record],
    services: list[str],
    every: bool,
    name: str,
    lang: str,
) -> str | None:
    """Why certifications held do not cover the kinds of offer asked for, or None when they
    do. Only a recorded scope can count against: a certification listing no offers covers
    the provider as far as the records say."""
    if not services or not all(c["offers"] for c in entries):
        return None
    kinds = offer_services(record)
    covered = {k for c in entries for o in c["offers"] for k in kinds.get(o, ())}
    covered |= {k for c in entries for k in c.get("services", [])}
    uncovered = [s for s in services if s not in covered]
    if not (uncovered if every else len(uncovered) == len(services)):
        return None
    return t(
        "{name}: held for {covered} offers only, not {uncovered}",
        lang,
        name=name,
        covered=", ".join(sorted(covered)) or t("other", lang),
        uncovered=", ".join(uncovered),
    )


def _pending(record: Record, cert: Record, on: dt.date, name: str, lang: str) -> tuple[bool, str]:
    """A certification in progress or announced: pending, unless the day asked about is
    before the record's review (a status says where things stood then, not before)."""
    words = t(str(STATUS_WORDS.get(cert["status"], cert["status"])), lang)
    if on < dt.date.fromisoformat(record["last_reviewed"]):
        text = t("{name}: not held on {day} (now {words})", lang, name=name, day=on, words=words)
        return False, text
    milestone = f" ({cert['milestone']})" if cert.get("milestone") else ""
    return True, t("{name}: {text}", lang, name=name, text=words + milestone)


def _not_held(cert: Record, on: dt.date, name: str, lang: str) -> str:
    """A certification lapsed, superseded, or not yet granted on the day."""
    label = cert_label(cert, lang=lang)
    if cert.get("granted") and on < dates.first_day(cert["granted"]):
        return t("{name}: not yet granted on {day} ({label})", lang, name=name, day=on, label=label)
    return t("{name}: {text}", lang, name=name, text=label)


def _service_need(record: Record, service: str, lang: str = "en") -> Need:
    kinds = offer_services(record)
    offers = [o for o in record["offers"] if service in kinds[o["id"]]]
    sources = record_sources(record)
    active = [o["name"] for o in offers if o["status"] == "active"]
    if active:
        text = t("{service} offer: {names}", lang, service=service, names=", ".join(active))
        return Need(f"service:{service}", "met", text, sources)
    announced = [o["name"] for o in offers if o["status"] == "announced"]
    if announced:
        text = t(
            "{service} offer announced: {names}", lang, service=service, names=", ".join(announced)
        )
        return Need(f"service:{service}", "pending", text, sources)
    if offers:
        names = ", ".join(f"{o['name']} ({t(o['status'], lang)})" for o in offers)
        text = t("{service} offer no longer active: {names}", lang, service=service, names=names)
        return Need(f"service:{service}", "missing", text, sources)
    text = t("no {service} offer recorded", lang, service=service)
    return Need(f"service:{service}", "missing", text, [])


def match(index: Index, tender: Tender, today: dt.date, lang: str = "en") -> MatchResult:
    """Providers ranked by how well they answer the tender: all requirements met first,
    then near misses by how far they are (DISTANCE: lacking a qualification is farther than
    lacking an offer kind), then by name; at most NEAR_MISSES of them, and none with nothing
    toward any requirement, unless `tender.everyone`. Repeated services mean any of them,
    unless `tender.all_services`. What each lacks is said in `lang`."""
    on = tender.as_of or today
    schemes = list(dict.fromkeys(s.lower() for s in tender.schemes))
    needs_of = _requirements(index, tender, schemes, on, lang)
    countries = {c.upper() for c in tender.countries}
    candidates = []
    left_out = 0
    seen_schemes: set[str] = set()
    for record in index.providers():
        seen_schemes.update(c["scheme"] for c in record["certifications"])
        if countries and record["country"] not in countries:
            continue
        if not _could_answer(record, tender, on):
            continue
        candidate = Candidate(record, needs_of(record))
        if not candidate.meets_all and not tender.everyone:
            if all(n.state == "missing" for n in candidate.needs):
                left_out += 1
                continue
        candidates.append(candidate)
    shown, more = _shortlist(candidates, tender.everyone)
    unknown = [s for s in schemes if s not in seen_schemes]
    return MatchResult(shown, on, tender, left_out, unknown, more)


def _could_answer(record: Record, tender: Tender, on: dt.date) -> bool:
    """Whether the provider existed on the day asked about; without one, whether it is
    still open (a merged or closed provider cannot answer a tender today)."""
    if tender.as_of:
        return existed(record, on)
    return record["status"] not in ("merged", "closed")


def _requirements(
    index: Index, tender: Tender, schemes: list[str], on: dt.date, lang: str
) -> Callable[[Record], list[Need]]:
    """A function giving, for a provider, one need per requirement of the tender."""
    services = list(dict.fromkeys(tender.services))
    graded = seal_needs(index, tender.seals, on) if tender.seals else None

    def needs_of(record: Record) -> list[Need]:
        needs = [_scheme_need(record, s, services, on, tender.all_services, lang) for s in schemes]
        if tender.all_services or len(services) < 2:
            needs += [_service_need(record, s, lang) for s in services]
        else:
            needs.append(_any_service_need(record, services, lang))
        if graded is not None:
            needs += graded(record)
        return needs

    return needs_of


def _shortlist(candidates: list[Candidate], everyone: bool) -> tuple[list[Candidate], int]:
    """Those meeting every requirement, then the nearest misses (all of them when
    `everyone`, else NEAR_MISSES), and how many near misses that leaves out."""

    def rank(c: Candidate) -> tuple[float, int, str]:
        return _distance(c), len(c.lacks), fold(c.record["name"])

    ranked = sorted(candidates, key=rank)
    full = [c for c in ranked if c.meets_all]
    near = [c for c in ranked if not c.meets_all]
    more = 0 if everyone else max(0, len(near) - NEAR_MISSES)
    return full + (near if everyone else near[:NEAR_MISSES]), more


def _any_service_need(record: Record, services: list[str], lang: str = "en") -> Need:
    """One need for "an offer of any of these kinds": the best of the single needs."""
    singles = [_service_need(record, s, lang) for s in services]
    order = ("met", "pending", "unknown", "missing")
    best = min(singles, key=lambda n: order.index(n.state))
    if best.state == "met":
        return best._replace(requirement="service:" + "|".join(services))
    words = t(" or ", lang).join(services)
    missing = t("no {service} offer recorded", lang, service=words)
    text = missing if best.state == "missing" else best.text
    return Need("service:" + "|".join(services), best.state, text, best.sources)


# --- minimum SEALs of the EU Cloud Sovereignty Framework ----------------------------------


class SealRequirement(NamedTuple):
    """A minimum SEAL for one objective, as a tender sets it: `sov-2:3`."""

    objective: str
    level: int

    @property
    def text(self) -> str:
        return f"{self.objective}:{self.level}"


class SealNeed(NamedTuple):
    """Where a provider stands toward a minimum SEAL: met, unknown or missing."""

    state: str
    text: str
    sources: list[Record]


def seal_need(
    framework: Record,
    judgement: rules_.Judgement,
    answers: dict[str, CriterionAnswer],
    need: SealRequirement,
) -> SealNeed:
    """Whether the objective reaches the level on the records, and if not, which criteria
    keep it below (missing) or may (unknown), with the facts behind them."""
    result = next(o for o in judgement.objectives if o.id == need.objective)
    objective = next(o for o in framework["objectives"] if o["id"] == need.objective)
    head = f"{label(need.objective)} {localized(objective['name'], 'en')}"
    span = _seal_span(result.seal)
    if result.seal.low >= need.level:
        return SealNeed("met", f"{head}: {span}, at least SEAL-{need.level}", [])
    if result.seal.high < need.level:
        blocking = [answers[c] for c in result.criteria_below(need.level)]
        reasons = "; ".join(_why(a) for a in blocking)
        sources = [s for a in blocking for e in a.evidence for f in e.facts for s in f.sources]
        return SealNeed(
            "missing", f"{head}: {span}, below SEAL-{need.level}: {reasons}", _unique(sources)
        )
    doubtful = [label(c.id) for c in result.criteria if c.seal.low < need.level]
    return SealNeed(
        "unknown",
        f"{head}: {span} on the records; unknown whether it reaches SEAL-{need.level}: "
        + ", ".join(doubtful)
        + " could keep it below",
        [],
    )


def _seal_span(seal: rules_.Span) -> str:
    if seal.settled:
        return f"SEAL-{seal.low:g}"
    return f"SEAL-{seal.low:g} to SEAL-{seal.high:g}"


def _why(item: CriterionAnswer) -> str:
    """'SOV-2.2 Exposure to non-EU laws: at most SEAL-1 (Under US jurisdiction)'."""
    causes = ", ".join(dict.fromkeys(e.title for e in item.evidence)) or "no answer recorded"
    return (
        f"{label(item.criterion['id'])} {title(item.criterion)}: at most "
        f"SEAL-{item.range.seal.high:g} ({causes})"
    )


def _unique(sources: list[Record]) -> list[Record]:
    seen = []
    for source in sources:
        if source not in seen:
            seen.append(source)
    return seen


def seal_needs(
    index: Index, requirements: list[tuple[str, int]], on: dt.date
) -> Callable[[Record], list[Need]]:
    """For match: a function giving, for a provider, one need per minimum SEAL asked for
    (`sov-2:3`), judged on `on` with the weights of the latest version published by then."""
    framework = load_framework(index, DEFAULT_FRAMEWORK)
    objectives = [o["id"] for o in framework["objectives"]]
    wanted = [SealRequirement(o.lower(), level) for o, level in requirements]
    for need in wanted:
        if need.objective not in objectives:
            raise NotFoundError(
                "--require {text}: {framework} has no objective {objective}",
                [f"{o}:{need.level}" for o in objectives],
                text=need.text,
                framework=framework["id"],
                objective=need.objective,
            )
    chosen = chosen_version(framework, None, on)

    def needs(record: Record) -> list[Need]:
        _, judgement, answers, _ = grade(index, framework, record, on, chosen)
        out = []
        for need in wanted:
            found = seal_need(framework, judgement, answers, need)
            out.append(Need(need.text, found.state, found.text, found.sources))
        return out

    return needs
