"""A hospital with X-ray units, workers and verifications, for the radiation register's tests."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from registry.models import Organization, RadiationWorker, User, XrayDevice
from registry.services.radiation import (
    radiation_worker_register,
    xray_device_register,
    xray_device_verification_record,
)
from tests.factories import OrganizationFactory, UserFactory


@dataclass
class Hospital:
    organization: Organization
    user: User
    ct: XrayDevice
    dental: XrayDevice
    safety_officer: RadiationWorker
    workers: list[RadiationWorker]


def verify_device(actor, device, performed_on: date, result: str = "pass"):
    return xray_device_verification_record(actor=actor, device_id=device.pk, performed_on=performed_on,
                                           body_name="Trung tâm Kỹ thuật An toàn bức xạ", result=result,
                                           certificate_number=f"KĐ-X-{device.pk}-{performed_on:%y%m%d}")


def make_hospital(name: str = "Bệnh viện Đa khoa tỉnh Lào Cai", verified_days_ago: int = 30) -> Hospital:
    organization = OrganizationFactory(kind="hospital", name=name, address="Số 2 đường Hoàng Liên, Lào Cai")
    user = UserFactory(role="business", organization=organization)
    ct = xray_device_register(actor=user, kind="ct", manufacturer="Siemens", model="SOMATOM go.Up",
                              serial_number=f"CT-{organization.pk}08877", year_made=2021, room="Phòng CT 1",
                              max_kv=130, max_ma=345)
    dental = xray_device_register(actor=user, kind="dental_intraoral", manufacturer="Planmeca", model="ProX",
                                  serial_number=f"PX-{organization.pk}5021", year_made=2022, room="Phòng răng",
                                  max_kv=70, max_ma=8)
    for device in (ct, dental):
        verify_device(user, device, timezone.localdate() - timedelta(days=verified_days_ago))
    safety_officer = radiation_worker_register(
        actor=user, full_name="Nguyễn Thị Hoa", job="Kỹ thuật viên trưởng", certificate_number="CC-NVBX-0158",
        certificate_issuer="Sở KH&CN Lào Cai", certificate_issued_on=date(2022, 5, 4), is_safety_officer=True)
    workers = [radiation_worker_register(actor=user, full_name=full_name, job="Kỹ thuật viên X-quang",
                                         certificate_number=f"CC-NVBX-{i:04d}")
               for i, full_name in enumerate(["Trần Văn Nam", "Lê Thị Mai"], start=200)]
    return Hospital(organization, user, ct, dental, safety_officer, workers)


def application_payload(hospital: Hospital, **overrides) -> dict:
    payload = {
        "kind": "new", "devices": [hospital.ct.pk, hospital.dental.pk], "safety_officer": hospital.safety_officer.pk,
        "dosimetry_provider": "Viện Khoa học và Kỹ thuật hạt nhân", "dosimetry_contract_number": "HĐ-2026/118",
        "attachments": [{"item_code": "application", "reference": "Công văn số 12/BV"}],
    }
    return {**payload, **overrides}


def file_application(client, hospital, **overrides):
    return client.post("/api/v1/license-applications/", application_payload(hospital, **overrides), format="json")


def issue_license(client_for, officer, hospital, **overrides) -> dict:
    """A licence issued by the officer on the hospital's application (which must pass its checks)."""
    application = file_application(client_for(hospital.user), hospital, **overrides).json()
    assert application["status"] == "submitted", application
    response = client_for(officer).post(f"/api/v1/license-applications/{application['id']}/issue",
                                        {"conditions": ["Chỉ sử dụng tại phòng đã kiểm xạ."]}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()
