"""The rules of `sovcloud assess`: a provider's sovereignty profile by explicit rules.

The rules are one table, RULES: each rule has an id, a title, an explanation and the function
that applies it, so that `sovcloud assess --rules` and the README section are generated from
the same table that decides. A rule says met, not met or unknown, and gives the facts and
sources behind its answer; it never reads more into the records than they say. assess.py
applies them to a provider; render/assess.py shows them. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from sovcloud.core.labels import cert_label, reason_words, scheme_name
from sovcloud.countries import EU_MEMBERS
from sovcloud.facts import (
    Context,
    Fact,
    Reference,
    cert_verdict,
    cited,
    record_sources,
    scheme_verdict,
)
from sovcloud.i18n import t

Record = dict[str, Any]

MET = "met"
NOT_MET = "not-met"
UNKNOWN = "unknown"

# SecNumCloud 3.2, chapter 19.6 b): no non-EU entity may hold, directly or indirectly, more
# than 24% of the provider's capital and voting rights, nor all of them together more than
# 39%. The references are in the rule's explanation (OWNERS_REFERENCES).
NON_EU_LIMIT_EACH = 24.0
NON_EU_LIMIT_TOGETHER = 39.0


class Verdict(NamedTuple):
    status: str  # MET, NOT_MET or UNKNOWN
    facts: list[Fact]


class Rule(NamedTuple):
    id: str
    title: str
    explanation: str
    function: Callable[[Context], Verdict]
    references: tuple[Reference, ...] = ()


def _on_that_day(state: str, on: dt.date, lang: str) -> str:
    text = {
        "held": "held on {day}",
        "pending": "not held on {day}",
        "lapsed": "not held on {day}",
        "unknown": "the recorded dates do not tell whether it was held on {day}",
    }[state]
    return t(text, lang, day=on)


# --- the rules ------------------------------------------------------------------------------


def holds_scheme(scheme: str) -> Callable[[Context], Verdict]:
    """The function of a rule "holds this scheme on the day"."""

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
    """SecNumCloud 3.2's limits on non-EU holders, in order: a non-EU holder beyond them, a
    source saying who holds all of the capital, a non-EU holding without a percentage, then
    what the recorded percentages leave to unrecorded holders."""
    record, lang = ctx.record, ctx.lang
    owners = record["owners"]
    if not owners:
        text = t("no owner is recorded as holding it on {day}", lang, day=ctx.on)
        return Verdict(UNKNOWN, [Fact(text, [])])
    facts, non_eu = _owner_facts(ctx)
    beyond = _beyond_the_limits(non_eu, lang)
    if beyond is not None:
        return Verdict(NOT_MET, [*facts, Fact(beyond, [])])
    whole = _whole_capital(record, facts, non_eu, lang)
    if whole is not None:
        return whole
    unstaked = [o["name"] for o in non_eu if o.get("stake") is None]
    if unstaked:
        why = t(
            "no percentage is recorded for the non-EU holder(s) {names}",
            lang,
            names=", ".join(unstaked),
        )
        return Verdict(UNKNOWN, [*facts, Fact(why, [])])
    status, why = _rest_of_capital(owners, non_eu, lang)
    return Verdict(status, [*facts, Fact(why, [])])


def _owner_facts(ctx: Context) -> tuple[list[Fact], list[Record]]:
    """A fact per owner holding on the day, and the owners that count as non-EU: based
    outside the EU, or in it under a non-EU parent named by their own record."""
    record, lang = ctx.record, ctx.lang
    facts = []
    non_eu: list[Record] = []
    for owner in record["owners"]:
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
    return facts, non_eu


def _beyond_the_limits(non_eu: list[Record], lang: str) -> str | None:
    """Why the recorded non-EU holdings break the limits (a non-EU parent company, one holder
    above 24%, all of them above 39%), or None when they do not."""
    parents = [o["name"] for o in non_eu if o["role"] == "parent"]
    if parents:
        return t("a non-EU parent company controls it: {names}", lang, names=", ".join(parents))
    over = [o for o in non_eu if o.get("stake") is not None and o["stake"] > NON_EU_LIMIT_EACH]
    if over:
        names = ", ".join(f"{o['name']} {o['stake']:g}%" for o in over)
        return t(
            "a non-EU holder has more than {limit}%: {names}",
            lang,
            limit=f"{NON_EU_LIMIT_EACH:g}",
            names=names,
        )
    known = sum(o["stake"] for o in non_eu if o.get("stake") is not None)
    if known > NON_EU_LIMIT_TOGETHER:
        return t(
            "non-EU holders have {known}% together, more than {limit}%",
            lang,
            known=f"{known:g}",
            limit=f"{NON_EU_LIMIT_TOGETHER:g}",
        )
    return None


def _whole_capital(
    record: Record, facts: list[Fact], non_eu: list[Record], lang: str
) -> Verdict | None:
    """The answer when a source says the owners recorded hold all of the capital (what no
    percentage says, that does): met when none is non-EU, not met when the only one is."""
    ownership = record.get("ownership")
    if not (ownership and ownership["complete"]):
        return None
    backing = cited(record, ownership["sources"])
    if not non_eu:
        text = t(
            "the owners recorded hold all of the capital, and none is based outside the EU",
            lang,
        )
        return Verdict(MET, [*facts, Fact(text, backing)])
    if len(record["owners"]) == 1:
        text = t("wholly owned by a company based outside the EU", lang)
        return Verdict(NOT_MET, [*facts, Fact(text, backing)])
    return None


def _rest_of_capital(owners: list[Record], non_eu: list[Record], lang: str) -> tuple[str, str]:
    """Every non-EU holding recorded is within the limits. Whoever holds what the recorded
    percentages leave over is not known: met only if it could not break the limits even
    if it were held outside the EU."""
    known = sum(o["stake"] for o in non_eu)
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
        return MET, t(
            "recorded percentages account for all the capital: non-EU holders have at "
            "most {largest}% each and {known}% together {limits}",
            lang,
            largest=f"{largest:g}",
            known=f"{known:g}",
            limits=limits,
        )
    if largest <= NON_EU_LIMIT_EACH and known + rest <= NON_EU_LIMIT_TOGETHER:
        return MET, t(
            "recorded percentages account for {total}% of the capital; even if the other "
            "{rest}% were held outside the EU, non-EU holdings would be at most "
            "{largest}% each and {together}% together {limits}",
            lang,
            total=f"{total:g}",
            rest=f"{rest:g}",
            largest=f"{largest:g}",
            together=f"{known + rest:g}",
            limits=limits,
        )
    words = [o["name"] for o in owners if o.get("stake") is None]
    return UNKNOWN, (
        t("recorded percentages account for {total}% of the capital", lang, total=f"{total:g}")
        + (t("; none is recorded for {names}", lang, names=", ".join(words)) if words else "")
        + t(
            ": the other {rest}% might be held outside the EU, beyond the limits {limits}",
            lang,
            rest=f"{rest:g}",
            limits=limits,
        )
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
        holds_scheme("secnumcloud"),
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
        holds_scheme("hds"),
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
        holds_scheme(scheme),
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
