"""Which importer takes a package: one table from the manifest's kind (and the sender's role, where
it matters) to its handler and the kind of office that imports it.

Importing is open → check (`opened.open_package`, or the handler's own opening) → the handler's
`preview` (the dry run: every file hashed, every record checked and planned, nothing written) or
`apply` (one transaction, then the receipt). Nothing is written to the database or the blob store
before every check has passed; a refused package leaves this machine exactly as it was.

Evaluator packages arrive through the same door: assignments and scores go to their handlers on
the machine they are for and are refused, saying where they go, anywhere else. An evaluator
laptop's enrollment verifies at the province but is not imported here: it must be linked to a
council member (`ProvinceEvaluatorPackages.import_enrollment`), so preview and import refuse it
with `code == LINK_IN_COUNCIL`, for the UI to offer the way there. A 5★ proposal goes to the
ministry, which does not use OCOP Desktop: it is refused everywhere, saying so (it is checked, not
imported: `proposal.FiveStarProposalService.verify`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.manifest import Manifest
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.assignment_import import AssignmentImport
from ocop_desktop.services.sync.dossier_import import DossierPackageImport
from ocop_desktop.services.sync.evaluator_payloads import EVALUATOR, MINISTRY, PROVINCE
from ocop_desktop.services.sync.evaluator_province import laptop_trust
from ocop_desktop.services.sync.opened import Opened, open_package
from ocop_desktop.services.sync.receipts import ReceiptImport, receipt_target
from ocop_desktop.services.sync.scores_import import ScoresImport
from ocop_desktop.services.sync.trust import TrustImport
from ocop_desktop.services.sync.typed_fingerprint import check_typed
from ocop_desktop.services.sync.types import Confirmation, ImportPreview, ImportResult

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# The refusal code of an evaluator laptop's enrollment at the province's generic door.
LINK_IN_COUNCIL = "evaluator_enrollment"


class Handler(Protocol):
    """An opened package of one kind: its dry run and its import."""

    def preview(self, progress: Progress | None = None) -> ImportPreview: ...

    def apply(self, progress: Progress | None, receipt_path: Path) -> ImportResult: ...


Opener = Callable[["AppContext", Path, Confirmation], AbstractContextManager[Handler]]
Refusal = Callable[[Manifest], PackageRefused]


@dataclass(frozen=True)
class Route:
    """How one kind of package is imported on this machine."""

    opener: Opener  # (ctx, path, what the officer confirmed) -> the handler, file open
    at: str | None = None  # the one office role that imports it; None: the handler decides
    elsewhere: Refusal | None = None  # the refusal at any other role (with `at`)
    not_here: Refusal | None = None  # checked by this door, imported through another one


def _opening(make: Callable[[AppContext, Opened, Confirmation], Handler]) -> Opener:
    """The usual opener: `open_package`'s checks, then the kind's handler."""

    @contextmanager
    def opener(ctx: AppContext, path: Path, confirm: Confirmation) -> Iterator[Handler]:
        with open_package(ctx, path) as opened:
            yield make(ctx, opened, confirm)

    return opener


def _scores_elsewhere(m: Manifest) -> PackageRefused:
    return PackageRefused(
        "wrong_recipient",
        f"Gói phiếu chấm của “{m.sender.name[:80]}” gửi cho “{m.recipient.name[:80]}”: "
        "chỉ cơ quan OCOP cấp tỉnh nhập được gói này. Hãy chuyển gói cho tỉnh.",
    )


def _assignment_elsewhere(m: Manifest) -> PackageRefused:
    return PackageRefused(
        "wrong_recipient",
        f"Gói phân công chấm điểm gửi cho “{m.recipient.name[:80]}” chỉ nhập được trên "
        "máy chấm điểm của thành viên Hội đồng đó. "
        "Hãy chuyển gói cho thành viên.",
    )


def _laptop_enrollment_elsewhere(m: Manifest) -> PackageRefused:
    return PackageRefused(
        "wrong_recipient",
        f"Gói ghi danh của máy chấm điểm “{m.sender.name[:80]}” chỉ nhập được ở "
        "cơ quan OCOP cấp tỉnh, khi ghi danh máy chấm điểm cho thành viên Hội đồng sẽ chấm trên máy "
        "đó. Hãy chuyển gói cho tỉnh.",
    )


def _link_in_council(m: Manifest) -> PackageRefused:
    return PackageRefused(
        LINK_IN_COUNCIL,
        f"“{m.sender.name[:80]}” là máy chấm điểm của một thành viên Hội đồng: gói ghi "
        "danh của máy này không nhập như gói của xã mà phải gắn với thành viên sẽ chấm trên máy đó. "
        "Hãy ghi danh máy cho thành viên ở Hội đồng của đợt đánh giá, sau khi so sánh dấu vân tay của "
        "gói qua điện thoại.",
    )


def _to_the_ministry(m: Manifest) -> PackageRefused:
    return PackageRefused(
        "wrong_recipient",
        f"Hồ sơ đề nghị công nhận 5 sao của “{m.sender.name[:80]}” gửi Bộ Nông nghiệp và Môi trường: "
        "OCOP Desktop không nhập gói này, chỉ kiểm tra chữ ký và mã băm của gói. Hãy gửi gói cho Bộ.",
    )


def _own(m: Manifest) -> PackageRefused:
    """An evaluator or proposal package this machine made: say where it goes."""
    what, where = {
        fmt.Kind.EVALUATOR_ASSIGNMENT: (
            "phân công chấm điểm",
            f"hãy chép gói sang máy chấm điểm của “{m.recipient.name[:80]}”",
        ),
        fmt.Kind.EVALUATOR_SCORES: ("phiếu chấm", "hãy gửi gói cho cơ quan OCOP cấp tỉnh"),
        fmt.Kind.FIVE_STAR_PROPOSAL: (
            "đề nghị công nhận 5 sao",
            "hãy gửi gói cho Bộ Nông nghiệp và Môi trường (OCOP Desktop không nhập gói này)",
        ),
    }.get(fmt.Kind(m.kind), ("ghi danh", "hãy gửi gói cho cơ quan OCOP cấp tỉnh"))
    return PackageRefused("own_package", f"Đây là gói {what} do chính máy này tạo ra: {where}.")


def _imported_nowhere(ctx: AppContext, path: Path, confirm: Confirmation) -> AbstractContextManager[Handler]:
    """The opener of a kind no OCOP Desktop office imports: `route` refuses it before."""
    raise AssertionError(f"{path.name}: a package for the ministry reached its opener")


_DOSSIERS = Route(_opening(lambda ctx, opened, _confirm: DossierPackageImport(ctx, opened)))
_TRUST = Route(_opening(TrustImport))

# (kind, sender role) -> route; a None role: from any sender (the handler checks who may send it).
ROUTES: dict[tuple[fmt.Kind, str | None], Route] = {
    (fmt.Kind.SUBMISSION, None): _DOSSIERS,
    (fmt.Kind.RESULTS, None): _DOSSIERS,
    (fmt.Kind.RECEIPT, None): Route(_opening(lambda ctx, opened, _confirm: ReceiptImport(ctx, opened))),
    (fmt.Kind.ENROLLMENT, None): _TRUST,
    (fmt.Kind.REFERENCE, None): _TRUST,
    (fmt.Kind.ENROLLMENT, EVALUATOR): Route(
        _opening(laptop_trust), PROVINCE, _laptop_enrollment_elsewhere, _link_in_council
    ),
    (fmt.Kind.EVALUATOR_SCORES, None): Route(
        _opening(lambda ctx, opened, _confirm: ScoresImport(ctx, opened)), PROVINCE, _scores_elsewhere
    ),
    (fmt.Kind.EVALUATOR_ASSIGNMENT, None): Route(AssignmentImport, EVALUATOR, _assignment_elsewhere),
    (fmt.Kind.FIVE_STAR_PROPOSAL, None): Route(_imported_nowhere, MINISTRY, _to_the_ministry),
}
# Any other kind and anything unreadable: the trust checks refuse it with the precise message.
FALLBACK = _TRUST


def route(ctx: AppContext, path: Path) -> tuple[Route, Manifest | None]:
    """The route of the package at `path` (and its manifest, None when unreadable). Raises
    `PackageRefused` for an evaluator package this machine must not import."""
    try:
        with PackageReader(path) as reader:
            m = reader.manifest
    except Exception:  # noqa: BLE001 - open_package refuses it with the right message
        return FALLBACK, None
    kind = fmt.Kind(m.kind)
    found = ROUTES.get((kind, m.sender.role)) or ROUTES.get((kind, None)) or FALLBACK
    if found.at is not None:
        me = ctx.office()
        if m.sender_id == me.id:
            raise _own(m)
        if me.role != found.at:
            assert found.elsewhere is not None
            raise found.elsewhere(m)
    return found, m


def preview(
    ctx: AppContext,
    path: Path,
    *,
    confirm: str | None = None,
    progress: Progress | None = None,
    verifying: bool = False,
    key_change: str | None = None,
) -> ImportPreview:
    """The dry run. Verifying is not importing: a package imported through another door answers
    its preview when `verifying`, and is refused otherwise."""
    path = Path(path)
    found, m = route(ctx, path)
    with found.opener(ctx, path, Confirmation(confirm, key_change)) as handler:
        check_typed(m, confirm)
        result = handler.preview(progress)
    if found.not_here is not None and not verifying:
        assert m is not None
        raise found.not_here(m)
    return result


def import_package(
    ctx: AppContext,
    path: Path,
    *,
    confirm: str | None = None,
    receipt_path: Path | None = None,
    progress: Progress | None = None,
    key_change: str | None = None,
) -> ImportResult:
    """Apply, and write the receipt (next to the package unless `receipt_path`) when the kind has one.
    `confirm`: the sender's fingerprint as read out; `key_change`: for a known office presenting
    another key or name, its old fingerprint, typed to acknowledge the change (identity.py)."""
    path = Path(path)
    found, m = route(ctx, path)
    with found.opener(ctx, path, Confirmation(confirm, key_change)) as handler:
        check_typed(m, confirm)
        if found.not_here is not None:
            assert m is not None
            handler.preview(None)  # every check first: a damaged or foreign pack gets its precise refusal
            raise found.not_here(m)
        return handler.apply(progress, receipt_target(path, receipt_path))
