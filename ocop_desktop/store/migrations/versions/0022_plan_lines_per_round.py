"""Plan lines per round: a year-plan line (and a province target received by a commune) may be for one
round of the year, named by its number and the last day of its period

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 04:30:00.000000

Issue 14: "targets against achieved, for the year and the round". Existing lines become whole-year lines
(round 0, no period end); the unique scope gains the round number.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

TABLES = (('year_plan', 'year_scope'), ('province_target', 'province_target_scope'))


def upgrade() -> None:
    for table, scope in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('round_number', sa.Integer(), server_default='0', nullable=False))
            batch_op.add_column(sa.Column('period_end', sa.Date(), nullable=True))
            batch_op.drop_constraint(scope, type_='unique')
            batch_op.create_unique_constraint(
                scope, ['year', 'commune_code', 'product_group', 'round_number']
            )


def downgrade() -> None:
    for table, scope in TABLES:
        # the older scope has no room for round lines (two lines of one year and group): they go
        op.execute(sa.text(f"DELETE FROM {table} WHERE round_number <> 0"))  # noqa: S608 - fixed names
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(scope, type_='unique')
            batch_op.create_unique_constraint(scope, ['year', 'commune_code', 'product_group'])
            batch_op.drop_column('period_end')
            batch_op.drop_column('round_number')
