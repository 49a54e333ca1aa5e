"""Reads of the catalogue: the version of a violation type in force on the day of the act, and the deadlines
computed with the legal numbers in force (registry.legal), which an officer may amend without a code change."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from inspections import selectors
from inspections.models import ViolationType
from registry.models import LegalParameter

pytestmark = pytest.mark.django_db


def _amend(row: ViolationType, *, on: date, **changes) -> ViolationType:
    """The decree amended from `on`: the old version ends the day before; a new version of the same code starts."""
    old_pk = row.pk
    row.in_force_to = on
    row.save()
    row.pk = None
    row.in_force_from, row.in_force_to = on, None
    for name, value in changes.items():
        setattr(row, name, value)
    row.save()
    return ViolationType.objects.get(pk=old_pk)


def test_violation_type_in_force_by_code_picks_the_version_of_the_act_s_day(art_10_1):
    old = _amend(art_10_1, on=date(2027, 1, 1), fine_max_individual=1_500_000)

    before = selectors.violation_type_in_force("USE_G2_VIOLATION_BAND1", on=date(2026, 12, 31))
    after = selectors.violation_type_in_force("USE_G2_VIOLATION_BAND1", on=date(2027, 1, 1))

    assert before.pk == old.pk and before.fine_max_individual == 1_000_000
    assert after.pk != old.pk and after.fine_max_individual == 1_500_000


def test_violation_type_in_force_by_the_id_of_another_version_applies_the_act_s_day(art_10_1):
    old = _amend(art_10_1, on=date(2027, 1, 1), fine_max_individual=1_500_000)

    picked = selectors.violation_type_in_force(old.pk, on=date(2027, 3, 1))

    assert picked.pk != old.pk and picked.fine_max_individual == 1_500_000


def test_violation_type_not_yet_in_force_is_a_400_on_the_field(art_10_1):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        selectors.violation_type_in_force("USE_G2_VIOLATION_BAND1", on=date(2021, 12, 31), field="violation_type")

    assert "USE_G2_VIOLATION_BAND1" in refused.value.message_dict["violation_type"][0]
    assert "31/12/2021" in refused.value.message_dict["violation_type"][0]


def test_violation_type_no_longer_in_force_is_a_400(art_10_1):
    art_10_1.in_force_to = date(2027, 1, 1)
    art_10_1.save()

    with pytest.raises(ValidationError):
        selectors.violation_type_in_force("USE_G2_VIOLATION_BAND1", on=date(2027, 1, 1))
    assert selectors.violation_type_in_force("USE_G2_VIOLATION_BAND1", on=date(2026, 12, 31)) == art_10_1


def test_violation_type_unknown_id_is_a_400(inspection_catalog):
    with pytest.raises(ValidationError) as refused:
        selectors.violation_type_in_force(2_000_000_000, on=date(2026, 3, 1))

    assert "violation_type" in refused.value.message_dict


def test_decision_deadline_reads_the_catalogue_over_tet_2026(inspection_catalog):
    # Record Thu 12/02/2026: Fri 13 (1), Tết to Sun 22, Mon 23 (2) ... Mon 02/03 (7); transferred: Thu 05/03 (10).
    assert selectors.decision_deadline(date(2026, 2, 12)) == date(2026, 3, 2)
    assert selectors.decision_deadline(date(2026, 2, 12), "transfer") == date(2026, 3, 5)
    # 1 month from Fri 16/01/2026 = Mon 16/02 (Tết eve) -> Mon 23/02; 2 months from Wed 17/12/2025 likewise.
    assert selectors.decision_deadline(date(2026, 1, 16), "explanation") == date(2026, 2, 23)
    assert selectors.decision_deadline(date(2025, 12, 17), "complex") == date(2026, 2, 23)


def test_decision_deadline_follows_an_officer_s_amendment_of_the_period(inspection_catalog):
    LegalParameter.objects.create(key="penalty-decision-deadline-default", value=5, unit="working_days",
                                  legal_basis="an amendment (test)", in_force_from=date(2026, 1, 1), confidence="C")

    # Record Thu 12/02/2026 with 5 working days: Fri 13 (1), Mon 23 (2) ... Thu 26/02 (5).
    assert selectors.decision_deadline(date(2026, 2, 12)) == date(2026, 2, 26)
    # A record of 2025 keeps the 7 days then in force: Mon 01/12/2025 -> Wed 10/12/2025.
    assert selectors.decision_deadline(date(2025, 12, 1)) == date(2025, 12, 10)


def test_decision_deadline_before_the_catalogue_starts_names_the_field(inspection_catalog):
    with pytest.raises(ValidationError) as refused:
        selectors.decision_deadline(date(2021, 6, 1))

    assert "record_date" in refused.value.message_dict


def test_payment_deadline_reads_the_catalogue_over_tet_2026(inspection_catalog):
    # Received Fri 06/02/2026 + 10 days = Mon 16/02 (Tết eve) -> Mon 23/02/2026.
    assert selectors.payment_deadline(date(2026, 2, 6)) == date(2026, 2, 23)


def test_sanction_limitation_by_the_type_s_group(inspection_catalog):
    # Act ended Fri 10/05/2024. 1 year: Sat 10/05/2025 -> Mon 12/05/2025. 2 years: Sun 10/05/2026 -> Mon 11/05/2026.
    default = selectors.sanction_limitation(date(2024, 5, 10), date(2026, 5, 11))
    atomic = selectors.sanction_limitation(date(2024, 5, 10), date(2026, 5, 11), limitation_group="atomic_energy")

    assert (default.ends_on, default.barred) == (date(2025, 5, 12), True)
    assert (atomic.ends_on, atomic.barred) == (date(2026, 5, 11), False)
