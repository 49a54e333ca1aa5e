"""Filters of the instrument register's lists, each on its own."""

from datetime import timedelta

import pytest
from django.utils import timezone

from registry.models import Instrument
from registry.services import verification_record
from tests.factories import InstrumentFactory, InstrumentTypeFactory, OrganizationFactory, assigned_to

pytestmark = pytest.mark.django_db


def _ids(client, url, **params) -> set[int]:
    response = client.get(url, params)
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def _verify(technician, instrument, days_ago: int, result: str = "pass"):
    assigned_to(instrument, technician)
    return verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic",
                               performed_on=timezone.localdate() - timedelta(days=days_ago),
                               procedure="ĐLVN 15:2009", result=result)


@pytest.fixture
def fleet(technician):
    """One instrument in each verification status (12-month cycle, due-soon window 30 days)."""
    today = timezone.localdate()
    fleet = {name: InstrumentFactory() for name in ("valid", "due_soon", "expired", "never_verified", "failed")}
    _verify(technician, fleet["valid"], 10)
    _verify(technician, fleet["due_soon"], 360)
    _verify(technician, fleet["expired"], 500)
    _verify(technician, fleet["failed"], 3, result="fail")
    Instrument.objects.filter(pk=fleet["due_soon"].pk).update(valid_until=today + timedelta(days=10))
    return fleet


@pytest.mark.parametrize("status", ["valid", "due_soon", "expired", "never_verified", "failed"])
def test_verification_status_filter(client_for, officer, fleet, status):
    assert _ids(client_for(officer), "/api/v1/instruments/", verification_status=status) == {fleet[status].pk}


def test_verification_status_filter_takes_several(client_for, officer, fleet):
    found = _ids(client_for(officer), "/api/v1/instruments/", verification_status=["expired", "failed"])

    assert found == {fleet["expired"].pk, fleet["failed"].pk}


def test_status_on_each_row_matches_the_filter(client_for, officer, fleet):
    rows = client_for(officer).get("/api/v1/instruments/").json()["results"]

    assert {row["id"]: row["verification_status"] for row in rows} == {i.pk: s for s, i in fleet.items()}


def test_valid_until_range_filters(client_for, officer, fleet):
    today = timezone.localdate()
    client = client_for(officer)

    assert _ids(client, "/api/v1/instruments/", valid_until_before=today.isoformat()) == {fleet["expired"].pk}
    assert _ids(client, "/api/v1/instruments/", valid_until_after=today.isoformat(),
                valid_until_before=(today + timedelta(days=30)).isoformat()) == {fleet["due_soon"].pk}


def test_owner_type_and_serial_filters(client_for, officer):
    owner = OrganizationFactory()
    mine = InstrumentFactory(owner=owner, serial_number="AB 12")
    other_type = InstrumentFactory(instrument_type=InstrumentTypeFactory(code="OTHER"))
    client = client_for(officer)

    assert _ids(client, "/api/v1/instruments/", owner_id=owner.pk) == {mine.pk}
    assert _ids(client, "/api/v1/instruments/", instrument_type_code="OTHER") == {other_type.pk}
    assert _ids(client, "/api/v1/instruments/", instrument_type_id=other_type.instrument_type_id) == {other_type.pk}
    assert _ids(client, "/api/v1/instruments/", serial_number="ab12") == {mine.pk}


def test_free_text_search(client_for, officer):
    market = InstrumentFactory(location="Chợ Đồng Xuân")
    InstrumentFactory(location="Kho Gia Lâm")

    assert _ids(client_for(officer), "/api/v1/instruments/", q="Đồng Xuân") == {market.pk}
    assert _ids(client_for(officer), "/api/v1/instruments/", search="Đồng Xuân") == {market.pk}


def test_ordering_by_valid_until(client_for, officer, fleet):
    rows = client_for(officer).get("/api/v1/instruments/", {"ordering": "valid_until",
                                                            "verification_status": ["valid", "expired"]}).json()

    assert [row["id"] for row in rows["results"]] == [fleet["expired"].pk, fleet["valid"].pk]


def test_verification_filters(client_for, officer, technician):
    old, new = InstrumentFactory(), InstrumentFactory()
    failed = _verify(technician, old, 40, result="fail")
    passed = _verify(technician, new, 2)
    client = client_for(officer)

    assert _ids(client, "/api/v1/verifications/", result="fail") == {failed.pk}
    assert _ids(client, "/api/v1/verifications/", instrument_id=new.pk) == {passed.pk}
    assert _ids(client, "/api/v1/verifications/", owner_id=old.owner_id) == {failed.pk}
    assert _ids(client, "/api/v1/verifications/", performed_on_after=(
        timezone.localdate() - timedelta(days=10)).isoformat()) == {passed.pk}
    assert _ids(client, "/api/v1/verifications/", serial_number=new.serial_number) == {passed.pk}
    assert _ids(client, "/api/v1/verifications/", verification_body_id=technician.organization_id) == {
        failed.pk, passed.pk}


def test_technician_sees_only_verifications_of_its_body(client_for, technician):
    _verify(technician, InstrumentFactory(), 1)
    from tests.factories import UserFactory

    stranger = UserFactory(role="technician", organization=OrganizationFactory(kind="verification_body"))

    assert _ids(client_for(stranger), "/api/v1/verifications/") == set()
    assert len(_ids(client_for(technician), "/api/v1/verifications/")) == 1


def test_instrument_type_filters(client_for, officer):
    mass = InstrumentTypeFactory(code="QT_MASS", item=90, quantity="mass")
    volume = InstrumentTypeFactory(code="QT_VOLUME", item=91, quantity="volume")
    client = client_for(officer)

    assert _ids(client, "/api/v1/instrument-types/", code="QT_MASS") == {mass.pk}
    assert _ids(client, "/api/v1/instrument-types/", item=91) == {volume.pk}
    assert _ids(client, "/api/v1/instrument-types/", quantity="volume") == {volume.pk}


def test_verification_kind_and_date_range_filters(client_for, officer, technician):
    old, new = InstrumentFactory(), InstrumentFactory()
    earlier = _verify(technician, old, 40)
    assigned_to(new, technician)
    initial = verification_record(actor=technician, instrument_id=new.pk, kind="initial",
                                  performed_on=timezone.localdate() - timedelta(days=2), procedure="ĐLVN 15:2009",
                                  result="pass")
    client = client_for(officer)
    cut = (timezone.localdate() - timedelta(days=10)).isoformat()

    assert _ids(client, "/api/v1/verifications/", kind="initial") == {initial.pk}
    assert _ids(client, "/api/v1/verifications/", kind="periodic") == {earlier.pk}
    assert _ids(client, "/api/v1/verifications/", performed_on_before=cut) == {earlier.pk}
    assert _ids(client, "/api/v1/verifications/", valid_until_before=earlier.valid_until.isoformat()) == {earlier.pk}
    assert _ids(client, "/api/v1/verifications/", valid_until_after=initial.valid_until.isoformat()) == {initial.pk}
