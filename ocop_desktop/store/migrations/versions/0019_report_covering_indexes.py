"""covering indexes for the reports: dossiers by status and type, return events

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-04 01:30:00.000000

The province reports (issue 14) count 60,000 dossiers with GROUP BY; each of these indexes holds every column
its query reads, so SQLite counts from the index without reading the rows (dossier rows carry their forms).
The certificates' queries use `ix_certificate_current` (0020), which holds every column they read.
"""

from __future__ import annotations

from alembic import op


revision = '0019'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index('ix_dossier_status_type', ['status', 'registration_type', 'product_id'], unique=False)

    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.create_index('ix_dossier_event_action', ['action', 'dossier_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_event_action')

    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_status_type')
