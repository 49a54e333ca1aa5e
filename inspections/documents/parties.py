"""What the violation record and the penalty decision read alike from the rows: the issuer's names, the violator's
fields and an act as printed. Queries allowed (the kinds' build_context); the renderers stay pure."""

from django.conf import settings

from inspections.documents.layout import BLANK, Person, Violator
from inspections.models import TeamMember, Violation
from registry.models import LegalForm, Organization


def issuer_names(body: Organization) -> tuple[str, str]:
    """The governing agency (upper line) and the issuing body, as the national header prints them."""
    return (body.parent_name or "").upper(), body.name.upper()


def violator_of(organization: Organization, *, legal_form: str = LegalForm.ORGANIZATION,
                representative_name: str = "", representative_title: str = "") -> Violator:
    """The violator as the record or decision prints it, in the legal form the record was drawn up with."""
    if legal_form == LegalForm.INDIVIDUAL:
        return _individual(organization, name=organization.name, residence=organization.address)
    if legal_form == LegalForm.HOUSEHOLD_BUSINESS:
        # The household acts through its representative (chủ hộ kinh doanh), whom the record names; the
        # register holds the household's name and place of business, not the person's residence.
        return _individual(organization, name=representative_name, residence="",
                           business_name=organization.name, business_address=organization.address)
    return Violator(name=organization.name, address=organization.address,
                    enterprise_code=organization.tax_code or "", representative_name=representative_name,
                    representative_title=representative_title)


def _individual(organization: Organization, *, name: str, residence: str, business_name: str = "",
                business_address: str = "") -> Violator:
    """A person's fields as far as the register holds them; the rest are left blank for the officer. A 12-digit
    tax code is the person's identification number (Circular 86/2024/TT-BTC Art. 38.2), another a tax code."""
    code = organization.tax_code or ""
    is_personal_id = len(code) == 12 and code.isdigit()
    return Violator(
        is_organization=False, name=name, address=residence,
        identity=f"{code}; ngày cấp: {BLANK[:7]}; nơi cấp: {BLANK[:10]}" if is_personal_id else "",
        enterprise_code="" if is_personal_id else code, business_name=business_name,
        business_address=business_address)


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
