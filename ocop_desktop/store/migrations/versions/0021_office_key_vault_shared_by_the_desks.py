"""The office's keys sealed under an office passphrase, shared by the desks of a province office

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 02:00:00.000000

Issue 18: several desks on one PostgreSQL database install the office's keys from this row with the
office passphrase; the server never holds them in clear (ocoppkg.vault).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'office_key_vault',
        sa.Column('office_id', sa.String(length=36), nullable=False),
        sa.Column('signing_fingerprint', sa.String(length=64), nullable=False),
        sa.Column('salt', sa.LargeBinary(length=32), nullable=False),
        sa.Column('scrypt_n', sa.Integer(), nullable=False),
        sa.Column('scrypt_r', sa.Integer(), nullable=False),
        sa.Column('scrypt_p', sa.Integer(), nullable=False),
        sa.Column('nonce', sa.LargeBinary(length=12), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_office_id', sa.String(length=36), nullable=True),
        sa.Column('updated_by_officer_id', sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_office_key_vault_office_id_office')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_office_key_vault')),
        sa.UniqueConstraint('office_id', name=op.f('uq_office_key_vault_office_id')),
    )


def downgrade() -> None:
    op.drop_table('office_key_vault')
