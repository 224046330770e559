"""Writing a register plan in the caller's transaction: new producers, products and certificates
(through `issue_certificate`, as a decision does), and the changed fields of known ones."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.register.planner import Op
from ocop_desktop.services.registry.certificates import CertificateInput, issue_certificate
from ocop_desktop.services.registry.producers import producer_search_key
from ocop_desktop.services.registry.products import product_search_key, product_set_names
from ocop_desktop.store.models import AdminUnit, Certificate, Producer, Product

_PRODUCER_COLUMNS = (
    "name",
    "kind",
    "commune_code",
    "address",
    "tax_code",
    "phone",
    "email",
    "representative",
    "representative_title",
)
_PRODUCT_COLUMNS = (
    "producer_id",
    "name",
    "ruleset_id",
    "product_set",
    "code",
    "commune_code",
    "seq",
    "description",
    "brand",
    "packaging",
)


ORDER = {"producer": 0, "product": 1, "certificate": 2}


def write_ops(s: Session, ops: list[Op], today: date, progress: Progress | None) -> None:
    """Producers, then products, one flush, then certificates: each certificate then finds its product
    in the session without a query, and the whole import is flushed a handful of times, not per row."""
    communes: dict[str, str] = {}
    # The session holds its objects weakly: without these references a flushed product is dropped and
    # every certificate would load it again.
    created: list[object] = []
    total = max(len(ops), 1)
    ordered = sorted(ops, key=lambda op: ORDER[op.kind])
    flushed = False
    for i, op in enumerate(ordered):
        if i % 250 == 0:
            report(progress, 0.6 + 0.4 * i / total, f"Ghi {i + 1}/{len(ops)}…")
        if op.kind == "producer":
            created.append(_producer(s, op, communes))
        elif op.kind == "product":
            created.append(_product(s, op))
        else:
            if not flushed:
                s.flush()
                flushed = True
            _certificate(s, op, today)
    s.flush()


def _producer(s: Session, op: Op, communes: dict[str, str]) -> Producer:
    row = (
        Producer(id=op.id, **{k: op.values[k] for k in _PRODUCER_COLUMNS})
        if op.new
        else s.get(Producer, op.id)
    )
    assert row is not None
    for key, value in op.values.items():
        setattr(row, key, value)
    if row.commune_code not in communes:
        unit = s.get(AdminUnit, row.commune_code)
        communes[row.commune_code] = unit.name if unit else ""
    data = ProducerInput(
        row.name,
        ProducerKind(row.kind),
        row.commune_code,
        row.address,
        row.tax_code,
        row.phone,
        row.email,
        row.representative,
        row.representative_title,
    )
    row.search_key = producer_search_key(data, communes[row.commune_code])
    if op.new:
        s.add(row)
    return row


def _product(s: Session, op: Op) -> Product:
    if op.new:
        v = op.values
        row = Product(id=op.id, **{k: v[k] for k in _PRODUCT_COLUMNS})
        row.search_key = product_search_key(
            str(v["name"]), str(v["producer_name"]), str(v["set_name"]), str(v["brand"]), str(v["code"])
        )
        s.add(row)
        return row
    found = s.get(Product, op.id)
    assert found is not None
    for key, value in op.values.items():
        setattr(found, key, value)
    producer = s.get(Producer, found.producer_id)
    set_name = product_set_names(found.ruleset_id).get(found.product_set, "")
    found.search_key = product_search_key(
        found.name, producer.name if producer else "", set_name, found.brand, found.code or ""
    )
    return found


def _certificate(s: Session, op: Op, today: date) -> None:
    if op.new:
        data = op.values["input"]
        assert isinstance(data, CertificateInput)
        issue_certificate(s, data, today=today, flush=False)
        return
    row = s.get(Certificate, op.id)
    assert row is not None
    for key, value in op.values.items():
        setattr(row, key, value)
