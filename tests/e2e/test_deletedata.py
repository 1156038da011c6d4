"""/deletedata: confirm, delete everything, and say so."""

from sqlalchemy import func, select

from storage.db import create_engine
from storage.models import Chat
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import press
from tests.fake_telegram import FakeTelegram

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
