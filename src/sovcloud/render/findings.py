"""How `validate` reports its findings: for people, as JSON, or as GitHub annotations."""

from __future__ import annotations

import json
import sys

from sovcloud.index import Index
from sovcloud.render.terminal import console, plain


def render_findings(catalogue: Index, format_: str) -> None:
    """Print every finding and the one-line summary in the chosen format."""
    counts = catalogue.counts()
    if format_ == "json":
        document = {
            "data_dir": str(catalogue.data_dir),
            "summary": counts,
            "findings": [f.as_dict() for f in catalogue.findings],
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    if format_ == "github":
        for f in catalogue.findings:
            level = "error" if f.severity == "error" else "warning"
            message = plain(f"{f.code} {f.message}").replace("%", "%25").replace("\n", "%0A")
            sys.stdout.write(f"::{level} file={f.path},line={f.line},title={f.code}::{message}\n")
        sys.stdout.write(_summary_line(counts) + "\n")
        return
    from rich.text import Text

    out = console()
    for f in catalogue.findings:
        style = "red" if f.severity == "error" else "yellow"
        out.print(
            Text(plain(f"{f.path}:{f.line}: "))
            + Text(f"{f.code} {f.severity}", style=style)
            + Text(f" [{f.name}] " + plain(f.message)),
            soft_wrap=True,
        )
    ok = not counts["errors"]
    out.print(Text(_summary_line(counts), style="green" if ok else "red"))


def _summary_line(counts: dict[str, int]) -> str:
    verdict = "valid" if not counts["errors"] else "invalid"
    return (
        f"{verdict}: {counts['files']} files, {counts['providers']} providers, "
        f"{counts['events']} events, {counts['errors']} errors, {counts['warnings']} warnings"
    )
