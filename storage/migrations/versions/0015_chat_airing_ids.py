"""chat airing ids never reused: AUTOINCREMENT on SQLite for chat_airings

A chat's own calendar airing names its reminders by id (`reminder:<chat>:ical-<id>:<lead>`).
Without AUTOINCREMENT, SQLite hands the highest deleted id to the next insert, so a new airing
could take a gone one's id and find its reminder "already sent". The rebuilt table starts its
sequence above every id a stored reminder names, not only above the rows left. PostgreSQL
sequences never reuse.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

import re
from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AIRING_ID = re.compile(r"^reminder:\d+:ical-(\d+):")


def _rebuild(autoincrement: bool) -> None:
    with op.batch_alter_table(
        "chat_airings", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    _rebuild(True)
    keys = bind.exec_driver_sql(
        "SELECT dedup_key FROM deliveries WHERE dedup_key LIKE 'reminder:%:ical-%'"
    ).scalars()
    named = [int(found.group(1)) for key in keys if (found := _AIRING_ID.match(key))]
    rows = bind.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM chat_airings").scalar() or 0
    highest = max([rows, *named])
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'chat_airings'")
    bind.exec_driver_sql(
        "INSERT INTO sqlite_sequence (name, seq) VALUES ('chat_airings', ?)", (highest,)
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(False)
