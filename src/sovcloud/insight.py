"""Answers no other directory gives: a provider's sovereignty profile by explicit rules, who
could answer a tender, what changed in the market in a window, which records need a review.

The rules of `sovcloud assess` are one table, RULES: each rule has an id, a title, an
explanation and the function that applies it, so that `sovcloud assess --rules` and the
README section are generated from the same table that decides. A rule says met, not met or
unknown, and gives the facts and sources behind its answer; it never reads more into the
records than they say.

Functions here take the index and plain options and return small result types that
render/insight.py shows; they never print. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.checks import fold
from sovcloud.core import certs
from sovcloud.core import schemes as schemes_
from sovcloud.core.labels import STATUS_WORDS, cert_label, reason_words, scheme_name
from sovcloud.countries import EU_MEMBERS
from sovcloud.errors import NotFoundError
from sovcloud.i18n import t
from sovcloud.query import as_of, existed, resolve

if TYPE_CHECKING:
    from sovcloud.index import Index

Record = dict[str, Any]

MET = "met"
NOT_MET = "not-met"
UNKNOWN = "unknown"

# SecNumCloud 3.2, chapter 19.6 b): no non-EU entity may hold, directly or indirectly, more
# than 24% of the provider's capital and voting rights, nor all of them together more than
# 39%. The references are in the rule's explanation (OWNERS_REFERENCES).
NON_EU_LIMIT_EACH = 24.0
NON_EU_LIMIT_TOGETHER = 39.0


class Reference(NamedTuple):
    """A public text a rule relies on."""

    publisher: str
    title: str
    date: str
    url: str
    note: str = ""


class Fact(NamedTuple):
    """One fact behind an answer, with the record's sources that back it."""

    text: str
    sources: list[Record]


class Verdict(NamedTuple):
    status: str  # MET, NOT_MET or UNKNOWN
    facts: list[Fact]


class Context(NamedTuple):
    """What a rule looks at: the provider as it stood on `on` (owners then holding), and
    the records of its owners that have one, as they stood that day."""

    record: Record
    on: dt.date
    linked: dict[str, Record]
    lang: str = "en"  # the language of the facts' text


class Rule(NamedTuple):
    id: str
    title: str
    explanation: str
    function: Callable[[Context], Verdict]
    references: tuple[Reference, ...] = ()


# --- sources and certifications -----------------------------------------------------------


def _source(source: Record) -> Record:
    """A source as a fact shows it: publisher, title, date, url (when there is one), type."""
    keys = ("publisher", "title", "date", "url", "type")
    return {k: source[k] for k in keys if source.get(k) is not None}


def cited(record: Record, ids: list[str]) -> list[Record]:
    """The record's sources with these ids, in the record's order."""
    wanted = set(ids)
    return [_source(s) for s in record["sources"] if s.get("id") in wanted]


def record_sources(record: Record) -> list[Record]:
    """Every source of the record: what backs the facts no item cites on its own (its
    country, its founding date)."""
    return [_source(s) for s in record["sources"]]


# How assess reads a standing: a rule is met only on proof, so an unverified entry (press
# only, old evidence, version unknown) leaves it unknown, and a superseded one does not count.
_VERDICTS = {
    certs.HELD: "held",
    certs.UNVERIFIED: "unknown",
    certs.UNKNOWN: "unknown",
    certs.PENDING: "pending",
    certs.SUPERSEDED: "lapsed",
    certs.LAPSED: "lapsed",
}


def cert_verdict(cert: Record, on: dt.date, record: Record) -> tuple[str, certs.Standing]:
    """'held', 'pending', 'lapsed' or 'unknown' on that day, with the standing behind it."""
    found = certs.standing(cert, record, on)
    return _VERDICTS[found.state], found


def scheme_verdict(record: Record, scheme: str, on: dt.date) -> tuple[str, list[Record]]:
    """The best state of the provider's certifications of a scheme on that day (held, then
    unknown, then pending, then lapsed; 'none' when there is none) and those in that state."""
    entries = [c for c in record["certifications"] if c["scheme"] == scheme]
    verdicts = [(cert_verdict(c, on, record)[0], c) for c in entries]
    for state in ("held", "unknown", "pending", "lapsed"):
        chosen = [c for v, c in verdicts if v == state]
        if chosen:
            return state, chosen
    return "none", []


