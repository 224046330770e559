"""A producer withdraws at the commune a dossier the province already put into an evaluation round
(issue 15): the withdrawal comes up in a real submission package and its round entry stops
competing — out of aggregation, proposals, the decision and the round's counts, its sheets and
history kept — while a withdrawal that arrives after the decision is kept for review as a conflict
and cannot be taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.province import answers_for, council, sheet_of
from helpers.sync import TODAY, Pair, ready_dossier
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.dossiers.reevaluation import vietnam_day
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.print_data import council_matrix_data
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.province.withdrawals import WithdrawalService
from ocop_desktop.services.sync.conflicts import ConflictService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier, DossierEvent
from ocop_desktop.store.models.province import RoundEntry

REASON = "Chủ thể ngừng sản xuất sản phẩm (đơn ngày 18/11/2026)."
PRODUCTS = {"Cà phê Sáng": 75, "Cà phê Chiều": 85, "Cà phê Tối": 60}  # each member's total
DECISION = DecisionInput("1234/QĐ-UBND", TODAY, "Nguyễn Văn Chủ")


class Office:
    """The commune and province of the pair, with the round the province built."""

    def __init__(self, pair: Pair, tmp_path: Path) -> None:
        self.pair = pair
        self.commune, self.province = PackageService(pair.commune), PackageService(pair.province)
        self.ids = {
            name: ready_dossier(pair.commune, tmp_path / f"scans-{n}", product=name, producer=f"HTX {name}")
            for n, name in enumerate(PRODUCTS)
        }
        self.round_id = ""
        self.members: list[str] = []
        self._n = 0

    def send_up(self) -> list[tuple[str, str]]:
        """The commune's pending submission, imported at the province: (outcome, reason) per dossier."""
        self._n += 1
        sent = self.commune.export_dossiers(self.pair.send(f"s{self._n}.ocoppkg"), pending=True)
        got = self.province.import_package(sent.path)
        assert got.receipt_path is not None
        self.commune.import_package(got.receipt_path)
        return [(d.outcome, d.reason) for d in got.preview.dossiers]

    def send_down(self) -> None:
        """The province's pending results, imported at the commune."""
        self._n += 1
        out = self.province.export_dossiers(self.pair.send(f"r{self._n}.ocoppkg"), to="00070", pending=True)
        got = self.commune.import_package(out.path)
        assert got.receipt_path is not None
        self.province.import_package(got.receipt_path)

    def scored_round(self) -> None:
        """Every dossier accepted (and the acceptance back at the commune), in one round, scored by
        the seven members and aggregated."""
        assert self.send_up() == [("new", "")] * 3
        inbox = InboxService(self.pair.province, today=TODAY)
        for d in self.ids.values():
            inbox.accept(d)
        self.send_down()
        rounds = RoundService(self.pair.province, today=TODAY)
        self.round_id = rounds.create(RoundInput(2026, 2)).row.id
        self.members = council(self.pair.province, self.round_id)
        rounds.assign(self.round_id, list(self.ids.values()))
        scores = MemberScoreService(self.pair.province)
        for name, total in PRODUCTS.items():
            for member in self.members:
                scores.enter(self.round_id, self.ids[name], member, answers_for(sheet_of(), total))

    def withdraw(self, name: str) -> None:
        DossierService(self.pair.commune, today=TODAY).act(self.ids[name], "withdraw", note=REASON)

    def entry(self, name: str) -> RoundEntry:
        with self.pair.province.read() as s:
            found = s.query(RoundEntry).filter_by(dossier_id=self.ids[name]).one()
            s.expunge(found)
            return found


@pytest.fixture
def office(pair: Pair, tmp_path: Path) -> Office:
    made = Office(pair, tmp_path)
    made.scored_round()
    return made


