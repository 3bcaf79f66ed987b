"""What the records say toward a sovereignty framework's criteria, and the answer they give.

For each criterion of the EU Cloud Sovereignty Framework (data/frameworks/eu-csf.yaml), the
records leave a set of possible answers: all of them when they say nothing. Two things narrow
it, each with the facts and sources behind it:

- RULES: facts the catalogue already records, read the same way for every provider (a non-EU
  parent company, a SecNumCloud 3.2 qualification held on the day, technology licensed from a
  non-EU company, a data centre outside the EU). Each rule says which answers it leaves for
  which criteria, and why; `sovcloud assess --rules --framework eu-csf` and the README print
  them from this table.
- a provider's `sovereignty:` answers: what a source says toward one criterion (who holds the
  keys, where the support staff are), with the answers it supports.

core/framework.py then applies the framework's own rules (lowest SEAL, weighted score) to
those sets. Functions here take the index and return result types that render/framework.py
shows; they never print. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.core import framework as rules_
from sovcloud.core.labels import cert_label
from sovcloud.countries import EEA_MEMBERS
from sovcloud.errors import Finding, NotFoundError
from sovcloud.i18n import localized
from sovcloud.insight import Context, Fact, Need, Reference, cert_verdict, cited, record_sources
from sovcloud.query import as_of, existed, resolve

if TYPE_CHECKING:
    from pathlib import Path

    from sovcloud.index import Index

Record = dict[str, Any]

DEFAULT_FRAMEWORK = "eu-csf"


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
        "every command judges it), and then describes the qualified offer. Its chapter 19.6 "
        "requires a registered office in the EU, non-EU holders of at most 24% each and 39% "
        "together with no veto and no power to appoint most of the boards, and continuous "
        "operating autonomy from third parties; its chapter 19.2 requires customer and "
        "technical data to be stored and processed in the EU, and administration and "
        "supervision from the EU. So SOV-1.1 is largely or wholly inside the EU (SEAL-3 to "
        "4), SOV-1.8 at least able to turn to other suppliers (SEAL-2 to 4), SOV-2.2 at least "
        "shielded by legal structures (SEAL-2 to 4), SOV-3.4 all data in the EU (SEAL-4), and "
        "SOV-4.2 not run by non-EU teams (SEAL-1 to 4). Entries recorded without a version "
        "are not read as 3.2.",
        {
            "sov-1-1": (3, 4),
            "sov-1-8": (4, 5),
            "sov-2-2": (4, 5),
            "sov-3-4": (5,),
            "sov-4-2": (2, 3, 4, 5),
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


# --- assess -------------------------------------------------------------------------------


class Evidence(NamedTuple):
    """Why a criterion's answers are narrowed: a rule or a sourced answer, with its facts."""

    by: str  # a rule id, or "recorded"
    title: str
    answers: tuple[int, ...]
    facts: list[Fact]


class CriterionAnswer(NamedTuple):
    criterion: Record
    range: rules_.CriterionRange
    evidence: list[Evidence]
    conflict: bool  # the evidence rules out every answer: the records disagree


class FrameworkAssessment(NamedTuple):
    record: Record  # as it stood on `on`
    framework: Record
    on: dt.date
    as_of: dt.date | None
    judgement: rules_.Judgement
    answers: dict[str, CriterionAnswer]
    notes: list[str]

    def counts(self) -> dict[str, int]:
        """How many criteria the records settle, narrow, or leave unknown."""
        states = [a.range.state for a in self.answers.values()]
        return {s: states.count(s) for s in ("settled", "narrowed", "unknown")}


def load_framework(index: Index, framework_id: str) -> Record:
    found = index.framework(framework_id)
    if found is None:
        known = [f"{f['id']} ({f['name']})" for f in index.frameworks()]
        raise NotFoundError(
            "no framework {id!r} in the data (frameworks/{id}.yaml); --framework takes "
            "secnumcloud (the default rules) or one of these",
            known,
            id=framework_id,
        )
    return found


def context(index: Index, record: Record, on: dt.date) -> Context:
    """The provider as it stood on `on`, with its owners' records as they stood then."""
    linked = {}
    for owner in record["owners"]:
        ref = owner.get("provider")
        other = index.provider(ref) if ref else None
        if ref and other is not None:
            linked[ref] = as_of(other, on)
    return Context(as_of(record, on), on, linked)


