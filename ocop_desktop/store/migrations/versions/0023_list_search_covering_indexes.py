"""Covering indexes for the lists' filter per keystroke (products, dossiers); certificates by decision date

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 04:40:00.000000

The folded words typed in a list's search box are matched anywhere in `search_key` (LIKE '%word%'),
which no B-tree can seek; but a scan of a narrow index costs a fraction of a scan of the table (the
dossier table's 24 columns are decoded row by row to reach `search_key` and `archived_on`). The
product index replaces `ix_product_search_key` (its first column; the id lets a page be picked
from the index alone). And the certificates decided in a period, by range (the targets report read
every certificate for this year's decisions: 4× slower on PostgreSQL than on SQLite).
"""

from __future__ import annotations

from alembic import op


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index(
            'ix_dossier_search',
            ['search_key', 'archived_on', 'status', 'deadline', 'updated_at', 'id'],
            unique=False,
        )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index('ix_product_search_key')
        batch_op.create_index('ix_product_search', ['search_key', 'id'], unique=False)
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index('ix_certificate_decided', ['decision_date', 'product_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index('ix_certificate_decided')
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index('ix_product_search')
        batch_op.create_index('ix_product_search_key', ['search_key'], unique=False)
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_search')
