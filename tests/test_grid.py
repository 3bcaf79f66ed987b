"""The lean table renderer used for long listings."""

from __future__ import annotations

from sovcloud.render.grid import Column, fit_widths, row_lines, row_text, wrap


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


def test_a_column_widens_to_keep_its_ids_whole_when_others_can_give() -> None:
    columns = [Column("date", wrap=False), Column("event"), Column("providers")]
    id_ = "2025-04-25-conseil-etat-refuses-to-suspend"  # 42 characters
    rows = [[("2025-04-25", ""), (f"A title\n{id_}", ""), ("Microsoft Azure, OVHcloud", "")]]
    widths = fit_widths(columns, rows, 70)
    assert widths[1] >= len(id_) and sum(widths) + 4 <= 70


def test_an_id_wider_than_its_column_is_pulled_left_inside_the_table() -> None:
    id_ = "2025-04-25-conseil-etat-refuses-to-suspend-darwin-eu"  # 52 characters
    row = [("2025-04-25", ""), ("court-decision", ""), (f"A short title\n{id_}", "")]
    widths = [10, 14, 30]  # 58 with the gaps: the id cannot start in its column
    lines = row_text(row, widths)
    assert lines[1] == " " * (58 - len(id_)) + id_
    assert [line.rstrip() for line in lines] == [
        "".join(t for t, _ in line).rstrip() for line in row_lines(row, widths)
    ]
