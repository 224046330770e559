"""All mapped classes; importing this module registers them on `Base.metadata`."""

from ocop_desktop.store.models.audit import AuditEntry, AuditState
from ocop_desktop.store.models.certificates import Certificate
from ocop_desktop.store.models.dossiers import ChecklistItem, Dossier, DossierEvent, ScoreSheet
from ocop_desktop.store.models.evaluator import EvaluatorLink, EvaluatorSheet, ReceivedAssignment
from ocop_desktop.store.models.evidence import Attachment, Blob
from ocop_desktop.store.models.mailbox import OutboxItem
from ocop_desktop.store.models.ministry import FiveStarReview
from ocop_desktop.store.models.office import KeyRecord, Office, OfficeKeyVault, Officer
from ocop_desktop.store.models.plans import ProvinceTarget, YearPlan
from ocop_desktop.store.models.producers import Producer, ProducerProfile, Product
from ocop_desktop.store.models.province import (
    AdvisoryNote,
    CouncilMember,
    EvaluationRound,
    RecognitionDecision,
    RoundEntry,
)
from ocop_desktop.store.models.sync import SyncConflict, SyncDossierState, SyncPackage, SyncPeerBlob
from ocop_desktop.store.models.units import AdminUnit

__all__ = [
    "AdminUnit",
    "AdvisoryNote",
    "AuditEntry",
    "AuditState",
    "Attachment",
    "Blob",
    "Certificate",
    "ChecklistItem",
    "CouncilMember",
    "Dossier",
    "DossierEvent",
    "EvaluationRound",
    "EvaluatorLink",
    "EvaluatorSheet",
    "FiveStarReview",
    "KeyRecord",
    "Office",
    "OfficeKeyVault",
    "Officer",
    "OutboxItem",
    "Producer",
    "ProducerProfile",
    "ProvinceTarget",
    "Product",
    "ReceivedAssignment",
    "RecognitionDecision",
    "RoundEntry",
    "ScoreSheet",
    "SyncConflict",
    "SyncDossierState",
    "SyncPackage",
    "SyncPeerBlob",
    "YearPlan",
]
