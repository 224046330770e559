"""officers: administrator and PIN; the audit log chained by SHA-256

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 21:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=True),
    sa.Column('officer_id', sa.String(length=36), nullable=True),
    sa.Column('officer_name', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=80), nullable=False),
    sa.Column('dossier_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('before_hash', sa.String(length=64), nullable=True),
    sa.Column('row_hash', sa.String(length=64), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_record', ['table_name', 'record_id', 'seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('audit_state',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_audit_state'))
    )
    # The records written before this release are sealed by the app at its next start.
    op.execute("INSERT INTO audit_state (key, value) VALUES ('baseline', 'pending')")

    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_admin', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('pin_hash', sa.String(length=200), nullable=True))
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.alter_column('is_admin', server_default=None)
    # The first officer of this office administers it, as a new installation's first officer does.
    op.execute(
        "UPDATE officer SET is_admin = TRUE WHERE id = (SELECT o.id FROM officer o JOIN office f "
        "ON f.id = o.office_id AND f.is_self = TRUE ORDER BY o.created_at LIMIT 1)"
    )


def downgrade() -> None:
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.drop_column('pin_hash')
        batch_op.drop_column('is_admin')
    op.drop_table('audit_state')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_dossier_id'))
        batch_op.drop_index('ix_audit_entry_record')
    op.drop_table('audit_entry')
