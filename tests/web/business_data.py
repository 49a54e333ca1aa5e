"""What the business pages' tests share: a fuel business with an instrument in each verification status (the
expired one with its issued certificate), and another business whose expired instrument and certificate must
never show on the first one's pages."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from certificates.models import Document
from certificates.services import document_render
from registry.models import Instrument, Organization, User
from registry.services import verification_record
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory, assigned_to

EXPIRED_SERIAL = "TK-EXP-0917"
OTHER_SERIAL = "KHAC-EXP-5521"


def verified(technician, owner: Organization, serial: str, *, days_ago: int, result: str = "pass",
             location: str = "Cửa hàng xăng dầu số 7, Bắc Hà") -> Instrument:
    """An instrument of `owner` verified `days_ago` days ago (12-month cycle), its certificate rendered."""
    instrument = assigned_to(InstrumentFactory(owner=owner, serial_number=serial, location=location), technician)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="periodic",
                                       performed_on=timezone.localdate() - timedelta(days=days_ago),
                                       procedure="ĐLVN 10:2017", result=result)
    for document in verification.documents.all():
        document_render(document_id=document.pk)
    instrument.refresh_from_db()
    return instrument


@dataclass
class Fleet:
    user: User
    expired: Instrument
    valid: Instrument
    due_soon: Instrument
    failed: Instrument
    never: Instrument
    other_user: User
    other_expired: Instrument

    @property
    def certificate(self) -> Document:
        return Document.objects.get(subject_id=self.expired.last_verification_id, kind="verification_certificate")

    @property
    def other_certificate(self) -> Document:
        return Document.objects.get(subject_id=self.other_expired.last_verification_id,
                                    kind="verification_certificate")


def make_fleet(technician, business_user) -> Fleet:
    owner = business_user.organization
    expired = verified(technician, owner, EXPIRED_SERIAL, days_ago=500)
    valid = verified(technician, owner, "TK-OK-0001", days_ago=10)
    due_soon = verified(technician, owner, "TK-DUE-0002", days_ago=340)
    failed = verified(technician, owner, "TK-FAIL-0003", days_ago=3, result="fail")
    never = InstrumentFactory(owner=owner, serial_number="TK-NEW-0004")
    other = UserFactory(role="business", organization=OrganizationFactory(name="Công ty Cổ phần Vàng bạc Kim Long"))
    other_expired = verified(technician, other.organization, OTHER_SERIAL, days_ago=450, location="Chợ Đông Hà")
    return Fleet(business_user, expired, valid, due_soon, failed, never, other, other_expired)
