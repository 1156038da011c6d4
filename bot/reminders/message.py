"""The text of a reminder, in the chat's language and time zone."""

from __future__ import annotations

from datetime import datetime

from bot import render
from bot.callback_data import Action, encode
from bot.catalog.schedule import Airing, episode_code
from bot.message import Button, Keyboard
from bot.timefmt import reminder_when


def reminder_text(airing: Airing, *, at: datetime, timezone: str, language: str) -> str:
    """What a follower reads at `at`: series, episode, when (relative to `at`), where."""
    return render.html(
        language,
        "reminder.text_channel" if airing.channel else "reminder.text",
        series=airing.series_title,
        code=episode_code(airing.season, airing.number),
        title=airing.title,
        when=reminder_when(
            airing.airstamp, airing.airdate, now=at, timezone=timezone, language=language
        ),
        channel=airing.channel or "",
    )


def reminder_keyboard(tvmaze_id: int, *, language: str) -> Keyboard:
    """Under a reminder: a button that sends the series card."""
    card = Button(
        render.label(language, "reminder.button.card"), encode(Action.CARD_POST, str(tvmaze_id))
    )
    return ((card,),)
