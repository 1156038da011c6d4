"""`python -m bot.backup PATH`: a consistent copy of the bot's SQLite database, taken while it runs.

SQLite's online backup API copies the database inside one read transaction: in WAL mode the
bot keeps writing meanwhile, and the copy is the database as it was at one moment. The copy
is written beside PATH, checked with `PRAGMA integrity_check`, then renamed onto PATH.
PostgreSQL has its own tool for this: `pg_dump` (see the README).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.config import Settings

BUSY_TIMEOUT_MS = 30_000


class BackupError(Exception):
    """The backup cannot be made; the message is one line for the operator."""


class _DatabaseSetting(BaseSettings):
    """Only DATABASE_URL, read like the bot reads it (no token needed for a backup)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Settings.model_fields["database_url"].default


@dataclass(frozen=True)
class BackupReport:
    source: Path
    target: Path
    pages: int
    size_bytes: int


def sqlite_file(database_url: str) -> Path:
    """The database file behind a SQLite URL; a clear error for anything else."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        raise BackupError(f"DATABASE_URL is not a database URL: {database_url[:60]!r}") from None
    if url.get_backend_name() == "postgresql":
        raise BackupError(
            "DATABASE_URL is PostgreSQL: back it up with pg_dump instead, e.g. "
            "pg_dump --format=custom --file=serienwecker.dump DBNAME (see the README)"
        )
    if url.get_backend_name() != "sqlite":
        raise BackupError(f"cannot back up a {url.get_backend_name()} database")
    if not url.database or url.database == ":memory:":
        raise BackupError("DATABASE_URL names an in-memory SQLite database: nothing to copy")
    return Path(url.database)


def backup_sqlite(source: Path, target: Path) -> BackupReport:
    """Copy `source` to `target` consistently, even while another process writes to it."""
    if not source.is_file():
        raise BackupError(f"no SQLite database at {source}")
    if target.exists() and target.resolve() == source.resolve():
        raise BackupError("the backup must not overwrite the database itself")
    if not target.parent.is_dir():
        raise BackupError(f"directory {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    reader = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        copy = sqlite3.connect(partial)
        try:
            reader.backup(copy)  # all pages in one step: one read transaction, one snapshot
            [(verdict,)] = copy.execute("PRAGMA integrity_check").fetchall()
            [(pages,)] = copy.execute("PRAGMA page_count").fetchall()
        finally:
            copy.close()
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup of {source} failed: {error}") from None
    finally:
        reader.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy of {source} failed its integrity check: {verdict}")
    with partial.open("rb") as written:
        os.fsync(written.fileno())
    partial.replace(target)
    return BackupReport(source, target, pages, target.stat().st_size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.backup",
        description="Write a consistent copy of the bot's SQLite database (DATABASE_URL) to PATH.",
    )
    parser.add_argument("path", type=Path, help="where the copy goes (replaced if it exists)")
    parser.add_argument("--database-url", help="default: DATABASE_URL from the environment/.env")
    args = parser.parse_args(argv)
    database_url = args.database_url or _DatabaseSetting().database_url
    try:
        report = backup_sqlite(sqlite_file(database_url), args.path)
    except BackupError as error:
        print(error, file=sys.stderr)
        return 2
    print(
        f"backed up {report.source} to {report.target}: {report.pages} pages, "
        f"{report.size_bytes} bytes, integrity ok"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
