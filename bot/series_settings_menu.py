"""A series' own settings as one screen of plain values (text + buttons), edited in place."""

from __future__ import annotations

from bot import render
from bot.callback_data import Action, SeriesVerb, card_data, series_data
from bot.chat_settings import LEAD_CHOICES
from bot.message import BotMessage, Button
from bot.news.kinds import NewsKind
from bot.series_settings import SeriesSettings
from bot.settings_menu import mark


def _listed(lang: str, names: list[str], own: bool) -> str:
    text = ", ".join(names) or render.plain(lang, "settings.none")
    return text if own else render.plain(lang, "series.settings.as_chat", value=text)


def _summary(lang: str, settings: SeriesSettings) -> dict[str, str]:
    if settings.muted:
        muted = render.plain(lang, "series.settings.muted_line")
        return {"reminders": muted, "news": muted}
    leads = [render.plain(lang, f"lead.{m}") for m in settings.lead_minutes]
    kinds = [render.plain(lang, f"kind.{k}") for k in settings.news_kinds]
    return {
        "reminders": _listed(lang, leads, settings.own_leads),
        "news": _listed(lang, kinds, settings.own_kinds),
    }


def series_settings_screen(
    lang: str, *, title: str, tvmaze_id: int, settings: SeriesSettings
) -> BotMessage:
    """The screen; its last button goes back to the series card."""

    def toggle(selected: bool, key: str, verb: SeriesVerb, argument: str = "") -> Button:
        return Button(
            mark(selected, render.plain(lang, key)), series_data(tvmaze_id, verb, argument)
        )

    leads = [
        toggle(m in settings.lead_minutes, f"lead.{m}", SeriesVerb.LEAD, str(m))
        for m in LEAD_CHOICES
    ]
    kinds = [
        toggle(k in settings.news_kinds, f"kind.{k}", SeriesVerb.KIND, k.value) for k in NewsKind
    ]
    back = Button(render.label(lang, "settings.back"), card_data(Action.CARD, tvmaze_id))
    keyboard = (
        (toggle(settings.muted, "series.settings.button.mute", SeriesVerb.MUTE),),
        (toggle(settings.reminders_on, "series.settings.button.reminders", SeriesVerb.REMINDERS),),
        tuple(leads[:2]),
        tuple(leads[2:]),
        tuple(kinds[:2]),
        tuple(kinds[2:]),
        (toggle(settings.edges_only, "series.settings.button.edges", SeriesVerb.EDGES),),
        (
            Button(
                render.label(lang, "series.settings.button.reset"),
                series_data(tvmaze_id, SeriesVerb.RESET),
            ),
        ),
        (back,),
    )
    yes_no = render.plain(
        lang, "series.settings.yes" if settings.edges_only else "series.settings.no"
    )
    text = render.html(
        lang, "series.settings.text", title=title, edges=yes_no, **_summary(lang, settings)
    )
    return BotMessage(text, keyboard)
