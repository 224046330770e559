"""Package sequences as 64-bit integers: a peer's sequence is any number its manifest may carry

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 22:20:00.000000

SQLite's INTEGER always held 64 bits, so nothing changes in a file but the declared type; PostgreSQL's
INTEGER holds 32, and a package numbered past 2**31 would have failed to record instead of being read
(issue 18: the same store on a province's PostgreSQL server).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_package', schema=None) as batch_op:
        batch_op.alter_column('sequence', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
    with op.batch_alter_table('received_assignment', schema=None) as batch_op:
        batch_op.alter_column(
            'package_sequence', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table('received_assignment', schema=None) as batch_op:
        batch_op.alter_column(
            'package_sequence', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False
        )
    with op.batch_alter_table('sync_package', schema=None) as batch_op:
        batch_op.alter_column('sequence', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False)