def _on_that_day(state: str, on: dt.date, lang: str) -> str:
    text = {
        "held": "held on {day}",
        "pending": "not held on {day}",
        "lapsed": "not held on {day}",
        "unknown": "the recorded dates do not tell whether it was held on {day}",
    }[state]
    return t(text, lang, day=on)


# --- the rules ------------------------------------------------------------------------------


def _scheme_rule(scheme: str) -> Callable[[Context], Verdict]:
    def rule(ctx: Context) -> Verdict:
        record, on, lang = ctx.record, ctx.on, ctx.lang
        name = scheme_name(scheme)
        state, _ = scheme_verdict(record, scheme, on)
        facts = []
        for cert in record["certifications"]:
            if cert["scheme"] != scheme:
                continue
            verdict, found = cert_verdict(cert, on, record)
            text = t(
                "{name}: {label} ({when}: {why})",
                lang,
                name=name,
                label=cert_label(cert, lang=lang),
                when=_on_that_day(verdict, on, lang),
                why=reason_words(found, lang),
            )
            if cert.get("scope"):
                text = t("{text}; scope: {scope}", lang, text=text, scope=cert["scope"])
            facts.append(Fact(text, cited(record, cert["sources"])))
        if state == "none":
            text = t("no {name} certification is recorded", lang, name=name)
            return Verdict(NOT_MET, [Fact(text, [])])
        return Verdict({"held": MET, "unknown": UNKNOWN}.get(state, NOT_MET), facts)

    return rule


def _eu_office(ctx: Context) -> Verdict:
    record = ctx.record
    country = record["country"]
    where = f" ({record['headquarters']})" if record.get("headquarters") else ""
    inside = country in EU_MEMBERS
    text = t(
        "registered office in {country}{where}, an EU member state"
        if inside
        else "registered office in {country}{where}, not an EU member state",
        ctx.lang,
        country=country,
        where=where,
    )
    return Verdict(MET if inside else NOT_MET, [Fact(text, record_sources(record))])


def _stake_words(owner: Record, lang: str) -> str:
    if owner.get("stake") is not None:
        return f"{owner['stake']:g}%"
    if owner.get("stake_note"):
        return t("stake given only in words: {note}", lang, note=owner["stake_note"])
    return t("stake not recorded", lang)


def _non_eu_parent(ctx: Context, owner: Record) -> tuple[Record, Record] | None:
    """The non-EU parent of an owner, from the owner's own record: (its parent, that
    record). One level up only."""
    linked = ctx.linked.get(owner.get("provider") or "")
    if linked is None:
        return None
    for parent in linked["owners"]:
        if parent["role"] == "parent" and parent["country"] not in EU_MEMBERS:
            return parent, linked
    return None


