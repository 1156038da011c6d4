"""/import: follow a list of series from pasted titles or another service's export, after
one confirmation; /export: the chat's series as a CSV file that /import reads back."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import ForceReply, InputFile, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError

from bot import prompts, render
from bot.callback_data import decode
from bot.catalog.export import export_csv, followed_rows
from bot.catalog.import_formats import (
    MAX_FILE_BYTES,
    ImportEntry,
    ImportProblem,
    ImportRejected,
    parse_document,
    parse_pasted,
)
from bot.catalog.import_match import ImportMatch, follow_matches, match_entries
from bot.catalog.import_views import confirm_screen, problem_screen, summary_screen
from bot.context import BotContext
from bot.message import BotMessage
from bot.prompts import Prompt
from bot.telegram_io import edit, reply, send

logger = logging.getLogger(__name__)

PENDING_KEY = "import"  # in chat_data: the matches waiting for their confirmation


def forget_pending(chat_data: dict[object, object] | None) -> None:
    """Drop the matches waiting for a confirmation (the chat's data is being deleted)."""
    if chat_data is not None:
        chat_data.pop(PENDING_KEY, None)


@dataclass(frozen=True)
class PendingImport:
    nonce: str
    matches: tuple[ImportMatch, ...]


async def import_command(update: Update, context: BotContext) -> None:
    """Takes titles on the lines after /import, or asks for a list or a file."""
    message = update.effective_message
    assert message is not None and message.text is not None
    scope = context.scope
    language = scope.language
    allowed = await scope.may_configure()
    pasted = message.text.partition("\n")[2]
    if allowed and not pasted.strip():
        prompts.ask(scope.chat, Prompt.IMPORT)
    await scope.done()
    if not allowed:
        await reply(message, BotMessage(render.html(language, "group.admins_only")))
    elif not pasted.strip():
        # In groups the answer must reply to the question for the bot to see it.
        force = ForceReply(selective=True) if scope.chat.type != ChatType.PRIVATE else None
        await message.reply_html(render.html(language, "import.ask"), reply_markup=force)
    else:
        await _start(message, context, language, _read_text(pasted))


async def import_input(update: Update, context: BotContext) -> None:
    """The answer to /import: a pasted list or a document (the prompt is settled either way)."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    language = scope.language
    prompts.settle(scope.chat)
    await scope.done()
    if message.document is not None:
        entries = await _read_document(message, context)
    elif message.text is not None:
        entries = _read_text(message.text)
    else:
        entries = ImportProblem.UNKNOWN_FORMAT
    await _start(message, context, language, entries)


def _read_text(text: str) -> list[ImportEntry] | ImportProblem:
    try:
        return parse_pasted(text)
    except ImportRejected as rejected:
        return rejected.problem


async def _read_document(
    message: Message, context: BotContext
) -> list[ImportEntry] | ImportProblem:
    document = message.document
    assert document is not None
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        return ImportProblem.TOO_LARGE
    try:
        file = await context.bot.get_file(document.file_id)
        if file.file_size is not None and file.file_size > MAX_FILE_BYTES:
            return ImportProblem.TOO_LARGE
        content = bytes(await file.download_as_bytearray())
    except TelegramError as error:
        logger.warning("import: the file could not be downloaded: %s", error)
        return ImportProblem.UNREADABLE
    try:
        return parse_document(document.file_name or "", content)
    except ImportRejected as rejected:
        return rejected.problem


async def _start(
    message: Message,
    context: BotContext,
    language: str,
    entries: list[ImportEntry] | ImportProblem,
) -> None:
    """Matching takes one TVmaze search per title (rate-limited): it runs beside the bot."""
    if isinstance(entries, ImportProblem):
        await reply(message, problem_screen(language, entries))
        return
    await reply(message, BotMessage(render.html(language, "import.matching", count=len(entries))))
    chat_data = context.chat_data
    assert chat_data is not None

    async def offer() -> None:
        matches = await match_entries(sessions=context.db, client=context.tvmaze, entries=entries)
        pending = PendingImport(secrets.token_hex(4), tuple(matches))
        chat_data[PENDING_KEY] = pending
        await send(context.bot, message.chat_id, confirm_screen(language, matches, pending.nonce))

    context.application.create_task(offer(), name="import-match")


async def import_button(update: Update, context: BotContext) -> None:
    """Follows the offered matches ("y<nonce>") or drops them ("n<nonce>")."""
    query = update.callback_query
    assert query is not None and query.message is not None
    scope = context.scope
    language = scope.language
    defaults = scope.defaults
    allowed = await scope.may_configure()
    await scope.done()
    if not allowed:
        await query.answer(render.alert(language, "group.admins_only"), show_alert=True)
        return
    data = decode(query.data)
    argument = data.argument if data is not None else ""
    chat_data = context.chat_data
    assert chat_data is not None
    pending = chat_data.get(PENDING_KEY)
    if not isinstance(pending, PendingImport) or argument[1:] != pending.nonce:
        await query.answer(render.alert(language, "import.expired"), show_alert=True)
        return
    del chat_data[PENDING_KEY]
    await query.answer()
    if argument[:1] != "y":
        await edit(query, BotMessage(render.html(language, "import.cancelled")))
        return
    await edit(query, BotMessage(render.html(language, "import.following")))
    chat_id = query.message.chat.id

    async def follow_all() -> None:
        summary = await follow_matches(
            sessions=context.db,
            client=context.tvmaze,
            chat_telegram_id=chat_id,
            matches=pending.matches,
            now=datetime.now(UTC),
            defaults=defaults,
        )
        await send(context.bot, chat_id, summary_screen(language, summary))

    context.application.create_task(follow_all(), name="import-follow")


async def export_command(update: Update, context: BotContext) -> None:
    """The chat's series as CSV: title, TVmaze id, premiere year, followed since."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    rows = await followed_rows(scope.session, chat_id=scope.chat.id)
    await scope.done()
    language = scope.language
    if not rows:
        await reply(message, BotMessage(render.html(language, "export.empty")))
        return
    await message.reply_document(
        InputFile(export_csv(rows), filename="serienwecker.csv"),
        caption=render.caption(language, "export.caption", count=len(rows)),
        parse_mode=ParseMode.HTML,
    )
