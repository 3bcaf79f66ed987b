"""Former home of every command's view, kept so that older imports still work.

The views now live one module per command family (render/providers.py, show.py,
timeline.py, search.py, compare.py), the shared text helpers in render/markup.py and
render/sources.py. Import from those: this module only re-exports, and goes once nothing
imports it.
"""

from sovcloud.render.markup import Record, Rows, md, md_table, styled
from sovcloud.render.sources import md_sources, ordered_sources, source_lines

__all__ = [
    "Record",
    "Rows",
    "md",
    "md_sources",
    "md_table",
    "ordered_sources",
    "source_lines",
    "styled",
]
