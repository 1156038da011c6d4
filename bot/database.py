"""Open the database at start-up; when it cannot be opened, one line for the operator."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import ConfigError
from bot.masked_url import masked_url
from storage.db import create_engine
from storage.migrate import upgrade_database

# PostgreSQL's answers that no retry changes: the login refused (class 28: no such role, a
# wrong password) or no such database.
LASTING_SQLSTATES = ("28", "3D000")


class DatabaseUnreachable(Exception):
    """The database did not answer; a later start may succeed. One line for the operator."""


def is_lasting(backend: str, sqlstate: str | None) -> bool:
    """Whether a database that cannot be opened needs the operator rather than a retry.

    A SQLite file that cannot be opened stays so (a path or a permission to fix), as does a
    PostgreSQL server refusing the login or lacking the database; a server that does not
    answer (refused, unknown host, timeout, still starting, too many clients) may next time.
    """
    if backend == "sqlite":
        return True
    return sqlstate is not None and sqlstate.startswith(LASTING_SQLSTATES)


def database_failure(database_url: str, error: OSError | DBAPIError) -> Exception:
    """ConfigError or DatabaseUnreachable: one line naming the database, never its password."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    reason = " ".join(str(cause).split())
    where = masked_url(database_url)
    if is_lasting(make_url(database_url).get_backend_name(), getattr(cause, "sqlstate", None)):
        return ConfigError(f"DATABASE_URL: cannot open the database {where}: {reason}")
    return DatabaseUnreachable(f"DATABASE_URL: cannot reach the database {where}: {reason}")


async def open_database(database_url: str) -> AsyncEngine:
    """The engine, its schema brought up to date (migrations fail loudly, as bugs do)."""
    try:
        engine = create_engine(database_url)  # creates a SQLite file's directory
        async with engine.connect():
            pass
    except (OSError, DBAPIError) as error:
        raise database_failure(database_url, error) from error
    await upgrade_database(engine)
    return engine