def test_a_withdrawn_entry_leaves_aggregation_proposals_and_the_decision(office: Office) -> None:
    o, province = office, office.pair.province
    AggregationService(province).aggregate_round(o.round_id)
    o.withdraw("Cà phê Chiều")
    assert o.send_up() == [("updated", "")]

    chieu = o.ids["Cà phê Chiều"]
    rows = {e.product_name: e for e in RoundService(province).entries(o.round_id)}
    withdrawn = rows["Cà phê Chiều"]
    with o.pair.commune.read() as s:
        at = s.query(DossierEvent).filter_by(dossier_id=chieu, action="withdraw").one().at
    assert (withdrawn.status, withdrawn.dossier_status) == ("withdrawn", "withdrawn")
    assert (withdrawn.withdrawn_on, withdrawn.withdrawal_reason) == (vietnam_day(at), REASON)
    assert not withdrawn.withdrawal_noted
    assert withdrawn.mean_total == 85 and withdrawn.sheets == 7  # kept for the record
    entry = o.entry("Cà phê Chiều")
    assert [h["event"] for h in entry.history][-1] == "withdrawn"
    assert entry.history[-1]["status"] == "aggregated" and entry.history[-1]["reason"] == REASON
    assert len(MemberScoreService(province).sheets(o.round_id, chieu)) == 7
    printed = council_matrix_data(province, o.round_id, chieu)  # the council's matrix, for the record
    assert printed.totals == (85,) * 7 and printed.stars is None
    assert printed.conclusion == (
        f"Chủ thể đã rút hồ sơ ngày {vietnam_day(at):%d/%m/%Y}; sản phẩm không được Hội đồng xét công nhận."
    )

    progress = RoundService(province).progress(o.round_id)
    assert (progress.assigned, progress.scored, progress.aggregated, progress.withdrawn) == (2, 2, 2, 1)

    again = AggregationService(province).aggregate_round(o.round_id)  # the whole round, once more
    assert sorted(a.entry.product_name for a in again.done) == ["Cà phê Sáng", "Cà phê Tối"]
    assert again.skipped == ()
    with pytest.raises(UserError, match="Chủ thể đã rút hồ sơ"):
        AggregationService(province).aggregate(o.round_id, chieu)
    with pytest.raises(UserError, match="Chủ thể đã rút hồ sơ"):
        MemberScoreService(province).enter(o.round_id, chieu, o.members[0], answers_for(sheet_of(), 80))

    results = ResultService(province, today=TODAY)
    proposed = {e.product_name: (e.status, e.proposed_star) for e in results.propose(o.round_id)}
    assert proposed == {
        "Cà phê Sáng": ("proposed", 4),
        "Cà phê Chiều": ("withdrawn", None),
        "Cà phê Tối": ("proposed", 3),
    }
    with pytest.raises(UserError, match="chủ thể đã rút hồ sơ, không đưa vào quyết định"):
        results.decide(o.round_id, DECISION, [chieu])
    outcome = results.decide(o.round_id, DECISION)
    assert outcome.decision.products == 2
    assert sorted((e.product_name, e.proposed_star) for e in outcome.entries) == [
        ("Cà phê Sáng", 4),
        ("Cà phê Tối", 3),
    ]
    assert sorted(c.stars for c in outcome.certificates) == [3, 4]
    progress = RoundService(province).progress(o.round_id)
    assert (progress.assigned, progress.decided, progress.withdrawn) == (2, 2, 1)
    assert o.entry("Cà phê Chiều").status == "withdrawn"


def test_the_secretary_sees_the_notice_until_marking_it_seen(office: Office) -> None:
    o, province = office, office.pair.province
    o.withdraw("Cà phê Tối")
    o.send_up()
    notices = WithdrawalService(province)
    assert [e.product_name for e in notices.unnoted(o.round_id)] == ["Cà phê Tối"]
    assert notices.note_withdrawals(o.round_id) == 1
    assert notices.unnoted(o.round_id) == [] and notices.note_withdrawals(o.round_id) == 0
    [row] = RoundService(province).entries(o.round_id, status="withdrawn")
    assert row.withdrawal_noted and row.withdrawal_reason == REASON
    # a council change after the withdrawal still works: the withdrawn entry is left as it was
    from ocop_desktop.services.province.councils import CouncilService, MemberInput

    CouncilService(province).add_member(o.round_id, MemberInput("Bùi Văn Mới", "member", "Sở Tài chính"))
    assert o.entry("Cà phê Tối").status == "withdrawn"


def test_a_withdrawal_after_the_decision_is_a_conflict_that_cannot_be_taken(office: Office) -> None:
    o, province = office, office.pair.province
    AggregationService(province).aggregate_round(o.round_id)
    results = ResultService(province, today=TODAY)
    results.propose(o.round_id)
    results.decide(o.round_id, DECISION)  # the results are not at the commune yet
    o.withdraw("Cà phê Sáng")
    assert o.send_up() == [
        (
            "conflicting",
            "Chủ thể rút hồ sơ sau khi tỉnh đã có quyết định công nhận sản phẩm này; việc rút hồ sơ "
            "không được ghi. Hãy giữ bản trên máy và báo lại cho xã.",
        )
    ]
    sang = o.ids["Cà phê Sáng"]
    assert o.entry("Cà phê Sáng").status == "decided"
    with province.read() as s:
        assert s.get(Dossier, sang).status == "decided"  # type: ignore[union-attr]
    [conflict] = ConflictService(province).rows()
    assert conflict.reason == "withdrawn_after_decision"
    with pytest.raises(UserError, match="đã có quyết định công nhận trong Đợt 2/2026"):
        ConflictService(province).resolve(conflict.id, "take_incoming")
    assert o.entry("Cà phê Sáng").status == "decided"
    assert ConflictService(province).resolve(conflict.id, "keep_local").resolution == "keep_local"


def test_a_withdrawal_crossing_an_unsent_acceptance_is_taken_from_review(pair: Pair, tmp_path: Path) -> None:
    """The province accepted and placed the dossier but never sent the acceptance: the withdrawal is
    kept for review (docs/sync-package.md §6); taking it withdraws the entry all the same."""
    o = Office(pair, tmp_path)
    assert o.send_up() == [("new", "")] * 3
    chieu = o.ids["Cà phê Chiều"]
    InboxService(pair.province, today=TODAY).accept(chieu)
    rounds = RoundService(pair.province, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    rounds.assign(round_id, [chieu])
    o.withdraw("Cà phê Chiều")
    assert [outcome for outcome, _ in o.send_up()] == ["conflicting"]
    assert o.entry("Cà phê Chiều").status == "assigned"
    [conflict] = ConflictService(pair.province).rows()
    assert conflict.reason == "unsent_local_action"
    ConflictService(pair.province).resolve(conflict.id, "take_incoming")
    [row] = rounds.entries(round_id)
    assert (row.status, row.withdrawal_reason, row.dossier_status) == ("withdrawn", REASON, "withdrawn")
    assert rounds.progress(round_id).assigned == 0
    with pytest.raises(UserError, match="không cần rút khỏi đợt"):
        rounds.unassign(round_id, chieu)
