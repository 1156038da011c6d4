"""In groups, only administrators (anonymous ones too) change what the group follows."""

from bot.callback_data import Action, encode
from tests.e2e import catalogue
from tests.e2e.catalogue import DARK, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

GROUP, ADMIN, MEMBER = -1001234, 51, 52


async def say(fake: FakeTelegram, user_id: int, text: str, **kwargs) -> dict:
    count = len(fake.messages(GROUP))
    fake.send_text(GROUP, user_id, text, **kwargs)
    return (await fake.wait_for_messages(GROUP, count=count + 1))[-1]


async def test_admin_follows_member_is_refused(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    refusal = await say(fake, MEMBER, "/follow Dark")
    assert refusal["visible"] == "Das dürfen in dieser Gruppe nur Admins."

    offer = await say(fake, ADMIN, "/follow@serienwecker_test_bot Dark")
    # The member presses the admin's button: an alert, nothing followed, message unchanged.
    query = fake.press_button(GROUP, offer["message_id"], button_data(offer, "Dark (2017"), MEMBER)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] is True and "nur Admins" in answer["text"]
    assert fake.message(GROUP, offer["message_id"])["edits"] == 0

    done = await press(fake, GROUP, offer, "Dark (2017", ADMIN)
    assert done["visible"].startswith("✅ Du folgst jetzt Dark.")
    # Everyone may read the list.
    listing = await say(fake, MEMBER, "/list")
    assert "Dark – beendet" in listing["visible"]

    # Unfollow is admin-only too.
    refusal = await say(fake, MEMBER, "/unfollow")
    assert refusal["visible"] == "Das dürfen in dieser Gruppe nur Admins."
    menu = await say(fake, ADMIN, "/unfollow")
    query = fake.press_button(GROUP, menu["message_id"], encode(Action.UNFOLLOW, str(DARK)), MEMBER)
    assert (await fake.wait_for_callback_answer(query))["show_alert"] is True
    done = await press(fake, GROUP, menu, "Dark", ADMIN)
    assert done["visible"] == "Du folgst Dark nicht mehr."


async def test_anonymous_admin_follows(bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze):
    catalogue.fill(tvmaze)
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    offer = await say(fake, ADMIN, "/follow Money Heist", sender_chat_id=GROUP)
    assert list(buttons(offer)) == ["Money Heist (2017, Netflix)"]
    # Telegram reveals the real admin to the bot when an anonymous admin presses a button.
    done = await press(fake, GROUP, offer, "Money Heist", ADMIN)
    assert done["visible"].startswith("✅ Du folgst jetzt Money Heist.")
    listing = await say(fake, MEMBER, "/list")
    assert "Money Heist – läuft" in listing["visible"]
    assert encode(Action.FOLLOW, str(MONEY_HEIST)) not in str(listing.get("reply_markup"))
