"""instrument_status_counts: one count per verification status, scoped to the caller, agreeing with the filter."""

import pytest

from registry.models import VerificationStatus
from registry.selectors import instrument_list, instrument_status_counts, verification_status_q
from tests.web.business_data import make_fleet

pytestmark = pytest.mark.django_db


@pytest.fixture
def fleet(catalog, technician, business_user):
    return make_fleet(technician, business_user)


def test_counts_one_instrument_in_each_status_of_the_callers_own(fleet):
    assert instrument_status_counts(actor=fleet.user) == {
        "valid": 1, "due_soon": 1, "expired": 1, "never_verified": 1, "failed": 1}


def test_every_status_is_present_even_at_zero(fleet):
    counts = instrument_status_counts(actor=fleet.other_user)

    assert counts == {"valid": 0, "due_soon": 0, "expired": 1, "never_verified": 0, "failed": 0}
    assert list(counts) == list(VerificationStatus.values)


def test_each_count_is_the_length_of_the_filtered_list(fleet, officer):
    counts = instrument_status_counts(actor=officer)

    for status in VerificationStatus.values:
        assert counts[status] == instrument_list(actor=officer).filter(verification_status_q(status)).count()
    assert counts["expired"] == 2  # the officer reads every owner's


def test_counts_cost_one_query(fleet, django_assert_num_queries):
    with django_assert_num_queries(1):
        instrument_status_counts(actor=fleet.user)
