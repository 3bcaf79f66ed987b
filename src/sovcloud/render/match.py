"""What `sovcloud match` shows, in every output format: the providers ranked, each with
what it has and what it lacks of the tender.

MatchView wraps what match.py computed and knows its four shapes, as the other views do.
Record text reaches the terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.i18n import t, tn
from sovcloud.match import Candidate, MatchResult
from sovcloud.render.markup import md_table, styled

if TYPE_CHECKING:
    from rich.console import Console


Rows = tuple[list[str], list[list[str]]]

NEED_STYLES = {"met": "green", "pending": "yellow", "unknown": "yellow", "missing": "red"}


class MatchView(NamedTuple):
    result: MatchResult  # what each lacks already in `lang`
    lang: str = "en"

    def _candidates(self) -> list[Candidate]:
        return self.result.candidates

    def document(self) -> Any:
        return [
            {
                "rank": rank,
                "id": c.record["id"],
                "name": c.record["name"],
                "country": c.record["country"],
                "meets_all": c.meets_all,
                "lacks": [n.text for n in c.lacks],
                "needs": [n._asdict() for n in c.needs],
            }
            for rank, c in enumerate(self._candidates(), 1)
        ]

    def flat(self) -> Rows:
        headers = ["rank", "id", "name", "country", "meets_all", "has", "lacks"]
        rows = [
            [
                str(rank),
                c.record["id"],
                c.record["name"],
                c.record["country"],
                "yes" if c.meets_all else "no",
                "; ".join(n.text for n in c.needs if n.state == "met"),
                "; ".join(n.text for n in c.lacks),
            ]
            for rank, c in enumerate(self._candidates(), 1)
        ]
        return headers, rows

    def markdown(self) -> str:
        headers = ["#", *(t(h, self.lang) for h in ("Provider", "Country", "Has", "Lacks"))]
        rows = [
            [
                str(rank),
                f"{c.record['name']} ({c.record['id']})",
                c.record["country"],
                "; ".join(n.text for n in c.needs if n.state == "met") or "-",
                "; ".join(n.text for n in c.lacks) or t("nothing", self.lang),
            ]
            for rank, c in enumerate(self._candidates(), 1)
        ]
        return md_table(headers, rows)

    def _footer(self) -> str:
        result, lang = self.result, self.lang
        full = sum(1 for c in result.candidates if c.meets_all)
        near = len(result.candidates) - full
        text = (
            tn(full, "{n} meet every requirement", "{n} meet every requirement", lang)
            + ", "
            + tn(near, "{n} near miss", "{n} near misses", lang)
            + t(" (on {day})", lang, day=result.on)
        )
        if result.more_near_misses:
            text += tn(
                result.more_near_misses,
                "; {n} more near misses not listed (--all lists them)",
                "; {n} more near misses not listed (--all lists them)",
                lang,
            )
        if result.left_out:
            text += tn(
                result.left_out,
                "; {n} providers with nothing toward any requirement not listed (--all lists them)",
                "; {n} providers with nothing toward any requirement not listed (--all lists them)",
                lang,
            )
        services = result.tender.services
        if len(services) > 1:
            text += t(
                ". Services: an offer of every one of {services}"
                if result.tender.all_services
                else ". Services: an offer of any of {services}",
                lang,
                services=", ".join(services),
            )
        return text

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        lang = self.lang
        columns = [
            Column("#", wrap=False),
            Column(t("Provider", lang), max_width=28),
            Column(t("Ctry", lang), wrap=False),
            Column(t("Has", lang), max_width=50),
            Column(t("Lacks", lang), max_width=60),
        ]
        rows = []
        for rank, c in enumerate(self._candidates(), 1):
            has = "\n".join(n.text for n in c.needs if n.state == "met")
            lacks = "\n".join(n.text for n in c.lacks)
            worst = "missing" if any(n.state == "missing" for n in c.lacks) else "pending"
            rows.append(
                [
                    (str(rank), ""),
                    (f"{c.record['name']}\n{c.record['id']}", "bold" if c.meets_all else ""),
                    (c.record["country"], ""),
                    (has or "-", "green" if has else "dim"),
                    (lacks or t("nothing", lang), NEED_STYLES[worst] if lacks else "green"),
                ]
            )
        print_lines(console, table_lines(columns, rows, console.width))
        console.print(styled(self._footer(), "dim"))


# --- changes --------------------------------------------------------------------------------
