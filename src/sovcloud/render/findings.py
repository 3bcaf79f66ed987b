"""How `validate` reports its findings: for people, as JSON, or as GitHub annotations."""

from __future__ import annotations

import sys
from typing import assert_never

from sovcloud.index import Index
from sovcloud.render.formats import FindingsFormat
from sovcloud.render.terminal import console, plain


def render_findings(catalogue: Index, format_: FindingsFormat, lang: str = "en") -> None:
    """Print every finding and the one-line summary in the chosen format (for people, in
    `lang`: in French, each check's meaning comes first, the English details after)."""
    match format_:
        case FindingsFormat.text:
            _for_people(catalogue, lang)
        case FindingsFormat.json:
            _as_json(catalogue)
        case FindingsFormat.github:
            _as_annotations(catalogue)
        case _:
            assert_never(format_)


def _as_json(catalogue: Index) -> None:
    from sovcloud.render.output import json_text

    document = {
        "data_dir": str(catalogue.data_dir),
        "summary": catalogue.counts(),
        "findings": [f.as_dict() for f in catalogue.findings],
    }
    sys.stdout.write(json_text(document))


def _as_annotations(catalogue: Index) -> None:
    for f in catalogue.findings:
        level = f.severity  # error, warning or notice: GitHub's three levels
        sys.stdout.write(
            f"::{level} file={_property(f.path)},line={f.line},title={f.code}::"
            f"{_data(f'{f.code} {f.message}')}\n"
        )
    sys.stdout.write(_summary_line(catalogue.counts()) + "\n")


def _for_people(catalogue: Index, lang: str) -> None:
    from rich.text import Text

    from sovcloud.i18n import CHECKS_FR, t

    out = console()
    for f in catalogue.findings:
        style = {"error": "red", "warning": "yellow"}.get(f.severity, "cyan")
        message = f.message if lang != "fr" else f"{CHECKS_FR[f.code]} — {f.message}"
        out.print(
            Text(plain(f"{f.path}:{f.line}: "))
            + Text(f"{f.code} {t(f.severity, lang)}", style=style)
            + Text(f" [{f.name}] " + plain(message)),
            soft_wrap=True,
        )
    counts = catalogue.counts()
    ok = not counts["errors"]
    out.print(Text(_summary_line(counts, lang), style="green" if ok else "red"), soft_wrap=True)


def _data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner expects: a newline or a
    carriage return in it must not start another command (`::add-mask::...`)."""
    return plain(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value (the file): also `:` and `,` are escaped."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _summary_line(counts: dict[str, int], lang: str = "en") -> str:
    from sovcloud.i18n import t

    verdict = t("valid" if not counts["errors"] else "invalid", lang)
    keys = ["files", "providers", "events", "schemes", "tags", "errors", "warnings"]
    if counts.get("frameworks"):
        keys.insert(5, "frameworks")

    def word(key: str) -> str:  # 1 error, 2 errors; in French 0 and 1 take the singular
        many = counts[key] > 1 if lang == "fr" else counts[key] != 1
        return t(key if many else key[:-1], lang)

    parts = ", ".join(
        f"{counts[key]} {word(key)}"
        for key in keys + (["notices"] if counts.get("notices") else [])
    )
    return f"{verdict}: {parts}"
