"""The officers' page of the audit chain's daily heads (/officer/audit/), through Django's test client: each day's
head and the chain's head now, in Vietnamese, with the note that anyone may copy them; 404 for every other role."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from audit.models import AuditEntry
from audit.services import audit_publish_daily_head
from registry.services import totp_enrolment_start
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/officer/audit/"


@pytest.fixture
def signed_in(client, officer):
    device = totp_enrolment_start(user=officer)
    device.confirmed = True
    device.save()
    client.force_login(officer)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def test_the_page_lists_each_day_s_head_and_the_head_now(signed_in):
    OrganizationFactory(name="Công ty TNHH Gio Linh")
    today = timezone.localdate()
    published = audit_publish_daily_head(day=today)
    empty_day = audit_publish_daily_head(day=today - timedelta(days=400))
    OrganizationFactory(name="Công ty TNHH Hải Lăng")
    now = AuditEntry.objects.order_by("sequence").last()

    page = signed_in.get(URL).content.decode()

    assert "Chuỗi nhật ký kiểm toán" in page and "Bất kỳ ai cũng có thể sao chép" in page
    assert today.strftime("%d/%m/%Y") in page and published.hash in page and f">{published.sequence}<" in page
    assert empty_day.hash == "0" * 64 and empty_day.hash in page
    assert now.hash in page and now.sequence > published.sequence
    assert page.index(published.hash) < page.index(empty_day.hash)  # the latest day first
    assert '/officer/audit/' in signed_in.get("/officer/").content.decode()  # in the nav and on the start page


def test_with_nothing_published_yet_the_page_says_so(signed_in):
    page = signed_in.get(URL).content.decode()

    assert "Chưa có ngày nào được công bố" in page


@pytest.mark.parametrize("role", ["business", "technician"])  # an inspector with a code: tests/web/test_officer.py
def test_other_roles_get_404(client, role):
    kinds = {"business": "business", "technician": "verification_body"}
    client.force_login(UserFactory(role=role, organization__kind=kinds[role]))

    assert client.get(URL).status_code == 404
