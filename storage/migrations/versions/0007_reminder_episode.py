"""deliveries name the episode a reminder is about

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("episode_id", sa.Integer(), nullable=True))
    # Reminders queued before this version carry their episode only in the dedup key
    # ("reminder:<chat>:<episode>:<lead>"); unsent ones get the column, once, here.
    deliveries = sa.table(
        "deliveries",
        sa.column("id", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("status", sa.String()),
        sa.column("dedup_key", sa.String()),
        sa.column("episode_id", sa.Integer()),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(deliveries.c.id, deliveries.c.dedup_key).where(
            deliveries.c.kind == "reminder", deliveries.c.status.in_(("pending", "sending"))
        )
    ).all()
    for row_id, dedup_key in rows:
        parts = dedup_key.split(":")
        if len(parts) == 4 and parts[2].isdigit():
            connection.execute(
                deliveries.update()
                .where(deliveries.c.id == row_id)
                .values(episode_id=int(parts[2]))
            )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("episode_id")
