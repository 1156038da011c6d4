"""tv catalogue and follows

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tvmaze_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("premiered", sa.Integer(), nullable=True),
        sa.Column("network", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("tvmaze_updated", sa.BigInteger(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint("tvmaze_id", name=op.f("uq_series_tvmaze_id")),
    )
    op.create_table(
        "episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("tvmaze_id", sa.Integer(), nullable=False),
        sa.Column("season", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("airstamp", sa.DateTime(timezone=True), nullable=True),
        sa.Column("airdate", sa.Date(), nullable=True),
        sa.Column("channel", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_episodes_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episodes")),
        sa.UniqueConstraint("tvmaze_id", name=op.f("uq_episodes_tvmaze_id")),
    )
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_episodes_airstamp"), ["airstamp"], unique=False)
        batch_op.create_index("ix_episodes_series_airdate", ["series_id", "airdate"], unique=False)

    op.create_table(
        "follows",
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"],
            ["chats.id"],
            name=op.f("fk_follows_chat_id_chats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_follows_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "series_id", name=op.f("pk_follows")),
    )
    with op.batch_alter_table("follows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follows_series_id"), ["series_id"], unique=False)

    op.create_table(
        "series_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("normalized", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_series_aliases_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_aliases")),
        sa.UniqueConstraint(
            "series_id", "normalized", name=op.f("uq_series_aliases_series_id_normalized")
        ),
    )
    with op.batch_alter_table("series_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_series_aliases_normalized"), ["normalized"], unique=False
        )

    op.create_table(
        "series_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("old_status", sa.String(length=40), nullable=False),
        sa.Column("new_status", sa.String(length=40), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_series_status_changes_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_status_changes")),
    )
    with op.batch_alter_table("series_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_series_status_changes_series_id"), ["series_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("series_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_status_changes_series_id"))

    op.drop_table("series_status_changes")
    with op.batch_alter_table("series_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_aliases_normalized"))

    op.drop_table("series_aliases")
    with op.batch_alter_table("follows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follows_series_id"))

    op.drop_table("follows")
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.drop_index("ix_episodes_series_airdate")
        batch_op.drop_index(batch_op.f("ix_episodes_airstamp"))

    op.drop_table("episodes")
    op.drop_table("series")
