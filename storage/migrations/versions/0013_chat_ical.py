"""a chat's own iCal link per followed series, and its airings

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_icals",
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id", "series_id"],
            ["follows.chat_id", "follows.series_id"],
            name=op.f("fk_chat_icals_chat_id_follows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("chat_id", "series_id", name=op.f("pk_chat_icals")),
    )
    op.create_index(op.f("ix_chat_icals_series_id"), "chat_icals", ["series_id"])
    op.create_table(
        "chat_airings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("airstamp", sa.DateTime(timezone=True), nullable=True),
        sa.Column("airdate", sa.Date(), nullable=True),
        sa.Column("channel", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id", "series_id"],
            ["chat_icals.chat_id", "chat_icals.series_id"],
            name=op.f("fk_chat_airings_chat_id_chat_icals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_airings")),
        sa.UniqueConstraint(
            "chat_id", "series_id", "uid", name=op.f("uq_chat_airings_chat_id_series_id_uid")
        ),
    )
    op.create_index("ix_chat_airings_airstamp", "chat_airings", ["airstamp"])
    op.create_index("ix_chat_airings_airdate", "chat_airings", ["airdate"])


def downgrade() -> None:
    op.drop_table("chat_airings")
    op.drop_table("chat_icals")
