"""Signing in and out of the pages (issue 10): a session and its CSRF token, django-axes' lock on repeated wrong
passwords (shared with the API and the admin), and a one-time code for officers and inspectors.

An officer's or inspector's password opens no session by itself: it is remembered as pending, for
TWO_FACTOR_PENDING_SECONDS, and the session is opened (login) only when the code is right. The first time, the code
page shows the secret of the authenticator app to set up, as a QR code and as text.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.generic import FormView
from django_otp import login as otp_login

from registry.lockout import locked_until, lockout_message
from registry.models import User
from registry.selectors import totp_device_get
from registry.services import needs_two_factor, totp_enrolment_start, totp_verify
from web.forms import CodeForm, PasswordForm, SignInForm
from web.qr import qr_data_uri, secret_for_people

PENDING = "web.sign_in.pending"


class SignInView(auth.LoginView):
    template_name = "web/sign_in.html"
    form_class = SignInForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and (not needs_two_factor(user) or user.is_verified()):
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if not needs_two_factor(user):
            return super().form_valid(form)
        totp_enrolment_start(user=user)
        self.request.session[PENDING] = {"user": user.pk, "backend": user.backend, "at": time.time(),
                                         "next": self.get_success_url()}
        return redirect("web:sign-in-code")

    def form_invalid(self, form):
        if getattr(self.request, "axes_locked_out", False):
            # django-axes refused the password unchecked; this page answers the lock (registry/lockout.py keeps it).
            context = self.get_context_data(form=self.form_class(self.request),
                                            locked=lockout_message(locked_until(self.request)))
            return self.render_to_response(context, status=settings.AXES_HTTP_RESPONSE_CODE)
        return super().form_invalid(form)


def _pending(request) -> tuple[User, dict] | tuple[None, None]:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > settings.TWO_FACTOR_PENDING_SECONDS:
        return None, None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending) if user else (None, None)


@method_decorator([csrf_protect, never_cache], name="dispatch")
class SignInCodeView(FormView):
    template_name = "web/sign_in_code.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.user, self.pending = _pending(request)
        self.device = totp_device_get(user=self.user) if self.user else None
        if self.device is None:
            request.session.pop(PENDING, None)
            minutes = max(1, settings.TWO_FACTOR_PENDING_SECONDS // 60)
            messages.info(request, ngettext(
                "Enter your password again: the code must follow it within %(minutes)d minute.",
                "Enter your password again: the code must follow it within %(minutes)d minutes.",
                minutes) % {"minutes": minutes})
            return redirect("web:sign-in")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.device.confirmed:
            context.update(setting_up=True, qr=qr_data_uri(self.device.config_url),
                           secret=secret_for_people(self.device))
        return context

    def form_valid(self, form):
        try:
            device = totp_verify(user=self.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        login(self.request, self.user, backend=self.pending["backend"])
        otp_login(self.request, device)
        self.request.session.pop(PENDING, None)
        return redirect(self.pending["next"])


class SignOutView(auth.LogoutView):
    next_page = "web:home"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You are signed out."))
        return response


class PasswordChangeView(auth.PasswordChangeView):
    """Any signed-in user changes their password; every API token of theirs ends with it (registry/signals.py)."""

    template_name = "web/password_change.html"
    form_class = PasswordForm
    success_url = reverse_lazy("web:start")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)
