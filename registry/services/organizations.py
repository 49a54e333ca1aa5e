"""Organisations and users: officers create them; users sign in with API tokens (django-rest-knox): issued at
login, hashed at rest, cut on sign-out and on a password change."""

from django.contrib.auth import password_validation
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.models import AuthToken

from registry.models import (
    ROLE_ORGANIZATION_KINDS,
    STATE_AGENCY_KINDS,
    LegalForm,
    Organization,
    Role,
    User,
)
from registry.permissions import has_role, require
from registry.selectors import organization_get_for_update, user_get_for_update
from registry.validators import normalize_tax_code

__all__ = [
    "may_manage_organizations",
    "organization_create",
    "organization_update",
    "token_issue",
    "tokens_prune_expired",
    "tokens_revoke_all",
    "user_create",
    "user_update",
]



def may_manage_organizations(actor: User) -> bool:
    """Officers create and correct organisations and users."""
    return has_role(actor, Role.OFFICER)


@transaction.atomic
def organization_create(*, actor: User, name: str, tax_code: str, address: str, province: str, kind: str,
                        parent_name: str = "", legal_form: str = LegalForm.ORGANIZATION) -> Organization:
    """An officer registers an organisation; the tax code is stored in its canonical form. A business may be
    registered as a household business or an individual (LegalForm: fined at the individual's rates)."""
    require(may_manage_organizations(actor))
    if tax_code or kind not in STATE_AGENCY_KINDS:  # a state agency may be registered without one
        try:
            tax_code = normalize_tax_code(tax_code)
        except ValidationError as exc:
            raise ValidationError({"tax_code": exc.messages}) from exc
    organization = Organization(name=name.strip(), tax_code=tax_code or None, address=address.strip(),
                                province=province.strip(), kind=kind, parent_name=parent_name.strip(),
                                legal_form=legal_form)
    organization.full_clean()
    _save_unique(organization, field="tax_code", message=_("An organization with this tax code is already registered."))
    return organization