def _eu_owners(ctx: Context) -> Verdict:
    record, on, lang = ctx.record, ctx.on, ctx.lang
    owners = record["owners"]
    if not owners:
        text = t("no owner is recorded as holding it on {day}", lang, day=on)
        return Verdict(UNKNOWN, [Fact(text, [])])
    facts = []
    non_eu: list[Record] = []
    for owner in owners:
        role = t("parent company" if owner["role"] == "parent" else "shareholder", lang)
        text = f"{owner['name']} ({owner['country']}), {role}, {_stake_words(owner, lang)}"
        sources = cited(record, owner["sources"])
        if owner["country"] not in EU_MEMBERS:
            non_eu.append(owner)
            text = t("{text}: outside the EU", lang, text=text)
        else:
            found = _non_eu_parent(ctx, owner)
            if found:
                parent, linked = found
                non_eu.append(owner)
                text = t(
                    "{text}: registered in the EU, but its own record names {parent} "
                    "({country}) as its parent company, so it counts as non-EU",
                    lang,
                    text=text,
                    parent=parent["name"],
                    country=parent["country"],
                )
                sources = sources + cited(linked, parent["sources"])
        facts.append(Fact(text, sources))

    def verdict(status: str, why: str) -> Verdict:
        return Verdict(status, [*facts, Fact(why, [])])

    parents = [o["name"] for o in non_eu if o["role"] == "parent"]
    if parents:
        why = t("a non-EU parent company controls it: {names}", lang, names=", ".join(parents))
        return verdict(NOT_MET, why)
    over = [o for o in non_eu if o.get("stake") is not None and o["stake"] > NON_EU_LIMIT_EACH]
    if over:
        names = ", ".join(f"{o['name']} {o['stake']:g}%" for o in over)
        why = t(
            "a non-EU holder has more than {limit}%: {names}",
            lang,
            limit=f"{NON_EU_LIMIT_EACH:g}",
            names=names,
        )
        return verdict(NOT_MET, why)
    known = sum(o["stake"] for o in non_eu if o.get("stake") is not None)
    if known > NON_EU_LIMIT_TOGETHER:
        why = t(
            "non-EU holders have {known}% together, more than {limit}%",
            lang,
            known=f"{known:g}",
            limit=f"{NON_EU_LIMIT_TOGETHER:g}",
        )
        return verdict(NOT_MET, why)
    ownership = record.get("ownership")
    if ownership and ownership["complete"]:
        # A source says the owners recorded hold all of the capital: what no percentage
        # says, that does.
        backing = cited(record, ownership["sources"])
        if not non_eu:
            return Verdict(
                MET,
                [
                    *facts,
                    Fact(
                        t(
                            "the owners recorded hold all of the capital, and none is based "
                            "outside the EU",
                            lang,
                        ),
                        backing,
                    ),
                ],
            )
        if len(owners) == 1:
            return Verdict(
                NOT_MET,
                [*facts, Fact(t("wholly owned by a company based outside the EU", lang), backing)],
            )
    unstaked = [o["name"] for o in non_eu if o.get("stake") is None]
    if unstaked:
        return verdict(
            UNKNOWN,
            t(
                "no percentage is recorded for the non-EU holder(s) {names}",
                lang,
                names=", ".join(unstaked),
            ),
        )
    # Every non-EU holding recorded is within the limits. Whoever holds what the recorded
    # percentages leave over is not known: it might be held outside the EU.
    total = min(100.0, sum(o["stake"] for o in owners if o.get("stake") is not None))
    rest = 100.0 - total
    largest = max([o["stake"] for o in non_eu] + [rest])
    limits = t(
        "(limits {each}% each, {together}% together)",
        lang,
        each=f"{NON_EU_LIMIT_EACH:g}",
        together=f"{NON_EU_LIMIT_TOGETHER:g}",
    )
    if rest == 0:
        return verdict(
            MET,
            t(
                "recorded percentages account for all the capital: non-EU holders have at "
                "most {largest}% each and {known}% together {limits}",
                lang,
                largest=f"{largest:g}",
                known=f"{known:g}",
                limits=limits,
            ),
        )
    if largest <= NON_EU_LIMIT_EACH and known + rest <= NON_EU_LIMIT_TOGETHER:
        return verdict(
            MET,
            t(
                "recorded percentages account for {total}% of the capital; even if the other "
                "{rest}% were held outside the EU, non-EU holdings would be at most "
                "{largest}% each and {together}% together {limits}",
                lang,
                total=f"{total:g}",
                rest=f"{rest:g}",
                largest=f"{largest:g}",
                together=f"{known + rest:g}",
                limits=limits,
            ),
        )
    words = [o["name"] for o in owners if o.get("stake") is None]
    return verdict(
        UNKNOWN,
        t("recorded percentages account for {total}% of the capital", lang, total=f"{total:g}")
        + (t("; none is recorded for {names}", lang, names=", ".join(words)) if words else "")
        + t(
            ": the other {rest}% might be held outside the EU, beyond the limits {limits}",
            lang,
            rest=f"{rest:g}",
            limits=limits,
        ),
    )


def _eu_technology(ctx: Context) -> Verdict:
    record, lang = ctx.record, ctx.lang
    licences = record["licensed_technology"]
    outside = t(", outside the EU", lang)
    facts = [
        Fact(
            t(
                "{vendor} ({country}{outside}): {technology}",
                lang,
                vendor=x["vendor"],
                country=x["country"],
                outside="" if x["country"] in EU_MEMBERS else outside,
                technology=x["technology"],
            ),
            cited(record, x["sources"]),
        )
        for x in licences
    ]
    if any(x["country"] not in EU_MEMBERS for x in licences):
        return Verdict(NOT_MET, facts)
    if not licences:
        return Verdict(MET, [Fact(t("no technology under licence is recorded", lang), [])])
    return Verdict(MET, facts)


