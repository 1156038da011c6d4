"""/deletedata: confirm, delete everything, and say so."""

from sqlalchemy import func, select

from storage.db import create_engine
from storage.models import Chat
from tests.e2e import catalogue
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN = 20


async def count_chats(bot: BotRunner) -> int:
    engine = create_engine(bot.database_url)
    async with engine.connect() as connection:
        count = await connection.scalar(select(func.count()).select_from(Chat))
    await engine.dispose()
    return int(count or 0)


async def test_deletedata_confirms_then_deletes(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/settings")
    menu = (await fake.wait_for_messages(FAN))[0]
    menu = await press(fake, FAN, menu, "Time zone", FAN)
    await press(fake, FAN, menu, "UTC", FAN)
    assert await count_chats(bot) == 1

    fake.send_text(FAN, FAN, "/deletedata")
    [*_, confirm] = await fake.wait_for_messages(FAN, count=2)
    assert "cannot be undone" in confirm["visible"]
    done = await press(fake, FAN, confirm, "Yes, delete", FAN)
    assert done["visible"].startswith("🗑 Done: everything stored about this chat is deleted.")
    assert done["reply_markup"] is None
    assert await count_chats(bot) == 0

    # The next contact starts from scratch: default time zone again.
    fake.send_text(FAN, FAN, "/settings")
    [*_, menu] = await fake.wait_for_messages(FAN, count=3)
    assert "Time zone: Europe/Berlin" in menu["visible"]


async def test_deletedata_cancel_keeps_everything(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="de")
    fake.send_text(FAN, FAN, "/deletedata")
    [confirm] = await fake.wait_for_messages(FAN)
    cancelled = await press(fake, FAN, confirm, "Abbrechen", FAN)
    assert cancelled["visible"] == "Abgebrochen – nichts wurde gelöscht."
    assert await count_chats(bot) == 1


async def test_a_prompt_ends_with_a_command_never_with_a_button(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    user = FAN + 1
    fake.add_user(user, "Fan", language_code="en")
    fake.send_text(user, user, "/deletedata")
    [confirm] = await fake.wait_for_messages(user)
    fake.send_text(user, user, "/follow")
    await fake.wait_for_messages(user, count=2)  # "Which series?": the chat owes a title
    await press(fake, user, confirm, "Cancel", user)  # an older button: the prompt stays
    fake.send_text(user, user, "Dark")
    [*_, offer] = await fake.wait_for_messages(user, count=3)
    assert "Dark" in str(offer["reply_markup"])  # candidates to follow, not a hint
    fake.send_text(user, user, "/follow")
    await fake.wait_for_messages(user, count=4)
    fake.send_text(user, user, "/help")  # a command: the prompt is over
    await fake.wait_for_messages(user, count=5)
    fake.send_text(user, user, "Dark")
    [*_, search] = await fake.wait_for_messages(user, count=6)
    # No prompt any more: plain text is a search, as /follow Dark would be.
    assert "“Dark”" in search["visible"]
