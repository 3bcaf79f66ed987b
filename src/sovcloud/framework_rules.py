"""What the records already say toward a sovereignty framework's criteria, read the same way
for every provider.

For each criterion of the EU Cloud Sovereignty Framework (data/frameworks/eu-csf.yaml), the
records leave a set of possible answers: all of them when they say nothing. RULES narrow it
from facts the catalogue already records (a non-EU parent company, a SecNumCloud 3.2
qualification held on the day, technology licensed from a non-EU company, a data centre
outside the EU): each rule says which answers it leaves for which criteria, and why;
`sovcloud assess --rules --framework eu-csf` and the README print them from this table.
framework_assess.py adds a provider's own `sovereignty:` answers and grades it. Standard
library only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from sovcloud.core.labels import cert_label
from sovcloud.countries import EEA_MEMBERS
from sovcloud.facts import Context, Fact, Reference, cert_verdict, cited, record_sources

Record = dict[str, Any]

# --- the rules: facts already recorded, read the same way for every provider ---------------


class Rule(NamedTuple):
    """When the records show something, these criteria can only take these answers."""

    id: str
    title: str
    explanation: str
    answers: dict[str, tuple[int, ...]]  # criterion id -> the answers left, numbered from 1
    applies: Callable[[Context], list[Fact] | None]  # the facts when it applies
    references: tuple[Reference, ...] = ()


def _in_eea(country: str) -> bool:
    return country in EEA_MEMBERS


def _parents(ctx: Context) -> list[tuple[Record, Record]]:
    """The parent companies holding the provider on the day, with the record citing each:
    its own, and one level up, its parent's record when it has one."""
    found = []
    for owner in ctx.record["owners"]:
        if owner["role"] != "parent":
            continue
        found.append((owner, ctx.record))
        linked = ctx.linked.get(owner.get("provider") or "")
        if linked is not None:
            found += [(o, linked) for o in linked["owners"] if o["role"] == "parent"]
    return found


def _owner_fact(owner: Record, record: Record, via: str = "") -> Fact:
    return Fact(
        f"{owner['name']} ({owner['country']}) is the parent company" + via,
        cited(record, owner["sources"]),
    )