def _eu_data_centres(ctx: Context) -> Verdict:
    record, lang = ctx.record, ctx.lang
    centres = record["data_centres"]
    if not centres:
        return Verdict(UNKNOWN, [Fact(t("no data centre is recorded", lang), [])])
    outside = t(", outside the EU", lang)
    facts = [
        Fact(
            f"{d['location']} ({d['country']}"
            + ("" if d["country"] in EU_MEMBERS else outside)
            + ")"
            + (f", {t('operated by', lang)} {d['operator']}" if d.get("operator") else ""),
            cited(record, d["sources"]),
        )
        for d in centres
    ]
    inside = all(d["country"] in EU_MEMBERS for d in centres)
    return Verdict(MET if inside else NOT_MET, facts)


OWNERS_REFERENCES = (
    Reference(
        "PIALab",
        "SecNumCloud and immunity from non-EU extraterritorial laws (subject)",
        "2021-10-25",
        "https://pialab.io/2021/10/25/secnumcloud-immunsation-contre-les-lois-extraterritoriales-hors-ue/",
        "quotes chapter 19.6 of the 3.2.a draft ANSSI published for comment: capital and "
        "voting rights not held, directly or indirectly, above 24% individually or 39% "
        "collectively by entities based outside the EU",
    ),
    Reference(
        "Archimag",
        "ANSSI : une nouvelle évolution du SecNumCloud",
        "2021-10-22",
        "https://archimag.com/demat-cloud/2021/10/22/anssi-une-nouvelle-evolution-du-secnumcloud",
        "the new chapter 19.6: EU registered office; third parties outside the EU at most "
        "24% individually and 39% collectively",
    ),
    Reference(
        "Assemblée nationale (via NosDéputés.fr)",
        "Amendement CL88",
        "2024-01-20",
        "https://nosdeputes.fr/16/amendement/366/CL88",
        "restates article 19.6 of the SecNumCloud requirements with the same 24% and 39% limits",
    ),
)

RULES: tuple[Rule, ...] = (
    Rule(
        "secnumcloud",
        "SecNumCloud qualification held",
        "Met when a SecNumCloud qualification recorded for the provider is held on the day "
        "(today, or the --as-of day): qualified, granted by then, not past its validity or "
        "end, under a version that still counts, and backed by the register, an official "
        "text or the company itself. Not met when the qualification recorded is in "
        "progress, announced, lapsed or superseded, or when none is recorded (none recorded "
        "is read as none held: `sovcloud schemes` says how much of ANSSI's catalogue the "
        "records cover). Unknown when the records cannot prove it: only press sources, "
        "evidence older than the validity period, no grant date before the entry was last "
        "checked, or a day inside a grant or end date known only to the month or the year.",
        _scheme_rule("secnumcloud"),
    ),
    Rule(
        "eu-office",
        "Registered office in the EU",
        "Met when the provider's country (where its registered office is) is one of the 27 "
        "EU member states; not met otherwise. This is the first condition of SecNumCloud "
        "3.2's chapter 19.6. The country is backed by the record's own sources.",
        _eu_office,
    ),
    Rule(
        "eu-owners",
        "No non-EU owner above SecNumCloud 3.2's limits",
        "SecNumCloud 3.2, chapter 19.6, allows entities based outside the EU to hold, "
        "directly or indirectly, at most 24% of a qualified provider's capital and voting "
        "rights each and 39% together. Not met when an owner holding on the day is based "
        "outside the EU and is the parent company, or holds more than 24%, or such owners "
        "hold more than 39% together; an EU owner whose own record names a non-EU parent "
        "counts as non-EU (one level up only). Unknown when no owner is recorded, when a "
        "non-EU owner's percentage is not recorded (a stake given only in words is not "
        "interpreted), or when the recorded percentages leave room for unrecorded holders "
        "to exceed the limits. Met only when even the unrecorded rest, were it held outside "
        "the EU, would stay within both limits, or when a source says the owners recorded "
        "hold all of the capital (`ownership: complete`) and none is based outside the EU; "
        "not met when such a source says one non-EU company holds it all. Voting rights "
        "and control agreements, which 19.6 also covers, are not recorded and not checked; "
        "a current SecNumCloud 3.2 qualification means ANSSI checked them. We read the "
        "limits in the 3.2.a draft as quoted by PIALab and in later texts restating them, "
        "not in ANSSI's final 3.2 "
        "document of 8 March 2022 itself.",
        _eu_owners,
        OWNERS_REFERENCES,
    ),
    Rule(
        "eu-technology",
        "No technology under licence from a non-EU company",
        "Not met (flagged) when the provider runs technology under licence from a company "
        "based outside the EU, as Bleu runs Microsoft's and S3NS Google's: the vendor's "
        "country is recorded with each licence. Met otherwise, including when no licence is "
        "recorded (the catalogue records licences its sources report). Licences carry no "
        "dates: --as-of shows them as recorded today.",
        _eu_technology,
    ),
    Rule(
        "eu-data-centres",
        "Data centres in the EU",
        "Met when every data centre recorded is in an EU member state; not met when one is "
        "outside the EU (the facts say which); unknown when none is recorded. Data centres "
        "carry no dates: --as-of shows them as recorded today.",
        _eu_data_centres,
    ),
    Rule(
        "hds",
        "HDS certification held (health data)",
        "As for SecNumCloud, with the HDS certification that French law requires of hosts "
        "of personal health data: met when held on the day, not met when in progress, "
        "lapsed or not recorded, unknown when the recorded dates cannot tell.",
        _scheme_rule("hds"),
    ),
)

