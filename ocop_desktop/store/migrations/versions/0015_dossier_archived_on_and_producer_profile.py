"""dossier.archived_on (closed dossiers set aside) and producer_profile (Mẫu 02 facts kept with the producer)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 01:10:00.000000

Both are local to the office: neither travels in a package (an archived dossier is the same dossier;
the producer's facts reach the province inside each dossier's forms).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_on', sa.Date(), nullable=True))
    op.create_table('producer_profile',
    sa.Column('producer_id', sa.String(length=36), nullable=False),
    sa.Column('facts', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_officer_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['producer_id'], ['producer.id'], name=op.f('fk_producer_profile_producer_id_producer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('producer_id', name=op.f('pk_producer_profile'))
    )


def downgrade() -> None:
    op.drop_table('producer_profile')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_column('archived_on')
