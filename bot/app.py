"""Builds the Application: database, command menu, handlers. Only wiring lives here."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import httpx
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.callback_data import SETTINGS_ACTIONS, Action, pattern
from bot.catalog.tvmaze import TvmazeClient
from bot.chat_settings import Defaults
from bot.commands import publish_commands, publish_descriptions
from bot.config import Settings
from bot.context import BotApplication, BotContext, BotData, bot_data_type
from bot.database import open_database
from bot.delivery.limits import SendScheduler
from bot.delivery.sender import Sender
from bot.http_fetch import FetchLimits, make_feed_client
from bot.jobs import (
    SHOW_INDEX_TICK_SECONDS,
    plan_reminders,
    poll_feeds,
    sync_catalog,
    sync_show_index_tick,
)
from bot.log_context import remember_update
from bot.news.admin import feed_address
from bot.news.announce import NewsAnnouncer
from bot.news.poll import NewsPoller
from bot.ops.endpoints import start_servers, stop_servers
from bot.ops.health import OUTBOX, OUTBOX_INTERVAL_SECONDS
from bot.ops.ticks import schedule_tick
from bot.reply_limiter import SharedRateLimiter
from bot.telegram_request import AiohttpRequest
from bot.update_order import ChatOrderedUpdates
from handlers.broadcast import broadcast_button, broadcast_command, resume_progress
from handlers.calendar import calendar_command, calendar_renew_button
from handlers.cancel import cancel_command
from handlers.card import card_button, card_post_button, share_button
from handlers.chat_ical import chat_ical_button, chat_ical_remove_button
from handlers.chat_layer import close_chat_scope, open_chat_scope
from handlers.deletedata import deletedata_button, deletedata_command
from handlers.errors import on_error
from handlers.fallback import unknown_command
from handlers.follow import follow_button, follow_command
from handlers.ical import addical_command
from handlers.import_export import export_command, import_button, import_command
from handlers.inline import inline_query
from handlers.listing import (
    list_command,
    news_unfollow_button,
    next_command,
    unfollow_button,
    unfollow_command,
)
from handlers.membership import group_migrated, my_membership
from handlers.news import (
    addfeed_command,
    feeds_command,
    news_command,
    newstopic_command,
    not_about_button,
    removefeed_command,
)
from handlers.paging import page_button
from handlers.series_settings import series_settings_button
from handlers.settings import settings_button, settings_command, stale_button
from handlers.start import help_command, start
from handlers.stats import stats_command
from handlers.typed_input import typed_input
from storage.db import create_session_factory
from storage.feeds import seed_feeds

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [
    Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER, Update.INLINE_QUERY,
]  # fmt: skip
USER_AGENT = "Serienwecker/0.1 (Telegram bot for TV-series fans)"
TVMAZE_TIMEOUT_SECONDS = 8.0
# Updates handled at once (each chat's own still one after another): enough that slow
# searches never hold up other chats, few enough for the database pool to serve them.
MAX_CONCURRENT_UPDATES = 64


async def _post_init(application: BotApplication, scheduler: SendScheduler) -> None:
    data: BotData = application.bot_data
    data.engine = await open_database(data.settings.database_url)
    data.sessions = create_session_factory(data.engine)
    data.http = httpx.AsyncClient(
        timeout=httpx.Timeout(TVMAZE_TIMEOUT_SECONDS, connect=5.0),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
    )
    data.tvmaze = TvmazeClient(str(data.settings.tvmaze_base_url), data.http)
    data.sender = Sender(
        application.bot,
        data.engine,
        data.sessions,
        per_second=data.settings.max_messages_per_second,
        monitor=data.ops,
        scheduler=scheduler,
    )
    data.ops.liveness.restart()
    data.sender.start()
    await resume_progress(application)
    limits = FetchLimits()
    announcer = NewsAnnouncer(
        Defaults(data.settings.default_language, data.settings.default_timezone),
        data.settings.admin_ids,
        data.sessions,
    )
    data.feed_http = make_feed_client(limits, allow_private=data.settings.allow_private_feeds)
    data.news = NewsPoller(
        sessions=data.sessions,
        client=data.feed_http,
        limits=limits,
        poll_seconds=data.settings.feed_poll_seconds,
        announce=announcer.news,
        warn=announcer.failing,
    )
    async with data.sessions.begin() as session:
        urls = [feed_address(str(url)) or str(url) for url in data.settings.feed_urls]
        added = await seed_feeds(session, urls=urls, now=datetime.now(UTC))
    if added:
        logger.info("seeded %d feeds from FEED_URLS", added)
    try:
        await publish_commands(application.bot, data.settings.admin_ids)
        await publish_descriptions(application.bot)
    except TelegramError:
        logger.warning("could not publish the menus or descriptions; continuing", exc_info=True)
    await start_servers(application)
    logger.info("started as @%s", application.bot.username)


async def _post_shutdown(application: BotApplication) -> None:
    data: BotData = application.bot_data
    await stop_servers(data)
    if data.http is not None:
        await data.http.aclose()
    if data.sender is not None:
        await data.sender.stop()
    if data.feed_http is not None:
        await data.feed_http.aclose()
    if data.engine is not None:
        await data.engine.dispose()
    await asyncio.gather(*(request.shutdown() for request in data.telegram_requests))


def build_application(settings: Settings) -> BotApplication:
    """The bot as users run it; tests build the same one against local fakes."""
    context_types = ContextTypes(context=BotContext, bot_data=bot_data_type(settings))

    def token_rejected() -> None:  # any call answered 401: bot.runner stops the bot
        application.bot_data.ops.token_rejected.set()

    requests = (  # calls, getUpdates
        AiohttpRequest(on_unauthorized=token_rejected),
        AiohttpRequest(pool_size=1, on_unauthorized=token_rejected),
    )
    # One Telegram budget: handler replies and the outbox sender share this scheduler.
    scheduler = SendScheduler(settings.max_messages_per_second)

    async def post_init(application: BotApplication) -> None:
        await _post_init(application, scheduler)

    application: BotApplication = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.api_base_url)
        .request(requests[0])
        .get_updates_request(requests[1])
        .base_file_url(settings.api_file_url)
        .context_types(context_types)
        .job_queue(JobQueue[BotContext]())
        .post_init(post_init)
        .concurrent_updates(ChatOrderedUpdates(MAX_CONCURRENT_UPDATES))
        .rate_limiter(SharedRateLimiter(scheduler))
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.telegram_requests = requests

    # Every update first names itself for the log lines it causes.
    application.add_handler(TypeHandler(Update, remember_update), group=-2)

    # The chat layer: a message or button's chat, loaded once before any handler (group -1),
    # committed after the last one (group 1); on an error, on_error rolls it back.
    admins = filters.User(user_id=settings.admin_ids)
    typed = filters.TEXT | (filters.ChatType.PRIVATE & admins)
    typed = typed | filters.Document.ALL  # an export file after /import
    chat_messages = (filters.COMMAND | typed) & ~filters.StatusUpdate.ALL
    application.add_handler(MessageHandler(chat_messages, open_chat_scope), group=-1)
    application.add_handler(CallbackQueryHandler(open_chat_scope), group=-1)
    application.add_handler(TypeHandler(Update, close_chat_scope), group=1)

    # Commands, in private chats and groups.
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("settings", settings_command))
    application.add_handler(CommandHandler("deletedata", deletedata_command))
    application.add_handler(CommandHandler("follow", follow_command))
    application.add_handler(CommandHandler("unfollow", unfollow_command))
    application.add_handler(CommandHandler("list", list_command))
    application.add_handler(CommandHandler("next", next_command))
    application.add_handler(CommandHandler("calendar", calendar_command))
    application.add_handler(CommandHandler("import", import_command))
    application.add_handler(CommandHandler("export", export_command))
    application.add_handler(CommandHandler("cancel", cancel_command))

    # Admin commands (bot admins from ADMIN_IDS; everyone else is told so).
    application.add_handler(CommandHandler("broadcast", broadcast_command))
    application.add_handler(CommandHandler("stats", stats_command))
    application.add_handler(CommandHandler("news", news_command))
    application.add_handler(CommandHandler("newstopic", newstopic_command, filters.ChatType.GROUPS))

    # Bot administrators (ADMIN_IDS): news feeds.
    application.add_handler(CommandHandler("addfeed", addfeed_command))
    application.add_handler(CommandHandler("feeds", feeds_command))
    application.add_handler(CommandHandler("removefeed", removefeed_command))

    # Bot administrators (ADMIN_IDS): air dates from an iCal feed for one series.
    application.add_handler(CommandHandler("addical", addical_command))

    # Inline buttons, routed by the action in their callback data; anything else is stale.
    application.add_handler(CallbackQueryHandler(deletedata_button, pattern(Action.DELETE)))
    application.add_handler(CallbackQueryHandler(follow_button, pattern(Action.FOLLOW)))
    application.add_handler(CallbackQueryHandler(unfollow_button, pattern(Action.UNFOLLOW)))
    application.add_handler(
        CallbackQueryHandler(news_unfollow_button, pattern(Action.NEWS_UNFOLLOW))
    )
    application.add_handler(CallbackQueryHandler(broadcast_button, pattern(Action.BROADCAST)))
    application.add_handler(CallbackQueryHandler(not_about_button, pattern(Action.NOT_ABOUT)))
    application.add_handler(CallbackQueryHandler(settings_button, pattern(*SETTINGS_ACTIONS)))
    # Issue 14: calendar subscription and import.
    application.add_handler(
        CallbackQueryHandler(calendar_renew_button, pattern(Action.CALENDAR_RENEW))
    )
    application.add_handler(CallbackQueryHandler(import_button, pattern(Action.IMPORT)))
    application.add_handler(CallbackQueryHandler(series_settings_button, pattern(Action.SERIES)))
    application.add_handler(CallbackQueryHandler(card_button, pattern(Action.CARD)))
    application.add_handler(CallbackQueryHandler(card_post_button, pattern(Action.CARD_POST)))
    application.add_handler(CallbackQueryHandler(share_button, pattern(Action.SHARE)))
    application.add_handler(CallbackQueryHandler(chat_ical_button, pattern(Action.CHAT_ICAL)))
    application.add_handler(
        CallbackQueryHandler(chat_ical_remove_button, pattern(Action.CHAT_ICAL_REMOVE))
    )
    application.add_handler(CallbackQueryHandler(page_button, pattern(Action.PAGE)))
    application.add_handler(CallbackQueryHandler(stale_button))

    # Inline mode: `@bot <title>` in any chat.
    application.add_handler(InlineQueryHandler(inline_query))

    # Chat lifecycle: joined, left, blocked, upgraded to a supergroup.
    application.add_handler(ChatMemberHandler(my_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, group_migrated))

    # Everything else: the answer to a pending prompt (an admin's announcement after /broadcast
    # may be any kind of message), then hints.
    application.add_handler(MessageHandler(typed & ~filters.COMMAND, typed_input))
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))

    application.add_error_handler(on_error)

    # Periodic ticks, each timed and watched by /healthz (as is the sender's loop).
    sync_every = settings.catalog_sync_seconds
    schedule_tick(
        application, "catalog-sync", sync_catalog, interval=sync_every, first=min(60, sync_every)
    )
    # The world catalogue (TVmaze's index of all shows): a few pages a tick, in the background.
    if settings.show_index_sync_seconds:
        schedule_tick(
            application, "show-index", sync_show_index_tick, interval=SHOW_INDEX_TICK_SECONDS,
            first=30,
        )  # fmt: skip
    schedule_tick(
        application, "reminders", plan_reminders, interval=settings.reminder_tick_seconds, first=1
    )
    # Each feed is due every FEED_POLL_SECONDS (or later, backing off); the tick only looks.
    schedule_tick(
        application, "feed-poll", poll_feeds, interval=min(60, settings.feed_poll_seconds), first=10
    )
    application.bot_data.ops.liveness.expect(OUTBOX, OUTBOX_INTERVAL_SECONDS)
    return application
