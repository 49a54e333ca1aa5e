"""What the violation record and the penalty decision read alike from the rows: the issuer's names, the violator's
fields and an act as printed. Queries allowed (the kinds' build_context); the renderers stay pure."""

from django.conf import settings

from inspections.documents.layout import Person, Violator
from inspections.models import TeamMember, Violation
from registry.models import Organization


def issuer_names(body: Organization) -> tuple[str, str]:
    """The governing agency (upper line) and the issuing body, as the national header prints them."""
    return (body.parent_name or "").upper(), body.name.upper()


def violator_of(organization: Organization, *, representative_name: str = "",
                representative_title: str = "") -> Violator:
    return Violator(name=organization.name, address=organization.address,
                    enterprise_code=organization.tax_code or "", representative_name=representative_name,
                    representative_title=representative_title)


def act_text(violation: Violation) -> str:
    """The act as the catalogue describes it, then the facts found."""
    description = violation.violation_type.description.rstrip(". ")
    return f"{description}. {violation.facts.strip()}"


def team_people(inspection, body: Organization) -> tuple[Person, ...]:
    """The case's team, leader first, as the persons drawing up the record."""
    members = TeamMember.objects.filter(inspection=inspection).select_related("inspector").order_by("-is_leader",
                                                                                                    "id")
    return tuple(Person(name=member.inspector.display_name,
                        title="Trưởng đoàn kiểm tra" if member.is_leader else "Thành viên đoàn kiểm tra",
                        organization=body.name) for member in members)


def verify_url(document) -> str:
    return f"{settings.PUBLIC_BASE_URL}{document.verify_path}"
