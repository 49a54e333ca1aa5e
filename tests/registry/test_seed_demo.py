"""The demo data is the Quảng Trị department's (issue 8, point 7): its place names, on the records and the PDFs."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from certificates.models import Document
from certificates.services import document_render
from registry.models import Organization, OrganizationKind, User
from registry.selectors import overdue_by_organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(catalog):
    call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_puts_the_department_and_every_organization_in_quang_tri(seeded):
    department = Organization.objects.get(kind=OrganizationKind.DEPARTMENT)
    organizations = list(Organization.objects.all())

    assert department.name == "Sở Khoa học và Công nghệ tỉnh Quảng Trị"
    assert "Đông Hà" in department.address
    assert {o.province for o in organizations} == {"Quảng Trị"}
    assert not [o.name for o in organizations if "Hà Nội" in f"{o.name} {o.address} {o.parent_name}"]


def test_a_demo_certificate_is_dated_in_quang_tri(seeded):
    document = Document.objects.filter(number__startswith="KĐ-").order_by("id").first()

    rendered = document_render(document_id=document.pk)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(rendered.file.open("rb").read())).pages)

    assert "Quảng Trị, ngày" in text
    assert "Hà Nội" not in text


def test_the_demo_has_an_organization_with_an_instrument_past_its_verification(seeded):
    officer = User.objects.get(username="officer")

    overdue = overdue_by_organization(actor=officer)

    assert [(row["organization_name"], row["instruments_overdue"]) for row in overdue] == [
        ("Công ty TNHH Xăng dầu Hiền Lương", 1)]
    assert overdue[0]["oldest_due_date"] < timezone.localdate()