RULES_INTRO = (
    "`sovcloud assess NAME` checks one provider against the rules below, using only what "
    "the catalogue records. Each criterion is met, not met or unknown, and lists the facts "
    "and the sources (publisher, title, date, link) behind the answer; nothing is guessed, "
    "so what the records do not say stays unknown. Owners are those holding on the day "
    "(today, or the day given with --as-of), as are certifications. The answers describe "
    "the records, not a legal opinion."
)


# --- assess ---------------------------------------------------------------------------------


class Criterion(NamedTuple):
    rule: Rule
    verdict: Verdict


class Assessment(NamedTuple):
    record: Record  # as it stood on `on`
    on: dt.date
    as_of: dt.date | None
    criteria: list[Criterion]
    notes: list[str]


def scheme_rule(scheme: str, lang: str = "en") -> Rule:
    """The rule "holds this scheme" for any scheme a user asks assess about."""
    name = scheme_name(scheme)
    return Rule(
        scheme,
        t("{name} held", lang, name=name),
        t(
            "Met when a {name} certification recorded for the provider is held on the day, as "
            "every command states it; not met when it is in progress, lapsed or superseded, or "
            "none is recorded; unknown when the records cannot prove it.",
            lang,
            name=name,
        ),
        _scheme_rule(scheme),
    )


def rules_in(lang: str) -> tuple[Rule, ...]:
    """The rules with their title, explanation and references' notes in `lang`."""
    return tuple(
        rule._replace(
            title=t(rule.title, lang),
            explanation=t(rule.explanation, lang),
            references=tuple(x._replace(note=t(x.note, lang)) for x in rule.references),
        )
        for rule in RULES
    )


def assess(
    index: Index,
    name: str,
    today: dt.date,
    on: dt.date | None = None,
    schemes: Iterable[str] = (),
    lang: str = "en",
) -> Assessment:
    """The provider's sovereignty profile on a day (today by default), rule by rule; with
    `schemes`, also whether it holds each of them. Titles and facts are in `lang`."""
    found = resolve(index, name, folders=("providers",))
    record = index.provider(found.id)
    if record is None:
        raise NotFoundError("no provider with id {id!r}", id=found.id)
    day = on or today
    linked = {}
    for owner in record["owners"]:
        ref = owner.get("provider")
        other = index.provider(ref) if ref else None
        if ref and other is not None:
            linked[ref] = as_of(other, day)
    notes = []
    if on is not None:
        notes.append(
            t(
                "As of {day}: owners then holding and certifications then valid. The country, "
                "licences, offers and data centres carry no dates and are shown as recorded "
                "today.",
                lang,
                day=on,
            )
        )
        if not existed(record, on):
            notes.append(
                t(
                    "Founded {founded}: it did not exist yet on {day}.",
                    lang,
                    founded=record["founded"],
                    day=on,
                )
            )
    ctx = Context(as_of(record, day), day, linked, lang)
    known = {rule.id for rule in RULES}
    extra = [
        scheme_rule(s, lang) for s in dict.fromkeys(s.lower() for s in schemes) if s not in known
    ]
    criteria = [Criterion(rule, rule.function(ctx)) for rule in (*rules_in(lang), *extra)]
    return Assessment(ctx.record, day, on, criteria, notes)


