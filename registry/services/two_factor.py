"""Two-factor sign-in to the pages (issue 10): officers and inspectors, whose actions others rely on, confirm a
one-time code from an authenticator app (TOTP, RFC 6238, through django-otp) after their password.

The app is set up on the first sign-in: the page shows the secret (and its QR code), the first right code confirms
it. Wrong codes wait 1, 2, 4... seconds before the next try (django-otp's throttle, kept on the device row). The API's
tokens are not concerned: they are issued for the password and locked by django-axes (issue 7).
"""

from math import ceil

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from registry.models import Role, User
from registry.permissions import has_role
from registry.selectors import totp_device_get

__all__ = ["needs_two_factor", "totp_enrolment_start", "totp_verify"]


def needs_two_factor(user) -> bool:
    """Officers and inspectors confirm a one-time code after their password when they sign in to the pages."""
    return has_role(user, Role.OFFICER, Role.INSPECTOR)


@transaction.atomic
def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """The user's authenticator app: the one already set up or being set up (the same secret when the user comes
    back), else a new random secret, unconfirmed until a right code arrives."""
    device = totp_device_get(user=user, for_update=True)
    if device is not None:
        return device
    device = TOTPDevice(user=user, name=_("Authenticator app"), confirmed=False)
    device.full_clean()
    device.save()
    return device


def totp_verify(*, user: User, code: str) -> TOTPDevice:
    """Check a one-time code against the user's app; the first right code confirms an app being set up. A code is
    good once. A wrong one is counted (and committed) before the error is raised, so that the wait grows."""
    code = "".join(code.split())
    with transaction.atomic():
        device = totp_device_get(user=user, for_update=True)
        if device is None:
            raise ValidationError({"code": _("No authenticator app is set up for this account: sign in again.")})
        allowed, details = device.verify_is_allowed()
        verified = allowed and device.verify_token(code)
        if verified and not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    if not allowed:
        until = (details or {}).get("locked_until") or timezone.now()
        seconds = max(1, ceil((until - timezone.now()).total_seconds()))
        raise ValidationError({"code": ngettext(
            "Too many wrong codes: try again in %(seconds)d second.",
            "Too many wrong codes: try again in %(seconds)d seconds.", seconds) % {"seconds": seconds}})
    if not verified:
        raise ValidationError({"code": _("This code is not right or was already used: enter the 6 digits your app "
                                         "shows now.")})
    return device