def _non_eu_control(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    facts = []
    for owner, cites in _parents(ctx):
        if not _in_eea(owner["country"]):
            via = "" if cites is record else f" of its parent {cites['name']}"
            facts.append(_owner_fact(owner, cites, via))
    eu_parent = any(_in_eea(o["country"]) for o, c in _parents(ctx) if c is record)
    if not _in_eea(record["country"]) and not eu_parent:
        facts.insert(
            0,
            Fact(
                f"registered office in {record['country']}, outside the EU/EEA",
                record_sources(record),
            ),
        )
    return facts or None


def _office_outside(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    if _in_eea(record["country"]):
        return None
    return [
        Fact(
            f"registered office in {record['country']}, outside the EU/EEA",
            record_sources(record),
        )
    ]


def _us_control(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    facts = []
    if record["country"] == "US":
        facts.append(Fact("registered office in the United States", record_sources(record)))
    for owner, cites in _parents(ctx):
        if owner["country"] == "US":
            via = "" if cites is record else f" of its parent {cites['name']}"
            facts.append(_owner_fact(owner, cites, via))
    return facts or None


def _eu_owned(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    ownership = record.get("ownership")
    if not _in_eea(record["country"]) or not ownership or not ownership["complete"]:
        return None
    if not record["owners"] or any(not _in_eea(o["country"]) for o in record["owners"]):
        return None
    if any(not _in_eea(o["country"]) for o, _ in _parents(ctx)):
        return None
    facts = [
        Fact(f"{o['name']} ({o['country']}) holds a stake", cited(record, o["sources"]))
        for o in record["owners"]
    ]
    facts.append(
        Fact(
            f"registered office in {record['country']}; a source says these owners hold all "
            "of the capital",
            cited(record, ownership["sources"]),
        )
    )
    return facts


def _eu_parent(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    if not _in_eea(record["country"]):
        return None
    parents = _parents(ctx)
    if not parents or any(not _in_eea(o["country"]) for o, _ in parents):
        return None
    return [_owner_fact(o, c) for o, c in parents if c is record]


def _secnumcloud_32(ctx: Context) -> list[Fact] | None:
    record, on = ctx.record, ctx.on
    facts = []
    for cert in record["certifications"]:
        if cert["scheme"] != "secnumcloud" or cert.get("version") != "3.2":
            continue
        if cert_verdict(cert, on, record)[0] != "held":
            continue
        offers = {o["id"]: o["name"] for o in record["offers"]}
        named = ", ".join(offers.get(o, o) for o in cert["offers"])
        facts.append(
            Fact(
                f"SecNumCloud {cert_label(cert)}, held on {on}"
                + (f"; for {named}: these answers describe that offer" if named else ""),
                cited(record, cert["sources"]),
            )
        )
    return facts or None


def _non_eu_licence(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    facts = [
        Fact(
            f"runs {x['vendor']}'s technology ({x['country']}) under licence: {x['technology']}",
            cited(record, x["sources"]),
        )
        for x in record["licensed_technology"]
        if not _in_eea(x["country"])
    ]
    return facts or None


def _centre_outside(ctx: Context) -> list[Fact] | None:
    record = ctx.record
    facts = [
        Fact(
            f"data centre in {d['location']} ({d['country']}), outside the EU/EEA",
            cited(record, d["sources"]),
        )
        for d in record["data_centres"]
        if not _in_eea(d["country"])
    ]
    return facts or None


SECNUMCLOUD_REFERENCES = (
    Reference(
        "ANSSI (quoted in public research notes)",
        "SecNumCloud, référentiel d'exigences, version 3.2 of 8 March 2022, chapters 19.2 and 19.6",
        "2022-03-08",
        "https://cyber.gouv.fr/sites/default/files/document/secnumcloud-referentiel-exigences-v3.2.pdf",
        "read as quoted word for word in research notes of 29 July 2026 comparing Italy's ACN "
        "regulation 21007/24 with SecNumCloud 3.2 (a public code repository), not in ANSSI's "
        "PDF itself: 19.2 b) and d) customer data and technical data stored and processed in "
        "the EU, c) administration and supervision from the EU; 19.6 a) registered office, "
        "central administration and main establishment in the EU, b) non-EU entities at most "
        "24% each and 39% together, with no veto and no power to appoint most of the boards, "
        "c) no non-EU third party may technically obtain the data, d) continuous operating "
        "autonomy from third parties",
    ),
    Reference(
        "ANSSI, as transcribed by intuitem (CISO Assistant library, a public code repository)",
        "SecNumCloud, référentiel d'exigences, version 3.2 of 8 March 2022: chapters 5.3, "
        "9.7, 11.9, 12.5, 12.6, 15.2, 16.1, 16.2, 19.1, 19.2, 19.4 and 19.6",
        "2022-03-08",
        "https://github.com/intuitem/ciso-assistant-community/blob/"
        "496d35463dc516f77267add494f6b4281cd65177/backend/library/libraries/secnumcloud-3.2.yaml",
        "a machine transcription of ANSSI's PDF, read in full on 30 November 2026; its 19.2 "
        "and 19.6 match word for word the research notes' quotations of the PDF; page numbers "
        "are not kept, so chapters and letters are cited",
    ),
)

CLOUD_ACT_REFERENCES = (
    Reference(
        "TechInformed",
        "AWS launches EU-only cloud as data sovereignty requirements and enforcement activity "
        "expand",
        "2025-04",
        "https://techinformed.com/aws-launches-eu-only-cloud-as-data-sovereignty-requirements-and-enforcement-activity-expand",
        "undated in our copy, dated to the latest date it mentions; reports the US Justice "
        "Department's reading of the CLOUD Act: providers subject to US jurisdiction can be "
        "compelled to disclose data answering valid US legal process wherever it is stored",
    ),
    Reference(
        "Fabrice Monnier (Substack)",
        "AWS European Sovereign Cloud: Marketing or True Sovereignty?",
        "2026-01",
        "https://fabricemonnier.substack.com/p/aws-european-sovereign-cloud-marketing",
        "undated in our copy, written days after the region went live in January 2026; says "
        "the CLOUD Act (2018) obliges US companies to hand over data in their possession, "
        "custody or control wherever it is stored",
    ),
)

RULES: tuple[Rule, ...] = (
    Rule(
        "non-eu-control",
        "Controlled from outside the EU/EEA",
        "Applies when a parent company holding the provider on the day is based outside the "
        "EU/EEA (its own parent counts too, one level up), or when its registered office is "
        "outside the EU/EEA and no EU parent is recorded. The final decisions are then taken "
        "outside the EU: SOV-1.1 can only be wholly or largely outside the EU (SEAL-1).",
        {"sov-1-1": (1, 2)},
        _non_eu_control,
    ),
    Rule(
        "office-outside-eu",
        "Registered office outside the EU/EEA",
        "Applies when the provider's registered office is outside the EU/EEA: its operations "
        "are governed at least in part by that country's law, so SOV-2.1 can only be non-EU "
        "law or EU and non-EU law (SEAL-1).",
        {"sov-2-1": (1, 2)},
        _office_outside,
    ),
    Rule(
        "us-control",
        "Under US jurisdiction (CLOUD Act)",
        "Applies when the registered office is in the United States or a US parent company "
        "holds the provider on the day (directly or one level up). The US CLOUD Act lets US "
        "authorities compel a provider under US jurisdiction to hand over data in its "
        "possession or control wherever it is stored. SOV-2.2 then cannot reach legal "
        "shielding or immunity (at best an EU subsidiary with contractual protection, "
        "SEAL-1), and SOV-2.3 cannot be that the provider always refuses such requests "
        "(SEAL-1).",
        {"sov-2-2": (1, 2, 3), "sov-2-3": (1, 2, 3, 4)},
        _us_control,
        CLOUD_ACT_REFERENCES,
    ),
    Rule(
        "eu-owned",
        "Wholly owned in the EU/EEA",
        "Applies when the registered office is in the EU/EEA, a source says the owners "
        "recorded hold all of the capital (`ownership: complete`), and none of them, nor a "
        "parent of theirs, is based outside the EU/EEA. Control is then wholly inside the "
        "EU: SOV-1.1 is answered at its top (SEAL-4). Licences, contracts and voting "
        "agreements are not weighed here.",
        {"sov-1-1": (4,)},
        _eu_owned,
    ),
    Rule(
        "eu-parent",
        "Controlled by an EU/EEA parent company",
        "Applies when the registered office is in the EU/EEA and the parent companies "
        "holding the provider on the day are all based in the EU/EEA (their own parents too, "
        "one level up). The final decisions are then taken largely or wholly inside the EU: "
        "SOV-1.1 is at SEAL-3 or 4. Minority holders outside the EU, licences and contracts "
        "are not weighed here.",
        {"sov-1-1": (3, 4)},
        _eu_parent,
    ),
    Rule(
        "secnumcloud-3-2",
        "SecNumCloud 3.2 qualification held",
        "Applies when a SecNumCloud qualification under version 3.2 is held on the day (as "
        "every command judges it), and then describes the qualified offer, whose every "
        "mandatory requirement ANSSI checked. Chapter 19.6 requires a registered office in "
        "the EU, non-EU holders of at most 24% each and 39% together with no veto and no "
        "power to appoint most of the boards, and that any non-EU-controlled third party the "
        "service relies on leave the provider able to go on alone or with two other "
        "suppliers: SOV-1.1 is largely or wholly inside the EU (SEAL-3 to 4), SOV-1.8 and "
        "SOV-4.6 at least able to turn to other suppliers (SEAL-2 to 4 and SEAL-3 to 4), "
        "SOV-2.2 at least shielded by legal structures (SEAL-2 to 4; 5.3 expects residual "
        "risks to be listed, so immunity is not implied). Chapter 19.1 requires a service "
        "agreement under the law of an EU member state (SOV-2.1 not non-EU law only), a "
        "reversibility clause with documented export formats or interfaces (SOV-4.1 at "
        "least standard documented export, SEAL-4), and lets ANSSI, the qualification body "
        "and a qualified auditor audit the service (SOV-7.7 not the vendor alone). Chapter "
        "19.2 keeps customer data, technical data and backups (12.5) in the EU and "
        "administration and supervision there, but 19.2 e and 9.7 allow support from outside "
        "the EU, reaching customer data only with the customer's consent through a "
        "supervised gateway: SOV-3.4 is all in the EU or in the EU with tightly controlled "
        "exceptions (SEAL-1 to 4), SOV-4.2 not run by non-EU teams (SEAL-1 to 4). Security "
        "events are logged, kept six months and given to the customer on request (12.6): "
        "SOV-3.2 and SOV-7.4 not without logs (SEAL-1 to 4). Data is securely erased at the "
        "end of the contract (19.4, 11.9): SOV-3.3 not unguaranteed (SEAL-1 to 4). Incidents "
        "are told to customers without delay under set procedures and reported as the law "
        "requires (16.1, 16.2): SOV-7.5 at least GDPR/NIS2 procedures (SEAL-2 to 4). Third "
        "parties taking part in the service sign audit clauses for the qualification body "
        "(15.2): SOV-5.7 not no supplier auditable. Entries recorded without a version are "
        "not read as 3.2.",
        {
            "sov-1-1": (3, 4),
            "sov-1-8": (4, 5),
            "sov-2-1": (2, 3),
            "sov-2-2": (4, 5),
            "sov-3-2": (2, 3, 4, 5),
            "sov-3-3": (2, 3, 4, 5),
            "sov-3-4": (4, 5),
            "sov-4-1": (3, 4, 5),
            "sov-4-2": (2, 3, 4, 5),
            "sov-4-6": (4, 5),
            "sov-5-7": (2, 3, 4, 5),
            "sov-7-4": (2, 3, 4, 5),
            "sov-7-5": (3, 4, 5),
            "sov-7-7": (2, 3, 4, 5),
        },
        _secnumcloud_32,
        SECNUMCLOUD_REFERENCES,
    ),
    Rule(
        "non-eu-licence",
        "Runs a non-EU company's technology under licence",
        "Applies when the provider runs technology licensed from a company based outside the "
        "EU/EEA (the vendor's country is recorded with each licence), as Bleu runs "
        "Microsoft's and S3NS Google's. That company creates and holds the intellectual "
        "property and writes the software: SOV-2.5 is wholly or largely outside the EU, "
        "SOV-2.6 under non-EU or mixed law (SEAL-3), SOV-5.4 software of foreign origin "
        "(SEAL-0 to 2), and SOV-5.6 relies on a non-EU vendor for a critical service "
        "(SEAL-1 to 2). Licences carry no dates: --as-of shows them as recorded today.",
        {
            "sov-2-5": (1, 2),
            "sov-2-6": (1, 2, 3),
            "sov-5-4": (1, 2),
            "sov-5-6": (1, 2, 3),
        },
        _non_eu_licence,
    ),
    Rule(
        "centre-outside-eu",
        "A data centre outside the EU/EEA",
        "Applies when a data centre recorded for the provider is outside the EU/EEA: its data "
        "cannot then be said to stay only in the EU with no fallback abroad, so SOV-3.4 stays "
        "below its top answer (SEAL-0 to 1). Data centres carry no dates: --as-of shows them "
        "as recorded today.",
        {"sov-3-4": (1, 2, 3, 4)},
        _centre_outside,
    ),
)

INTRO = (
    "`sovcloud assess NAME --framework eu-csf` grades a provider against the European "
    "Commission's Cloud Sovereignty Framework, using only what the catalogue records: it "
    "describes public records, not an audit, and a SEAL shown here is not one the Commission "
    "or the provider gave. For each of the 48 criteria, the records leave some answers "
    "possible: all of them when they say nothing. The rules below, and the answers a "
    "provider's record sources in its `sovereignty:` section, rule out the others, each "
    "with its facts and numbered sources. The framework's own rules then give each "
    "objective the lowest SEAL its answers allow, the whole the lowest SEAL of its "
    "objectives, and a Sovereignty Score; where answers stay open, the SEAL and the score "
    "are shown as the range they leave, with the criterion that caps each objective and "
    "those that could still lower it. Owners and certifications are those of the day "
    "(today, or --as-of), as are sourced answers, which count from their `since` or their "
    "earliest source."
)
