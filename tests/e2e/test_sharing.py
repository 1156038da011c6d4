"""A fan opens a series card from /list, shares it by link, inline mode and a group link;
plain text in a private chat searches."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bot.callback_data import Action, encode
from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD, DARK, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN, FRIEND, ADMIN, MEMBER, GROUP = 40, 41, 42, 43, -1004242
BOT = "serienwecker_test_bot"


async def ask(fake: FakeTelegram, chat_id: int, user_id: int, text: str, replies: int = 1) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + replies))[-1]


async def test_list_opens_a_card_that_shares_and_goes_back(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    for tvmaze_id in (DARK, MONEY_HEIST):
        await ask(fake, FAN, FAN, f"/start follow_{tvmaze_id}", replies=2)
    listing = await ask(fake, FAN, FAN, "/list")
    assert list(buttons(listing)) == ["Dark", "Money Heist"]
    assert "Page" not in listing["visible"]

    card = await press(fake, FAN, listing, "Money Heist", FAN)
    lines = card["visible"].splitlines()
    assert lines[:2] == ["Money Heist", "running · Netflix"]
    assert lines[2].startswith("Next episode: ") and "S06E01 “El Regreso”" in lines[2]
    assert list(buttons(card)) == [
        "📤 Share",
        "⚙️ Settings for this series",
        "Unfollow",
        "📅 Add TV dates (iCal)",
        "◀ Back to the list",
    ]

    shared = await press(fake, FAN, card, "Share", FAN)
    links = buttons(shared)
    friend, group = links["📨 Link for a friend"], links["👥 Add to a group"]
    assert parse_qs(urlsplit(friend).query) == {"start": [f"series_{MONEY_HEIST}"]}
    assert parse_qs(urlsplit(group).query) == {"startgroup": [f"follow_{MONEY_HEIST}"]}
    assert urlsplit(friend).path == f"/{BOT}" and friend in shared["visible"]
    [post] = [
        b for row in shared["reply_markup"]["inline_keyboard"] for b in row if "💬" in b["text"]
    ]
    assert post["switch_inline_query"] == "Money Heist"

    back = await press(fake, FAN, shared, "Back to the series", FAN)
    assert back["visible"] == card["visible"]
    again = await press(fake, FAN, back, "Back to the list", FAN)
    assert again["visible"] == listing["visible"]

    # Unfollow from the card; a card of an unknown series is a clear alert.
    gone = await press(fake, FAN, (await press(fake, FAN, again, "Dark", FAN)), "Unfollow", FAN)
    assert gone["visible"] == "You no longer follow Dark."
    query = fake.press_button(
        FAN, listing["message_id"], encode(Action.CARD, "999999:0"), FAN, check=False
    )
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] and "don't know that series" in answer["text"]


async def test_follow_outcome_shows_the_card_buttons(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    offer = await ask(fake, FAN, FAN, "/follow Ballard")
    done = await press(fake, FAN, offer, "Ballard", FAN)
    assert done["visible"].startswith("✅ Du folgst jetzt Ballard.")
    assert list(buttons(done)) == [
        "📤 Teilen",
        "⚙️ Einstellungen für diese Serie",
        "Nicht mehr folgen",
        "📅 TV-Termine hinzufügen (iCal)",
        "◀ Zurück zur Liste",
    ]
    listing = await press(fake, FAN, done, "Zurück zur Liste", FAN)
    assert list(buttons(listing)) == ["Ballard"]


async def test_a_shared_link_offers_the_series_and_follows_on_confirmation(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FRIEND, "Friend", language_code="en")
    offer = await ask(fake, FRIEND, FRIEND, f"/start series_{BALLARD}", replies=2)
    # Nobody here follows Ballard yet: the card comes from TVmaze, without its episodes.
    assert offer["visible"] == (
        "Ballard\nrunning · Prime Video\nIts episodes load once someone follows it.\n\n"
        "Do you want a reminder before each episode?"
    )
    assert list(buttons(offer)) == ["✅ Follow this series"]
    # Only an offer: nothing is followed yet.
    assert "don't follow any series" in (await ask(fake, FRIEND, FRIEND, "/list"))["visible"]
    done = await press(fake, FRIEND, offer, "Follow this series", FRIEND)
    assert done["visible"].startswith("✅ You now follow Ballard.")
    assert list(buttons(await ask(fake, FRIEND, FRIEND, "/list"))) == ["Ballard"]
    # Opening the link again shows the card of the followed series.
    card = await ask(fake, FRIEND, FRIEND, f"/start series_{BALLARD}", replies=2)
    assert "📤 Share" in buttons(card) and "Do you want" not in card["visible"]
    # A link to a series TVmaze does not know: a clear answer.
    unknown = await ask(fake, FRIEND, FRIEND, "/start series_987654", replies=2)
    assert unknown["visible"].startswith("I don't know that series.")


async def test_startgroup_link_lets_an_admin_add_the_series_and_refuses_a_member(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(ADMIN, "Admin", language_code="en")
    fake.add_user(MEMBER, "Member", language_code="en")
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    # A group speaks the configured default language (German in these tests).
    refused = await ask(fake, GROUP, MEMBER, f"/start@{BOT} follow_{DARK}", replies=2)
    assert refused["visible"] == "Das dürfen in dieser Gruppe nur Admins."
    assert "Du folgst noch keiner Serie" in (await ask(fake, GROUP, ADMIN, "/list"))["visible"]
    done = await ask(fake, GROUP, ADMIN, f"/start@{BOT} follow_{DARK}", replies=2)
    assert done["visible"].startswith("✅ Du folgst jetzt Dark.")
    listing = await ask(fake, GROUP, ADMIN, "/list")
    assert list(buttons(listing)) == ["Dark"]


async def test_inline_query_lists_matching_series_as_cards_with_a_follow_link(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    query = fake.send_inline_query(FAN, "dark")
    answer = await fake.wait_for_inline_answer(query, timeout=10)
    results = {r["title"]: r for r in answer["results"]}
    assert set(results) == {"Dark", "Dark Matter", "Dark Winds"}
    dark = results["Dark"]
    assert dark["id"] == str(DARK) and dark["description"] == "2017, Netflix"
    assert dark["input_message_content"]["visible"].startswith("📺 Dark (2017, Netflix)\n")
    [[follow]] = dark["reply_markup"]["inline_keyboard"]
    assert follow["text"] == "✅ Follow"
    assert parse_qs(urlsplit(follow["url"]).query) == {"start": [f"series_{DARK}"]}
    assert answer["cache_time"] > 0 and answer["is_personal"]  # cards speak the user's language

    # The link from the posted card offers the series to whoever opens it.
    fake.add_user(FRIEND, "Friend", language_code="de")
    payload = parse_qs(urlsplit(follow["url"]).query)["start"][0]
    offer = await ask(fake, FRIEND, FRIEND, f"/start {payload}", replies=2)
    assert offer["visible"].startswith("Dark\nbeendet") and "✅ Dieser Serie folgen" in buttons(
        offer
    )

    # Nothing typed yet: no results, and no call to TVmaze.
    searches = tvmaze.calls("/search")
    empty = await fake.wait_for_inline_answer(fake.send_inline_query(FAN, "  "))
    assert empty["results"] == [] and tvmaze.calls("/search") == searches


async def test_inline_query_answers_from_known_series_when_tvmaze_fails(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    await ask(fake, FAN, FAN, f"/start follow_{MONEY_HEIST}", replies=2)
    tvmaze.fail_next(500, times=10)
    answer = await fake.wait_for_inline_answer(fake.send_inline_query(FAN, "haus des geldes"))
    assert [r["title"] for r in answer["results"]] == ["Money Heist"]


async def test_plain_text_in_a_private_chat_searches(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    offer = await ask(fake, FAN, FAN, "  Ballard ")
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]
    done = await press(fake, FAN, offer, "Ballard", FAN)
    assert done["visible"].startswith("✅ You now follow Ballard.")
    # In a group, plain text is conversation: no answer.
    fake.add_user(ADMIN, "Admin", language_code="en")
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN])
    fake.send_text(GROUP, ADMIN, "Ballard")
    await fake.wait_until_delivered()
    await ask(fake, GROUP, ADMIN, "/help")
    assert len(fake.messages(GROUP)) == 1


async def test_inline_query_does_not_wait_for_a_slow_tvmaze(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    await ask(fake, FAN, FAN, f"/start follow_{DARK}", replies=2)
    tvmaze.delay = 6.0  # slower than the inline limit, faster than the client's own timeout
    answer = await fake.wait_for_inline_answer(fake.send_inline_query(FAN, "dark"), timeout=10)
    # The stored series answer alone (TVmaze would add Dark Matter and Dark Winds).
    assert [r["title"] for r in answer["results"]] == ["Dark"]
    assert tvmaze.calls("/search") == 1  # it was asked, just not waited for
    tvmaze.delay = 0.0
