"""sovcloud dossier: a provider file in Markdown, for a procurement folder or a DPIA."""

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


@command()
def dossier(
    name: Annotated[
        str,
        typer.Argument(
            help="Id, name or alias of a provider; accents, case and small typos are forgiven.",
            autocompletion=completion.provider_names,
            metavar="NAME",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.md",
            help="Write the file there instead of standard output.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE.md if it exists.")] = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """A provider file in Markdown: identity, owners, licensed technology, offers,
    certifications with status, scope and dates, data centres and events (newest first),
    every fact with its sources as numbered footnotes.

    The file says which data it was made from (sovcloud's version and a fingerprint of the
    records' content, the same on every machine for the same data) and on which day, for
    a procurement folder or a data protection impact assessment.

    Examples:

      sovcloud dossier s3ns

      sovcloud dossier "Thésée" -o thesee.md

      sovcloud dossier bleu -o bleu.md --force --lang fr
    """
    from sovcloud.i18n import current_lang
    from sovcloud.provenance import stamp
    from sovcloud.query import provider_detail, resolve
    from sovcloud.render.dossier import dossier as render

    if output is not None:
        from sovcloud.atomic import check_free

        check_free(output, force)

    def question(index: "Index") -> str:
        found = resolve(index, name, folders=("providers",))
        detail = provider_detail(index, found.id)
        return render(detail, stamp(index, today()), current_lang(lang))

    from sovcloud.render.terminal import log_safe

    # Markdown escapes: a CI log that shows the file runs nothing, and it renders the same.
    text = log_safe(answer(data, question))
    if output is None:
        sys.stdout.write(text)
        return
    from sovcloud.atomic import write_text

    write_text(output, text, force=force)
    sys.stderr.write(f"wrote {output}\n")
