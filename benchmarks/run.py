"""Measure sovcloud against its performance goals and print each figure with its goal.

    python benchmarks/run.py                 # 10,000 providers and 100,000 events
    python benchmarks/run.py --small         # 1,000 and 10,000: a quick look

Every timing runs the installed `sovcloud` command in a subprocess, several times, and
reports the median; figures that are goals relative to something else are measured in the
same run, as ratios, because this machine's speed varies. The synthetic data and the index
live in a temporary directory removed at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# The sovcloud installed beside this Python (the venv's), else the one on PATH.
_beside = Path(sys.executable).with_name("sovcloud")
SOVCLOUD = str(_beside) if _beside.exists() else shutil.which("sovcloud") or "sovcloud"
PYTHON = sys.executable


def timed(argv: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of a command, output discarded; it must succeed."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed_pair(first: list[str], second: list[str], env: dict[str, str],
               runs: int) -> tuple[float, float]:
    """Median wall times of two commands run in turn, so that both see the same machine."""
    firsts, seconds = [], []
    for _ in range(runs):
        firsts.append(timed(first, env, 1))
        seconds.append(timed(second, env, 1))
    return statistics.median(firsts), statistics.median(seconds)


def peak_memory_mb(argv: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of a command and its children, in MB (GNU time)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], env=env, check=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def libyaml_parse_seconds(data: Path) -> float:
    """A single process parsing every file with libyaml (PyYAML's CSafeLoader)."""
    code = (
        "import sys, yaml, pathlib\n"
        "for folder in ('providers', 'events'):\n"
        "    for p in pathlib.Path(sys.argv[1], folder).iterdir():\n"
        "        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
    )
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", code, str(data)], check=True)
    return time.perf_counter() - start


def yq_secnumcloud_argv(data: Path) -> list[str] | None:
    """The same filter as `providers --secnumcloud`, written with yq over the YAML files."""
    yq = shutil.which("yq")
    if not yq:
        return None
    expr = ('select(any(.certifications[]?; .scheme == "secnumcloud" and '
            '(.status == "qualified" or .status == "certified"))) | .id')
    return ["sh", "-c", f'{yq} -r \'{expr}\' "{data}"/providers/*.yaml | sort -u']


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, bool]] = []

    def add(self, name: str, value: str, goal: str, ok: bool) -> None:
        self.rows.append((name, value, goal, ok))
        print(f"{'ok  ' if ok else 'MISS'}  {name:<48} {value:>16}   goal: {goal}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="1,000 providers, 10,000 events")
    parser.add_argument("--runs", type=int, default=7, help="runs per timing (median)")
    parser.add_argument("--cold-runs", type=int, default=3,
                        help="cold validate runs, each against a libyaml parse (median)")
    args = parser.parse_args()
    providers, events = (1_000, 10_000) if args.small else (10_000, 100_000)
    runs = args.runs

    work = Path(tempfile.mkdtemp(prefix="sovcloud-bench-"))
    try:
        print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}")
        env = {**os.environ, "SOVCLOUD_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1",
               "COLUMNS": "120"}
        env.pop("SOVCLOUD_DATA", None)
        # Measure what users run: with bytecode caches (some machines, this one included,
        # disable writing them, which makes an editable install recompile on every run).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        report = Report()

        # Start-up on the shipped data, against the floor of any Typer + Rich command.
        for _ in range(2):  # warm up: build the index, write bytecode caches
            subprocess.run([SOVCLOUD, "show", "numspot"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        floor, show_shipped = timed_pair(
            [PYTHON, "-c", "import typer, rich.console, rich.table"],
            [SOVCLOUD, "show", "numspot"],
            env,
            runs * 3,
        )
        report.add("start-up: show numspot / import floor", f"{show_shipped / floor:.2f}x",
                   "<= 1.25x", show_shipped / floor <= 1.25)
        print(f"      (show {show_shipped * 1000:.0f} ms, floor {floor * 1000:.0f} ms)")

        data = work / "data"
        print(f"generating {providers} providers and {events} events...", flush=True)
        generate(data, providers, events)
        # Files modified in the last 3 seconds are not trusted by the index (their time may
        # not tell them from an edit right after) and are read again by the next command.
        # Files in a checkout are older than that: let these age past it.
        time.sleep(3.5)
        scale = ["--data", str(data)]

        # Cold runs alternate with the baseline, so that both see the same machine; the
        # cache is emptied before each.
        cold_argv = [SOVCLOUD, "validate", *scale]
        baselines, colds = [], []
        for _ in range(args.cold_runs):
            baselines.append(libyaml_parse_seconds(data))
            shutil.rmtree(work / "cache", ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(cold_argv, env=env, check=True, stdout=subprocess.DEVNULL)
            colds.append(time.perf_counter() - start)
        baseline, cold = statistics.median(baselines), statistics.median(colds)
        report.add("cold validate / single-process libyaml parse", f"{cold / baseline:.2f}x",
                   "<= 1.00x", cold <= baseline)
        print(f"      (medians of {args.cold_runs}: validate {cold:.1f} s, libyaml parse "
              f"{baseline:.1f} s; validate runs {', '.join(f'{c:.1f}' for c in colds)})")

        show_here, show_scale = timed_pair(
            [SOVCLOUD, "show", "numspot"], [SOVCLOUD, "show", "numspot", *scale], env, runs * 2
        )
        report.add("show numspot at scale / on shipped data",
                   f"{show_scale / show_here:.2f}x", "<= 1.5x",
                   show_scale / show_here <= 1.5)
        for name, argv in [
            ("providers --secnumcloud", ["providers", "--secnumcloud"]),
            ("timeline --since 2024", ["timeline", "--since", "2024"]),
            ("search 'provider 00042'", ["search", "provider 00042"]),
            ("search 'provider' (a word most records hold)", ["search", "provider"]),
        ]:
            seconds = timed([SOVCLOUD, *argv, *scale], env, max(3, runs // 2))
            report.add(name, f"{seconds:.2f} s", "< 1 s", seconds < 1)

        target = data / "providers" / "provider-00042.yaml"
        edits = []
        for i in range(max(3, runs // 2)):
            target.write_text(target.read_text().replace("Synthetic provider",
                                                         f"Synthetic provider{i}", 1))
            start = time.perf_counter()
            subprocess.run(cold_argv, env=env, check=True, stdout=subprocess.DEVNULL)
            edits.append(time.perf_counter() - start)
        edit = statistics.median(edits)
        report.add("validate after editing one file", f"{edit:.2f} s", "< 2 s", edit < 2)

        shutil.rmtree(work / "cache")
        peak = peak_memory_mb(cold_argv, env)
        report.add("peak memory, cold validate", f"{peak:.0f} MB", "< 500 MB", peak < 500)
        peak_query = peak_memory_mb([SOVCLOUD, "providers", "--secnumcloud", *scale], env)
        report.add("peak memory, providers --secnumcloud", f"{peak_query:.0f} MB", "< 500 MB",
                   peak_query < 500)

        yq_argv = yq_secnumcloud_argv(data)
        if yq_argv is None:
            report.add("yq / providers --secnumcloud", "yq not found", ">= 10x", False)
        else:
            yq, secnumcloud = timed_pair(
                yq_argv, [SOVCLOUD, "providers", "--secnumcloud", *scale], env, 3
            )
            report.add("yq / providers --secnumcloud", f"{yq / secnumcloud:.1f}x", ">= 10x",
                       yq / secnumcloud >= 10)
            print(f"      (medians of 3 in turn: yq {yq:.1f} s, sovcloud {secnumcloud:.2f} s)")

        missed = [r for r in report.rows if not r[3]]
        print(f"{len(report.rows) - len(missed)} of {len(report.rows)} goals met")
        if args.small:
            print("(the goals are set for 10,000 providers and 100,000 events; at this size "
                  "fixed costs weigh more, notably in the yq ratio)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
