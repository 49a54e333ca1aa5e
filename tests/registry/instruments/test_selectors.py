"""The instrument register's selectors that the pages add: a body's verifications of a day."""

from datetime import timedelta

import pytest
from django.utils import timezone

from registry import selectors
from registry.services import verification_record
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory
from tests.web.technician_helpers import record_pass

pytestmark = pytest.mark.django_db


def test_the_days_list_has_the_bodys_verifications_of_that_day_only_the_last_recorded_first(technician):
    today = timezone.localdate()
    first = record_pass(technician, performed_on=today)
    second = record_pass(technician, performed_on=today)
    record_pass(technician, performed_on=today - timedelta(days=1))
    other_technician = UserFactory(role="technician", organization=OrganizationFactory(kind="verification_body"))
    record_pass(other_technician, performed_on=today)

    found = list(selectors.verification_list_of_day(actor=technician, day=today))

    assert found == [second, first]


def test_the_days_list_costs_the_same_queries_whatever_its_length(technician, django_assert_num_queries):
    today = timezone.localdate()
    record_pass(technician, performed_on=today)
    with django_assert_num_queries(3):  # the verifications with their joins, their readings, their documents
        list(selectors.verification_list_of_day(actor=technician, day=today))
    for _ in range(3):
        record_pass(technician, performed_on=today)

    with django_assert_num_queries(3):
        rows = list(selectors.verification_list_of_day(actor=technician, day=today))

    assert len(rows) == 4 and all(row.documents.all()[0].number for row in rows)


def test_a_business_sees_the_verifications_of_its_own_instruments_only(technician, business_user):
    today = timezone.localdate()
    own = InstrumentFactory(owner=business_user.organization, assigned_body=technician.organization)
    mine = verification_record(actor=technician, instrument_id=own.pk, kind="periodic", performed_on=today,
                               procedure="ĐLVN 10:2017", result="fail")
    record_pass(technician, performed_on=today)

    assert list(selectors.verification_list_of_day(actor=business_user, day=today)) == [mine]
