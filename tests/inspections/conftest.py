"""A department with its officer (who holds the Director's power to sanction) and two inspectors' teams, two
businesses, and a case of each team (issue 9)."""

import io
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from inspections.models import Inspection, Subject, Topic, ViolationType
from inspections.services.cases import (
    TeamMemberInput,
    inspection_create,
    inspection_open,
    inspection_team_set,
)
from registry.models import Organization, User
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.competence_fixtures import grant_power


@pytest.fixture
def topics(db):
    call_command("load_inspection_topics", stdout=io.StringIO())


def metrology() -> Topic:
    return Topic.objects.get(code="metrology")


def make_case(officer: User, *, leader: User, subjects: list[Organization], members: tuple[User, ...] = (),
              opened_on: date | None = None, title: str = "Kiểm tra đo lường chợ Cốc Lếu") -> Inspection:
    """A metrology check of `subjects` by `leader`'s team; opened (decision issued) unless opened_on is None."""
    case = inspection_create(actor=officer, kind="check", title=title, topic_id=metrology().pk,
                             inspecting_body_id=officer.organization_id, subject_ids=[s.pk for s in subjects])
    team = [TeamMemberInput(inspector=leader.pk, is_leader=True),
            *(TeamMemberInput(inspector=member.pk) for member in members)]
    inspection_team_set(actor=officer, inspection_id=case.pk, members=team)
    if opened_on is not None:
        inspection_open(actor=officer, inspection_id=case.pk, decision_number=f"{case.pk}/QĐ-KTĐL",
                        decision_date=opened_on, decision_signer_name="Trần Văn Bình",
                        decision_signer_title="Phó Giám đốc")
    case.refresh_from_db()
    return case


@dataclass
class Cases:
    officer: User
    leader: User
    member: User
    other_inspector: User
    business: User
    other_business: User
    case: Inspection  # open: leader's team, business's organisation its subject
    other_case: Inspection  # open: other_inspector's team, other_business's organisation
    subject: Subject


@pytest.fixture
def cases(topics, officer, department) -> Cases:
    leader = UserFactory(role="inspector", organization=department, full_name="Phạm Thị Lan")
    member = UserFactory(role="inspector", organization=department, full_name="Vũ Đức Anh")
    other_inspector = UserFactory(role="inspector", organization=department, full_name="Đỗ Văn Hải")
    business = UserFactory(role="business", organization=OrganizationFactory(name="Cửa hàng xăng dầu số 5"))
    other_business = UserFactory(role="business", organization=OrganizationFactory(name="Tiệm vàng Kim Thành"))
    grant_power(officer)  # the Director's power at the department: they sign the decisions of both teams' cases
    opened_on = timezone.localdate() - timedelta(days=2)
    case = make_case(officer, leader=leader, members=(member,), subjects=[business.organization], opened_on=opened_on)
    other = make_case(officer, leader=other_inspector, subjects=[other_business.organization], opened_on=opened_on,
                      title="Kiểm tra vàng trang sức")
    return Cases(officer, leader, member, other_inspector, business, other_business, case, other,
                 case.subjects.get())


@pytest.fixture
def art_10_1(inspection_catalog) -> ViolationType:
    """Decree 119/2017 Art. 10.1 as the catalogue loads it: the demo's violation (using Group 2 instruments of a
    total value up to 1.000.000 đồng), 500.000-1.000.000 đồng for an individual."""
    return ViolationType.objects.get(code="USE_G2_VIOLATION_BAND1")


# The penalty tests' fixture (issue 9 points 3-6), defined beside its helpers.
from tests.inspections.penalty_fixtures import sanction  # noqa: E402, F401
