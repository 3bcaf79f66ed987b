"""sovcloud dossier: a provider file in Markdown or HTML, for a procurement folder or a
DPIA."""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sovcloud.cli import completion
from sovcloud.cli.common import DataOption, LangOption, answer, command, today

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.render.blocks import Document


@command()
def dossier(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Id, name or alias of a provider (several for a shortlist); accents, case "
            "and small typos are forgiven.",
            autocompletion=completion.provider_names,
            metavar="NAME",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the file there instead of standard output: FILE.md for Markdown, "
            "FILE.html for one self-contained web page (a browser prints it to PDF).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """A provider file in Markdown or HTML: identity, owners, licensed technology, offers,
    certifications with status, scope and dates, data centres and events (newest first),
    every fact with its sources as numbered footnotes. With several providers, one file for
    a shortlist: the comparison, then a section per provider, each source numbered once.

    The file says which data it was made from (sovcloud's version, a fingerprint of the
    records' content, the same on every machine for the same data, and the day the data
    was last reviewed) and on which day, for a procurement folder or a data protection
    impact assessment. The HTML page needs nothing else: no font, style sheet or script
    from anywhere.

    Examples:

      sovcloud dossier s3ns

      sovcloud dossier "Thésée" -o thesee.md

      sovcloud dossier bleu -o bleu.md --force --lang fr

      sovcloud dossier numspot s3ns bleu -o shortlist.md

      sovcloud dossier numspot s3ns bleu -o shortlist.html
    """
    from sovcloud.i18n import current_lang
    from sovcloud.provenance import stamp
    from sovcloud.query import provider_detail, resolve
    from sovcloud.render.blocks import Document
    from sovcloud.render.dossier import dossier_of

    as_html = checked_output(output, force)

    def question(index: "Index") -> Document:
        ids = dict.fromkeys(resolve(index, n, folders=("providers",)).id for n in names)
        details = [provider_detail(index, id_) for id_ in ids]
        return dossier_of(details, stamp(index, today()), current_lang(lang))

    write_document(answer(data, question), as_html, output, force)


MARKDOWN = (".md", ".markdown")
HTML = (".html", ".htm")


def checked_output(output: Path | None, force: bool, option: str = "--output") -> bool:
    """Whether the file is to be HTML (else Markdown), from --output's suffix; a suffix
    that is neither, or a file there without --force, is refused before any work."""
    if output is None:
        return False
    from sovcloud.atomic import check_free

    special = output.exists() and not output.is_file()  # a pipe or a device: no name
    suffix = output.suffix.lower()
    if suffix and suffix not in MARKDOWN + HTML and not special:
        raise typer.BadParameter(
            f"{output.name}: a dossier is Markdown or HTML; name the file .md or .html "
            "(a browser prints the HTML page to PDF)",
            param_hint=option,
        )
    check_free(output, force)
    return suffix in HTML


def write_document(document: "Document", as_html: bool, output: Path | None, force: bool) -> None:
    """The dossier in its format, to standard output or the file. Markdown escapes (HTML
    writes `#` as an entity): a CI log that shows the file runs nothing, and it renders
    the same."""
    from sovcloud.render.terminal import log_safe

    write_output(log_safe(document.html() if as_html else document.markdown()), output, force)


def write_output(text: str, output: Path | None, force: bool) -> None:
    """To standard output, or to the file, replaced whole or not at all."""
    if output is None:
        sys.stdout.write(text)
        return
    from sovcloud.atomic import write_text

    write_text(output, text, force=force)
    sys.stderr.write(f"wrote {output}\n")
