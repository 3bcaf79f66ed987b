"""sovcloud stats: the market in numbers, as bar charts."""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import typer

from sovcloud.cli import snapshot
from sovcloud.cli.common import (
    DataOption,
    Format,
    FormatOption,
    LangOption,
    answer,
    command,
    today,
)


@command()
def stats(
    ctx: typer.Context,
    format_: FormatOption = Format.table,
    svg: snapshot.SvgOption = None,
    html: snapshot.HtmlOption = None,
    force: snapshot.ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Providers by country and by certification held today, and events per year, as bar
    charts; the numbers as JSON, CSV or Markdown with --format.

    Every provider counts in its country, whatever its status; a provider counts once per
    scheme of which it holds a certification today; expected events count in their year,
    shaded.

    Examples:

      sovcloud stats

      sovcloud stats --format json | jq '.providers_by_scheme'

      sovcloud stats --svg stats.svg

      sovcloud stats --lang fr --format markdown
    """
    from sovcloud.i18n import current_lang
    from sovcloud.render.charts import StatsView
    from sovcloud.stats import compute

    snapshot.check(format_, svg, html, force)
    counts = answer(data, lambda index: compute(index, today()))
    snapshot.emit(StatsView(counts, current_lang(lang)), format_, svg, html, force, ctx)
