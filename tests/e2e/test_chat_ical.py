"""A fan attaches a German TV portal's iCal link to a series card: its airing is reminded to
that chat with its channel and to no other follower; bad links get clear answers."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from storage.chat_ical_models import ChatAiring, ChatIcal
from storage.db import create_engine, create_session_factory
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons, press
from tests.fake_feeds import FeedServer, Route
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show
from tests.unit.test_ical import event, feed

FAN, OTHER = 50, 51
SHOW = 90


async def ask(fake: FakeTelegram, chat_id: int, text: str, replies: int = 1) -> dict[str, Any]:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, chat_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + replies))[-1]


def ics_start(moment: datetime) -> str:
    return f"DTSTART:{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


async def stored_links(bot: BotRunner) -> tuple[int, int]:
    engine = create_engine(bot.database_url)
    async with create_session_factory(engine)() as session:
        links = await session.scalar(select(func.count()).select_from(ChatIcal))
        airings = await session.scalar(select(func.count()).select_from(ChatAiring))
    await engine.dispose()
    return links or 0, airings or 0


async def stored_uids(bot: BotRunner) -> list[str]:
    engine = create_engine(bot.database_url)
    async with create_session_factory(engine)() as session:
        uids = sorted(await session.scalars(select(ChatAiring.uid)))
    await engine.dispose()
    return uids


async def follow_and_open_card(fake: FakeTelegram, chat_id: int) -> dict[str, Any]:
    fake.add_user(chat_id, f"Fan {chat_id}", language_code="en")
    await ask(fake, chat_id, f"/start follow_{SHOW}", replies=2)
    listing = await ask(fake, chat_id, "/list")
    return await press(fake, chat_id, listing, "Ballard", chat_id)


async def attach(fake: FakeTelegram, chat_id: int, card: dict[str, Any], url: str) -> str:
    count = len(fake.messages(chat_id))
    query = fake.press_button(
        chat_id, card["message_id"], buttons(card)["📅 Add TV dates (iCal)"], chat_id
    )
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    [*_, asked] = await fake.wait_for_messages(chat_id, count=count + 1)
    assert "Send me the iCal link" in asked["visible"]
    return str((await ask(fake, chat_id, url))["visible"])


def add_show(tvmaze: FakeTvmaze) -> None:
    later = datetime.now(UTC) + timedelta(days=20)
    tvmaze.add_show(
        show(SHOW, "Ballard", network="Prime Video"),
        episodes=[episode(900, 2, 1, "Cold Case", later)],
    )


async def test_fan_attaches_a_calendar_whose_airing_reminds_only_that_chat_with_its_channel(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    add_show(tvmaze)
    await bot.stop()
    await bot.start(reminder_tick_seconds=1)
    # Reminded an hour ahead (the default lead time), a few seconds after attaching.
    airs = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=60, seconds=25)
    feeds.routes["/ballard.ics"] = Route(
        feed(
            event("zdfneo-1", ics_start(airs), "Ballard – Die Spur", "ZDFneo"),
            # Aired two hours ago: still read (older ones are not), but not upcoming.
            event("zdfneo-0", ics_start(airs - timedelta(hours=3)), "Ballard – Alt", "ZDFneo"),
        ),
        content_type="text/calendar",
        etag='"v1"',
    )
    card = await follow_and_open_card(fake, FAN)
    other_card = await follow_and_open_card(fake, OTHER)
    assert "📅 Add TV dates (iCal)" in buttons(other_card)

    answer = await attach(fake, FAN, card, feeds.url("/ballard.ics"))
    assert answer.startswith("Calendar added: 1 upcoming date found.")
    assert await stored_links(bot) == (1, 2)

    count = len(fake.messages(FAN))
    [*_, reminder] = await fake.wait_for_messages(FAN, count=count + 1, timeout=40)
    assert "Ballard" in reminder["visible"] and "Ballard – Die Spur" in reminder["visible"]
    assert "ZDFneo" in reminder["visible"]
    await asyncio.sleep(2)  # more ticks: nothing twice, nothing to the other follower
    assert len(fake.messages(FAN)) == count + 1
    assert not any("ZDFneo" in m["visible"] for m in fake.messages(OTHER))

    # The catalogue sync reads the link again, asking only for changes: with the same ETag
    # the server answers 304 and the stored airings stay; a new version replaces them.
    route = feeds.routes["/ballard.ics"]
    route.body = feed(event("zdfneo-9", ics_start(airs + timedelta(days=7)), "Neu", "ZDF"))
    before = feeds.hits["/ballard.ics"]
    await bot.run_job("catalog-sync")
    assert feeds.hits["/ballard.ics"] == before + 1
    assert await stored_uids(bot) == ["zdfneo-0", "zdfneo-1"]
    route.etag = '"v2"'
    await bot.run_job("catalog-sync")
    assert await stored_uids(bot) == ["zdfneo-0", "zdfneo-9"]  # the past one is history

    # The card now offers to remove the link; pressing it drops the airings too.
    listing = await ask(fake, FAN, "/list")
    card = await press(fake, FAN, listing, "Ballard", FAN)
    card = await press(fake, FAN, card, "Remove my TV dates", FAN)
    assert "📅 Add TV dates (iCal)" in buttons(card)
    assert await stored_links(bot) == (0, 0)


async def test_unfollowing_and_deletedata_drop_the_chats_calendar(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    add_show(tvmaze)
    soon = datetime.now(UTC) + timedelta(days=3)
    feeds.routes["/b.ics"] = Route(
        feed(event("e1", ics_start(soon), "Ballard", "ZDF")), content_type="text/calendar"
    )
    card = await follow_and_open_card(fake, FAN)
    assert "1 upcoming date" in await attach(fake, FAN, card, feeds.url("/b.ics"))
    other_card = await follow_and_open_card(fake, OTHER)
    assert "1 upcoming date" in await attach(fake, OTHER, other_card, feeds.url("/b.ics"))
    assert await stored_links(bot) == (2, 2)

    listing = await ask(fake, FAN, "/list")
    card = await press(fake, FAN, listing, "Ballard", FAN)
    await press(fake, FAN, card, "Unfollow", FAN)
    assert await stored_links(bot) == (1, 1)  # the other chat keeps its own

    confirm = await ask(fake, OTHER, "/deletedata")
    await press(fake, OTHER, confirm, "Yes, delete", OTHER)
    assert await stored_links(bot) == (0, 0)


async def test_private_address_refused_and_a_page_that_is_no_calendar_explained(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    add_show(tvmaze)
    feeds.routes["/page.html"] = Route(
        b"<html><body>Nur eine Seite</body></html>", content_type="text/html"
    )
    card = await follow_and_open_card(fake, FAN)

    answer = await attach(fake, FAN, card, feeds.url("/page.html"))
    assert "does not serve an iCal calendar" in answer and "nothing was added" in answer
    assert "That is not a web address" in await attach(fake, FAN, card, "tv dates please")

    await bot.stop()
    await bot.start(allow_private_feeds=False)
    listing = await ask(fake, FAN, "/list")
    card = await press(fake, FAN, listing, "Ballard", FAN)
    hits = feeds.hits["/page.html"]
    answer = await attach(fake, FAN, card, feeds.url("/page.html"))
    assert answer.startswith("I could not read that calendar (") and "nothing was added" in answer
    assert feeds.hits["/page.html"] == hits  # the loopback address was never contacted
    assert await stored_links(bot) == (0, 0)


async def test_in_a_group_only_an_admin_attaches_the_groups_calendar(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    add_show(tvmaze)
    admin, member, group = 52, 53, -1005252
    soon = datetime.now(UTC) + timedelta(days=3)
    feeds.routes["/g.ics"] = Route(
        feed(event("g1", ics_start(soon), "Ballard", "ZDF")), content_type="text/calendar"
    )
    fake.add_user(admin, "Admin", language_code="en")
    fake.add_user(member, "Member", language_code="en")
    fake.add_group(group, "Serienabend", type="supergroup", admins=[admin], members=[member])

    def said(user_id: int, text: str, replies: int = 1) -> Any:
        count = len(fake.messages(group))
        fake.send_text(group, user_id, text)
        return fake.wait_for_messages(group, count=count + replies)

    await said(admin, f"/start@serienwecker_test_bot follow_{SHOW}", replies=2)
    [*_, listing] = await said(admin, "/list")
    card = await press(fake, group, listing, "Ballard", admin)
    data = buttons(card)["📅 TV-Termine hinzufügen (iCal)"]  # a group speaks German here

    query = fake.press_button(group, card["message_id"], data, member)
    assert (await fake.wait_for_callback_answer(query)).get("show_alert")
    count = len(fake.messages(group))
    query = fake.press_button(group, card["message_id"], data, admin)
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    [*_, asked] = await fake.wait_for_messages(group, count=count + 1)
    assert "iCal-Link" in asked["visible"]

    count = len(fake.messages(group))
    fake.send_text(group, member, feeds.url("/g.ics"))  # a member's text answers nothing
    await asyncio.sleep(1)
    assert len(fake.messages(group)) == count and feeds.hits["/g.ics"] == 0
    [*_, done] = await said(admin, feeds.url("/g.ics"))
    assert done["visible"].startswith("Kalender hinzugefügt: 1 kommender Termin gefunden.")
    assert await stored_links(bot) == (1, 1)
