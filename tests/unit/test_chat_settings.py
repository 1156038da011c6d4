import pytest

from bot import prompts
from bot.callback_data import Action
from bot.chat_settings import (
    QUIET_PRESET,
    apply_choice,
    apply_typed_input,
    effective_settings,
    parse_quiet_hours,
    resolve_timezone,
)
from bot.news.kinds import NewsKind
from bot.prompts import Prompt
from storage.models import ALL_NEWS_KINDS, Chat


def new_chat() -> Chat:
    return Chat(
        telegram_id=1,
        type="private",
        lead_minutes=[60],
        news_kinds=list(ALL_NEWS_KINDS),
        telegram_language="en-US",
    )


def effective(chat: Chat):
    return effective_settings(chat, default_language="de", default_timezone="Europe/Berlin")


def test_defaults_apply_until_the_chat_chooses():
    chat = new_chat()
    current = effective(chat)
    assert (current.language, current.timezone, current.quiet_hours) == (
        "en",
        "Europe/Berlin",
        None,
    )
    assert apply_choice(chat, Action.LANGUAGE, "de") == "main"
    assert apply_choice(chat, Action.TIMEZONE, "America/New_York") == "main"
    assert (effective(chat).language, effective(chat).timezone) == ("de", "America/New_York")


def test_lead_times_and_news_kinds_toggle():
    chat = new_chat()
    assert apply_choice(chat, Action.LEAD, "15") == "lead"
    assert apply_choice(chat, Action.LEAD, "1440") == "lead"
    assert apply_choice(chat, Action.LEAD, "60") == "lead"
    assert effective(chat).lead_minutes == (15, 1440)
    assert apply_choice(chat, Action.NEWS, "other") == "news"
    assert effective(chat).news_kinds == ("renewal", "cancellation", "premiere")


@pytest.mark.parametrize(
    ("action", "argument"),
    [
        (Action.LEAD, "7"),
        (Action.LEAD, "-15"),
        (Action.LEAD, "abc"),
        (Action.NEWS, "gossip"),
        (Action.TIMEZONE, "Mars/Base"),
        (Action.LANGUAGE, "fr"),
        (Action.QUIET, "always"),
        (Action.MENU, "admin"),
        (Action.QUIET_MODE, "loud"),
        (Action.DIGEST, "25"),
        (Action.DIGEST, "3"),
        (Action.DIGEST, "-8"),
    ],
)
def test_forged_choices_change_nothing(action, argument):
    chat = new_chat()
    before = effective(chat)
    assert apply_choice(chat, action, argument) is None
    assert effective(chat) == before


def test_quiet_hours_preset_custom_and_off():
    chat = new_chat()
    assert apply_choice(chat, Action.QUIET, "preset") == "main"
    assert effective(chat).quiet_hours == QUIET_PRESET
    assert apply_choice(chat, Action.QUIET, "*") is Prompt.QUIET_HOURS
    assert apply_typed_input(chat, "23:30 - 6:15") is True
    assert effective(chat).quiet_hours == (23 * 60 + 30, 6 * 60 + 15)
    assert prompts.pending(chat) is None
    assert apply_choice(chat, Action.QUIET, "off") == "main"
    assert effective(chat).quiet_hours is None


def test_typed_timezone_is_validated():
    chat = new_chat()
    assert apply_choice(chat, Action.TIMEZONE, "*") is Prompt.TIMEZONE
    assert apply_typed_input(chat, "Mars/Base") is False
    assert prompts.pending(chat) is Prompt.TIMEZONE
    assert apply_typed_input(chat, "x" * 5000) is False
    assert apply_typed_input(chat, "  america/new york ") is True
    assert chat.timezone == "America/New_York" and prompts.pending(chat) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22:00-07:00", (1320, 420)),
        ("22-8", (1320, 480)),
        ("22.30 bis 6.00", (1350, 360)),
        ("9:00 to 17:00", (540, 1020)),
        ("24:00-07:00", None),
        ("22:61-07:00", None),
        ("08:00-08:00", None),
        ("tonight", None),
        ("22 Uhr bis 7 Uhr", (1320, 420)),
        ("von 22 bis 6:30 Uhr", (1320, 390)),
        ("22h-7h", (1320, 420)),
        ("22h30 - 7h", (1350, 420)),
        ("10pm-7am", (1320, 420)),
        ("from 10:30 p.m. until 6 a.m.", (1350, 360)),
        ("12am-12pm", (0, 720)),
        ("13pm-7am", None),
        ("0am-7am", None),
        ("25 Uhr bis 7 Uhr", None),
        ("10 p.m - 7 a.m", (1320, 420)),
        ("22 bis um 7 Uhr.", (1320, 420)),
        ("22 − 7", (1320, 420)),  # a typographic minus
        ("٢٢-٧", None),  # digits of another script, as everywhere in settings
    ],
)
def test_parse_quiet_hours(text, expected):
    assert parse_quiet_hours(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("utc", "UTC"),
        ("../../etc/passwd", None),
        ("", None),
        ("Berlin", "Europe/Berlin"),  # the city that names the zone
        ("new york", "America/New_York"),
        ("Zürich", "Europe/Zurich"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Indianapolis", "America/Indiana/Indianapolis"),
        ("Amsterdam", "Europe/Amsterdam"),  # a link now, but a country's zone in zone.tab
        ("North", None),  # Australia/North is a backward link, not a city
        ("Central", None),  # US/Central, Canada/Central
        ("Munich", None),  # no zone is named after it
        ("Wien", "Europe/Vienna"),  # the zone's city in German (CLDR)
        ("moskau", "Europe/Moscow"),
        ("Kiew", "Europe/Kyiv"),  # CLDR files it under the former Europe/Kiev
        ("Kalkutta", "Asia/Kolkata"),
        ("Ho Chi Minh City", "Asia/Ho_Chi_Minh"),
        ("Cote d'Ivoire", "Africa/Abidjan"),  # CLDR writes "Côte d’Ivoire"
        ("Deutschland", "Europe/Berlin"),  # Büsingen keeps Berlin's clock
        ("Austria", "Europe/Vienna"),
        ("United Kingdom", "Europe/London"),
        ("Vereinigte Staaten", None),  # many clocks
        ("United States", None),
        ("Spanien", None),  # the Canaries an hour behind Madrid
        ("localtime", None),  # the system's file, not a zone of tzdata
        ("posixrules", None),
        ("EST", None),  # always UTC−5: a New Yorker's reminders an hour off all summer
        ("Etc/GMT+2", None),  # POSIX: UTC−2, not what the fan who types it means
        ("UTC+2", None),
        ("GMT+0", "GMT+0"),  # no offset: UTC by another name
    ],
)
def test_resolve_timezone(text, expected):
    assert resolve_timezone(text) == expected


def test_stored_default_news_kinds_are_the_news_kinds():
    assert ALL_NEWS_KINDS == tuple(kind.value for kind in NewsKind)


def test_quiet_mode_silent_or_hold():
    chat = new_chat()
    assert effective(chat).quiet_hold is False
    assert apply_choice(chat, Action.QUIET_MODE, "hold") == "quiet"
    assert effective(chat).quiet_hold is True
    assert apply_choice(chat, Action.QUIET_MODE, "silent") == "quiet"
    assert effective(chat).quiet_hold is False


def test_digest_hour_on_and_off():
    chat = new_chat()
    assert effective(chat).digest_hour is None
    assert apply_choice(chat, Action.DIGEST, "18") == "digest"
    assert effective(chat).digest_hour == 18
    assert apply_choice(chat, Action.DIGEST, "off") == "digest"
    assert effective(chat).digest_hour is None
