"""5★: the round's reading of "5★ candidate" and the proposal to the ministry with its result

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 21:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rounds take the decision's reading (points alone), as new rounds do.
    with op.batch_alter_table('evaluation_round', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('five_star_rule', sa.String(length=20), nullable=False, server_default='points')
        )
    op.create_table('five_star_review',
    sa.Column('dossier_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('round_label', sa.String(length=60), nullable=False),
    sa.Column('rule', sa.String(length=20), nullable=False),
    sa.Column('ruleset_id', sa.String(length=40), nullable=False),
    sa.Column('ruleset_hash', sa.String(length=64), nullable=False),
    sa.Column('council_total', sa.Double(), nullable=False),
    sa.Column('council_star', sa.Integer(), nullable=False),
    sa.Column('floors', sa.JSON(), nullable=False),
    sa.Column('proposed_on', sa.Date(), nullable=False),
    sa.Column('central_number', sa.String(length=60), nullable=False),
    sa.Column('central_date', sa.Date(), nullable=True),
    sa.Column('central_stars', sa.Integer(), nullable=True),
    sa.Column('central_total', sa.Double(), nullable=True),
    sa.Column('central_issuer', sa.String(length=200), nullable=False),
    sa.Column('central_note', sa.Text(), nullable=False),
    sa.Column('certificate_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_office_id', sa.String(length=36), nullable=True),
    sa.Column('updated_by_officer_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], name=op.f('fk_five_star_review_dossier_id_dossier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_five_star_review')),
    sa.UniqueConstraint('dossier_id', name='one_per_dossier')
    )
    with op.batch_alter_table('five_star_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_five_star_review_dossier_id'), ['dossier_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('five_star_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_five_star_review_dossier_id'))
    op.drop_table('five_star_review')
    with op.batch_alter_table('evaluation_round', schema=None) as batch_op:
        batch_op.drop_column('five_star_rule')
