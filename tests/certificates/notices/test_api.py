"""/api/v1/notices/: scoped reads, read and acknowledge, each filter, the digest's document, a fixed query count;
and /notices/overdue, the officers' view (routed by the registry, under the same address)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.notices.models import Notice, NoticeDigest
from certificates.notices.services import notices_scan
from certificates.services import document_render
from registry.models import Instrument
from tests.certificates.notices.helpers import TODAY, due_in
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_notices_api_is_scoped_and_users_acknowledge(client_for, officer, three_owners):
    owners, _instruments = three_owners
    notices_scan(as_of=TODAY)
    user = owners[0].users.first()
    client = client_for(user)

    mine = client.get("/api/v1/notices/").json()["results"]
    notice_id = mine[0]["id"]
    acknowledged = client.post(f"/api/v1/notices/{notice_id}/acknowledge").json()

    assert {row["organization"] for row in mine} == {owners[0].pk}
    assert acknowledged["acknowledged_at"] and acknowledged["read_at"]
    assert client.get("/api/v1/notices/", {"acknowledged": "false"}).json()["count"] == len(mine) - 1
    other = Notice.objects.exclude(organization=owners[0]).first()
    assert client.get(f"/api/v1/notices/{other.pk}/").status_code == 404
    assert client_for(officer).get("/api/v1/notices/").json()["count"] == 5


def test_a_notice_outside_the_callers_scope_is_404_to_read_and_acknowledge(client_for, three_owners):
    owners, _instruments = three_owners
    notices_scan(as_of=TODAY)
    other = Notice.objects.exclude(organization=owners[0]).first()
    client = client_for(owners[0].users.first())

    assert client.post(f"/api/v1/notices/{other.pk}/read").status_code == 404
    assert client.post(f"/api/v1/notices/{other.pk}/acknowledge").status_code == 404
    other.refresh_from_db()
    assert (other.read_at, other.acknowledged_at) == (None, None)


def test_only_the_organisations_own_users_confirm_a_notice(client_for, officer, three_owners):
    notices_scan(as_of=TODAY)
    notice = Notice.objects.first()

    assert client_for(officer).post(f"/api/v1/notices/{notice.pk}/read").status_code == 403
    notice.refresh_from_db()
    assert notice.read_at is None


def test_officers_see_what_is_overdue_per_organisation(client_for, officer, catalog):
    late = OrganizationFactory(name="Cơ sở chậm kiểm định")
    real_today = timezone.localdate()
    for days in (-400, -3, -1, 100):
        instrument = InstrumentFactory(owner=late if days < 0 else OrganizationFactory())
        Instrument.objects.filter(pk=instrument.pk).update(last_result="pass",
                                                           valid_until=real_today + timedelta(days=days))

    rows = client_for(officer).get("/api/v1/notices/overdue").json()

    assert rows[0]["organization_id"] == late.pk and rows[0]["instruments_overdue"] == 3
    assert client_for(UserFactory(role="business")).get("/api/v1/notices/overdue").status_code == 403


def test_notice_list_costs_a_fixed_number_of_queries(client_for, officer, catalog):
    client = client_for(officer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/notices/").status_code == 200
        return len(queries)

    due_in(7)
    notices_scan(as_of=TODAY)
    few = count()
    for days in range(8, 48):
        due_in(days, owner=OrganizationFactory())
    notices_scan(as_of=TODAY + timedelta(days=1))

    assert Notice.objects.count() > 40
    assert count() == few


def test_each_notice_filter(client_for, officer, three_owners):
    owners, instruments = three_owners
    notices_scan(as_of=TODAY)
    by_subject = {n.subject_id: n for n in Notice.objects.all()}
    seven, overdue = by_subject[instruments[7].pk], by_subject[instruments[-5].pk]
    Notice.objects.filter(pk=seven.pk).update(read_at=timezone.now())
    client = client_for(officer)

    def ids(**params) -> set[int]:
        response = client.get("/api/v1/notices/", params)
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert ids(organization_id=owners[1].pk) == {n.pk for n in by_subject.values() if n.organization_id == owners[1].pk}
    assert ids(stage="overdue") == {overdue.pk}
    assert ids(read="true") == {seven.pk}
    assert seven.pk not in ids(read="false")
    assert ids(due_date_before=(TODAY - timedelta(days=1)).isoformat()) == {overdue.pk}
    assert ids(due_date_after=(TODAY + timedelta(days=31)).isoformat()) == {by_subject[instruments[60].pk].pk}
    Notice.objects.filter(pk=overdue.pk).update(kind="xray_verification")  # a row of another kind, for the kind
    assert ids(kind="xray_verification") == {overdue.pk}
    assert ids(kind="instrument_verification") == {n.pk for n in by_subject.values()} - {overdue.pk}


def test_the_kind_filter_accepts_only_registered_kinds(client_for, officer):
    response = client_for(officer).get("/api/v1/notices/", {"kind": "bogus"})

    assert response.status_code == 400
    assert "kind" in response.json()


def test_each_notice_links_to_its_digest_document_and_its_pdf(client_for, catalog):
    owner = OrganizationFactory(name="Công ty Cân Đông Hà")
    user = UserFactory(role="business", organization=owner, email="ketoan@candongha.vn")
    due_in(7, owner=owner)
    notices_scan(as_of=TODAY)
    digest = NoticeDigest.objects.get(organization=owner)
    client = client_for(user)
    pending = client.get("/api/v1/notices/").json()["results"][0]["digest_document"]
    document = document_render(document_id=digest.documents.get().pk)

    issued = client.get("/api/v1/notices/").json()["results"][0]["digest_document"]

    assert pending == {"id": document.pk, "number": document.number, "status": "pending", "pdf_url": None}
    assert issued["status"] == "issued"
    assert issued["pdf_url"].endswith(f"/api/v1/documents/{document.pk}/pdf")
    assert client.get(issued["pdf_url"]).status_code == 200
