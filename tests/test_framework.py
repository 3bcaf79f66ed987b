"""assess --framework eu-csf and match --require sov-N:L, on cases whose answer is known.

The framework is the shipped data/frameworks/eu-csf.yaml, copied into a private copy of the
test catalogue; providers are written for each case.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run
from sovcloud.core import framework as rules_
from sovcloud.framework_rules import RULES

FRAMEWORK = REPO / "data" / "frameworks" / "eu-csf.yaml"


@pytest.fixture
def data(data_dir: Path) -> Path:
    """The test catalogue with the EU Cloud Sovereignty Framework."""
    (data_dir / "frameworks").mkdir()
    shutil.copy(FRAMEWORK, data_dir / "frameworks" / "eu-csf.yaml")
    return data_dir


def write_provider(data: Path, id_: str, body: str, country: str = "FR") -> None:
    """A provider with the fields every record needs; `body` for the rest. Its source s1 is
    dated 2024, s2 2026-03."""
    (data / "providers" / f"{id_}.yaml").write_text(
        f"id: {id_}\nname: {id_.title()}\nkind: cloud-provider\ncountry: {country}\n"
        f"status: active\ndescription: Test provider.\n{body}"
        "sources:\n"
        "  - id: s1\n    publisher: Test Press\n    title: Facts\n    date: 2024\n"
        "    url: https://press.example.com/facts\n    type: press\n"
        "  - id: s2\n    publisher: Test Company\n    title: Later facts\n    date: 2026-03\n"
        "    url: https://company.example.com/later\n    type: company\n"
        "last_reviewed: 2026-11-01\n",
        encoding="utf-8",
    )


def answer(criterion: str, answers: str, *extra: str, sources: str = "s1") -> str:
    out = f"  - criterion: {criterion}\n    answers: [{answers}]\n    sources: [{sources}]\n"
    out += "".join(f"    {line}\n" for line in extra)
    return out + "    note: {en: What the source says., fr: Ce que dit la source.}\n"


def assess(data: Path, name: str, *args: str) -> dict:
    result = run("assess", name, "--framework", "eu-csf", "--data", str(data), "-f", "json", *args)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def objectives(document: dict) -> dict[str, dict]:
    return {o["id"]: o for o in document["objectives"]}


US_PARENT = "owners:\n  - name: Megacorp\n    country: US\n    role: parent\n    sources: [s1]\n"


# --- the hand check ------------------------------------------------------------------------


def test_a_providers_result_checked_by_hand_against_the_frameworks_own_rules(data: Path) -> None:
    """A US company whose keys only its customers hold (SOV-3.1, answer 5) and whose PUE is
    under 1.3 (SOV-8.1, answer 4); nothing else recorded. By the framework's rules and the
    calculator's points (data/frameworks/eu-csf.yaml):

    SOV-1: SOV-1.1 can only be answer 1 or 2 (non-EU control): SEAL-1, 0 to 41.67 points; the
      others are unknown: 1.2, 1.4-1.7 always SEAL-4, 1.3 SEAL-2..4, 1.8 SEAL-0..4. The
      objective reaches the lowest SEAL of its criteria: at most SEAL-1 (capped by SOV-1.1),
      at least SEAL-0 (SOV-1.8). Points 0 to 41.67 + 125 + 125.01 + 125 * 4 + 125.01 = 916.69.
    SOV-2: registered outside the EU (2.1: answers 1-2, 0-84 points, SEAL-1) and in the US
      (2.2: answers 1-3, 0-83.5, SEAL-1; 2.3: answers 1-4, 0-125.25, SEAL-1); 2.4-2.6
      unknown (167 points each at most, 2.4 down to SEAL-0): SEAL-0 to 1, capped by 2.1, 2.2
      and 2.3; points 0 to 84 + 83.5 + 125.25 + 3 * 167 = 793.75.
    SOV-3: 3.1 settled at answer 5 (200 points, SEAL-4); 3.2-3.5 unknown: SEAL-0 to 4, points
      200 to 1000.
    SOV-8: 8.1 answer 4 (187.5 points, SEAL-4); 8.2 (0-250, SEAL-0..4), 8.3, 8.4 unknown:
      points 187.5 to 937.5.
    SOV-4 to SOV-7: nothing known; their maxima are 1002, 1001, 1000 and 1001 points.
    Overall: the lowest SEAL of the objectives, SEAL-0 to SEAL-1, capped by SOV-1 and SOV-2.
    Score, weights of 2026-06 (20/10/10/15/10/15/15/5), points over 1000:
      lowest  (10 * 200 + 5 * 187.5) / 1000 = 2.9375 -> 2.94%
      highest (20 * 916.69 + 10 * 793.75 + 10 * 1000 + 15 * 1002 + 10 * 1001 + 15 * 1000
               + 15 * 1001 + 5 * 937.5) / 1000 = 96.0138 -> 96.01%
    and with the weights of 1.2.1 (15/10/10/15/20/15/10/5): 2.94% to 96.44%.
    """
    write_provider(
        data,
        "handcloud",
        US_PARENT + "sovereignty:\n" + answer("sov-3-1", "5") + answer("sov-8-1", "4"),
        country="US",
    )
    document = assess(data, "handcloud")
    found = objectives(document)
    assert found["sov-1"]["seal"] == {"low": 0, "high": 1}
    assert found["sov-1"]["capped_by"] == ["sov-1-1"]
    assert found["sov-1"]["points"] == {"low": 0, "high": pytest.approx(916.69)}
    assert found["sov-2"]["seal"] == {"low": 0, "high": 1}
    assert found["sov-2"]["capped_by"] == ["sov-2-1", "sov-2-2", "sov-2-3"]
    assert found["sov-2"]["points"]["high"] == pytest.approx(793.75)
    assert found["sov-3"]["seal"] == {"low": 0, "high": 4}
    assert found["sov-3"]["points"] == {"low": 200, "high": 1000}
    assert found["sov-8"]["points"] == {"low": 187.5, "high": 937.5}
    keys = {c["id"]: c for c in found["sov-3"]["criteria"]}["sov-3-1"]
    assert (keys["state"], keys["answers"], keys["seal"]) == ("settled", [5], {"low": 4, "high": 4})
    assert document["overall"] == {
        "seal": {"low": 0, "high": 1},
        "score": {"low": 2.94, "high": 96.01},
        "capped_by": ["sov-1", "sov-2"],
    }
    assert document["framework"]["version"] == "2026-06"
    older = assess(data, "handcloud", "--weights", "1.2.1")
    assert older["overall"]["score"] == {"low": 2.94, "high": 96.44}
    assert older["framework"]["weights"]["sov-5"] == 20


def test_core_rules_take_the_lowest_seal_and_weigh_points_over_the_nominal() -> None:
    import yaml

    framework = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))
    version = rules_.version(framework, "2026-06", __import__("datetime").date(2026, 11, 30))
    every_top = {c: frozenset({len(r["rungs"])}) for c, r in rules_.criteria(framework).items()}
    judged = rules_.judge(framework, version, every_top)
    assert judged.seal == rules_.Span(4, 4) and judged.capped_by == []
    # The calculator's points are rounded to two decimals: a perfect offer scores a little
    # over 100%, as the calculator itself does.
    assert judged.score.low == pytest.approx(100.08, abs=0.01)
    one_low = {**every_top, "sov-3-4": frozenset({3})}
    judged = rules_.judge(framework, version, one_low)
    assert judged.seal == rules_.Span(1, 1) and judged.capped_by == ["sov-3"]


def test_every_rule_names_criteria_and_answers_the_framework_has() -> None:
    import yaml

    framework = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))
    criteria = rules_.criteria(framework)
    for rule in RULES:
        for criterion, answers in rule.answers.items():
            assert criterion in criteria, (rule.id, criterion)
            assert set(answers) <= set(range(1, len(criteria[criterion]["rungs"]) + 1))


# --- the rules on recorded facts -----------------------------------------------------------


def test_secnumcloud_32_narrows_what_its_requirements_rule_out(data: Path) -> None:
    found = objectives(assess(data, "outscale"))
    criteria = {c["id"]: c for o in found.values() for c in o["criteria"]}
    # Data stays in the EU, but 19.2 e and 9.7 allow consented support access from abroad.
    assert criteria["sov-3-4"]["answers"] == [4, 5]
    assert criteria["sov-3-4"]["evidence"][0]["by"] == "secnumcloud-3-2"
    assert criteria["sov-1-1"]["answers"] == [3, 4]
    # 19.1 h-i: a reversibility clause with documented formats or interfaces.
    assert criteria["sov-4-1"]["answers"] == [3, 4, 5]
    assert criteria["sov-4-1"]["seal"] == {"low": 4, "high": 4}
    # 16.1-16.2: incidents told without delay under set procedures.
    assert criteria["sov-7-5"]["answers"] == [3, 4, 5]
    # 3.3.2: the référentiel gives no technical guarantee on keys; nothing is ruled out.
    assert criteria["sov-3-1"]["state"] == "unknown"
    # Before the qualification was granted (2022-03), nothing of it applies.
    before = objectives(assess(data, "outscale", "--as-of", "2021-06-01"))
    early = {c["id"]: c for o in before.values() for c in o["criteria"]}
    assert early["sov-3-4"]["state"] == "unknown"


def test_a_non_eu_licence_caps_supply_chain(data: Path) -> None:
    document = assess(data, "bleu")
    sov5 = objectives(document)["sov-5"]
    assert sov5["seal"]["high"] == 2
    assert sov5["capped_by"] == ["sov-5-4", "sov-5-6"]
    facts = [f["text"] for c in sov5["criteria"] for e in c["evidence"] for f in e["facts"]]
    assert any("Microsoft" in text for text in facts)


def test_sourced_answers_count_from_since_or_their_earliest_source(data: Path) -> None:
    write_provider(
        data,
        "datedcloud",
        "sovereignty:\n"
        + answer("sov-4-4", "4")
        + answer("sov-7-3", "5", "since: 2025-06")
        + answer("sov-6-3", "5", sources="s2"),
    )

    def states(*args: str) -> dict[str, str]:
        found = objectives(assess(data, "datedcloud", *args))
        return {c["id"]: c["state"] for o in found.values() for c in o["criteria"]}

    today = states()
    assert today["sov-4-4"] == today["sov-7-3"] == today["sov-6-3"] == "settled"
    early = states("--as-of", "2025-01-01")
    assert early["sov-4-4"] == "settled"  # its source is of 2024
    assert early["sov-7-3"] == "unknown"  # since 2025-06
    assert early["sov-6-3"] == "unknown"  # its only source is of 2026-03


def test_an_answer_on_a_page_of_this_year_counts_from_the_records_review(data: Path) -> None:
    # An undated page read this year is dated "2026": it existed when the record was
    # reviewed (2026-11-01), so its answer holds from then, not from 31 December.
    write_provider(data, "yearcloud", "sovereignty:\n" + answer("sov-7-3", "5", sources="s3"))
    path = data / "providers" / "yearcloud.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "last_reviewed:",
            "  - id: s3\n    publisher: Test Company\n    title: Undated page\n    date: 2026\n"
            "    url: https://company.example.com/undated\n    type: company\n"
            "last_reviewed:",
        ),
        encoding="utf-8",
    )

    def state(*args: str) -> str:
        found = objectives(assess(data, "yearcloud", *args))
        criteria = [c for o in found.values() for c in o["criteria"]]
        return next(c["state"] for c in criteria if c["id"] == "sov-7-3")

    assert state() == "settled"  # today, 2026-11-30
    assert state("--as-of", "2026-10-15") == "unknown"  # before the review


def test_owners_of_the_day_decide_control(data: Path) -> None:
    write_provider(
        data,
        "soldcloud",
        "owners:\n  - name: Megacorp\n    country: US\n"
        "    role: parent\n    until: 2023\n    sources: [s1]\n"
        "  - name: Eurogroup\n    country: DE\n    role: parent\n    since: 2024\n"
        "    sources: [s1]\n",
    )
    now = objectives(assess(data, "soldcloud"))["sov-1"]["criteria"][0]
    then = objectives(assess(data, "soldcloud", "--as-of", "2022-06-01"))["sov-1"]["criteria"][0]
    assert (now["answers"], now["evidence"][0]["by"]) == ([3, 4], "eu-parent")
    assert (then["answers"], then["evidence"][0]["by"]) == ([1, 2], "non-eu-control")


def test_sources_that_disagree_leave_every_answer_they_allow_open(data: Path) -> None:
    write_provider(data, "claimcloud", US_PARENT + "sovereignty:\n" + answer("sov-1-1", "4"))
    document = assess(data, "claimcloud")
    criterion = objectives(document)["sov-1"]["criteria"][0]
    assert criterion["conflict"] and criterion["answers"] == [1, 2, 4]
    assert any("disagree on SOV-1.1" in note for note in document["notes"])


def test_an_answer_to_no_criterion_is_left_out_and_said(data: Path) -> None:
    write_provider(
        data, "typocloud", "sovereignty:\n" + answer("sov-3-9", "1") + answer("sov-3-1", "7")
    )
    document = assess(data, "typocloud")
    notes = " ".join(document["notes"])
    assert "names criterion sov-3-9, which the framework does not have" in notes
    assert "beyond the 5 that sov-3-1 offers" in notes
    assert document["counts"]["unknown"] == 48


# --- what people see -----------------------------------------------------------------------


def test_the_table_names_the_capping_criterion_and_numbers_its_sources(data: Path) -> None:
    write_provider(
        data, "handcloud", US_PARENT + "sovereignty:\n" + answer("sov-3-1", "5"), country="US"
    )
    result = run("assess", "handcloud", "--framework", "eu-csf", "--data", str(data))
    assert result.exit_code == 0, result
    out = result.stdout
    assert "not an audit" in out
    assert re.search(r"^OVERALL +SEAL-0 to SEAL-1, the lowest of its objectives", out, re.M)
    assert "capped by SOV-1.1" in out
    assert re.search(
        r"Controlled from outside the EU/EEA: Megacorp \(US\) is the parent "
        r"company \[1\]",
        out,
    )
    assert '[1] Test Press, "Facts", 2024 (press)' in out
    assert "unknown, could lower the SEAL: SOV-1.3" in out
    assert "unknown, no effect on the SEAL: SOV-1.2, SOV-1.4" in out
    assert "Weights and level names of version 2026-06" in out


@pytest.mark.parametrize("format_", ["table", "json", "csv", "markdown", "yaml"])
def test_every_format_renders(data: Path, format_: str) -> None:
    result = run("assess", "bleu", "--framework", "eu-csf", "--data", str(data), "-f", format_)
    assert result.exit_code == 0, result
    if format_ == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert len(rows) == 48 and rows[0]["criterion"] == "sov-1-1"
    if format_ == "markdown":
        assert result.stdout.startswith("# EU Cloud Sovereignty Framework: Bleu (bleu)\n")


def test_the_table_fits_80_columns(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    write_provider(
        data,
        "a-cloud-provider-with-a-rather-long-identifier",
        US_PARENT + "sovereignty:\n" + answer("sov-3-1", "5"),
        country="US",
    )
    result = run(
        "assess",
        "a-cloud-provider-with-a-rather-long-identifier",
        "--framework",
        "eu-csf",
        "--data",
        str(data),
    )
    assert result.exit_code == 0
    too_long = [
        line
        for line in result.stdout.splitlines()
        if len(line) > 80 and not line.strip().startswith("http")
    ]
    assert not too_long, too_long


def test_rules_and_show_print_how_it_decides(data: Path) -> None:
    rules = json.loads(
        run("assess", "--rules", "--framework", "eu-csf", "--data", str(data), "-f", "json").stdout
    )
    assert [v["version"] for v in rules["framework"]["versions"]] == ["1.2.1", "2026-06"]
    assert sum(len(o["criteria"]) for o in rules["framework"]["objectives"]) == 48
    assert {r["id"] for r in rules["rules"]} == {r.id for r in RULES}
    shown = run("show", "eu-csf", "--data", str(data))
    assert shown.exit_code == 0 and "SOV-3.4 Data kept strictly in the EU/EEA" in shown.stdout


def test_readme_section_matches_the_framework_and_its_rules() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    generated = run("assess", "--rules", "--framework", "eu-csf", "-f", "markdown").stdout
    assert generated.startswith("## How `assess --framework eu-csf` decides\n")
    assert "not an audit" in generated
    assert generated in readme, "regenerate: sovcloud assess --rules --framework eu-csf -f markdown"


# --- bad input -----------------------------------------------------------------------------


def test_unknown_framework_version_and_misplaced_options_are_refused(data: Path) -> None:
    def attempt(*args: str):
        return run("assess", *args, "--data", str(data))

    unknown = attempt("bleu", "--framework", "eu-cfs")
    assert unknown.exit_code == 1 and "no framework 'eu-cfs'" in unknown.stderr
    assert "eu-csf" in unknown.stderr
    version = attempt("bleu", "--framework", "eu-csf", "--weights", "9.9")
    assert version.exit_code == 1 and "1.2.1, 2026-06" in version.stderr
    assert attempt("bleu", "--weights", "1.2.1").exit_code == 2
    assert attempt("bleu", "--framework", "eu-csf", "--scheme", "hds").exit_code == 2
    assert attempt("--framework", "eu-csf").exit_code == 2
    assert "Traceback" not in unknown.stderr + version.stderr


def test_validate_checks_the_framework_record(data: Path) -> None:
    path = data / "frameworks" / "eu-csf.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("sov-7: 15, sov-8: 5}", "sov-7: 5, sov-8: 5}", 1)
    text = text.replace("      - id: sov-1-2\n", "      - id: sov-1-1\n", 1)
    text = text.replace("      - id: sov-2-6\n", "      - id: sov-3-6\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(data), "--format", "json")
    assert result.exit_code == 1
    messages = [
        (f["code"], f["message"])
        for f in json.loads(result.stdout)["findings"]
        if f["file"].endswith("eu-csf.yaml")
    ]
    assert (
        "SC103",
        "`weights` of version 2026-06 add up to 90, not 100: write each "
        "objective's weight in percent",
    ) in messages
    assert ("SC208", "criterion `sov-1-1` is listed twice") in messages
    assert any(
        code == "SC103" and "`sov-3-6` is listed under objective `sov-2`" in message
        for code, message in messages
    )


def test_validate_checks_a_providers_answers(data: Path) -> None:
    write_provider(
        data,
        "badcloud",
        "sovereignty:\n"
        + answer("sov-3-1", "4, 4")
        + answer("sov-3-2", "2", "offers: [nothing]")
        + answer("sov-3-9", "1")
        + answer("sov-3-3", "6"),
    )
    result = run("validate", str(data), "--format", "json")
    assert result.exit_code == 1
    found = {
        (f["code"], f["line"], f["message"])
        for f in json.loads(result.stdout)["findings"]
        if f["file"].endswith("badcloud.yaml")
    }
    assert {code for code, _, _ in found} == {"SC208", "SC203", "SC103"}
    # Checked against the framework, at the answer's line, with the nearest criterion.
    assert any(
        code == "SC203"
        and line == 17
        and text.startswith(
            "sovereignty answer 3 names criterion `sov-3-9`, which no framework in frameworks/ "
            "defines: did you mean `sov-3-"
        )
        for code, line, text in found
    )
    assert any(
        code == "SC103" and line == 21 and "the 5 answers that `sov-3-3` offers" in text
        for code, line, text in found
    )
    # Without frameworks/, there is nothing to check them against.
    shutil.rmtree(data / "frameworks")
    result = run("validate", str(data), "--format", "json")
    codes = {
        f["code"]
        for f in json.loads(result.stdout)["findings"]
        if f["file"].endswith("badcloud.yaml")
    }
    assert codes == {"SC208", "SC203"}


# --- match ---------------------------------------------------------------------------------


def test_match_requires_a_minimum_seal_and_explains_near_misses_by_criterion(data: Path) -> None:
    every = "".join(answer(f"sov-3-{n}", "5") for n in range(1, 6))
    write_provider(data, "keycloud", "sovereignty:\n" + every)
    write_provider(data, "handcloud", US_PARENT, country="US")

    def match(*args: str) -> dict[str, dict]:
        result = run("match", *args, "--all", "--data", str(data), "-f", "json")
        assert result.exit_code == 0, result
        return {c["id"]: c for c in json.loads(result.stdout)}

    found = match("--require", "sov-3:3", "--require", "sov-1:2")
    assert found["keycloud"]["needs"][0]["state"] == "met"
    assert found["keycloud"]["needs"][1]["state"] == "unknown"
    lacks = found["handcloud"]["lacks"]
    assert lacks[1].startswith(
        "SOV-1 Strategic Sovereignty: SEAL-0 to SEAL-1, below SEAL-2: "
        "SOV-1.1 Control by an EU/EEA legal entity"
    )
    assert "(Controlled from outside the EU/EEA)" in lacks[1]
    assert found["handcloud"]["needs"][1]["state"] == "missing"
    ranked = list(found)
    assert ranked.index("keycloud") < ranked.index("handcloud")


def test_match_refuses_a_seal_out_of_range_or_an_unknown_objective(data: Path) -> None:
    level = run("match", "--require", "sov-2:5", "--data", str(data))
    assert level.exit_code == 2 and "from 0 to 4" in level.stderr
    objective = run("match", "--require", "sov-9:2", "--data", str(data))
    assert objective.exit_code == 1 and "has no objective sov-9" in objective.stderr
