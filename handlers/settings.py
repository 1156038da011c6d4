"""/settings: an inline menu edited in place, plus typed time zones and quiet hours."""

from __future__ import annotations

from telegram import ForceReply, Update
from telegram.constants import ChatType, ParseMode

from bot import render
from bot.callback_data import decode
from bot.chat_settings import apply_choice, apply_typed_input, is_fixed_offset
from bot.context import BotContext
from bot.message import BotMessage
from bot.prompts import Prompt
from bot.settings_menu import SCREENS, main_screen
from bot.telegram_io import edit, reply

PROMPTS = {Prompt.TIMEZONE: "settings.timezone.prompt", Prompt.QUIET_HOURS: "settings.quiet.prompt"}
INVALID_INPUT = {
    Prompt.TIMEZONE: "settings.timezone.invalid",
    Prompt.QUIET_HOURS: "settings.quiet.invalid",
}


async def settings_command(update: Update, context: BotContext) -> None:
    """Opens the settings menu (in groups, for administrators)."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    allowed = await scope.may_configure()
    await scope.done()
    current = scope.settings
    if not allowed:
        await reply(message, BotMessage(render.html(current.language, "group.admins_only")))
        return
    await reply(message, main_screen(current))


async def settings_button(update: Update, context: BotContext) -> None:
    """Applies one settings button and redraws the menu in place."""
    query = update.callback_query
    assert query is not None and query.message is not None
    data = decode(query.data)
    scope = context.scope
    allowed = data is not None and await scope.may_configure()
    language = scope.language
    outcome = apply_choice(scope.chat, data.action, data.argument) if data and allowed else None
    if scope.session.is_modified(scope.chat):
        await scope.replan_reminders()
        await scope.replan_held_news()
    await scope.done()
    current = scope.settings
    if outcome is None:
        key = "group.admins_only" if data and not allowed else "callback.invalid"
        await query.answer(render.alert(language, key), show_alert=True)
        return
    await query.answer()
    if isinstance(outcome, Prompt):
        await context.bot.send_message(
            query.message.chat.id,
            render.html(current.language, PROMPTS[outcome]),
            parse_mode=ParseMode.HTML,
            reply_markup=ForceReply(selective=True)
            if scope.chat.type != ChatType.PRIVATE
            else None,
        )
    elif outcome == "done":
        await edit(query, BotMessage(render.html(current.language, "settings.saved")))
    else:
        await edit(query, SCREENS[outcome](current))


async def settings_input(update: Update, context: BotContext, asked: Prompt) -> None:
    """Takes a typed time zone or quiet hours and shows the menu, or says what was wrong."""
    message = update.effective_message
    assert message is not None and message.text is not None
    scope = context.scope
    valid = apply_typed_input(scope.chat, message.text)
    if scope.session.is_modified(scope.chat):
        await scope.replan_reminders()
        await scope.replan_held_news()
    await scope.done()
    current = scope.settings
    if not valid:
        key = INVALID_INPUT[asked]
        if asked is Prompt.TIMEZONE and is_fixed_offset(message.text):
            key = "settings.timezone.offset"
        await reply(
            message, BotMessage(render.html(current.language, key, value=message.text[:100]))
        )
        return
    await reply(message, main_screen(current))


async def stale_button(update: Update, context: BotContext) -> None:
    """A button this version did not make (an old keyboard, forged data): says so."""
    query = update.callback_query
    assert query is not None
    await context.scope.done()
    await query.answer(render.alert(context.scope.language, "callback.invalid"), show_alert=True)
