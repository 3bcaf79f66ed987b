"""The lean table renderer used for long listings."""

from __future__ import annotations

from sovcloud.render.grid import row_text, wrap


def test_wrap_keeps_lines_that_fit_and_cuts_words_that_do_not() -> None:
    assert wrap("Health Data Hub\nnumspot", 20) == ["Health Data Hub", "numspot"]
    assert wrap("Health Data Hub hosting", 12) == ["Health Data", "Hub hosting"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("ab", 0) == ["a", "b"]  # a column squeezed to nothing still ends


def test_row_text_pads_each_column_and_shows_braces_as_written() -> None:
    row = [("2024-03", ""), ("{kind}", ""), ("A title that wraps\nevent-id", ""), ("{0}", "")]
    assert row_text(row, [7, 6, 12, 3]) == [
        "2024-03  {kind}  A title that  {0}",
        "                 wraps",
        "                 event-id",
    ]
