"""API tokens (django-rest-knox): issued at login, hashed at rest, cut on sign-out and on a password change."""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from knox.models import AuthToken

from registry.models import User


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
