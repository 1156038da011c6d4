"""Storage on SQLite and PostgreSQL: migrations, chats, deletion, migration to a supergroup."""

from sqlalchemy import event, inspect, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.util import await_only

from storage.broadcasts import audience_chat_ids, audience_sizes, chat_counts
from storage.chats import delete_chat, ensure_chat, get_chat, migrate_chat, set_chat_status
from storage.db import create_session_factory
from storage.migrate import alembic_config, downgrade_database, upgrade_database
from storage.schema import Base
from storage.statuses import Audience


async def test_migrations_match_the_models_and_run_both_ways(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    await upgrade_database(engine)
    await upgrade_database(engine)  # a second start changes nothing

    def differences(connection):
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)

    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []
    await downgrade_database(engine, "base")
    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda c: inspect(c).get_table_names())
    assert "chats" not in tables
    assert alembic_config().get_main_option("script_location").endswith("migrations")


async def test_sqlite_runs_in_wal_with_foreign_keys(engine, database_url):
    if not database_url.startswith("sqlite"):
        return
    async with engine.connect() as connection:
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
        assert (await connection.execute(text("PRAGMA busy_timeout"))).scalar() == 15000


async def test_chat_lifecycle(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=-100123, chat_type="group")
        chat.timezone = "America/New_York"
        chat.lead_minutes = [15, 1440]
    async with sessions.begin() as session:
        await set_chat_status(session, telegram_id=-100123, chat_type="group", status="left")
    async with sessions.begin() as session:
        stored = await get_chat(session, telegram_id=-100123)
        assert stored is not None
        assert (stored.status, stored.timezone, stored.lead_minutes) == (
            "left",
            "America/New_York",
            [15, 1440],
        )
        assert stored.created_at.tzinfo is not None
        again = await ensure_chat(session, telegram_id=-100123, chat_type="group")
        assert again.status == "active" and again.id == stored.id


async def group_in_vienna(engine) -> tuple[async_sessionmaker[AsyncSession], int]:
    """A migrated database with group -42 set to Vienna's time: the sessions and its row's id."""
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=-42, chat_type="group")
        chat.timezone = "Europe/Vienna"
        return sessions, chat.id


async def assert_moved(sessions: async_sessionmaker[AsyncSession], original_id: int) -> None:
    """Group -42's row, with its settings, is supergroup -100042's now; -42 has none."""
    async with sessions.begin() as session:
        assert await get_chat(session, telegram_id=-42) is None
        stored = await get_chat(session, telegram_id=-100042)
        assert stored is not None
        assert (stored.id, stored.type, stored.timezone) == (
            original_id,
            "supergroup",
            "Europe/Vienna",
        )


async def migrate_and_assert_moved(
    sessions: async_sessionmaker[AsyncSession], original_id: int
) -> None:
    """The migration's service message moves group -42's row to -100042, settings and all."""
    async with sessions.begin() as session:
        moved = await migrate_chat(session, old_id=-42, new_id=-100042)
        assert moved is not None and moved.id == original_id
    await assert_moved(sessions, original_id)


async def test_group_migration_keeps_the_row_and_its_settings(engine):
    sessions, original_id = await group_in_vienna(engine)
    async with sessions.begin() as session:
        # The new supergroup may already have a placeholder row from its first message.
        await ensure_chat(session, telegram_id=-100042, chat_type="supergroup")
    await migrate_and_assert_moved(sessions, original_id)
    async with sessions.begin() as session:
        # The second service message of the same migration is a no-op.
        assert (await migrate_chat(session, old_id=-42, new_id=-100042)).id == original_id


async def test_a_migration_moved_meanwhile_by_its_other_service_message_keeps_the_row(engine):
    """Both service messages of a migration move the row, at once: here the other one moves
    it between this one's first statement and its next."""
    sessions, original_id = await group_in_vienna(engine)

    async def the_other_message() -> None:
        async with sessions.begin() as other:
            await migrate_chat(other, old_id=-42, new_id=-100042)

    statements = 0

    def before_each(_state) -> None:
        nonlocal statements
        statements += 1
        if statements == 2:
            await_only(the_other_message())

    async with sessions.begin() as session:
        event.listen(session.sync_session, "do_orm_execute", before_each)
        await migrate_chat(session, old_id=-42, new_id=-100042)
    assert statements >= 2
    await assert_moved(sessions, original_id)


async def test_a_row_made_again_under_the_old_id_after_the_move_never_replaces_the_group(engine):
    """The new chat's service message moved the row; an update from the old chat, queued behind
    a slow one there, then made a fresh row under the old id; the old chat's own service
    message comes last. The group's row, the older one, stays with its settings."""
    sessions, original_id = await group_in_vienna(engine)
    async with sessions.begin() as session:
        await migrate_chat(session, old_id=-42, new_id=-100042)
    async with sessions.begin() as session:
        await ensure_chat(session, telegram_id=-42, chat_type="group")
    await migrate_and_assert_moved(sessions, original_id)


async def test_delete_chat_removes_it(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        await ensure_chat(session, telegram_id=7, chat_type="private", telegram_language="de")
    async with sessions.begin() as session:
        assert await delete_chat(session, telegram_id=7) is True
        assert await delete_chat(session, telegram_id=7) is False
    session: AsyncSession
    async with sessions() as session:
        assert await get_chat(session, telegram_id=7) is None


async def test_a_stored_channel_is_in_no_audience_and_no_count(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        ids = {}
        for telegram_id, chat_type in ((1, "private"), (-2, "group"), (-1003, "supergroup")):
            ids[chat_type] = (
                await ensure_chat(session, telegram_id=telegram_id, chat_type=chat_type)
            ).id
        await set_chat_status(session, telegram_id=-1004, chat_type="channel", status="active")
    async with sessions() as session:
        assert await audience_sizes(session) == {
            Audience.ALL: 3, Audience.PRIVATE: 1, Audience.GROUPS: 2
        }  # fmt: skip
        assert await audience_chat_ids(session, audience=Audience.ALL) == sorted(ids.values())
        assert await audience_chat_ids(session, audience=Audience.GROUPS) == sorted(
            [ids["group"], ids["supergroup"]]
        )
        counts = await chat_counts(session)
    assert (counts["active"], counts["private"], counts["groups"]) == (3, 1, 2)
