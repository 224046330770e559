"""year plans: targets per year, optionally per commune and product group

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 19:05:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('year_plan',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('product_group', sa.String(length=10), nullable=False),
    sa.Column('new_products', sa.Integer(), nullable=False),
    sa.Column('upgrades', sa.Integer(), nullable=False),
    sa.Column('reevaluations', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_year_plan')),
    sa.UniqueConstraint('year', 'commune_code', 'product_group', name='year_scope')
    )
    with op.batch_alter_table('year_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_year_plan_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('year_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_year_plan_year'))
    op.drop_table('year_plan')
