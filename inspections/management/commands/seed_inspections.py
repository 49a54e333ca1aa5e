"""Demo inspections for `make run`, after seed_demo: the seed province's 2022 year (issue 9 point 8, the cases).

Quảng Trị ran 4 planned inspections in 2022 (steel; liquefied petroleum gas; gold jewellery; metrology and radiation
safety) of 66 organisations and individuals, and issued 1 penalty decision of 1,500,000 VND. This command plans and
runs the four through the services, as the officer and the demo inspector would: plan, case, team (the demo
inspector leads), decision, subjects, findings, findings recorded, closed. The businesses and household businesses
are invented but plausible: distinct names, valid tax codes (python-stdnum), Quảng Trị addresses. The household
businesses (the shops named after their owner: 34 of the 66) are registered in that legal form, so a sanction of
one would be at the individual's range; the year's one decision is on a company, at the organisation's.

Idempotent: a case is known by its decision number; a second run creates nothing. The registry's seed_demo must run
first (the department, the officer and the inspector are its); `registry` never imports `inspections`, so this is a
command of its own. The year's one penalty decision is built in `_penalty_decision_hook`; the officer signs it under
the Director's power to sanction, delegated to them as Deputy Director (MQĐ34), recorded here first.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from stdnum.vn import mst

from inspections.models import (
    FindingResult,
    Inspection,
    InspectionPlan,
    InspectionTransition,
    RemedyKind,
    SanctioningPower,
    SanctioningTitle,
    Subject,
    Topic,
    ViolationType,
)
from inspections.services.cases import (
    TeamMemberInput,
    examined_item_add,
    finding_record,
    inspection_close,
    inspection_create,
    inspection_open,
    inspection_plan_create,
    inspection_record_findings,
    inspection_team_set,
)
from inspections.services.penalties import (
    FineInput,
    RemedyInput,
    payment_record,
    penalty_decision_issue,
    violation_add,
    violation_record_issue,
)
from registry.models import Instrument, LegalForm, Organization, OrganizationKind, User

YEAR = 2022
DEPARTMENT_TAX_CODE = "0100109106"  # seed_demo's department
DEMO_SUBJECTS = {"fuel": "0104567890", "hospital": "0107654326"}  # seed_demo's business and hospital
# seed_demo's platform scale at the fuel company, never verified: the 2022 penalty's remedy is to have it verified.
UNVERIFIED_SCALE = "CB-150-0042"
SIGNER = ("Nguyễn Hữu Phước", "Phó Giám đốc")
# The demo officer signs the year's penalty decision as a deputy to whom the Director delegated the power to sanction
# (MQĐ34): "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", citing the delegation decision (inspections.md §6).
DELEGATION = ("08/QĐ-GQXP", date(YEAR, 1, 4), "Phó Giám đốc")

PLACES = [  # (street or village, commune/ward, district/town) in Quảng Trị
    ("Số 12 Lê Duẩn", "phường 1", "thành phố Đông Hà"), ("Số 45 Hùng Vương", "phường 2", "thành phố Đông Hà"),
    ("Số 88 Quốc lộ 9", "phường 5", "thành phố Đông Hà"), ("Số 7 Trần Hưng Đạo", "phường 1", "thành phố Đông Hà"),
    ("Số 101 Lê Lợi", "phường 5", "thành phố Đông Hà"), ("Số 23 Nguyễn Huệ", "phường Đông Lễ", "thành phố Đông Hà"),
    ("Số 60 Hàm Nghi", "phường Đông Lương", "thành phố Đông Hà"), ("Quốc lộ 1A", "thị trấn Hồ Xá", "huyện Vĩnh Linh"),
    ("Thôn Thủy Bạn", "xã Vĩnh Thủy", "huyện Vĩnh Linh"), ("Khu phố 3", "thị trấn Gio Linh", "huyện Gio Linh"),
    ("Thôn Hà Tây", "thị trấn Cửa Việt", "huyện Gio Linh"), ("Khu phố 2", "thị trấn Cam Lộ", "huyện Cam Lộ"),
    ("Quốc lộ 1A", "thị trấn Ái Tử", "huyện Triệu Phong"), ("Khóm 4", "thị trấn Diên Sanh", "huyện Hải Lăng"),
    ("Số 5 Trần Hưng Đạo", "phường 2", "thị xã Quảng Trị"), ("Khối 1", "thị trấn Khe Sanh", "huyện Hướng Hóa"),
    ("Khóm Xuân Phước", "thị trấn Lao Bảo", "huyện Hướng Hóa"), ("Khóm 3", "thị trấn Krông Klang", "huyện Đakrông"),
]
OWNERS = [
    "Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức", "Võ Thị Hoa",
    "Phan Văn Hùng", "Đặng Thị Hương", "Bùi Văn Khánh", "Đỗ Thị Lan", "Hồ Văn Long", "Ngô Thị Mai",
    "Dương Văn Nam", "Lý Thị Nga", "Mai Văn Phúc", "Trương Thị Quỳnh", "Đinh Văn Sơn", "Lâm Thị Tâm",
    "Cao Văn Thắng", "Tôn Thị Thu", "Lưu Văn Tiến", "Châu Thị Trang", "Hà Văn Tuấn", "Kiều Thị Uyên",
    "Nguyễn Đình Vinh", "Trần Văn Xuân", "Lê Thị Yến", "Phạm Văn Bảo", "Hoàng Thị Cúc", "Võ Văn Dũng",
    "Phan Thị Giang", "Đặng Văn Hải", "Bùi Thị Hiền", "Đỗ Văn Kiên", "Hồ Thị Liên", "Ngô Văn Minh",
]
BRANDS = [
    "Hoàng Phát", "Minh Long", "Thành Đạt", "Hưng Thịnh", "Phú Quý", "Kim Ngân", "Bảo Tín", "Đại Phát", "An Khang",
    "Tân Tiến", "Hòa Bình", "Vạn Lợi", "Trường Sơn", "Bến Hải", "Thạch Hãn", "Cửa Tùng", "Hiền Lương", "Đông Trường",
    "Nam Hải", "Quang Minh", "Thiên Phú", "Gia Huy", "Ngọc Anh", "Phước Lộc", "Hồng Phúc", "Sông Hiếu", "Lao Bảo",
    "Khe Sanh", "Ái Tử", "Diên Sanh", "Gio Linh", "Cam Lộ",
]


@dataclass(frozen=True)
class CaseSeed:
    topic: str
    title: str
    planned_month: int
    decision_number: str
    decided_on: date
    closed_on: date
    # (count, name patterns: "{brand}" or "{owner}"): companies, and household businesses named after their owner
    # (sanctioned as individuals).
    subjects: tuple[tuple[int, str], ...]


CASES = (
    CaseSeed("steel", "Kiểm tra chất lượng thép xây dựng lưu thông trên địa bàn tỉnh", 4, "45/QĐ-SKHCN",
             date(2022, 4, 11), date(2022, 5, 20),
             ((6, "Công ty TNHH Vật liệu xây dựng {brand}"), (6, "Hộ kinh doanh vật liệu xây dựng {owner}"))),
    CaseSeed("lpg", "Kiểm tra chất lượng, đo lường khí dầu mỏ hóa lỏng (LPG)", 6, "78/QĐ-SKHCN",
             date(2022, 6, 6), date(2022, 7, 15),
             ((8, "Công ty TNHH Gas {brand}"), (12, "Cửa hàng gas {owner}"))),
    CaseSeed("gold-jewellery", "Kiểm tra đo lường, chất lượng vàng trang sức, mỹ nghệ", 8, "112/QĐ-SKHCN",
             date(2022, 8, 8), date(2022, 9, 16),
             ((4, "Doanh nghiệp tư nhân vàng bạc {brand}"), (10, "Tiệm vàng {owner}"))),
    CaseSeed("metrology", "Kiểm tra đo lường và an toàn bức xạ", 10, "150/QĐ-SKHCN",
             date(2022, 10, 10), date(2022, 11, 25),
             ((8, "Công ty TNHH Xăng dầu {brand}"), (6, "Cửa hàng xăng dầu {owner}"),
              (4, "Phòng khám đa khoa {brand}"))),
)


def tax_code(number: int) -> str | None:
    """A valid Quảng Trị enterprise code ("32..." are the province's): nine digits and their check digit; None
    for the bases no single check digit fits (the remainder gives 10)."""
    base = f"32{number:07d}"
    code = base + mst.calc_check_digit(base)
    return code if mst.is_valid(code) else None


def _subject_rows() -> list[tuple[str, str, str, str, str]]:
    """(topic, name, tax code, address, legal form) of the 64 invented subjects, distinct names, in a fixed
    order; a name after its owner is a household business's."""
    rows, brands, owners, number = [], iter(BRANDS), iter(OWNERS), 4200
    for seed in CASES:
        for count, pattern in seed.subjects:
            for _index in range(count):
                household = "{owner}" in pattern
                name = pattern.format(owner=next(owners)) if household else pattern.format(brand=next(brands))
                legal_form = LegalForm.HOUSEHOLD_BUSINESS if household else LegalForm.ORGANIZATION
                street, commune, district = PLACES[len(rows) % len(PLACES)]
                number += 1
                while tax_code(number) is None:
                    number += 1
                rows.append((seed.topic, name, tax_code(number), f"{street}, {commune}, {district}, tỉnh Quảng Trị",
                             legal_form))
    return rows


def _kind(name: str) -> str:
    return OrganizationKind.HOSPITAL if name.startswith("Phòng khám") else OrganizationKind.BUSINESS


class Command(BaseCommand):
    help = "Load the demo's 2022 inspections (after seed_demo; development only)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_inspections is for development only (DJANGO_ENV is production).")
        department = Organization.objects.filter(tax_code=DEPARTMENT_TAX_CODE).first()
        officer = self.officer = User.objects.filter(username="officer").first()
        inspector = User.objects.filter(username="inspector").first()
        if department is None or officer is None or inspector is None:
            raise CommandError("Run seed_demo first: the department, its officer and its inspector are its.")
        if Topic.objects.filter(code__in=[seed.topic for seed in CASES]).count() != len(CASES):
            raise CommandError("Load the topics first: manage.py load_inspection_topics")
        if not ViolationType.objects.filter(code="USE_G2_VIOLATION_BAND1").exists():
            raise CommandError("Load the catalogue of sanctions first: manage.py load_inspection_catalog")
        self._sanctioning_power(department, officer)
        subjects = self._organizations()
        created = 0
        for seed in CASES:
            if Inspection.objects.filter(inspecting_body=department, decision_number=seed.decision_number).exists():
                continue
            with transaction.atomic():
                self._case(seed, department, officer, inspector, subjects[seed.topic])
            created += 1
        self.stdout.write(f"{created} demo inspections of {YEAR} created ({len(CASES) - created} already there).")

    def _sanctioning_power(self, department: Organization, officer: User) -> None:
        """The officer's power to sanction: the Director's, delegated to them as Deputy Director since January."""
        title = SanctioningTitle.objects.filter(code="dost-director").first()
        if title is None:
            raise CommandError("Load the catalogue of sanctions first: manage.py load_inspection_catalog")
        number, day, position = DELEGATION
        if SanctioningPower.objects.filter(user=officer, title=title, organization=department).exists():
            return
        power = SanctioningPower(user=officer, title=title, organization=department, valid_from=day,
                                 position=position, delegation_number=number, delegation_date=day,
                                 note="Dữ liệu mẫu (seed_inspections).")
        power.full_clean()
        power.save()

    def _organizations(self) -> dict[str, list[Organization]]:
        """The subjects of each topic's case: the invented ones, and seed_demo's fuel company and hospital in the
        metrology and radiation safety case."""
        by_topic: dict[str, list[Organization]] = {seed.topic: [] for seed in CASES}
        for topic, name, code, address, legal_form in _subject_rows():
            organization, _created = Organization.objects.get_or_create(
                tax_code=code, defaults={"name": name, "kind": _kind(name), "address": address,
                                         "province": "Quảng Trị", "legal_form": legal_form})
            if organization.legal_form != legal_form:  # seeded before households had their legal form
                organization.legal_form = legal_form
                organization.save(update_fields=["legal_form"])
            by_topic[topic].append(organization)
        by_topic["metrology"] += list(Organization.objects.filter(tax_code__in=DEMO_SUBJECTS.values()).order_by("pk"))
        return by_topic

    def _case(self, seed: CaseSeed, department, officer, inspector, organizations) -> Inspection:
        topic = Topic.objects.get(code=seed.topic)
        plan = InspectionPlan.objects.filter(year=YEAR, topic=topic, title=seed.title).first()
        if plan is None:
            plan = inspection_plan_create(actor=officer, year=YEAR, topic_id=topic.pk, title=seed.title,
                                          planned_month=seed.planned_month, inspecting_body_id=department.pk,
                                          subject_ids=[organization.pk for organization in organizations])
        case = inspection_create(actor=officer, kind="check", title=seed.title, plan_id=plan.pk,
                                 inspecting_body_id=department.pk)
        inspection_team_set(actor=officer, inspection_id=case.pk,
                            members=[TeamMemberInput(inspector=inspector.pk, is_leader=True)])
        inspection_open(actor=officer, inspection_id=case.pk, decision_number=seed.decision_number,
                        decision_date=seed.decided_on, decision_signer_name=SIGNER[0],
                        decision_signer_title=SIGNER[1])
        self._findings(case, topic, inspector, seed)
        inspection_record_findings(actor=inspector, inspection_id=case.pk)
        inspection_close(actor=officer, inspection_id=case.pk)
        self._date_transitions(case, seed)
        return case

    def _findings(self, case: Inspection, topic: Topic, inspector: User, seed: CaseSeed) -> None:
        """Every subject conforms on the topic's first checklist item; every fifth fails its second; at the fuel
        company the unverified platform scale is examined and found not verified."""
        items = list(topic.checklist_items.order_by("position"))
        for index, subject in enumerate(Subject.objects.filter(inspection=case).select_related("organization")):
            finding_record(actor=inspector, inspection_id=case.pk, subject_id=subject.pk,
                           checklist_item_id=items[0].pk, result=FindingResult.CONFORMING)
            if index % 5 == 4 and len(items) > 1:
                finding_record(actor=inspector, inspection_id=case.pk, subject_id=subject.pk,
                               checklist_item_id=items[1].pk, result=FindingResult.NOT_CONFORMING,
                               note="Phát hiện tại thời điểm kiểm tra; cơ sở đã ký biên bản.")
            if subject.organization.tax_code == DEMO_SUBJECTS["fuel"]:
                self._unverified_scale(case, subject, inspector, seed)

    def _unverified_scale(self, case: Inspection, subject: Subject, inspector: User, seed: CaseSeed) -> None:
        scale = Instrument.objects.filter(serial_number=UNVERIFIED_SCALE, owner=subject.organization).first()
        if scale is None:
            return
        item = examined_item_add(actor=inspector, inspection_id=case.pk, subject_id=subject.pk, kind="instrument",
                                 instrument_id=scale.pk, examined_on=seed.decided_on + timedelta(days=3))
        verification = case.topic.checklist_items.get(checks_verification=True)
        finding_record(actor=inspector, inspection_id=case.pk, subject_id=subject.pk, examined_item_id=item.pk,
                       checklist_item_id=verification.pk, result=FindingResult.NOT_CONFORMING,
                       note=f"Cân bàn số sản xuất {UNVERIFIED_SCALE} đang sử dụng chưa được kiểm định.")
        self._penalty_decision_hook(case, subject, scale, inspector, seed)

    def _penalty_decision_hook(self, case: Inspection, subject: Subject, scale: Instrument, inspector: User,
                               seed: CaseSeed) -> None:
        """The year's one penalty decision, 1.500.000 đồng: the fuel company used the never-verified scale (Decree
        119/2017 Art. 10.1, an organisation: 1.000.000-2.000.000, no circumstance, so the average). Its violation
        record, the decision a few working days later, the fine paid in time, and the remedy "have the instrument
        verified" left open: it closes when a technician records a pass on the scale in the demo."""
        act_on = seed.decided_on + timedelta(days=3)
        violation_type = ViolationType.objects.filter(code="USE_G2_VIOLATION_BAND1").order_by("in_force_from").first()
        violation = violation_add(
            actor=inspector, inspection_id=case.pk, violator_id=subject.organization_id,
            violation_type_id=violation_type.pk, act_date=act_on, place=scale.location, instrument_ids=[scale.pk],
            facts=f"Sử dụng cân bàn số sản xuất {UNVERIFIED_SCALE} (giá trị dưới 1.000.000 đồng) để mua bán hàng hóa "
                  "khi chưa được kiểm định.")
        record = violation_record_issue(
            actor=inspector, inspection_id=case.pk, violator_id=subject.organization_id, place=scale.location,
            made_on=act_on, made_at=time(9, 30), ended_at=time(10, 15), representative_name="Phạm Thu Hà",
            representative_title="Giám đốc", violator_statement="Cơ sở thừa nhận vi phạm và cam kết kiểm định cân.")
        decided_on = act_on + timedelta(days=5)  # within the 7 working days of Law Art. 66
        decision = penalty_decision_issue(
            actor=self.officer, record_id=record.pk, decided_on=decided_on,
            fines=[FineInput(violation=violation.pk, amount=1_500_000)],
            remedies=[RemedyInput(kind=RemedyKind.VERIFY_INSTRUMENT, instrument=scale.pk,
                                  deadline=decided_on + timedelta(days=30))],
            treasury_account="7111.0.1057869 tại Kho bạc Nhà nước tỉnh Quảng Trị")
        payment_record(actor=self.officer, decision_id=decision.pk, paid_on=decision.payment_due_on,
                       amount=1_500_000, receipt_number="0012345")

    def _date_transitions(self, case: Inspection, seed: CaseSeed) -> None:
        """The demo's steps happened in 2022: planned and opened on the decision's day, recorded and closed on the
        closing day (the services stamp them now)."""
        moments = {"planned": seed.decided_on, "open": seed.decided_on, "findings_recorded": seed.closed_on,
                   "closed": seed.closed_on}
        zone = timezone.get_current_timezone()
        for transition in InspectionTransition.objects.filter(inspection=case):
            day = moments[transition.to_status]
            transition.at = datetime(day.year, day.month, day.day, 16, 0, tzinfo=zone)
            transition.save(update_fields=["at"])
