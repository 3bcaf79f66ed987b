"""Write a synthetic data directory: valid records with their references intact.

    python benchmarks/generate.py OUT_DIR --providers 10000 --events 100000

The records look like real ones (owners, offers, certifications of several schemes, sourced
events naming one to three providers), so that every check and query does its real work.
One provider keeps the id `numspot`, so that `show numspot` means the same at every size.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SCHEMES = ["secnumcloud", "hds", "iso-27001", "bsi-c5", "iso-27017"]
KINDS = ["cloud-provider", "hosting", "integrator", "joint-venture", "software-vendor"]
COUNTRIES = ["FR", "DE", "IT", "ES", "NL", "BE", "US", "FI", "PL", "LU"]
EVENT_KINDS = ["certification", "contract", "partnership", "announcement", "report", "tender"]
TAGS = ["secnumcloud", "hds", "health-data-hub", "cloud-de-confiance", "eucs", "gaia-x"]


def provider_yaml(id_: str, name: str, rng: random.Random) -> str:
    year = rng.randint(1995, 2024)
    certs = []
    for scheme in rng.sample(SCHEMES, rng.randint(0, 3)):
        status = rng.choice(["qualified", "certified", "in-progress", "expired"])
        granted = f"{rng.randint(2016, 2025)}-{rng.randint(1, 12):02d}"
        lines = [f"  - scheme: {scheme}", f"    status: {status}"]
        if status != "in-progress":
            lines.append(f"    granted: {granted}")
        if status == "expired":
            lines.append(f"    ended: {int(granted[:4]) + 1}")
        lines.append("    sources: [register]")
        certs.append("\n".join(lines))
    owner_country = rng.choice(COUNTRIES)
    return f"""# yaml-language-server: $schema=../../schemas/provider.schema.json
id: {id_}
name: {name}
aliases: [{name} Cloud, {name.upper()} SAS]
kind: {rng.choice(KINDS)}
country: {rng.choice(COUNTRIES)}
headquarters: City {rng.randint(1, 500)}
founded: {year}
status: active
website: https://{id_}.example.com
description: >-
  Synthetic provider {name} for benchmarks, offering infrastructure and platform services
  from data centres in Europe since {year}.
owners:
  - name: Holding {rng.randint(1, 3000)}
    country: {owner_country}
    stake: {rng.randint(5, 100)}
    since: {year}
    sources: [company]
offers:
  - id: iaas
    name: {name} IaaS
    service: iaas
  - id: paas
    name: {name} PaaS
    service: paas
data_centres:
  - location: City {rng.randint(1, 500)}
    country: {rng.choice(COUNTRIES)}
certifications:
{chr(10).join(certs) if certs else "  []"}
sources:
  - id: register
    publisher: Certifying body
    title: Register of {name}
    date: 2025-06
    url: https://register.example.org/{id_}
    type: register
  - id: company
    publisher: {name}
    title: About {name}
    date: 2025
    type: company
last_reviewed: 2026-10-01
""".replace("certifications:\n  []", "certifications: []")


def event_yaml(id_: str, date: str, providers: list[str], rng: random.Random) -> str:
    tags = ", ".join(rng.sample(TAGS, rng.randint(1, 2)))
    return f"""# yaml-language-server: $schema=../../schemas/event.schema.json
id: {id_}
date: {date}
kind: {rng.choice(EVENT_KINDS)}
title: Synthetic event {id_} about {", ".join(providers)}
summary: >-
  A synthetic event for benchmarks in which {" and ".join(providers)} took part; it carries
  enough text to make searching and parsing do real work.
providers: [{", ".join(providers)}]
actors: [Agency {rng.randint(1, 50)}, Minister {rng.randint(1, 20)}]
tags: [{tags}]
sources:
  - publisher: Press {rng.randint(1, 40)}
    title: Report on {id_}
    date: {date}
    url: https://press.example.org/{id_}
    type: press
last_reviewed: 2026-10-01
"""


def generate(out: Path, providers: int, events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    (out / "providers").mkdir(parents=True, exist_ok=True)
    (out / "events").mkdir(parents=True, exist_ok=True)
    ids = ["numspot"] + [f"provider-{i:05d}" for i in range(1, providers)]
    for i, id_ in enumerate(ids):
        name = "NumSpot" if id_ == "numspot" else f"Provider {i:05d}"
        (out / "providers" / f"{id_}.yaml").write_text(provider_yaml(id_, name, rng))
    for i in range(events):
        year = rng.randint(2009, 2026)
        precision = rng.random()
        if precision < 0.1:
            date = f"{year}"
        elif precision < 0.3:
            date = f"{year}-{rng.randint(1, 12):02d}"
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if (year, date) > (2026, "2026-11"):
            date = "2025"
        id_ = f"{date}-event-{i:06d}"
        named = rng.sample(ids, rng.randint(1, 3))
        (out / "events" / f"{id_}.yaml").write_text(event_yaml(id_, date, named, rng))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--providers", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    generate(args.out, args.providers, args.events)


if __name__ == "__main__":
    main()