def _answer_start(item: Record, record: Record) -> str | None:
    """From when a sourced answer is known: its `since`, else its earliest source's date."""
    if item.get("since"):
        return str(item["since"])
    days = [s["date"] for s in record["sources"] if s.get("id") in set(item["sources"])]
    return min(days, key=dates.first_day) if days else None


def recorded_answers(
    record: Record, criteria: dict[str, Record], on: dt.date
) -> tuple[dict[str, list[Evidence]], list[str]]:
    """The provider's sourced answers that hold on `on`, by criterion, and notes on those
    that name no criterion of the framework or an answer it does not offer."""
    found: dict[str, list[Evidence]] = {}
    notes = []
    for position, item in enumerate(record["sovereignty"], 1):
        criterion = criteria.get(item["criterion"])
        if criterion is None:
            notes.append(
                f"providers/{record['id']}.yaml: sovereignty answer {position} names criterion "
                f"{item['criterion']}, which the framework does not have: it is left out"
            )
            continue
        offered = len(criterion["rungs"])
        if any(n > offered for n in item["answers"]):
            notes.append(
                f"providers/{record['id']}.yaml: sovereignty answer {position} gives an answer "
                f"beyond the {offered} that {item['criterion']} offers: it is left out"
            )
            continue
        start = _answer_start(item, record)
        if start and dates.last_day(start) > on:
            continue
        if item.get("until") and on >= dates.first_day(item["until"]):
            continue
        text = localized(item["note"], "en")
        if item["offers"]:
            names = {o["id"]: o["name"] for o in record["offers"]}
            text += " (offer: " + ", ".join(names.get(o, o) for o in item["offers"]) + ")"
        found.setdefault(item["criterion"], []).append(
            Evidence(
                "recorded",
                "Sourced answer",
                tuple(sorted(item["answers"])),
                [Fact(text, cited(record, item["sources"]))],
            )
        )
    return found, notes


def evidence_for(ctx: Context, framework: Record) -> tuple[dict[str, list[Evidence]], list[str]]:
    """Every piece of evidence the records give toward the framework's criteria."""
    criteria = rules_.criteria(framework)
    found, notes = recorded_answers(ctx.record, criteria, ctx.on)
    for rule in RULES:
        facts = rule.applies(ctx)
        if facts is None:
            continue
        for criterion_id, answers in rule.answers.items():
            if criterion_id in criteria:
                found.setdefault(criterion_id, []).append(
                    Evidence(rule.id, rule.title, answers, facts)
                )
    return found, notes


def answer(criterion: Record, evidence: list[Evidence]) -> CriterionAnswer:
    """The answers left once every piece of evidence is taken into account. When they rule
    out every answer, the records disagree: all the answers any of them allows stay open."""
    every = frozenset(range(1, len(criterion["rungs"]) + 1))
    left = every
    for item in evidence:
        left &= frozenset(item.answers)
    conflict = bool(evidence) and not left
    if conflict:
        left = frozenset(n for item in evidence for n in item.answers)
    return CriterionAnswer(criterion, rules_.criterion_range(criterion, left), evidence, conflict)


def grade(
    index: Index, framework: Record, record: Record, on: dt.date, chosen: Record
) -> tuple[Context, rules_.Judgement, dict[str, CriterionAnswer], list[str]]:
    """The framework applied to one provider on a day: its context, the judgement, each
    criterion's answer, and notes on sourced answers left out."""
    ctx = context(index, record, on)
    evidence, notes = evidence_for(ctx, framework)
    answers = {
        cid: answer(criterion, evidence.get(cid, []))
        for cid, criterion in rules_.criteria(framework).items()
    }
    possible = {cid: frozenset(a.range.rungs) for cid, a in answers.items()}
    return ctx, rules_.judge(framework, chosen, possible), answers, notes


