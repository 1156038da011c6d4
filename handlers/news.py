"""/news for everyone; /addfeed, /feeds and /removefeed for the bot's administrators."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import Update

from bot import render
from bot.context import BotContext
from bot.http_fetch import FetchLimits
from bot.masked_url import masked_url
from bot.message import BotMessage
from bot.news.admin import check_and_add_feed, find_and_remove_feed
from bot.paged_screens import feeds_page, news_page
from bot.telegram_io import reply
from handlers.common import admin_message, read_id_press, refuse_press
from storage.feeds import add_report

logger = logging.getLogger(__name__)


async def news_command(update: Update, context: BotContext) -> None:
    """Shows the latest items about the chat's series, a page at a time."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    screen = await news_page(scope.session, chat_id=scope.chat.id, settings=scope.settings, page=0)
    await scope.done()
    await reply(message, screen)


async def addfeed_command(update: Update, context: BotContext) -> None:
    """Adds a news feed after checking that the URL really serves one."""
    admin = await admin_message(update, context)
    if admin is None:
        return
    message, language = admin
    await context.scope.done()  # the check stores the feed in its own transaction
    url = (context.args or [""])[0].strip()
    if not url:
        await reply(message, BotMessage(render.html(language, "feeds.add.usage")))
        return
    client = context.bot_data.feed_http
    assert client is not None
    outcome = await check_and_add_feed(
        context.db, client=client, limits=FetchLimits(), url=url, now=datetime.now(UTC)
    )
    feed_id = outcome.feed.id if outcome.feed else None
    title = outcome.feed.title or url if outcome.feed else ""
    if outcome.invalid_url:
        text = render.html(language, "feeds.add.invalid_url", url=url)
    elif outcome.existing_id is not None:
        text = render.html(language, "feeds.add.exists", id=outcome.existing_id)
    elif outcome.unreadable:
        text = render.html(language, "feeds.add.unreadable", url=url, reason=outcome.reason)
    elif feed_id is None:
        text = render.html(language, "feeds.add.not_a_feed", url=url, reason=outcome.reason)
    else:
        text = render.html(
            language, "feeds.add.done", id=feed_id, title=title, count=outcome.item_count
        )
    await message.reply_html(text, disable_web_page_preview=True)


async def feeds_command(update: Update, context: BotContext) -> None:
    """Lists the feeds with last fetch, items, errors and back-off, a page at a time."""
    admin = await admin_message(update, context)
    if admin is None:
        return
    message, _ = admin
    scope = context.scope
    screen = await feeds_page(scope.session, settings=scope.settings, page=0)
    await scope.done()
    await reply(message, screen)


async def removefeed_command(update: Update, context: BotContext) -> None:
    """Removes a feed, given its number or URL, with its items."""
    admin = await admin_message(update, context)
    if admin is None:
        return
    message, language = admin
    query = " ".join(context.args or []).strip()
    if not query:
        await reply(message, BotMessage(render.html(language, "feeds.remove.usage")))
        return
    feed = await find_and_remove_feed(context.scope.session, query=query)
    removed = (feed.id, masked_url(feed.url)) if feed else None
    await context.scope.done()
    if removed is None:
        text = render.html(language, "feeds.remove.not_found", query=query)
    else:
        text = render.html(language, "feeds.remove.done", id=removed[0], url=removed[1])
    await message.reply_html(text, disable_web_page_preview=True)


async def not_about_button(update: Update, context: BotContext) -> None:
    """Records that a news item is not about the chat's series and hides it from /news."""
    press = await read_id_press(update, context)
    scope = context.scope
    recorded = False
    if press.allowed and press.target is not None:
        recorded = await add_report(scope.session, chat_id=scope.chat.id, item_id=press.target)
    await scope.done()
    language, chat = scope.language, scope.chat
    if await refuse_press(press, language):
        return
    # Reporting twice is fine: thanks again, nothing recorded twice.
    logger.info("chat %s reported item %s (new: %s)", chat.id, press.target, recorded)
    await press.query.answer(render.alert(language, "news.reported"))


async def newstopic_command(update: Update, context: BotContext) -> None:
    """In a forum group, routes the group's news into the topic the command was sent in."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    allowed = await scope.may_configure()
    forum = bool(message.chat.is_forum)
    topic = message.message_thread_id if message.is_topic_message else None
    turn_off = bool(context.args) and (context.args or [""])[0].lower() in {"off", "aus"}
    chat = scope.chat
    if allowed and forum:
        chat.news_topic_id = None if turn_off else topic
        # What waits in the outbox (held news, planned reminders) goes where news goes now.
        await scope.replan_reminders()
        await scope.replan_held_news()
    await scope.done()
    language = scope.language
    if not allowed:
        key = "group.admins_only"
    elif not forum:
        key = "newstopic.no_forum"
    else:
        key = "newstopic.set" if chat.news_topic_id else "newstopic.main"
    await reply(message, BotMessage(render.html(language, key)))
