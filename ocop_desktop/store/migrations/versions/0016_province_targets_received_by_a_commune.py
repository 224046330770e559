"""province targets: the province's plan lines for this commune, received in its reference pack

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 01:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('province_target',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('product_group', sa.String(length=10), nullable=False),
    sa.Column('new_products', sa.Integer(), nullable=False),
    sa.Column('upgrades', sa.Integer(), nullable=False),
    sa.Column('reevaluations', sa.Integer(), nullable=False),
    sa.Column('sender_office_id', sa.String(length=36), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_province_target')),
    sa.UniqueConstraint('year', 'commune_code', 'product_group', name='province_target_scope')
    )
    with op.batch_alter_table('province_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_province_target_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('province_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_province_target_year'))
    op.drop_table('province_target')
