"""Declarative base, constraint naming convention and the columns every synced record has."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, MetaData, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

# Named constraints let Alembic's batch mode recreate SQLite tables without losing them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True)}


class Tracked:
    """Stable UUID, revision counter and who changed the record last (office and officer).

    The revision starts at 1 and goes up by one on every flush that changes the row, so
    that a sync package can say exactly which state of a record it carries.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    revision: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_by_office_id: Mapped[str | None] = mapped_column(String(36))
    updated_by_officer_id: Mapped[str | None] = mapped_column(String(36))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805  (a declarative directive)
        """Every UPDATE and DELETE of a tracked row says `WHERE revision = <the revision read>`, so two
        desks on one server never overwrite each other silently: the second one's flush matches no
        row (`StaleDataError`, said as a conflict by the unit of work). The stamp below sets the new
        revision (imports keep the sender's), hence no generator."""
        table = cls.__table__  # type: ignore[attr-defined]  # the mapped class's, made before this runs
        return {"version_id_col": table.c.revision, "version_id_generator": False}


# Session.info keys set by the service layer for one unit of work.
ACTOR_OFFICE = "actor_office_id"
ACTOR_OFFICER = "actor_officer_id"
KEEP_REVISIONS = "keep_revisions"  # imports write the sender's revision as it is
IMPORT_SENDER = "import_sender_office_id"  # the office an import's changes are attributed to (audit log)


@event.listens_for(Session, "before_flush")
def _stamp_tracked(session: Session, _ctx: object, _instances: object) -> None:
    office = session.info.get(ACTOR_OFFICE)
    officer = session.info.get(ACTOR_OFFICER)
    keep = session.info.get(KEEP_REVISIONS, False)
    for obj in session.new:
        if isinstance(obj, Tracked) and not keep:
            obj.updated_by_office_id = obj.updated_by_office_id or office
            obj.updated_by_officer_id = obj.updated_by_officer_id or officer
    for obj in session.dirty:
        if isinstance(obj, Tracked) and not keep and session.is_modified(obj, include_collections=False):
            obj.revision = (obj.revision or 0) + 1
            obj.updated_at = utcnow()
            obj.updated_by_office_id = office
            obj.updated_by_officer_id = officer


def fk(target: str, *, nullable: bool = False, ondelete: str | None = None) -> Mapped[str]:
    """A UUID foreign key column."""
    return mapped_column(String(36), ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)
