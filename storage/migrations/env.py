"""Alembic environment: uses the caller's connection, or DATABASE_URL for the alembic CLI."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy import Connection

from storage.db import create_engine
from storage.migrate import run_migration
from storage.schema import Base

DEFAULT_URL = "sqlite+aiosqlite:///data/serienwecker.sqlite3"


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_from_url(url: str) -> None:
    engine = create_engine(url)
    async with engine.connect() as connection:
        await connection.run_sync(run_migration, _run)
    await engine.dispose()


given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    asyncio.run(_run_from_url(os.environ.get("DATABASE_URL", DEFAULT_URL)))
