"""How every paged screen looks: its entries with a "page 2 of 5" footer and ◀ ▶ buttons."""

from __future__ import annotations

from bot import render
from bot.callback_data import Screen, page_data
from bot.message import Button, Keyboard
from bot.paging import Page


def page_row(language: str, screen: Screen, page: Page[object]) -> Keyboard:
    """◀ ▶ under a paged list (none when it fits one page)."""
    row: list[Button] = []
    if page.has_previous:
        row.append(
            Button(render.label(language, "page.previous"), page_data(screen, page.number - 1))
        )
    if page.has_next:
        row.append(Button(render.label(language, "page.next"), page_data(screen, page.number + 1)))
    return (tuple(row),) if row else ()


def page_footer(language: str, page: Page[object]) -> render.Markup:
    if page.count == 1:
        return render.Markup("")
    return render.fragment(language, "page.footer", page=page.number + 1, pages=page.count)


def paged_text(
    language: str,
    key: str,
    page: Page[object],
    entries: list[render.Markup],
    *,
    separator: str = "\n\n",
    **values: object,
) -> str:
    """The text of one page: template `key` given the entries joined and the page footer."""
    return render.html(
        language,
        key,
        entries=render.join(entries, separator),
        footer=page_footer(language, page),
        **values,
    )
