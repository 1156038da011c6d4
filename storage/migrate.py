"""Apply Alembic migrations programmatically (at start-up and in tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at our migrations, optionally bound to an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def run_migration(connection: Connection, migrate: Callable[[Connection], None]) -> None:
    """Run `migrate` in one transaction; on SQLite with foreign keys off around it.

    SQLite alters a table by copying it and dropping the original: with foreign keys on,
    that drop cascades (follows, deliveries, episodes … gone). The pragma only takes effect
    outside a transaction, so it is switched before and after; `foreign_key_check` then
    fails the migration (rolled back) if the copies left a reference dangling.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.commit()
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    try:
        with connection.begin():
            migrate(connection)
            if sqlite:
                violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if violations:
                    raise RuntimeError(f"migration left broken foreign keys: {violations[:10]}")
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


async def upgrade_database(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema to `revision`; safe to call on every start."""
    async with engine.connect() as connection:
        await connection.run_sync(
            run_migration, lambda sync: command.upgrade(alembic_config(sync), revision)
        )


async def downgrade_database(engine: AsyncEngine, revision: str) -> None:
    async with engine.connect() as connection:
        await connection.run_sync(
            run_migration, lambda sync: command.downgrade(alembic_config(sync), revision)
        )