# --- match ----------------------------------------------------------------------------------


class Need(NamedTuple):
    """One requirement of a tender and where a provider stands: met, pending (in progress
    or announced), unknown (the records cannot tell) or missing."""

    requirement: str  # a scheme id, or "service:paas"
    state: str
    text: str  # "SecNumCloud: in progress (J1)", "no paas offer"
    sources: list[Record]


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
        kinds = offer_services(record)
        # Only a recorded scope can count against: a certification listing no offers
        # covers the provider as far as the records say.
        if services and all(c["offers"] for c in entries):
            covered = {k for c in entries for o in c["offers"] for k in kinds.get(o, ())}
            covered |= {k for c in entries for k in c.get("services", [])}
            uncovered = [s for s in services if s not in covered]
            if uncovered if every else len(uncovered) == len(services):
                text = t(
                    "{name}: held for {covered} offers only, not {uncovered}",
                    lang,
                    name=name,
                    covered=", ".join(sorted(covered)) or t("other", lang),
                    uncovered=", ".join(uncovered),
                )
                return Need(scheme, "missing", text, sources)
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
        words = t(str(STATUS_WORDS.get(cert["status"], cert["status"])), lang)
        milestone = f" ({cert['milestone']})" if cert.get("milestone") else ""
        text = t("{name}: {text}", lang, name=name, text=words + milestone)
        # A status says where things stood when the record was reviewed, not before.
        if on < dt.date.fromisoformat(record["last_reviewed"]):
            text = t(
                "{name}: not held on {day} (now {words})", lang, name=name, day=on, words=words
            )
            return Need(scheme, "missing", text, sources)
        return Need(scheme, "pending", text, sources)
    label = cert_label(cert, lang=lang)
    if cert.get("granted") and on < dates.first_day(cert["granted"]):
        text = t("{name}: not yet granted on {day} ({label})", lang, name=name, day=on, label=label)
    else:
        text = t("{name}: {text}", lang, name=name, text=label)
    return Need(scheme, "missing", text, sources)


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
    services = list(dict.fromkeys(tender.services))
    countries = {c.upper() for c in tender.countries}
    candidates = []
    left_out = 0
    seen_schemes: set[str] = set()
    graded = None
    if tender.seals:
        from sovcloud.sovereignty import seal_needs

        graded = seal_needs(index, tender.seals, on)
    for record in index.providers():
        seen_schemes.update(c["scheme"] for c in record["certifications"])
        if countries and record["country"] not in countries:
            continue
        if tender.as_of:
            if not existed(record, on):
                continue
        elif record["status"] in ("merged", "closed"):
            continue  # cannot answer a tender today
        needs = [_scheme_need(record, s, services, on, tender.all_services, lang) for s in schemes]
        if tender.all_services or len(services) < 2:
            needs += [_service_need(record, s, lang) for s in services]
        else:
            needs.append(_any_service_need(record, services, lang))
        if graded is not None:
            needs += graded(record)
        candidate = Candidate(record, needs)
        if not candidate.meets_all and not tender.everyone:
            if all(n.state == "missing" for n in needs):
                left_out += 1
                continue
        candidates.append(candidate)

    def rank(c: Candidate) -> tuple[float, int, str]:
        return _distance(c), len(c.lacks), fold(c.record["name"])

    ranked = sorted(candidates, key=rank)
    full = [c for c in ranked if c.meets_all]
    near = [c for c in ranked if not c.meets_all]
    more = 0 if tender.everyone else max(0, len(near) - NEAR_MISSES)
    shown = full + (near if tender.everyone else near[:NEAR_MISSES])
    unknown = [s for s in schemes if s not in seen_schemes]
    return MatchResult(shown, on, tender, left_out, unknown, more)


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


# --- changes --------------------------------------------------------------------------------

# Groups of changes, in the order they are shown.
CHANGE_GROUPS = {
    "granted": "Qualifications and certifications granted",
    "ended": "Qualifications and certifications expired or ended",
    "ownership": "Ownership changes",
    "founded": "New providers",
    "event": "Events",
    # From the data's git history: when the records themselves came, changed or went.
    "added": "What the catalogue learnt: records added",
    "revised": "What the catalogue learnt: records changed",
    "removed": "What the catalogue learnt: records removed",
    "checked": "What the catalogue learnt: entries checked against their sources",
}


