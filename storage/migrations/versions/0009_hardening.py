"""hardening: ids never reused; news items remember whether their fan-out is complete

ids never reused: AUTOINCREMENT on SQLite for chats, broadcasts and deliveries.

The sender writes outcomes by delivery id and chat id after the send. Without AUTOINCREMENT,
SQLite hands the highest deleted id to the next insert, so a deleted chat's in-flight row
could lend its id to a new row that then looks "sent". PostgreSQL sequences never reuse.

news_items.announced_at: the fan-out writes its outbox rows in chunks (short transactions);
an item is marked announced only once all of them are written, so an interrupted fan-out is
resumed. Items stored before this revision were announced in the transaction storing them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("chats", "broadcasts", "deliveries")


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:  # a copy of each table; foreign keys are off during migrations
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade() -> None:
    _rebuild(True)
    with op.batch_alter_table("news_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("announced_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE news_items SET announced_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table("news_items", schema=None) as batch_op:
        batch_op.drop_column("announced_at")
    _rebuild(False)
