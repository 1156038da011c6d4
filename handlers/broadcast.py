"""/broadcast for bot admins: ask for the message, preview it, choose the audience, send."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import JobQueue

from bot import prompts, render
from bot.callback_data import BroadcastPress, BroadcastVerb, decode, parse_broadcast
from bot.config import Settings
from bot.context import BotApplication, BotContext
from bot.delivery import broadcasts
from bot.delivery.screens import preview_screen, progress_text
from bot.message import BotMessage
from bot.prompts import Prompt
from bot.telegram_io import edit, reply
from handlers.common import settings_of
from storage.broadcasts import audience_sizes, running_broadcasts
from storage.chats import get_chat
from storage.deliveries import unsent_to
from storage.delivery_models import Broadcast
from storage.statuses import Audience

logger = logging.getLogger(__name__)


async def broadcast_command(update: Update, context: BotContext) -> None:
    """Asks an admin for the announcement; `/broadcast cancel` stops the unsent rest."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    language = scope.language
    values: dict[str, object] = {}
    if not scope.is_bot_admin:
        key = "admin.only"
    elif message.chat.type != ChatType.PRIVATE:  # the draft and its preview are for one eye
        key = "broadcast.private_only"
    elif context.args and context.args[0].lower() == "cancel":
        key, values = (
            "broadcast.cancel_done",
            {"count": await broadcasts.cancel_running(scope.session)},
        )
    else:
        prompts.ask(scope.chat, Prompt.BROADCAST)
        key = "broadcast.prompt"
    await scope.done()
    await reply(message, BotMessage(render.html(language, key, **values)))


async def broadcast_input(update: Update, context: BotContext) -> None:
    """Takes an admin's announcement (any message): preview copy plus the audience choice.

    Reached through the typed-input router when the chat owes `Prompt.BROADCAST`."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    scope = context.scope
    prompts.settle(scope.chat)
    draft = await broadcasts.create_draft(
        scope.session, author_id=update.effective_user.id, from_chat_id=message.chat.id,
        message_id=message.message_id,
    )  # fmt: skip
    sizes = await audience_sizes(scope.session)
    await scope.done()
    language = scope.language
    await context.bot.copy_message(message.chat.id, message.chat.id, message.message_id)
    await reply(message, preview_screen(language, draft.id, Audience(draft.audience), sizes))


async def broadcast_button(update: Update, context: BotContext) -> None:
    """Audience choice, Confirm (queue the copies) or Cancel of a previewed broadcast."""
    query = update.callback_query
    assert query is not None and query.message is not None
    press = parse_broadcast(decode(query.data))
    scope = context.scope
    draft = None
    if scope.is_bot_admin and press is not None:
        draft = await broadcasts.own_draft(
            scope.session, broadcast_id=press.broadcast_id, author_id=query.from_user.id
        )
    screen = None
    if draft is not None and press is not None:
        where = (query.message.chat.id, query.message.message_id)
        screen = await _decide(scope.session, scope.language, draft, press, where)
    await scope.done()
    if screen is None:
        await query.answer(render.alert(scope.language, "callback.invalid"), show_alert=True)
        return
    await query.answer()
    await edit(query, screen)
    if press is not None and press.verb is BroadcastVerb.CONFIRM and draft is not None:
        context.sender.wake()
        follow_progress(context.jobs, context.settings, draft.id)


async def _decide(
    session: AsyncSession,
    language: str,
    draft: Broadcast,
    press: BroadcastPress,
    status_message: tuple[int, int],
) -> BotMessage | None:
    """Apply the admin's press to their draft; the screen that replaces the preview."""
    if press.verb is BroadcastVerb.AUDIENCE and press.audience is not None:
        broadcasts.set_audience(draft, press.audience)
        sizes = await audience_sizes(session)
        return preview_screen(language, draft.id, press.audience, sizes)
    if press.verb is BroadcastVerb.CONFIRM:
        chat_id, message_id = status_message
        await broadcasts.start(session, draft, status_chat_id=chat_id, status_message_id=message_id)
        return BotMessage(progress_text(language, await broadcasts.progress(session, draft)))
    if press.verb is BroadcastVerb.CANCEL:
        broadcasts.cancel_draft(draft)
        return BotMessage(render.html(language, "broadcast.cancelled"))
    return None


def follow_progress(jobs: JobQueue[BotContext], settings: Settings, broadcast_id: int) -> None:
    """Edit the status message every few seconds until the broadcast is through."""
    jobs.run_repeating(
        progress_tick, interval=settings.broadcast_progress_seconds,
        data=broadcast_id, name=f"broadcast:{broadcast_id}",
    )  # fmt: skip


async def progress_tick(context: BotContext) -> None:
    """One progress edit; the last one is the summary and ends the job."""
    assert context.job is not None
    async with context.db.begin() as session:
        broadcast = await session.get(Broadcast, context.job.data)
        if broadcast is None:
            context.job.schedule_removal()
            return
        progress = await broadcasts.progress(session, broadcast)
        chat_id, message_id = broadcast.status_chat_id, broadcast.status_message_id
        admin_chat = await get_chat(session, telegram_id=chat_id or 0)
        # The admin's own copy goes first: an edit takes the chat's one message a second, and
        # edits every second or so would keep postponing the copy.
        copy_waits = admin_chat is not None and await unsent_to(
            session, broadcast_id=broadcast.id, chat_id=admin_chat.id
        )
    if copy_waits and not progress.done:
        return
    if progress.done:
        context.job.schedule_removal()
    language = (
        settings_of(admin_chat, context).language
        if admin_chat
        else context.settings.default_language
    )
    text = progress_text(language, progress)
    try:
        await context.bot.edit_message_text(text, chat_id, message_id, parse_mode="HTML")
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            logger.warning("broadcast %s: status edit rejected: %s", progress.broadcast_id, error)
    except TelegramError as error:  # e.g. 429: the next tick shows the newer counts anyway
        logger.info("broadcast %s: status edit skipped: %s", progress.broadcast_id, error)
        if progress.done:
            follow_progress(context.jobs, context.settings, progress.broadcast_id)  # summary owed


async def resume_progress(application: BotApplication) -> None:
    """After a restart, keep editing the status of broadcasts still running."""
    assert application.bot_data.sessions is not None
    async with application.bot_data.sessions() as session:
        running = await running_broadcasts(session)
    assert application.job_queue is not None
    for broadcast in running:
        follow_progress(application.job_queue, application.bot_data.settings, broadcast.id)