class Change(NamedTuple):
    """Something that changed in the market, with where we know it from."""

    group: str  # a key of CHANGE_GROUPS
    kind: str  # for events, the event's kind; else what changed (certification, owner...)
    date: str  # at its own precision
    status: str  # happened, expected or cancelled
    providers: list[str]  # ids
    title: str
    ref: str  # the record it comes from: an event id, or a provider id
    sources: list[Record]


def _in_window(text: str | None, since: str, until: str | None) -> bool:
    """Whether a partial date may fall within [since, until], as the timeline reads it."""
    if not text:
        return False
    if dates.last_day(text) < dates.first_day(since):
        return False
    return until is None or dates.first_day(text) <= dates.last_day(until)


def _provider_changes(
    record: Record, since: str, until: str | None, today: dt.date, lang: str = "en"
) -> list[Change]:
    rid, name = record["id"], record["name"]
    out = []

    def add(group: str, kind: str, date: str, title: str, sources: list[Record]) -> None:
        status = "expected" if dates.first_day(date) > today else "happened"
        out.append(Change(group, kind, date, status, [rid], title, rid, sources))

    for cert in record["certifications"]:
        label = scheme_name(cert["scheme"]) + (f" {cert['version']}" if cert.get("version") else "")
        sources = cited(record, cert["sources"])
        qualified = cert["scheme"] == "secnumcloud"
        # {what}: the kind of entry, for the languages whose words agree with it.
        what = t("qualification" if qualified else "certification", lang)
        words = {"name": name, "label": label, "what": what}
        checked = cert.get("checked")
        if checked and _in_window(checked, since, until):
            state = t(certs.standing(cert, record, today).state, lang)
            title = t("{name}: {label} checked ({state})", lang, state=state, **words)
            add("checked", "certification", checked, title, sources)
        if _in_window(cert.get("granted"), since, until):
            title = t(
                "{name}: {label} qualified" if qualified else "{name}: {label} certified",
                lang,
                **words,
            )
            add("granted", "certification", cert["granted"], title, sources)
        if _in_window(cert.get("ended"), since, until):
            title = t(
                "{name}: {label} expired"
                if cert["status"] == "expired"
                else "{name}: {label} withdrawn"
                if cert["status"] == "withdrawn"
                else "{name}: {label} ended",
                lang,
                **words,
            )
            add("ended", "certification", cert["ended"], title, sources)
        elif _in_window(cert.get("expires"), since, until):
            future = dates.first_day(cert["expires"]) > today
            title = t(
                "{name}: {label} due to expire" if future else "{name}: {label} expired",
                lang,
                **words,
            )
            add("ended", "certification", cert["expires"], title, sources)
    for owner in record["owners"]:
        sources = cited(record, owner["sources"])
        role = t("the parent company" if owner["role"] == "parent" else "a shareholder", lang)
        stake = f" ({owner['stake']:g}%)" if owner.get("stake") is not None else ""
        who = {"name": name, "owner": owner["name"], "country": owner["country"]}
        if _in_window(owner.get("since"), since, until):
            title = t(
                "{name}: {owner} ({country}) became {role}{stake}",
                lang,
                role=role,
                stake=stake,
                **who,
            )
            add("ownership", "owner", owner["since"], title, sources)
        if _in_window(owner.get("until"), since, until):
            title = t(
                "{name}: {owner} ({country}) ceased to be {role}{stake}",
                lang,
                role=role,
                stake=stake,
                **who,
            )
            add("ownership", "owner", owner["until"], title, sources)
    if _in_window(record.get("founded"), since, until):
        title = t(
            "{name} ({kind}, {country}) announced"
            if record["status"] == "announced"
            else "{name} ({kind}, {country}) founded",
            lang,
            name=name,
            kind=t(record["kind"], lang),
            country=record["country"],
        )
        add("founded", "provider", record["founded"], title, record_sources(record))
    return out


class Learnt(NamedTuple):
    """What the catalogue learnt in a window, from the data's git history."""

    changes: list[Change]
    missing: str | None  # why the history is not known ("not a git checkout"), if it is not


