"""The identity rule as a property (issue 19, docs/sync-package.md §5): every combination of unit,
role, name and keys a pack can claim for a known office gets exactly the documented answer from
`identity_change`, on a real province database."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.sync import Pair
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.services.sync.identity import identity_change
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.models import KeyRecord

KINDS = (
    "known",
    "fresh",
    "retired",
    "foreign",
)  # B's trusted key, a new one, B's replaced one, another office's
RETIRED = hashlib.sha256(b"retired").hexdigest()


@pytest.fixture
def known(pair: Pair) -> dict[str, dict[str, str]]:
    """Fingerprints by kind and purpose, as the province knows them; B has one retired key."""
    b = PackageService(pair.commune).own_keys()
    own = PackageService(pair.province).own_keys()
    with pair.province.unit_of_work() as s:
        s.add(
            KeyRecord(
                fingerprint=RETIRED,
                office_id=b.office_id,
                purpose="signing",
                algorithm="ed25519",
                public_key=b"r" * 32,
                trusted=False,
                retired_at=utcnow(),
            )
        )
    return {
        "known": {"signing": b.signing.fingerprint, "encryption": b.encryption.fingerprint},
        "fresh": {p: hashlib.sha256(p.encode()).hexdigest() for p in ("signing", "encryption")},
        "retired": {"signing": RETIRED, "encryption": RETIRED},
        "foreign": {"signing": own.signing.fingerprint, "encryption": own.encryption.fingerprint},
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    unit=st.sampled_from(["00070", "00004"]),
    role=st.sampled_from(["commune", "province", "evaluator"]),
    renamed=st.booleans(),
    signing=st.sampled_from(KINDS),
    encryption=st.sampled_from(KINDS),
)
def test_every_claim_on_a_known_office_gets_the_documented_answer(
    pair: Pair,
    known: dict[str, dict[str, str]],
    unit: str,
    role: str,
    renamed: bool,
    signing: str,
    encryption: str,
) -> None:
    b = pair.commune.office()
    name = b.name + (" mới" if renamed else "")
    office = {"office_id": b.id, "unit_code": unit, "role": role, "name": name}
    keys = [
        {"purpose": "signing", "fingerprint": known[signing]["signing"]},
        {"purpose": "encryption", "fingerprint": known[encryption]["encryption"]},
    ]
    refusal = next(
        (
            {"foreign": "identity_changed", "retired": "key_retired"}[kind]
            for kind in (signing, encryption)
            if kind in ("foreign", "retired")
        ),
        "identity_changed" if (unit, role) != (b.unit_code, b.role) else None,
    )
    with pair.province.read() as s:
        if refusal is not None:
            with pytest.raises(PackageRefused) as info:
                identity_change(s, office, keys)
            assert info.value.code == refusal
            return
        change = identity_change(s, office, keys)
    differences = [renamed, signing != "known", encryption != "known"]
    if not any(differences):
        assert change is None
        return
    assert change is not None and len(change.differences) == sum(differences)
    assert (change.office_name, change.new_name) == (b.name, name)
    assert change.old_fingerprint == readable_from_fingerprint(known["known"]["signing"])
    assert change.new_fingerprint == readable_from_fingerprint(known[signing]["signing"])
