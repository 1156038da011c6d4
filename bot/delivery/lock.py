"""Only one sender at a time: on PostgreSQL a session advisory lock, held on its own
connection for as long as this instance sends. SQLite serves one process, so no lock."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

logger = logging.getLogger(__name__)

SENDER_LOCK_KEY = 0x5E71E5  # arbitrary, fixed: every instance must use the same key
RETRY_SECONDS = 1.0


@asynccontextmanager
async def sender_lock(engine: AsyncEngine, stopping: asyncio.Event) -> AsyncIterator[bool]:
    """Wait until this instance may send (True), or until `stopping` is set (False)."""
    if engine.dialect.name != "postgresql":
        yield True
        return
    async with engine.connect() as connection:
        announced = False
        while True:
            held = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": SENDER_LOCK_KEY}
            )
            await connection.commit()  # the lock is per session: no transaction left open
            if held:
                break
            if not announced:
                logger.info("another instance is sending; this one stands by")
                announced = True
            try:
                await asyncio.wait_for(stopping.wait(), RETRY_SECONDS)
            except TimeoutError:
                continue
            yield False
            return
        try:
            yield True
        finally:
            await connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": SENDER_LOCK_KEY}
            )
            await connection.commit()