def learnt(index: Index, since: str, until: str, lang: str = "en") -> Learnt:
    """The records that commits added, changed or removed between `since` and `until`
    (partial dates, both included), when the data directory is a git checkout."""
    from sovcloud.history import ADDED, REMOVED, record_changes
    from sovcloud.i18n import localized

    history = record_changes(index.data_dir, dates.first_day(since), dates.last_day(until))
    names = index.provider_names({f.id for f in history.changes if f.folder == "providers"})
    out = []
    for f in history.changes:
        kind = f.folder[:-1]
        group = {ADDED: "added", REMOVED: "removed"}.get(f.status, "revised")
        name = names.get(f.id) if f.folder == "providers" else None
        if f.folder == "events" and f.status != REMOVED:
            event = index.event(f.id)
            name = localized(event["title"], lang) if event else None
        elif f.folder == "schemes" and f.status != REMOVED:
            name = scheme_name(f.id)
        providers = [f.id] if f.folder == "providers" and f.id in names else []
        title = f"{name or f.id} ({kind})"
        out.append(Change(group, kind, f.day, "happened", providers, title, f.id, []))
    return Learnt(out, history.missing)


def changes(
    index: Index,
    since: str,
    until: str | None,
    today: dt.date,
    lang: str = "en",
    learnt: Iterable[Change] = (),
) -> list[Change]:
    """What changed between `since` and `until` (partial dates, both included), with what
    the catalogue `learnt` in that window: grouped as CHANGE_GROUPS orders them (events by
    kind), each group in date order."""
    from sovcloud.i18n import localized

    found: list[Change] = list(learnt)
    for record in index.providers():
        found += _provider_changes(record, since, until, today, lang)
    for event in index.events(since, until):
        found.append(
            Change(
                "event",
                event["kind"],
                event["date"],
                event["status"],
                list(event["providers"]),
                localized(event["title"], lang),
                event["id"],
                [_source(s) for s in event["sources"]],
            )
        )
    groups = list(CHANGE_GROUPS)

    def order(c: Change) -> tuple[Any, ...]:
        kind = c.kind if c.group == "event" else ""
        day = (dates.first_day(c.date), dates.last_day(c.date))
        return groups.index(c.group), kind, day, fold(c.title)

    return sorted(found, key=order)


# --- stale ----------------------------------------------------------------------------------


class StaleRecord(NamedTuple):
    folder: str  # providers or events
    id: str
    title: str
    last_reviewed: str
    age_days: int

    @property
    def path(self) -> str:
        """The file, relative to the data directory (the id is the file name)."""
        return f"{self.folder}/{self.id}.yaml"


def stale(index: Index, today: dt.date, max_age_days: int, lang: str = "en") -> list[StaleRecord]:
    """Records not reviewed for more than `max_age_days` (as validate's SC303 counts),
    oldest first."""
    from sovcloud.i18n import localized

    found = []
    for folder, records in (("providers", index.providers()), ("events", index.events())):
        for record in records:
            reviewed = record["last_reviewed"]
            age = (today - dt.date.fromisoformat(reviewed)).days
            if age > max_age_days:
                title = record["name"] if folder == "providers" else record["title"]
                found.append(
                    StaleRecord(folder, record["id"], localized(title, lang), reviewed, age)
                )
    return sorted(found, key=lambda s: (s.last_reviewed, s.folder != "providers", s.id))


class StaleEntry(NamedTuple):
    """A certification entry, with how old the evidence behind it is."""

    provider: str
    name: str
    position: int  # 1-based, in the record's list of certifications
    scheme: str
    standing: certs.Standing
    checked: str | None
    age_days: int | None  # since the newest source it cites; None when undated

    @property
    def path(self) -> str:
        return f"providers/{self.provider}.yaml"


def stale_entries(index: Index, today: dt.date, max_age_days: int) -> list[StaleEntry]:
    """Certification entries whose newest source is older than `max_age_days`, or that were
    never checked, oldest evidence first: what to check against the register next. A
    record's review date says nothing of how old the facts behind an entry are."""
    found = []
    for record in index.providers():
        for position, cert in enumerate(record["certifications"], 1):
            standing = certs.standing(cert, record, today)
            newest = standing.evidence_date
            age = (today - dates.last_day(newest)).days if newest else None
            if age is None or age > max_age_days or not cert.get("checked"):
                found.append(
                    StaleEntry(
                        record["id"],
                        record["name"],
                        position,
                        cert["scheme"],
                        standing,
                        cert.get("checked"),
                        age,
                    )
                )
    return sorted(found, key=lambda e: (-(e.age_days or 10**6), e.provider, e.position))
