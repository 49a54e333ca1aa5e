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


class Organization(models.Model):
    """A legal entity: an instrument owner, a designated verification body or the department."""

    name = models.CharField(_("name"), max_length=255)
    # Required of every organisation but the department itself, which the service may create from settings.
    tax_code = models.CharField(_("tax code"), max_length=14, unique=True, null=True, blank=True,
                                validators=[validate_tax_code])
    address = models.CharField(_("address"), max_length=500)
    province = models.CharField(_("province"), max_length=100)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    # Printed above the name in a document's header (the governing agency), e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ".
    parent_name = models.CharField(_("governing agency"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.tax_code and self.kind != OrganizationKind.DEPARTMENT:
            raise ValidationError({"tax_code": _("This field is required.")})


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
    Role.INSPECTOR: {OrganizationKind.DEPARTMENT},
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
