"""The output formats, declared once: the --format choices of every command that shows
records, and validate's, and what each is for.

Standard library only: the CLI imports this at start-up to build its options. Each member
has one renderer in render/output.py (`renderer()`, exhaustive: mypy and
tests/test_formats.py fail for a member without one). A renderer reads one of the shapes
every view gives (render/output.View): its JSON document, its flat rows, its Markdown or
its Rich rendering; a format needing a new shape adds it to View, and every command
family's view then implements it.
"""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    table = "table"  # for people: the terminal's width, colour with words that say the same
    json = "json"  # the records as the schema defines them
    csv = "csv"  # one row per record, RFC 4180, UTF-8
    markdown = "markdown"  # pastes into a report
    yaml = "yaml"  # the JSON document, as YAML
    tsv = "tsv"  # one line per row, tab-separated, for grep and cut
    csv_excel = "csv-excel"  # CSV that Excel opens as it is in French: ';', a BOM, CRLF


# Excel opens a CSV file with the delimiter and the encoding of the system's regional
# settings: in French, `;` (the comma is the decimal mark) and, without a byte-order mark, a
# Windows code page, which garbles every accent; with the mark it reads UTF-8. Used by
# `--format csv-excel` and `export csv --excel`.
EXCEL_DELIMITER = ";"
UTF8_BOM = "\ufeff"

FORMAT_HELP = (
    "table for people; json, yaml, csv, markdown; tsv (one line per row, for grep and cut); "
    "csv-excel (for Excel in French: ';' and a UTF-8 byte-order mark)."
)


class FindingsFormat(StrEnum):
    """validate's formats: its findings are not records, and CI reads them."""

    text = "text"  # for people: file:line: CODE message
    json = "json"
    github = "github"  # GitHub Actions annotations (workflow commands)
