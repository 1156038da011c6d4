"""/deletedata: remove everything stored about a chat, after a confirmation button."""

from __future__ import annotations

from telegram import Update

from bot import render
from bot.callback_data import Action, decode, encode
from bot.context import BotContext
from bot.message import BotMessage, Button
from bot.telegram_io import edit, reply
from handlers.import_export import forget_pending
from storage.chats import delete_chat


async def deletedata_command(update: Update, context: BotContext) -> None:
    """Asks for confirmation before deleting the chat's data."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    allowed = await scope.may_configure()
    await scope.done()
    language = scope.language
    if not allowed:
        await reply(message, BotMessage(render.html(language, "group.admins_only")))
        return
    buttons = (
        Button(render.label(language, "deletedata.yes"), encode(Action.DELETE, "yes")),
        Button(render.label(language, "deletedata.no"), encode(Action.DELETE, "no")),
    )
    await reply(message, BotMessage(render.html(language, "deletedata.confirm"), (buttons,)))


async def deletedata_button(update: Update, context: BotContext) -> None:
    """Deletes the chat's data on "yes", keeps it on "no"."""
    query = update.callback_query
    assert query is not None and query.message is not None
    data = decode(query.data)
    scope = context.scope
    allowed = await scope.may_configure()
    language = scope.language
    confirmed = allowed and data is not None and data.argument == "yes"
    if confirmed:  # the row goes, and with it any pending prompt
        await delete_chat(scope.session, telegram_id=query.message.chat.id)
        forget_pending(context.chat_data)  # an import's matches, held in memory
    await scope.done()
    if not allowed:
        await query.answer(render.alert(language, "group.admins_only"), show_alert=True)
        return
    await query.answer()
    key = "deletedata.done" if confirmed else "deletedata.cancelled"
    await edit(query, BotMessage(render.html(language, key)))
