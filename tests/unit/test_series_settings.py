"""Per-series settings as plain values: the override rule, the screen's choices, the
starts-and-finales rule, and their callback data."""

import pytest

from bot.callback_data import (
    CardPress,
    SeriesPress,
    SeriesVerb,
    decode,
    parse_card,
    parse_series,
    series_data,
)
from bot.chat_settings import ChatSettings
from bot.news.kinds import NewsKind
from bot.series_settings import (
    FALLBACK_LEADS,
    SeriesOverride,
    apply_series_choice,
    effective_series_settings,
    is_season_edge,
    override_of,
    wants_reminder,
)
from bot.series_settings_menu import series_settings_screen
from storage.catalog_models import Follow

CHAT = ChatSettings(
    language="de",
    timezone="Europe/Berlin",
    lead_minutes=(60,),
    quiet_hours=None,
    news_kinds=(NewsKind.RENEWAL, NewsKind.PREMIERE),
)


def new_follow() -> Follow:
    return Follow(chat_id=1, series_id=2, muted=False, edges_only=False)


def test_without_an_override_the_series_has_the_chats_settings():
    settings = effective_series_settings(CHAT, SeriesOverride())
    assert settings.lead_minutes == (60,)
    assert settings.news_kinds == (NewsKind.RENEWAL, NewsKind.PREMIERE)
    assert settings.is_default and settings.reminders_on


def test_own_lead_times_and_kinds_replace_the_chats():
    override = SeriesOverride(lead_minutes=(1440, 15), news_kinds=(NewsKind.CANCELLATION,))
    settings = effective_series_settings(CHAT, override)
    assert settings.lead_minutes == (15, 1440)
    assert settings.news_kinds == (NewsKind.CANCELLATION,)
    assert settings.own_leads and settings.own_kinds and not settings.is_default


def test_an_empty_own_list_switches_off_what_the_chat_wants():
    settings = effective_series_settings(CHAT, SeriesOverride(lead_minutes=(), news_kinds=()))
    assert not settings.reminders_on and settings.news_kinds == ()


def test_a_muted_series_gets_neither_reminders_nor_news():
    settings = effective_series_settings(
        CHAT, SeriesOverride(muted=True, lead_minutes=(15,), news_kinds=tuple(NewsKind))
    )
    assert settings.reminded_leads == () and settings.wanted_kinds == ()
    assert settings.lead_minutes == (15,)  # kept for when it is unmuted
    assert not wants_reminder(settings, season_edge=True)


@pytest.mark.parametrize(
    ("number", "first", "last", "edge"),
    [(1, 1, 10, True), (10, 1, 10, True), (5, 1, 10, False), (None, 1, 10, False),
     (3, 3, 8, True), (1, 1, 1, True), (4, None, None, False)],
)  # fmt: skip
def test_season_edges_are_the_lowest_and_highest_known_numbers(number, first, last, edge):
    assert is_season_edge(number, first=first, last=last) is edge


def test_starts_and_finales_only_drops_the_episodes_in_between():
    edges = effective_series_settings(CHAT, SeriesOverride(edges_only=True))
    assert wants_reminder(edges, season_edge=True)
    assert not wants_reminder(edges, season_edge=False)
    assert wants_reminder(effective_series_settings(CHAT, SeriesOverride()), season_edge=False)
    off = effective_series_settings(CHAT, SeriesOverride(lead_minutes=(), edges_only=True))
    assert not wants_reminder(off, season_edge=True)


def test_a_lead_press_starts_from_the_chats_lead_times():
    follow = new_follow()
    assert apply_series_choice(follow, CHAT, SeriesVerb.LEAD, "15")
    assert follow.lead_minutes == [15, 60]
    assert apply_series_choice(follow, CHAT, SeriesVerb.LEAD, "60")
    assert follow.lead_minutes == [15]
    assert not apply_series_choice(follow, CHAT, SeriesVerb.LEAD, "30")
    assert not apply_series_choice(follow, CHAT, SeriesVerb.LEAD, "")
    assert follow.lead_minutes == [15]


def test_a_kind_press_starts_from_the_chats_kinds():
    follow = new_follow()
    assert apply_series_choice(follow, CHAT, SeriesVerb.KIND, "renewal")
    assert follow.news_kinds == ["premiere"]
    assert not apply_series_choice(follow, CHAT, SeriesVerb.KIND, "gossip")
    assert follow.news_kinds == ["premiere"]


def test_reminders_off_and_on_again():
    follow = new_follow()
    apply_series_choice(follow, CHAT, SeriesVerb.REMINDERS, "")
    assert follow.lead_minutes == []
    apply_series_choice(follow, CHAT, SeriesVerb.REMINDERS, "")
    assert follow.lead_minutes is None  # the chat's lead times again
    no_leads = ChatSettings("de", "UTC", (), None, ())
    apply_series_choice(follow, no_leads, SeriesVerb.REMINDERS, "")
    assert follow.lead_minutes == list(FALLBACK_LEADS)


def test_mute_edges_and_reset():
    follow = new_follow()
    assert apply_series_choice(follow, CHAT, SeriesVerb.MUTE, "")
    assert apply_series_choice(follow, CHAT, SeriesVerb.EDGES, "")
    apply_series_choice(follow, CHAT, SeriesVerb.LEAD, "15")
    apply_series_choice(follow, CHAT, SeriesVerb.KIND, "other")
    assert follow.muted and follow.edges_only
    assert not apply_series_choice(follow, CHAT, SeriesVerb.MUTE, "x")  # no argument expected
    assert apply_series_choice(follow, CHAT, SeriesVerb.RESET, "")
    assert effective_series_settings(CHAT, override_of(follow)).is_default


def test_series_callback_data_round_trips_and_rejects_forgeries():
    data = series_data(123456, SeriesVerb.KIND, "cancellation")
    press = parse_series(decode(data))
    assert press is not None
    assert press == SeriesPress(123456, SeriesVerb.KIND, "cancellation")
    assert parse_series(decode(series_data(7, SeriesVerb.OPEN))) is not None
    assert parse_series(decode("1|ss|7:zz")) is None
    assert parse_series(decode("1|ss|x:o")) is None
    assert parse_series(decode("1|uf|7")) is None


def test_the_screen_marks_what_is_in_effect_and_says_what_comes_from_the_chat():
    settings = effective_series_settings(CHAT, SeriesOverride(lead_minutes=(15,)))
    screen = series_settings_screen("en", title="Dark <3>", tvmaze_id=17861, settings=settings)
    assert "<b>⚙️ Dark &lt;3&gt;</b>" in screen.text
    assert "Reminders: 15 min before\n" in screen.text
    assert "News: Renewals, Premiere dates (as the chat)" in screen.text
    labels = [button.label for row in screen.keyboard for button in row]
    assert "✅ 15 min before" in labels and "▫️ 1 hour before" in labels
    assert "✅ Renewals" in labels and "▫️ Cancellations" in labels
    *_, back = (button.callback_data for row in screen.keyboard for button in row)
    assert parse_card(decode(back)) == CardPress(17861, 0)
    presses = [parse_series(decode(b.callback_data)) for row in screen.keyboard[:-1] for b in row]
    assert all(press is not None and press.tvmaze_id == 17861 for press in presses)


def test_a_muted_series_screen_says_so():
    settings = effective_series_settings(CHAT, SeriesOverride(muted=True))
    screen = series_settings_screen("de", title="Dark", tvmaze_id=1, settings=settings)
    assert screen.text.count("keine – stummgeschaltet") == 2
    assert screen.keyboard[0][0].label.startswith("✅ 🔇")