@transaction.atomic
def user_create(*, actor: User, username: str, password: str, full_name: str, role: str,
                organization_id: int | None, email: str = "") -> User:
    """An officer creates a user with one role in an organisation of the kind that role belongs to.

    The officer role opens the admin (is_staff follows it), so only a superuser gives it; the password must
    pass AUTH_PASSWORD_VALIDATORS, judged against this user's own name and e-mail (issue 7, defects 2 and 4).
    """
    require(may_manage_organizations(actor))
    if role == Role.OFFICER and not actor.is_superuser:
        raise PermissionDenied(_("Only a superuser may give the officer role."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is taken.")})
    organization = _role_organization(role=role, organization_id=organization_id)
    user = User(username=username, full_name=full_name.strip(), role=role, organization=organization,
                email=email.strip())
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.full_clean()
    _save_unique(user, field="username", message=_("This username is taken."))
    return user


def _role_organization(*, role: str, organization_id: int | None) -> Organization | None:
    """The organisation a user of this role may belong to (ROLE_ORGANIZATION_KINDS), or a ValidationError."""
    organization = Organization.objects.filter(pk=organization_id).first() if organization_id else None
    if organization_id is not None and organization is None:  # an officer's unknown organization was dropped
        raise ValidationError({"organization": _("Unknown organization.")})
    if role != Role.OFFICER and organization is None:
        raise ValidationError({"organization": _("This role needs an organization.")})
    if organization is not None and organization.kind not in ROLE_ORGANIZATION_KINDS[role]:
        raise ValidationError({"organization": _("A %(role)s must belong to an organization of kind %(kinds)s.") % {
            "role": role, "kinds": ", ".join(sorted(ROLE_ORGANIZATION_KINDS[role]))}})
    return organization


@transaction.atomic
def organization_update(*, actor: User, organization_id: int, name: str, tax_code: str, address: str,
                        province: str, parent_name: str = "", legal_form: str | None = None) -> Organization:
    """An officer corrects an organisation's particulars; the tax code is checked and stored as on creation.

    The kind is not changed: the roles of its users and the registers it holds (instruments, X-ray devices,
    licences) were admitted for that kind (ROLE_ORGANIZATION_KINDS, FACILITY_KINDS). The legal form may be
    corrected (None keeps it): violation records drawn up already keep the form they were drawn up with."""
    require(may_manage_organizations(actor))
    organization = organization_get_for_update(actor=actor, pk=organization_id)
    if tax_code or organization.kind not in STATE_AGENCY_KINDS:
        try:
            tax_code = normalize_tax_code(tax_code)
        except ValidationError as exc:
            raise ValidationError({"tax_code": exc.messages}) from exc
    organization.name, organization.tax_code, organization.address = name.strip(), tax_code or None, address.strip()
    organization.province, organization.parent_name = province.strip(), parent_name.strip()
    if legal_form is not None:
        organization.legal_form = legal_form
    organization.full_clean(exclude=["tax_code"])  # uniqueness below, with the service's message
    if Organization.objects.filter(tax_code=organization.tax_code).exclude(pk=organization.pk).exists():
        raise ValidationError({"tax_code": _("An organization with this tax code is already registered.")})
    _save_unique(organization, field="tax_code", message=_("An organization with this tax code is already registered."))
    return organization


@transaction.atomic
def user_update(*, actor: User, user_id: int, username: str, full_name: str, email: str, first_name: str = "",
                last_name: str = "", is_active: bool = True, organization_id: int | None,
                role: str | None = None, is_superuser: bool | None = None) -> User:
    """An officer corrects a user's particulars and organisation; only a superuser changes power.

    Power is the role (None keeps it) and is_superuser (None keeps it). An officer who is not a superuser may
    change only users below them (not another officer or a superuser) and themselves (issue 7, defect 2).
    The role and the organisation's kind must match (ROLE_ORGANIZATION_KINDS), whoever edits."""
    require(may_manage_organizations(actor))
    user = user_get_for_update(actor=actor, pk=user_id)
    if not actor.is_superuser:
        if user.pk != actor.pk and user.is_staff:
            raise PermissionDenied(_("Only a superuser may change an officer or a superuser."))
        if (role is not None and role != user.role) or (is_superuser is not None and is_superuser != user.is_superuser):
            raise PermissionDenied(_("Only a superuser may give the officer role."))
    role = user.role if role is None else role
    user.organization = _role_organization(role=role, organization_id=organization_id)
    user.role, user.username, user.full_name = role, username, full_name.strip()
    user.email, user.first_name, user.last_name, user.is_active = email.strip(), first_name, last_name, is_active
    if is_superuser is not None:
        user.is_superuser = is_superuser
    user.full_clean(exclude=["password"], validate_unique=False)
    if User.objects.filter(username=user.username).exclude(pk=user.pk).exists():
        raise ValidationError({"username": _("This username is taken.")})
    _save_unique(user, field="username", message=_("This username is taken."))
    return user


def _save_unique(row, *, field: str, message: str) -> None:
    """Save a row whose uniqueness full_clean() checked; a concurrent request that saved the same value
    first makes this one a 400 on the field instead of a 500."""
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:
        raise ValidationError({field: message}) from exc


@transaction.atomic
def token_issue(*, user: User, request: HttpRequest) -> tuple[AuthToken, str]:
    """A new token for an authenticated user, living settings.TOKEN_TTL_HOURS; the clear token is returned once.

    Only its SHA-512 digest (and a short prefix to find it by) is stored, so no page or backup can show it again.
    `user_logged_in` records the login (last_login, django-axes' access log) as for an admin login.
    """
    instance, token = AuthToken.objects.create(user=user)
    user_logged_in.send(sender=user.__class__, request=request, user=user)
    return instance, token


def tokens_revoke_all(*, user: User) -> int:
    """Cut every token of a user (every device); returns how many were cut."""
    deleted, _ = AuthToken.objects.filter(user=user).delete()
    return deleted


def tokens_prune_expired() -> int:
    """Delete the tokens past their expiry (knox deletes one only when its owner next signs in)."""
    deleted, _ = AuthToken.objects.filter(expiry__lt=timezone.now()).delete()
    return deleted
