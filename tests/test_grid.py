"""The lean table renderer used for long listings."""

from __future__ import annotations

from sovcloud.render.grid import row_lines, row_text, wrap


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


def test_links_and_ids_are_never_cut() -> None:
    id_ = "2025-04-25-conseil-etat-refuses-to-suspend-darwin-eu"
    url = "https://example.gouv.fr/a/long/address"
    assert wrap(f"A title\n{id_}", 20) == ["A title", id_]  # whole, no empty line after
    assert wrap(f"See {url} now", 12) == ["See", url, "now"]
    assert wrap("abcdefgh", 4) == ["abcd", "efgh"]  # words that are neither are still cut


def test_an_id_wider_than_its_column_takes_a_line_of_its_own_inside_the_table() -> None:
    id_ = "2025-04-25-conseil-etat-refuses-to-suspend-darwin-eu"  # 52 characters
    row = [
        ("2025-04-25", ""),
        ("court-decision", ""),
        (f"A short title\n{id_}", ""),
        ("Microsoft Azure", ""),
    ]
    widths = [10, 14, 30, 9]  # 69 with the gaps: the id cannot start in its column
    lines = row_text(row, widths)
    assert lines == [
        "2025-04-25  court-decision  A short title                   Microsoft",
        "                                                            Azure",
        " " * (69 - len(id_)) + id_,  # whole, and within the table's right edge
    ]
    assert lines == ["".join(t for t, _ in line).rstrip() for line in row_lines(row, widths)]
    # Where it fits from its own column, it starts there.
    assert row_text([("a-long-record-id", ""), ("x", "")], [8, 20]) == [
        "          x",
        "a-long-record-id",
    ]
