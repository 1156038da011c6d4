"""The per-update chat layer: permission asked once, one transaction committed or rolled back."""

from bot import prompts
from bot.chat_layer import ChatScope
from bot.chat_settings import Defaults
from bot.prompts import Prompt
from storage.chats import ensure_chat, get_chat
from storage.db import create_session_factory
from storage.migrate import upgrade_database
from storage.models import Chat


async def open_scope(sessions, calls: list[int]) -> ChatScope:
    session = sessions()
    await session.begin()
    chat = await ensure_chat(session, telegram_id=-100, chat_type="supergroup")

    async def check() -> bool:
        calls.append(1)
        return True

    return ChatScope(session, chat, Defaults("en", "Europe/Berlin"), False, check)


async def stored_prompt(sessions) -> Prompt | None:
    async with sessions() as session:
        chat = await get_chat(session, telegram_id=-100)
        return prompts.pending(chat) if chat else None


async def test_permission_is_asked_once_and_done_commits_the_handlers_work(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    calls: list[int] = []
    scope = await open_scope(sessions, calls)
    assert await scope.may_configure() and await scope.may_configure()
    assert calls == [1]
    assert (scope.language, scope.settings.timezone) == ("en", "Europe/Berlin")
    prompts.ask(scope.chat, Prompt.FOLLOW)
    await scope.done()
    await scope.done()  # the closing handler after a handler that ended it: nothing happens
    assert await stored_prompt(sessions) is Prompt.FOLLOW


async def test_abort_keeps_nothing_of_a_failed_update(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    scope = await open_scope(sessions, [])
    await scope.done()  # the chat row exists
    scope = await open_scope(sessions, [])
    prompts.ask(scope.chat, Prompt.TIMEZONE)
    await scope.session.flush()
    await scope.abort()
    await scope.done()  # too late: the update already failed
    assert await stored_prompt(sessions) is None


def test_a_command_ends_the_pending_prompt_and_says_which():
    chat = Chat(telegram_id=1, type="private")
    prompts.ask(chat, Prompt.TIMEZONE)
    assert prompts.after_update(chat, is_command=False) is None  # typed text: the answer
    assert prompts.pending(chat) is Prompt.TIMEZONE
    assert prompts.after_update(chat, is_command=True) is Prompt.TIMEZONE
    assert prompts.pending(chat) is None
    assert prompts.after_update(chat, is_command=True) is None  # /cancel: nothing open
