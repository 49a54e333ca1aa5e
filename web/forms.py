"""The pages' forms: they check the shape of what was typed (the services decide the rest) and render each field
with its label bound to the input and its errors beside it (web/templates/web/forms/field.html)."""

import re
import unicodedata

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from registry.validators import normalize_serial


class PageRenderer(DjangoTemplates):
    """Django's form templates, with the pages' own field layout: label, help, errors, then the input; the input's
    aria-describedby names the help and the errors (Django adds it), and aria-invalid marks a field in error."""

    form_template_name = "web/forms/div.html"
    field_template_name = "web/forms/field.html"


class PageForm(forms.Form):
    """The base of every form of the pages: role sections' forms derive from it to look and read the same."""

    default_renderer = PageRenderer

    # The form's own name for a field the service names otherwise (the service's key: the form's field).
    field_names: dict[str, str] = {}

    def add_service_error(self, error: ValidationError) -> None:
        """A service's ValidationError on the form: each message beside the field it names (under the form's own
        name for it, `field_names`), and the messages of keys the form has no field for (a service's `status`,
        `checks`, `non_field_errors`) above the form. (form.add_error(None, error) refuses a key that is not one
        of the form's fields.)"""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, errors in error.error_dict.items():
            field = self.field_names.get(key, key)
            self.add_error(field if field in self.fields else None, errors)


class ServiceForm(PageForm):
    """A form whose fields include legends (radio groups, readings' rows): no colon after a label or a legend."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DateInput(forms.DateInput):
    """The browser's date picker (it shows the day in the device's language: dd/mm/yyyy on a Vietnamese one)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class SignInForm(AuthenticationForm):
    default_renderer = PageRenderer
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("This username and password do not match an account. Both are case-sensitive."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")


class CodeForm(PageForm):
    code = forms.CharField(
        label=_("Code from your authenticator app"), max_length=12,
        help_text=_("6 digits; the app shows a new code every 30 seconds."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


class PasswordForm(PasswordChangeForm):
    default_renderer = PageRenderer


# A document's public token (secrets.token_urlsafe, as config/urls.py's converter accepts it), alone or at the end of
# the address its QR code holds (…/verify/<token>).
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_VERIFY_ADDRESS = re.compile(r"/verify/([A-Za-z0-9_-]{1,64})/?$")


class DocumentLookupForm(PageForm):
    q = forms.CharField(
        label=_("Document number or QR code"), max_length=300,
        help_text=_("The number printed on the document (for example KĐ-2026/000123), or the address its QR code "
                    "holds."),
    )

    def clean_q(self) -> str:
        return " ".join(unicodedata.normalize("NFC", self.cleaned_data["q"]).split())

    @property
    def token(self) -> str | None:
        """The QR code's token, when what was typed can be one (a number has a slash; a token never has)."""
        text = self.cleaned_data["q"]
        address = _VERIFY_ADDRESS.search(text)
        if address:
            return address.group(1)
        return text if _TOKEN.fullmatch(text) else None


class SerialSearchForm(PageForm):
    serial = forms.CharField(
        label=_("Serial number"), max_length=100,
        help_text=_("As printed on the instrument's plate; case and spaces do not matter."),
    )

    def clean_serial(self) -> str:
        serial = normalize_serial(self.cleaned_data["serial"])
        if not serial:
            raise forms.ValidationError(_("Enter the serial number printed on the instrument."), code="blank")
        return serial
