"""series settings: a follow's own mute, lead times, news kinds and "starts and finales only"

The overrides are nullable columns on `follows` (NULL = the chat's setting), so they are
deleted with the follow and with the chat, and the reminder and news queries resolve them
with COALESCE in the join they already make. Existing follows keep the chat's settings.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("follows", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("muted", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("lead_minutes", sa.JSON(none_as_null=True), nullable=True))
        batch_op.add_column(sa.Column("news_kinds", sa.JSON(none_as_null=True), nullable=True))
        batch_op.add_column(
            sa.Column("edges_only", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("follows", schema=None) as batch_op:
        batch_op.drop_column("edges_only")
        batch_op.drop_column("news_kinds")
        batch_op.drop_column("lead_minutes")
        batch_op.drop_column("muted")