def assess_framework(
    index: Index,
    name: str,
    today: dt.date,
    on: dt.date | None = None,
    framework_id: str = DEFAULT_FRAMEWORK,
    version_name: str | None = None,
) -> FrameworkAssessment:
    """The provider graded against the framework on a day (today by default)."""
    framework = load_framework(index, framework_id)
    found = resolve(index, name, folders=("providers",))
    record = index.provider(found.id)
    if record is None:
        raise NotFoundError("no provider with id {id!r}", id=found.id)
    day = on or today
    chosen = chosen_version(framework, version_name, day)
    ctx, judgement, answers, notes = grade(index, framework, record, day, chosen)
    if on is not None:
        notes.insert(
            0,
            f"As of {on}: owners and certifications then holding, and sourced answers known "
            "by then. Licences and data centres carry no dates and are shown as recorded today.",
        )
        if not existed(record, on):
            notes.append(f"Founded {record['founded']}: it did not exist yet on {on}.")
    if dates.last_day(chosen["published"]) > day:
        notes.append(
            f"Version {chosen['version']} of the framework was published {chosen['published']}, "
            f"after {day}: its weights are applied to the records of that day all the same."
        )
    conflicts = [label(cid) for cid, a in answers.items() if a.conflict]
    if conflicts:
        notes.append(
            "The records disagree on " + ", ".join(conflicts) + ": every answer one of them "
            "allows stays open."
        )
    return FrameworkAssessment(ctx.record, framework, day, on, judgement, answers, notes)


def chosen_version(framework: Record, name: str | None, on: dt.date) -> Record:
    """The framework version asked for, or the latest published by `on`."""
    try:
        return rules_.version(framework, name, on)
    except KeyError as exc:
        raise NotFoundError(str(exc.args[0])) from None


def answer_findings(index: Index, data_dir: Path) -> list[Finding]:
    """For validate: SC203 for a provider's sovereignty answer naming a criterion no
    framework in frameworks/ defines, SC103 for one giving an answer beyond those its
    criterion offers. Nothing to check when the data has no frameworks."""
    import difflib

    from sovcloud.yamlparse import ParseError, parse

    criteria: dict[str, Record] = {}
    for framework in index.frameworks():
        criteria.update(rules_.criteria(framework))
    if not criteria:
        return []
    found = []
    for record in index.providers():
        problems = []
        for position, item in enumerate(record["sovereignty"]):
            criterion = criteria.get(item["criterion"])
            if criterion is None:
                close = difflib.get_close_matches(item["criterion"], list(criteria), n=1)
                hint = f"did you mean `{close[0]}`? " if close else ""
                problems.append(
                    (
                        position,
                        "SC203",
                        f"sovereignty answer {position + 1} names criterion "
                        f"`{item['criterion']}`, which no framework in frameworks/ defines: "
                        f"{hint}`sovcloud assess --rules --framework eu-csf` lists them",
                    )
                )
            elif max(item["answers"]) > len(criterion["rungs"]):
                problems.append(
                    (
                        position,
                        "SC103",
                        f"`answers` of sovereignty answer {position + 1} go beyond the "
                        f"{len(criterion['rungs'])} answers that `{item['criterion']}` offers: "
                        "number them from 1 in the framework's order",
                    )
                )
        if not problems:
            continue
        path = data_dir / "providers" / f"{record['id']}.yaml"
        try:
            line_of = parse(path.read_text(encoding="utf-8")).line_of
        except (OSError, ValueError, ParseError):  # changed since it was read: its first line
            line_of = None
        for position, code, message in problems:
            line = line_of(("sovereignty", position, "criterion")) if line_of else 1
            found.append(Finding(str(path), line, code, message))
    return found


# --- match ----------------------------------------------------------------------------------


class SealRequirement(NamedTuple):
    """A minimum SEAL for one objective, as a tender sets it: `sov-2:3`."""

    objective: str
    level: int

    @property
    def text(self) -> str:
        return f"{self.objective}:{self.level}"


def label(criterion_id: str) -> str:
    """'SOV-4.4' for sov-4-4; 'SOV-2' for sov-2."""
    if criterion_id.count("-") >= 2:
        head, _, number = criterion_id.rpartition("-")
        return f"{head.upper()}.{number}"
    return criterion_id.upper()


def title(criterion: Record) -> str:
    return localized(criterion["title"], "en")


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
