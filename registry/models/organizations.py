"""Organisations, people and their roles (DESIGN.md §4)."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.validators import validate_tax_code


class OrganizationKind(models.TextChoices):
    BUSINESS = "business", _("Business")
    HOSPITAL = "hospital", _("Hospital")
    VERIFICATION_BODY = "verification_body", _("Verification body")
    DEPARTMENT = "department", _("Department")
    # Since 2025-07-01 the only inspectorate of a province (Law on Inspection 84/2025/QH15): formal inspections
    # (thanh tra) are its; the department keeps the state metrology checks (kiểm tra).
    INSPECTORATE = "inspectorate", _("Provincial inspectorate")


# The state agencies: they inspect and sanction, and need no tax code to be registered.
STATE_AGENCY_KINDS = frozenset({OrganizationKind.DEPARTMENT, OrganizationKind.INSPECTORATE})


class LegalForm(models.TextChoices):
    """Who answers for a business before the law on administrative violations: an organisation, or a person.

    An organisation is fined at twice an individual's range (Decree 119/2017 Art. 3; Law on Handling Administrative
    Violations Art. 23-24). A household business (hộ kinh doanh: petrol stations, scales at markets, gold shops)
    has no legal personality and is sanctioned as the individual who runs it: the rule the sector decrees state in
    their "who is sanctioned" article (from memory, P; domain/inspections.md is silent on households), so an
    officer sets the form per business rather than the code deciding it from a name. Orthogonal to the kind, which
    decides roles and registers: a household business is a business (its users have the business role, it owns
    instruments) in its legal form."""

    ORGANIZATION = "organization", _("Organization")
    HOUSEHOLD_BUSINESS = "household_business", _("Household business")
    INDIVIDUAL = "individual", _("Individual")


# Only a business may be a household business or an individual: hospitals, verification bodies and the
# department are organisations.
PERSON_LEGAL_FORMS = {LegalForm.HOUSEHOLD_BUSINESS, LegalForm.INDIVIDUAL}


class Organization(models.Model):
    """A legal entity: an instrument owner, a designated verification body or the department."""

    name = models.CharField(_("name"), max_length=255)
    # Required of every organisation but the department itself, which the service may create from settings.
    tax_code = models.CharField(_("tax code"), max_length=14, unique=True, null=True, blank=True,
                                validators=[validate_tax_code])
    address = models.CharField(_("address"), max_length=500)
    province = models.CharField(_("province"), max_length=100)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices,
                                  default=LegalForm.ORGANIZATION)
    # Printed above the name in a document's header (the governing agency), e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ".
    parent_name = models.CharField(_("governing agency"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(legal_form="organization") | models.Q(kind="business"),
                                   name="organization_person_is_business"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.tax_code and self.kind not in STATE_AGENCY_KINDS:
            raise ValidationError({"tax_code": _("This field is required.")})
        if self.legal_form in PERSON_LEGAL_FORMS and self.kind != OrganizationKind.BUSINESS:
            raise ValidationError({"legal_form": _(
                "Only a business may be a household business or an individual: hospitals, verification bodies and "
                "the department are organizations.")})

    @property
    def sanctioned_as_individual(self) -> bool:
        """Fined at the individual's rates, not the organisation's (LegalForm)."""
        return self.legal_form in PERSON_LEGAL_FORMS


class Role(models.TextChoices):
    OFFICER = "officer", _("Officer")
    TECHNICIAN = "technician", _("Technician")
    BUSINESS = "business", _("Business")
    INSPECTOR = "inspector", _("Inspector")


# Which kind of organisation each role belongs to (DESIGN.md §4).
ROLE_ORGANIZATION_KINDS = {
    Role.OFFICER: {OrganizationKind.DEPARTMENT},
    Role.TECHNICIAN: {OrganizationKind.VERIFICATION_BODY},
    Role.BUSINESS: {OrganizationKind.BUSINESS, OrganizationKind.HOSPITAL},
    Role.INSPECTOR: {OrganizationKind.DEPARTMENT, OrganizationKind.INSPECTORATE},
}


class RegistryUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.OFFICER)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person with one role in one organisation (officers created by createsuperuser may have none)."""

    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="users",
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = RegistryUserManager()

    class Meta:
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="officer") | models.Q(organization__isnull=False),
                name="user_non_officer_has_organization",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        # The admin is the officers' tool (DESIGN.md §4): the role grants it.
        self.is_staff = self.is_superuser or self.role == Role.OFFICER
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username
