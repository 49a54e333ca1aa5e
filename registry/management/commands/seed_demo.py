"""Demo data for `make run`: organisations, one login per role, instruments and verifications.

Idempotent: a second run changes nothing. Refuses to run in production.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from registry.models import (
    Instrument,
    InstrumentType,
    Organization,
    OrganizationKind,
    Role,
    User,
    XrayDevice,
)
from registry.services import ReadingInput, verification_record
from registry.services.radiation import (
    radiation_worker_register,
    xray_device_register,
    xray_device_verification_record,
)
from registry.services.radiation.licensing import license_application_submit, license_issue

DEMO_PASSWORD = "demo-pass-2026"

# The demo is the Quảng Trị department's (issue 8, point 7): its own place names, as the settings' defaults are.
DEPARTMENT = "Sở Khoa học và Công nghệ tỉnh Quảng Trị"
# (key, name, tax code, kind, governing agency, address)
ORGANIZATIONS = [
    ("department", DEPARTMENT, "0100109106", OrganizationKind.DEPARTMENT, "UBND TỈNH QUẢNG TRỊ",
     "204 Hùng Vương, phường Đông Lễ, thành phố Đông Hà, tỉnh Quảng Trị"),
    ("body", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị", "0101234565",
     OrganizationKind.VERIFICATION_BODY, DEPARTMENT, "Đường Trần Hưng Đạo, thành phố Đông Hà, tỉnh Quảng Trị"),
    ("fuel", "Công ty TNHH Xăng dầu Hiền Lương", "0104567890", OrganizationKind.BUSINESS, "",
     "Quốc lộ 1A, thị trấn Hồ Xá, huyện Vĩnh Linh, tỉnh Quảng Trị"),
    ("hospital", "Bệnh viện Đa khoa khu vực Triệu Hải", "0107654326", OrganizationKind.HOSPITAL, "",
     "Phường 1, thị xã Quảng Trị, tỉnh Quảng Trị"),
]

USERS = [
    ("officer", "Nguyễn Văn Minh", Role.OFFICER, "department"),
    ("inspector", "Trần Thị Lan", Role.INSPECTOR, "department"),
    ("technician", "Lê Quang Huy", Role.TECHNICIAN, "body"),
    ("business", "Phạm Thu Hà", Role.BUSINESS, "fuel"),
    ("hospital", "Đỗ Minh Châu", Role.BUSINESS, "hospital"),
]

# (type code, serial, manufacturer, model, owner key, location, range, class, days ago verified or None)
INSTRUMENTS = [
    ("FUEL_DISPENSER", "TK-2291-01", "Tatsuno", "SUNNY-2", "fuel", "Cửa hàng xăng dầu số 1, Hồ Xá, Vĩnh Linh",
     "(4 – 60) L/min", "0,5", 40),
    ("FUEL_DISPENSER", "TK-2291-02", "Tatsuno", "SUNNY-2", "fuel", "Cửa hàng xăng dầu Cửa Việt, Gio Linh",
     "(4 – 60) L/min", "0,5", 350),
    # Past its 12-month verification (430 days ago): the demo's overdue organisation (issue 10, the officer's list).
    ("FUEL_DISPENSER", "TK-2291-03", "Tatsuno", "SUNNY-2", "fuel", "Cửa hàng xăng dầu Lao Bảo, Hướng Hóa",
     "(4 – 60) L/min", "0,5", 430),
    ("PLATFORM_COUNTER_SCALE", "CB-150-0042", "Nhơn Hòa", "CB-150", "fuel", "Kho hàng Lao Bảo, Hướng Hóa",
     "Max 150 kg; d = 50 g", "III", None),
    ("BP_METER", "HEM-7120-88812", "Omron", "HEM-7120", "hospital", "Khoa Khám bệnh, phòng 103",
     "(0 – 299) mmHg", "±3 mmHg", 20),
]

READINGS = {
    "FUEL_DISPENSER": [("20.00", "20.04", "L", "0.10"), ("50.00", "49.97", "L", "0.25")],
    "BP_METER": [("50", "51", "mmHg", "3"), ("150", "149", "mmHg", "3"), ("250", "252", "mmHg", "3")],
}


class Command(BaseCommand):
    help = "Load demo organisations, logins, instruments and verifications (development only)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo is for development only (DJANGO_ENV is production).")
        if not InstrumentType.objects.exists():
            raise CommandError("Load the catalogue first: manage.py load_catalog")
        with transaction.atomic():
            organizations = self._organizations()
            users = self._users(organizations)
            self._instruments(organizations, users["technician"])
            if not XrayDevice.objects.filter(facility=organizations["hospital"]).exists():
                self._xray(users["hospital"], users["officer"])
        self._print_logins()

    def _organizations(self) -> dict[str, Organization]:
        organizations = {}
        for key, name, tax_code, kind, parent, address in ORGANIZATIONS:
            organizations[key], _ = Organization.objects.get_or_create(
                tax_code=tax_code,
                defaults={"name": name, "kind": kind, "address": address, "province": "Quảng Trị",
                          "parent_name": parent},
            )
        return organizations

    def _users(self, organizations) -> dict[str, User]:
        users = {}
        for username, full_name, role, organization_key in USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"full_name": full_name, "role": role, "organization": organizations[organization_key],
                          "is_staff": role == Role.OFFICER, "is_superuser": role == Role.OFFICER},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            users[username] = user
        return users

    def _instruments(self, organizations, technician: User) -> None:
        today = timezone.localdate()
        for code, serial, maker, model, owner, location, span, accuracy, days_ago in INSTRUMENTS:
            instrument, created = Instrument.objects.get_or_create(
                instrument_type=InstrumentType.objects.get(code=code), serial_number=serial, manufacturer=maker,
                defaults={"model": model, "owner": organizations[owner], "location": location,
                          "measuring_range": span, "accuracy_class": accuracy, "manufacturer_country": "Nhật Bản"
                          if maker in ("Tatsuno", "Omron") else "Việt Nam", "registered_by": technician,
                          "registered_by_organization": technician.organization},
            )
            if created and days_ago is not None:
                verification_record(
                    actor=technician, instrument_id=instrument.pk, kind="periodic",
                    performed_on=today - timedelta(days=days_ago), procedure="", result="pass",
                    stamp_number=f"DEMO-{instrument.pk:05d}",
                    readings=[ReadingInput(Decimal(ref), Decimal(measured), unit, Decimal(mpe))
                              for ref, measured, unit, mpe in READINGS.get(code, [])],
                )

    def _xray(self, hospital: User, officer: User) -> None:
        """A licensed hospital: a CT and an intra-oral dental unit, a safety officer, a worker."""
        today = timezone.localdate()
        ct = xray_device_register(actor=hospital, kind="ct", manufacturer="Siemens Healthineers",
                                  model="SOMATOM go.Up", serial_number="CT-108877", year_made=2021,
                                  room="Phòng CT số 1", max_kv=130, max_ma=345)
        dental = xray_device_register(actor=hospital, kind="dental_intraoral", manufacturer="Planmeca",
                                      model="ProX", serial_number="PX-55021", year_made=2022, room="Phòng nha khoa",
                                      max_kv=70, max_ma=8)
        for device in (ct, dental):
            xray_device_verification_record(actor=hospital, device_id=device.pk, performed_on=today - timedelta(
                days=60), body_name="Trung tâm Kỹ thuật An toàn bức xạ", result="pass",
                certificate_number=f"X-{device.serial_number}")
        officer_worker = radiation_worker_register(
            actor=hospital, full_name="Nguyễn Văn Hùng", job="Kỹ thuật viên trưởng khoa Chẩn đoán hình ảnh",
            certificate_number="QT-ATBX-2025/0142", certificate_issuer=DEPARTMENT,
            is_safety_officer=True)
        radiation_worker_register(actor=hospital, full_name="Lê Thị Mai", job="Kỹ thuật viên X-quang",
                                  certificate_number="QT-NVBX-2024/0388")
        application = license_application_submit(
            actor=hospital, kind="new", device_ids=[ct.pk, dental.pk], safety_officer_id=officer_worker.pk,
            dosimetry_provider="Viện Khoa học và Kỹ thuật hạt nhân", dosimetry_contract_number="HĐ-2026/118")
        license_issue(actor=officer, application_id=application.pk, conditions=[
            "Chỉ sử dụng các thiết bị nêu tại Điều 1 tại đúng phòng đặt máy đã được thẩm định an toàn bức xạ.",
            "Theo dõi liều chiếu xạ cá nhân cho nhân viên bức xạ, đọc liều kế không quá 3 tháng một lần.",
        ])

    def _print_logins(self) -> None:
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, full_name, role, _key in USERS:
            self.stdout.write(f"  {username:<11} {role:<11} {full_name}")
