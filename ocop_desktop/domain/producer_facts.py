"""One producer, one set of facts (issue 15). Mẫu 02 Part I is mostly about the producer, not the
product: what the register already holds (name, type, address, tax code, representative) and what only
Mẫu 02 asks (the representative's sex and ethnicity, the date of establishment, the registration number,
history, organisation). The second kind is kept with the producer (`PROFILE_FIELDS`) and starts every
new dossier; what an officer changes in a dossier is offered back (`profile_changes`).

`contradictions` compares a dossier with the producer's record and flags what disagrees — a form that
names another address or type of organisation, a self-assessment that claims a criterion the record
denies — as warnings with the field named. The criteria it reads are data
(`resources/producer_consistency.json`), per rule set. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ocop_desktop.domain.forms import MAU02_PART1
from ocop_desktop.domain.producers import ProducerKind, normalise_tax_code
from ocop_desktop.domain.text import fold

SECTION = MAU02_PART1.key
# Mẫu 02 Part I fields that describe the producer and that only the form asks: kept with the producer
# ("has_business_registration" is not: the register's tax code says it, `_registration` compares them)
PROFILE_FIELDS = (
    "representative_sex",
    "representative_ethnicity",
    "representative_address",
    "established_on",
    "registration_number",
    "has_food_safety_certificate",
    "history",
    "organisation",
)
# Kinds that exist only with a business registration (Luật Doanh nghiệp, Luật HTX, Nghị định 168/2025)
REGISTERED_KINDS = frozenset(
    {ProducerKind.ENTERPRISE, ProducerKind.COOPERATIVE, ProducerKind.BUSINESS_HOUSEHOLD}
)
_LABELS = {f.key: f.label for f in MAU02_PART1.fields}


@dataclass(frozen=True)
class RegistryFacts:
    """What the register holds about the producer (the producer record's columns)."""

    name: str
    kind: ProducerKind
    address: str
    tax_code: str
    phone: str
    representative: str


@dataclass(frozen=True)
class Contradiction:
    """`field`: where the officer looks ("mau02_part1.address", "self_assessment.3.1"); `label`: its name."""

    field: str
    label: str
    message: str


@dataclass(frozen=True)
class ConsistencyRules:
    """The self-assessment criteria that the producer's record can contradict, for one rule set."""

    kind_criterion: str = ""
    kinds_by_option: tuple[frozenset[str], ...] = ()
    representative_criterion: str = ""
    representative_claim_option: int = -1
    majority_ethnicities: frozenset[str] = frozenset()


def parse_rules(data: Mapping[str, Any], ruleset_id: str) -> ConsistencyRules:
    """The rules of `ruleset_id` from `producer_consistency.json` (none: no criterion is compared)."""
    entry = data.get("rulesets", {}).get(ruleset_id)
    if not entry:
        return ConsistencyRules()
    kind, rep = entry.get("organisation_type", {}), entry.get("representative", {})
    return ConsistencyRules(
        kind_criterion=str(kind.get("criterion", "")),
        kinds_by_option=tuple(frozenset(map(str, kinds)) for kinds in kind.get("kinds_by_option", [])),
        representative_criterion=str(rep.get("criterion", "")),
        representative_claim_option=int(rep.get("claim_option", -1)),
        majority_ethnicities=frozenset(fold(str(e)) for e in rep.get("majority_ethnicities", [])),
    )


def profile_from_forms(forms: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The producer's facts a dossier's Mẫu 02 holds (empty values left out)."""
    part1 = forms.get(SECTION, {})
    return {k: part1[k] for k in PROFILE_FIELDS if _filled(part1.get(k))}


def profile_changes(
    profile: Mapping[str, Any], forms: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[Any, Any]]:
    """{field: (on the producer's record, in this dossier)} for the facts the dossier changed."""
    return {
        k: (profile.get(k), v)
        for k, v in profile_from_forms(forms).items()
        if _same_key(profile.get(k)) != _same_key(v)
    }


def field_label(key: str) -> str:
    return _LABELS.get(key, key)


def contradictions(
    registry: RegistryFacts,
    forms: Mapping[str, Mapping[str, Any]],
    answers: Mapping[str, int],
    rules: ConsistencyRules,
    option_labels: Sequence[str] = (),
) -> list[Contradiction]:
    """Everything in the dossier the producer's record contradicts, in form order. `option_labels`: the
    sheet's options of the organisation-type criterion, to name the one chosen."""
    part1 = forms.get(SECTION, {})
    out = [c for c in _form_differences(registry, part1) if c is not None]
    kind = _kind_claim(registry, answers, rules, option_labels)
    out += [c for c in (_registration(registry, part1), kind) if c]
    if (c := _representative_claim(part1, answers, rules)) is not None:
        out.append(c)
    return out


def _form_differences(registry: RegistryFacts, part1: Mapping[str, Any]) -> list[Contradiction | None]:
    kind_value = part1.get("organisation_type")
    kind_ok = not _filled(kind_value) or _same_key(kind_value) in {
        _same_key(registry.kind.label),
        _same_key(registry.kind.value),
    }
    return [
        _differs("producer_name", part1, registry.name, "tên chủ thể"),
        None
        if kind_ok
        else _say("organisation_type", f"“{kind_value}”, trong sổ chủ thể là “{registry.kind.label}”"),
        _differs("address", part1, registry.address, "địa chỉ"),
        _differs("representative", part1, registry.representative, "người đại diện"),
        _differs("phone", part1, registry.phone, "số điện thoại"),
    ]


def _differs(key: str, part1: Mapping[str, Any], recorded: str, what: str) -> Contradiction | None:
    value = part1.get(key)
    if not _filled(value) or not recorded or _same_key(value) == _same_key(recorded):
        return None
    return _say(key, f"“{value}”, trong sổ chủ thể {what} là “{recorded}”")


def _say(key: str, text: str) -> Contradiction:
    return Contradiction(f"{SECTION}.{key}", field_label(key), f"{field_label(key)}: {text}.")


def _registration(registry: RegistryFacts, part1: Mapping[str, Any]) -> Contradiction | None:
    number = normalise_tax_code(str(part1.get("registration_number") or ""))
    tax = normalise_tax_code(registry.tax_code)
    if number and tax and not registry.kind.is_household and _digits(number) != _digits(tax):
        return _say(
            "registration_number",
            f"“{number}” khác mã số thuế “{tax}” trong sổ chủ thể "
            "(mã số doanh nghiệp, HTX cũng là mã số thuế)",
        )
    if part1.get("has_business_registration") is False and registry.kind in REGISTERED_KINDS:
        return _say("has_business_registration", f"để trống, nhưng “{registry.kind.label}” phải có đăng ký")
    return None


def _kind_claim(
    registry: RegistryFacts, answers: Mapping[str, int], rules: ConsistencyRules, labels: Sequence[str]
) -> Contradiction | None:
    option = answers.get(rules.kind_criterion) if rules.kind_criterion else None
    if option is None or not 0 <= option < len(rules.kinds_by_option):
        return None
    if registry.kind.value in rules.kinds_by_option[option]:
        return None
    code = rules.kind_criterion
    chosen = f"“{_short(labels[option])}”" if option < len(labels) else f"mức {option + 1}"
    return Contradiction(
        f"self_assessment.{code}",
        f"Tiêu chí {code}",
        f"Tự đánh giá tiêu chí {code} (loại hình tổ chức) chọn {chosen}, "
        f"nhưng trong sổ chủ thể là “{registry.kind.label}”.",
    )


def _representative_claim(
    part1: Mapping[str, Any], answers: Mapping[str, int], rules: ConsistencyRules
) -> Contradiction | None:
    code = rules.representative_criterion
    if not code or answers.get(code) != rules.representative_claim_option:
        return None
    sex, ethnicity = part1.get("representative_sex"), fold(str(part1.get("representative_ethnicity") or ""))
    if sex != "nam" or ethnicity not in rules.majority_ethnicities:
        return None
    return Contradiction(
        f"self_assessment.{code}",
        f"Tiêu chí {code}",
        f"Tự đánh giá tiêu chí {code} ghi người đại diện là nữ, người dân tộc thiểu số hoặc người khuyết "
        f"tật, nhưng Mẫu 02 ghi nam, dân tộc {part1.get('representative_ethnicity')} "
        "(chỉ đúng nếu người đại diện là người khuyết tật).",
    )


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ;,") + "…"


def _filled(value: object) -> bool:
    return value not in (None, "") and not (isinstance(value, str) and not value.strip())


def _same_key(value: object) -> object:
    """Compared without case, diacritics, punctuation or spacing: "Thôn 3, xã A" is "thon 3 xa a"."""
    if isinstance(value, str):
        return " ".join(re.sub(r"[^\w]+", " ", fold(value)).split())
    return value


def _digits(code: str) -> str:
    return code.replace("-", "")
