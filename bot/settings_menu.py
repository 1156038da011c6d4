"""The /settings menu as screens of plain values (text + buttons), one per sub-menu."""

from __future__ import annotations

from collections.abc import Callable

from bot import render
from bot.callback_data import Action, encode
from bot.chat_settings import (
    COMMON_TIMEZONES,
    DIGEST_HOURS,
    LEAD_CHOICES,
    QUIET_PRESET,
    ChatSettings,
)
from bot.i18n import LANGUAGES
from bot.message import BotMessage, Button
from bot.news.kinds import NewsKind


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def mark(selected: bool, text: str) -> str:
    return ("✅ " if selected else "▫️ ") + text


def _back(lang: str) -> tuple[Button, ...]:
    return (Button(render.label(lang, "settings.back"), encode(Action.MENU, "main")),)


def summary(settings: ChatSettings) -> dict[str, str]:
    lang = settings.language
    leads = [render.plain(lang, f"lead.{m}") for m in settings.lead_minutes]
    kinds = [render.plain(lang, f"kind.{k}") for k in settings.news_kinds]
    quiet = settings.quiet_hours
    return {
        "language": render.plain(lang, f"language.{lang}"),
        "timezone": settings.timezone,
        "reminders": ", ".join(leads) or render.plain(lang, "settings.none"),
        "quiet": f"{clock(quiet[0])}–{clock(quiet[1])}"
        if quiet
        else render.plain(lang, "quiet.none"),
        "news": ", ".join(kinds) or render.plain(lang, "settings.none"),
        "quiet_mode": render.plain(
            lang, "quiet.mode.hold" if settings.quiet_hold else "quiet.mode.silent"
        ),
        "digest": render.plain(lang, "digest.off")
        if settings.digest_hour is None
        else render.plain(lang, "digest.at", hour=clock(settings.digest_hour * 60)),
    }


def main_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language

    def row(key: str, menu: str) -> tuple[Button, ...]:
        return (Button(render.label(lang, key), encode(Action.MENU, menu)),)

    return BotMessage(
        text=render.html(lang, "settings.main", **summary(settings)),
        keyboard=(
            row("settings.button.language", "lang"),
            row("settings.button.timezone", "tz"),
            row("settings.button.reminders", "lead"),
            row("settings.button.quiet", "quiet"),
            row("settings.button.news", "news"),
            row("settings.button.digest", "digest"),
            (Button(render.label(lang, "settings.done"), encode(Action.MENU, "done")),),
        ),
    )


def language_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language
    buttons = tuple(
        Button(
            mark(code == lang, render.plain(code, f"language.{code}")),
            encode(Action.LANGUAGE, code),
        )
        for code in LANGUAGES
    )
    return BotMessage(render.html(lang, "settings.language.title"), (buttons, _back(lang)))


def timezone_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language
    rows: list[tuple[Button, ...]] = [
        (Button(mark(zone == settings.timezone, zone), encode(Action.TIMEZONE, zone)),)
        for zone in COMMON_TIMEZONES
    ]
    rows.append(
        (Button(render.label(lang, "settings.timezone.other"), encode(Action.TIMEZONE, "*")),)
    )
    rows.append(_back(lang))
    return BotMessage(
        render.html(lang, "settings.timezone.title", timezone=settings.timezone), tuple(rows)
    )


def lead_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                mark(minutes in settings.lead_minutes, render.plain(lang, f"lead.{minutes}")),
                encode(Action.LEAD, str(minutes)),
            ),
        )
        for minutes in LEAD_CHOICES
    ]
    rows.append(_back(lang))
    return BotMessage(render.html(lang, "settings.reminders.title"), tuple(rows))


def quiet_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language
    preset = f"{clock(QUIET_PRESET[0])}–{clock(QUIET_PRESET[1])}"
    quiet = settings.quiet_hours
    custom = quiet is not None and quiet != QUIET_PRESET
    rows = (
        (
            Button(
                mark(quiet is None, render.plain(lang, "quiet.none")), encode(Action.QUIET, "off")
            ),
        ),
        (Button(mark(quiet == QUIET_PRESET, preset), encode(Action.QUIET, "preset")),),
        (Button(mark(custom, render.plain(lang, "quiet.custom")), encode(Action.QUIET, "*")),),
        (
            Button(
                mark(not settings.quiet_hold, render.plain(lang, "quiet.mode.silent")),
                encode(Action.QUIET_MODE, "silent"),
            ),
            Button(
                mark(settings.quiet_hold, render.plain(lang, "quiet.mode.hold")),
                encode(Action.QUIET_MODE, "hold"),
            ),
        ),
        _back(lang),
    )
    return BotMessage(render.html(lang, "settings.quiet.title", **summary(settings)), rows)


def news_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                mark(kind in settings.news_kinds, render.plain(lang, f"kind.{kind}")),
                encode(Action.NEWS, kind),
            ),
        )
        for kind in NewsKind
    ]
    rows.append(_back(lang))
    return BotMessage(render.html(lang, "settings.news.title"), tuple(rows))


def digest_screen(settings: ChatSettings) -> BotMessage:
    lang = settings.language
    hours = tuple(
        Button(
            mark(hour == settings.digest_hour, clock(hour * 60)), encode(Action.DIGEST, str(hour))
        )
        for hour in DIGEST_HOURS
    )
    rows = (
        (
            Button(
                mark(settings.digest_hour is None, render.plain(lang, "digest.off")),
                encode(Action.DIGEST, "off"),
            ),
        ),
        hours[: len(hours) // 2],
        hours[len(hours) // 2 :],
        _back(lang),
    )
    return BotMessage(render.html(lang, "settings.digest.title", **summary(settings)), rows)


SCREENS: dict[str, Callable[[ChatSettings], BotMessage]] = {
    "main": main_screen,
    "lang": language_screen,
    "tz": timezone_screen,
    "lead": lead_screen,
    "quiet": quiet_screen,
    "news": news_screen,
    "digest": digest_screen,
}
