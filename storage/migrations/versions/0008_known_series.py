"""known series: TVmaze's show index, and the progress of its sync

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "known_series",
        sa.Column("tvmaze_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("normalized", sa.String(length=300), nullable=False),
        sa.Column("premiered", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=40), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tvmaze_id", name=op.f("pk_known_series")),
    )
    with op.batch_alter_table("known_series", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_known_series_normalized"), ["normalized"], unique=False
        )

    op.create_table(
        "show_index_sync",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_page", sa.Integer(), nullable=False),
        sa.Column("pass_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_show_index_sync")),
    )


def downgrade() -> None:
    op.drop_table("show_index_sync")
    with op.batch_alter_table("known_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_known_series_normalized"))
    op.drop_table("known_series")
