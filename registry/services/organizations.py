"""Organisations and users: officers create them."""

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from registry.models import ROLE_ORGANIZATION_KINDS, Organization, Role, User
from registry.permissions import require_role
from registry.validators import normalize_tax_code


@transaction.atomic
def organization_create(*, actor: User, name: str, tax_code: str, address: str, province: str, kind: str,
                        parent_name: str = "") -> Organization:
    """An officer registers an organisation; the tax code is stored in its canonical form."""
    require_role(actor, Role.OFFICER)
    try:
        tax_code = normalize_tax_code(tax_code)
    except ValidationError as exc:
        raise ValidationError({"tax_code": exc.messages}) from exc
    organization = Organization(name=name.strip(), tax_code=tax_code, address=address.strip(),
                                province=province.strip(), kind=kind, parent_name=parent_name.strip())
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
    require_role(actor, Role.OFFICER)
    if role == Role.OFFICER and not actor.is_superuser:
        raise PermissionDenied(_("Only a superuser may give the officer role."))
    organization = Organization.objects.filter(pk=organization_id).first() if organization_id else None
    if organization_id is not None and organization is None:  # an officer's unknown organization was dropped
        raise ValidationError({"organization": _("Unknown organization.")})
    if role != Role.OFFICER and organization is None:
        raise ValidationError({"organization": _("This role needs an organization.")})
    if organization is not None and organization.kind not in ROLE_ORGANIZATION_KINDS[role]:
        raise ValidationError({"organization": _("A %(role)s must belong to an organization of kind %(kinds)s.") % {
            "role": role, "kinds": ", ".join(sorted(ROLE_ORGANIZATION_KINDS[role]))}})
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


def _save_unique(row, *, field: str, message: str) -> None:
    """Save a row whose uniqueness full_clean() checked; a concurrent request that saved the same value
    first makes this one a 400 on the field instead of a 500."""
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:
        raise ValidationError({field: message}) from exc
