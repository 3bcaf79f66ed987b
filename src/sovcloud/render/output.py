"""The output formats: one enum, one renderer per member.

JSON, CSV, Markdown and YAML are written as plain text from the records, never through Rich;
Rich renders only the table format, which people read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol

from sovcloud.render.terminal import console


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    yaml = "yaml"


class View(Protocol):
    def document(self) -> Any: ...

    def flat(self) -> tuple[list[str], list[list[str]]]: ...

    def markdown(self) -> str: ...

    def rich(self, console: Any) -> None: ...


def to_json(view: View) -> str:
    return json.dumps(view.document(), indent=2, ensure_ascii=False) + "\n"


def to_yaml(view: View) -> str:
    import yaml

    return yaml.safe_dump(view.document(), allow_unicode=True, sort_keys=False, width=100)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    # A cell starting like a formula would run in a spreadsheet: make it text.
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(view: View) -> str:
    headers, rows = view.flat()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([[_cell(str(c)) for c in row] for row in rows])
    return buffer.getvalue()


def to_markdown(view: View) -> str:
    return view.markdown()


TEXT_RENDERERS: dict[OutputFormat, Callable[[View], str]] = {
    OutputFormat.json: to_json,
    OutputFormat.csv: to_csv,
    OutputFormat.markdown: to_markdown,
    OutputFormat.yaml: to_yaml,
}


def emit(view: View, format_: OutputFormat) -> None:
    """Write the view to stdout in the chosen format."""
    if format_ is OutputFormat.table:
        view.rich(console())
        return
    sys.stdout.write(TEXT_RENDERERS[format_](view))
