"""What a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE): a page in the admin, JSON on the API, the
sign-in page with the lock's message on the web pages.

A lock comes after settings.LOGIN_FAILURE_LIMIT failed logins for one account or from one address, and lasts
LOGIN_LOCKOUT_MINUTES from the last attempt (every attempt while locked counts, so it starts the time again).
"""

from datetime import datetime

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _


def locked_until(request: HttpRequest) -> datetime:
    """When the lock that refused this request ends: its attempt (axes stamps it) plus the cool-off."""
    cool_off = get_cool_off(request) or settings.AXES_COOLOFF_TIME
    return (getattr(request, "axes_attempt_time", None) or timezone.now()) + cool_off


def lockout_message(until: datetime) -> str:
    return _("Too many failed logins for this account or from this address: logging in is locked until "
             "%(time)s.") % {"time": timezone.localtime(until).strftime("%H:%M %d/%m/%Y")}


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse:
    """The API's token view already answered the lock in JSON (with the field locked_until), and the pages' sign-in
    with its own page (status 429): keep those answers; the admin's login gets this page."""
    if original_response is not None and (request.path.startswith("/api/")
                                          or original_response.status_code == settings.AXES_HTTP_RESPONSE_CODE):
        return original_response
    context = {**admin.site.each_context(request), "message": lockout_message(locked_until(request))}
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
