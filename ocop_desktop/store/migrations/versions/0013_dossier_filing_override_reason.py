"""dossier.filing_override: the reason a re-evaluation was filed outside its window (QĐ 26/2026 Art. 7.6.a)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 21:50:00.000000

Stored certificates keep their `valid_until`: it is a record of a decision that travels between offices
by revision, and some came from registers that printed their own date; only new certificates follow the
Civil Code reading (domain.deadlines.term_end). See docs/register.md.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('filing_override', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_column('filing_override')
