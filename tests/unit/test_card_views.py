from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.callback_data import (
    Action,
    CallbackData,
    CardPress,
    PagePress,
    Screen,
    SeriesPress,
    SeriesVerb,
    decode,
    parse_card,
    parse_page,
    parse_series,
)
from bot.catalog.card_views import (
    DeepLink,
    LinkKind,
    card_screen,
    inline_card,
    offer_screen,
    parse_deep_link,
    share_screen,
)
from bot.catalog.search import Candidate
from bot.catalog.series_card import SeriesCard

CARD = SeriesCard(
    tvmaze_id=17861,
    title="Dark <&>",
    status="Ended",
    network="Netflix",
    followed=True,
    next_airing=None,
)


def test_card_shows_title_status_network_and_next_episode_escaped():
    screen = card_screen("de", "Europe/Berlin", CARD, page=3)
    assert screen.text.startswith("<b>Dark &lt;&amp;&gt;</b>\nbeendet · Netflix\n")
    labels = [b.label for row in screen.keyboard for b in row]
    assert labels == [
        "📤 Teilen",
        "⚙️ Einstellungen für diese Serie",
        "Nicht mehr folgen",
        "📅 TV-Termine hinzufügen (iCal)",
        "◀ Zurück zur Liste",
    ]
    share, own, unfollow, own_dates, back = (
        b.callback_data for row in screen.keyboard for b in row
    )
    assert parse_card(decode(share)) == CardPress(17861, 3)
    assert parse_series(decode(own)) == SeriesPress(17861, SeriesVerb.OPEN)
    assert decode(unfollow) is not None and decode(unfollow).action is Action.UNFOLLOW
    assert decode(own_dates) == CallbackData(Action.CHAT_ICAL, "17861")
    assert parse_page(decode(back)) == PagePress(Screen.LIST, 3)


def test_a_card_with_the_chats_own_calendar_offers_to_remove_it():
    screen = card_screen("en", "UTC", replace(CARD, own_calendar=True))
    [own_dates] = [b for row in screen.keyboard for b in row if "iCal" in b.label]
    assert own_dates.label == "📅 Remove my TV dates (iCal)"
    assert decode(own_dates.callback_data) == CallbackData(Action.CHAT_ICAL_REMOVE, "17861")


def test_a_card_of_a_series_not_followed_offers_to_follow():
    screen = card_screen("en", "UTC", SeriesCard(1, "X", None, None, False, None))
    labels = [b.label for row in screen.keyboard for b in row]
    assert labels == ["📤 Share", "✅ Follow", "◀ Back to the list"]
    assert "status unknown" in screen.text


def test_share_links_offer_privately_and_follow_in_a_group():
    screen = share_screen("en", CARD, bot_username="my_bot", page=0)
    private, group, chat, back = (b for row in screen.keyboard for b in row)
    assert chat.inline_query == "Dark <&>" and not chat.callback_data and not chat.url
    assert urlsplit(private.url).netloc == "t.me" and urlsplit(private.url).path == "/my_bot"
    assert parse_qs(urlsplit(private.url).query) == {"start": ["series_17861"]}
    assert parse_qs(urlsplit(group.url).query) == {"startgroup": ["follow_17861"]}
    assert parse_deep_link("series_17861") == DeepLink(LinkKind.OFFER, 17861)
    assert parse_deep_link("follow_17861") == DeepLink(LinkKind.FOLLOW, 17861)
    assert parse_card(decode(back.callback_data)) == CardPress(17861, 0)
    assert private.url in screen.text and "Dark &lt;&amp;&gt;" in screen.text


@pytest.mark.parametrize(
    "payload", ["", "series_", "series_abc", "follow_-1", "series_1234567890", "other_5", "5"]
)
def test_payloads_we_did_not_make_are_ignored(payload):
    assert parse_deep_link(payload) is None


def test_offer_asks_first_and_an_unknown_series_gets_a_clear_answer():
    offer = offer_screen("en", "UTC", SeriesCard(5, "Y", "Running", None, False, None))
    [[follow]] = offer.keyboard
    assert decode(follow.callback_data) is not None
    assert decode(follow.callback_data).action is Action.FOLLOW
    assert offer.text.endswith("Do you want a reminder before each episode?")
    assert offer_screen("en", "UTC", None).text.startswith("I don't know that series.")


def test_inline_card_links_to_the_offer():
    message = inline_card(
        "de", Candidate(7, "Babylon <Berlin>", 2017, "Sky"), bot_username="my_bot"
    )
    assert message.text.startswith("📺 <b>Babylon &lt;Berlin&gt;</b> (2017, Sky)\n")
    [[follow]] = message.keyboard
    assert follow.callback_data == "" and follow.url == "https://t.me/my_bot?start=series_7"
