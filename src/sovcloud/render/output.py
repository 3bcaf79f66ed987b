"""The renderers of the output formats: one per member of formats.OutputFormat.

JSON, CSV, TSV, Markdown and YAML are written as plain text from the records, never through
Rich; Rich renders only the table format, which people read.
"""

from __future__ import annotations

import functools
import io
import json
import re
import sys
from typing import Any, Protocol, assert_never

from sovcloud.charsets import INVISIBLE, SURROGATES
from sovcloud.render.formats import EXCEL_DELIMITER, UTF8_BOM, OutputFormat
from sovcloud.render.terminal import command_like, console, log_safe, unsafe

__all__ = ["OutputFormat", "View", "emit", "text"]


class View(Protocol):
    def document(self) -> Any: ...

    def flat(self) -> tuple[list[str], list[list[str]]]: ...

    def markdown(self) -> str: ...

    def rich(self, console: Any) -> None: ...


# JSON escapes C0 controls itself; these it would write raw with ensure_ascii=False.
@functools.cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile(f"[\x7f-\x9f{INVISIBLE}{SURROGATES}]")


def json_text(document: Any) -> str:
    """JSON, readable (UTF-8, indented), with every control, bidi and invisible character
    written as a \\u escape: the same value for programs, nothing that drives a terminal.

    No line of it can start with a text (each is indented, a text quoted), so none starts a
    CI workflow command (`::error::`); the legacy form, `##[` anywhere in a line, is broken
    by writing the second `#` as `\\u0023`, which is the same value (`#` is only ever in
    a text)."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    # json.dumps writes a character beyond the first plane as two escapes, as JSON must.
    text = _json_unsafe().sub(lambda m: json.dumps(m.group())[1:-1], text)
    if "##" in text:
        text = text.replace("##", "#\\u0023")
    return text + "\n"


def to_json(view: View) -> str:
    return json_text(view.document())


def to_yaml(view: View) -> str:
    from sovcloud.yamlparse import dump

    document = view.document()
    text = dump(document)
    # YAML writes bidi and invisible characters as they are; records hold none, but should
    # any reach this far, write everything beyond ASCII as escapes instead.
    ascii_only = bool(_json_unsafe().search(text))
    if ascii_only:
        text = dump(document, ascii_only=True)
    if command_like(text):
        # A text that could start a CI workflow command is written double-quoted on its
        # key's line, where no line starts with it, and `##[` as `#\\x23[`: the same value.
        text = dump(document, ascii_only=ascii_only, one_line=command_like)
        text = re.sub(r"##(?=[A-Za-z]*\[)", r"#\\x23", text)
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    # A cell starting like a formula would run in a spreadsheet: make it text. Records hold
    # no control characters; this keeps it so whatever reached this far.
    value = unsafe().sub("?", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv(view: View, delimiter: str = ",", lineterminator: str = "\n") -> str:
    headers, rows = view.flat()
    buffer = io.StringIO()
    import csv  # only for this format

    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator)
    writer.writerow(headers)
    writer.writerows([[_cell(str(c)) for c in row] for row in rows])
    return log_safe(buffer.getvalue())


def to_csv(view: View) -> str:
    return _csv(view)


def to_csv_excel(view: View) -> str:
    """CSV for Excel in French (formats.EXCEL_DELIMITER), with Excel's own line ends."""
    return UTF8_BOM + _csv(view, delimiter=EXCEL_DELIMITER, lineterminator="\r\n")


# TSV has no quoting: a tab or a line break inside a value would split it. They are
# written as the two characters `\t`, `\n`, `\r`, and a backslash as `\\`, as
# PostgreSQL's and MySQL's text formats do, so that each row stays on one line.
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv_cell(value: str) -> str:
    return _cell(value.translate(_TSV_ESCAPES))


def to_tsv(view: View) -> str:
    """One line per row, tab-separated, with a header line: for grep, cut and awk."""
    headers, rows = view.flat()
    lines = ["\t".join(_tsv_cell(str(c)) for c in line) for line in [headers, *rows]]
    return log_safe("".join(line + "\n" for line in lines))


def to_markdown(view: View) -> str:
    # `\\::` and `#\\#[` are Markdown escapes: the rendered text is unchanged.
    return log_safe(view.markdown())


def text(view: View, format_: OutputFormat) -> str:
    """The view in a text format: every format but the table, which is drawn on a console.
    The one place formats meet views: mypy and tests/test_formats.py fail for a format
    without a branch here."""
    match format_:
        case OutputFormat.json:
            return to_json(view)
        case OutputFormat.csv:
            return to_csv(view)
        case OutputFormat.markdown:
            return to_markdown(view)
        case OutputFormat.yaml:
            return to_yaml(view)
        case OutputFormat.tsv:
            return to_tsv(view)
        case OutputFormat.csv_excel:
            return to_csv_excel(view)
        case OutputFormat.table:
            raise ValueError("the table format is drawn on a console: use emit()")
        case _:
            assert_never(format_)


def emit(view: View, format_: OutputFormat) -> None:
    """Write the view to stdout in the chosen format."""
    if format_ is OutputFormat.table:
        view.rich(console())
        return
    out = text(view, format_)
    if format_ is OutputFormat.csv_excel:
        # Its byte-order mark says UTF-8: so it must be, whatever the locale's encoding.
        sys.stdout.flush()
        sys.stdout.buffer.write(out.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    sys.stdout.write(out)
