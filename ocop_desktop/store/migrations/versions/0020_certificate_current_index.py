"""An index for each product's current certificate (products list: stars, validity, filters, order)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 01:40:00.000000

Covering: the newest certificate not revoked is found from the index alone, for the whole province.
"""

from __future__ import annotations

from alembic import op


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(
            'ix_certificate_current',
            ['product_id', 'decision_date', 'id', 'revoked_on', 'stars', 'valid_until'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index('ix_certificate_current')
