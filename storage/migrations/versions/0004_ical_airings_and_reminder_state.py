"""ical airings and reminder state

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tick_state",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("done_until", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_tick_state")),
    )
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ical_uid", sa.String(length=300), nullable=True))
        # Existing episodes count as changed now: the next reminder tick plans them afresh.
        batch_op.add_column(
            sa.Column(
                "changed_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.now(),
            )
        )
        batch_op.alter_column("tvmaze_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(batch_op.f("ix_episodes_changed_at"), ["changed_at"], unique=False)
        batch_op.create_unique_constraint(
            batch_op.f("uq_episodes_series_id_ical_uid"), ["series_id", "ical_uid"]
        )

    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ical_url", sa.String(length=2000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_column("ical_url")

    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_episodes_series_id_ical_uid"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_episodes_changed_at"))
        batch_op.alter_column("tvmaze_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("changed_at")
        batch_op.drop_column("ical_uid")

    op.drop_table("tick_state")
