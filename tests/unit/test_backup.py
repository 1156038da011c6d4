"""`python -m bot.backup`: a consistent copy of a SQLite database that is being written to."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.backup import BackupError, backup_sqlite, sqlite_file


def writer(path: Path, stop: threading.Event, written: list[int]) -> None:
    """Like the bot: WAL mode, and every transaction writes a pair of rows in two tables."""
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    n = 0
    while not stop.is_set():
        n += 1
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO chats (id, name) VALUES (?, ?)", (n, "x" * 200))
        connection.execute("INSERT INTO deliveries (chat_id, body) VALUES (?, ?)", (n, "y" * 300))
        connection.execute("COMMIT")
        written.append(n)
    connection.close()


def make_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE chats (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute(
        "CREATE TABLE deliveries (id INTEGER PRIMARY KEY, chat_id INTEGER REFERENCES chats(id),"
        " body TEXT)"
    )
    connection.commit()
    connection.close()


def test_copies_taken_during_writes_are_consistent_snapshots(tmp_path: Path):
    source = tmp_path / "bot.sqlite3"
    make_database(source)
    stop, written = threading.Event(), []
    thread = threading.Thread(target=writer, args=(source, stop, written))
    thread.start()
    try:
        seen = []
        for attempt in range(5):
            while len(written) < (attempt + 1) * 200:  # the writer is busy meanwhile
                threading.Event().wait(0.01)
            target = tmp_path / f"copy-{attempt}.sqlite3"
            process = subprocess.run(
                [sys.executable, "-m", "bot.backup", str(target)],
                env={"DATABASE_URL": f"sqlite+aiosqlite:///{source}", "PATH": ""},
                capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip
            assert process.returncode == 0, process.stderr
            assert "integrity ok" in process.stdout
            copy = sqlite3.connect(target)
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            chats = copy.execute("SELECT count(*), max(id) FROM chats").fetchone()
            deliveries = copy.execute("SELECT count(*) FROM deliveries").fetchone()[0]
            copy.close()
            assert chats[0] == deliveries == chats[1]  # never half a transaction, no gaps
            seen.append(chats[0])
    finally:
        stop.set()
        thread.join()
    assert seen == sorted(seen) and seen[0] > 0 and seen[-1] < len(written)
    assert not list(tmp_path.glob("*.partial"))


def test_postgresql_is_refused_with_the_pg_dump_hint(tmp_path: Path):
    process = subprocess.run(
        [sys.executable, "-m", "bot.backup", str(tmp_path / "x")],
        env={"DATABASE_URL": "postgresql+asyncpg://bot@db/serienwecker", "PATH": ""},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert process.returncode == 2
    assert "pg_dump" in process.stderr and "Traceback" not in process.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [("sqlite+aiosqlite://", "in-memory"), ("nonsense", "not a database URL")],
)
def test_unusable_urls_are_explained(url: str, says: str):
    with pytest.raises(BackupError, match=says):
        sqlite_file(url)


def test_a_missing_database_or_directory_is_explained(tmp_path: Path):
    with pytest.raises(BackupError, match="no SQLite database"):
        backup_sqlite(tmp_path / "absent.sqlite3", tmp_path / "copy")
    source = tmp_path / "bot.sqlite3"
    make_database(source)
    with pytest.raises(BackupError, match="does not exist"):
        backup_sqlite(source, tmp_path / "nowhere" / "copy")
    with pytest.raises(BackupError, match="database itself"):
        backup_sqlite(source, source)
