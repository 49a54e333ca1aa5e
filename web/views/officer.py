"""The officer's pages (issue 10, point 5): radiation licence applications with each check, the working-day
deadlines counting down and the decision (issue with conditions, refuse with a reason); the organisations with
overdue instruments; organisations and users, and a user created for an organisation; the audit chain's daily
heads. Every read goes through a selector with the officer as actor, every write through the service the API calls;
the catalogues stay in the admin (the section's built-in link)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from audit.selectors import audit_current_head, audit_daily_head_list
from registry import selectors, services
from registry.models import ROLE_ORGANIZATION_KINDS, LicenseApplicationStatus, Organization, Role
from web.forms import PageForm
from web.sections import Link

links = [
    Link(gettext_lazy("Licence applications"), "web:officer:applications",
         gettext_lazy("Radiation work licences to decide: each check, the working-day deadlines, issue or refuse.")),
    Link(gettext_lazy("Overdue organisations"), "web:officer:overdue",
         gettext_lazy("Instruments and X-ray units past their verification, licences expired, by organisation.")),
    Link(gettext_lazy("Organisations"), "web:officer:organizations",
         gettext_lazy("Find an organisation, see its users and create an account for it.")),
    Link(gettext_lazy("Users"), "web:officer:users", gettext_lazy("Every account, by name or organisation.")),
    Link(gettext_lazy("Audit chain"), "web:officer:audit-heads",
         gettext_lazy("Each day's last hash of the record of every write, to copy elsewhere.")),
]

PER_PAGE = 25


# --- forms: the shape of what was typed; the services decide the rest -----------------------------------------------


class ApplicationFilterForm(PageForm):
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False,
                               choices=[("", gettext_lazy("All")), *LicenseApplicationStatus.choices])


class SearchForm(PageForm):
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=100)

    def __init__(self, *args, help_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = help_text
        self.fields["q"].widget.input_type = "search"


class IssueForm(PageForm):
    conditions = forms.CharField(
        label=gettext_lazy("Conditions of the licence"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("One condition a line, as the licence will print them. Leave empty for none."),
    )

    def clean_conditions(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["conditions"].splitlines() if line.strip()]


class RefuseForm(PageForm):
    # Not required here: an empty reason gets the service's own message, beside this field.
    reason = forms.CharField(
        label=gettext_lazy("Reason for the refusal"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The facility reads it as written: cite the rule the file does not meet."),
    )


class UserCreateForm(PageForm):
    username = forms.RegexField(label=gettext_lazy("Username"), regex=r"^[\w.@+-]+\Z", max_length=150,
                                help_text=gettext_lazy("Letters, digits and . @ + - _ only."),
                                widget=forms.TextInput(attrs={"autocomplete": "off"}))
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=255)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False, max_length=254,
                             help_text=gettext_lazy("Where the notices of the organisation are sent."))
    role = forms.ChoiceField(label=gettext_lazy("Role"))
    password = forms.CharField(label=gettext_lazy("First password"), max_length=128, strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        # The roles an organisation of this kind may hold; whether this officer may give one is user_create's rule.
        self.fields["role"].choices = [(role.value, role.label) for role in Role
                                       if organization.kind in ROLE_ORGANIZATION_KINDS[role]]
        self.fields["password"].help_text = _(
            "Give it to the user in person; they change it on their first sign-in. %(rules)s") % {
            "rules": " ".join(password_validation.password_validators_help_texts())}


# --- licence applications ---------------------------------------------------------------------------------------


def _page(request, items) -> Page:
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def applications(request):
    """The applications of a status (those to decide first), each with the working days left to decide it."""
    form = ApplicationFilterForm(request.GET if "status" in request.GET
                                 else {"status": LicenseApplicationStatus.SUBMITTED})
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = _page(request, selectors.license_application_queue(actor=request.user, status=status))
    rows = [(application, selectors.license_application_deadlines(application)[-1]) for application in page]
    return render(request, "web/officer/applications.html", {"form": form, "page_obj": page, "rows": rows})


def application(request, pk: int):
    found = selectors.license_application_get(actor=request.user, pk=pk)
    return _application_page(request, found, IssueForm(auto_id="issue_%s"), RefuseForm(auto_id="refuse_%s"))


def _application_page(request, application, issue_form, refuse_form, status: int = 200):
    license = getattr(application, "license", None)
    if license is not None:
        license = selectors.radiation_license_get(actor=request.user, pk=license.pk)
    context = {
        "application": application,
        "checks": selectors.license_application_check_rows(application),
        "checklist": selectors.license_application_checklist(application,
                                                             selectors.checklists_by_application_kind()),
        "deadlines": selectors.license_application_deadlines(application),
        "license": license,
        "document": selectors.license_document(license) if license else None,
        "issue_form": issue_form,
        "refuse_form": refuse_form,
    }
    return render(request, "web/officer/application.html", context, status=status)


def _decide(request, pk: int, form, decide, done: str):
    """Run a decision's service on a valid form; its errors go beside the fields (or above the form), and the
    page answers 400 with them, writing nothing."""
    found = selectors.license_application_get(actor=request.user, pk=pk)
    if form.is_valid():
        try:
            decide(found, form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, done)
            return redirect("web:officer:application", pk=found.pk)
    found = selectors.license_application_get(actor=request.user, pk=pk)
    issue_form = form if isinstance(form, IssueForm) else IssueForm(auto_id="issue_%s")
    refuse_form = form if isinstance(form, RefuseForm) else RefuseForm(auto_id="refuse_%s")
    return _application_page(request, found, issue_form, refuse_form, status=400)


@require_POST
def application_issue(request, pk: int):
    return _decide(request, pk, IssueForm(request.POST, auto_id="issue_%s"),
                   lambda found, data: services.license_issue(actor=request.user, application_id=found.pk,
                                                               conditions=data["conditions"]),
                   _("The licence is issued. Its document is being prepared and gets its number now."))


@require_POST
def application_refuse(request, pk: int):
    return _decide(request, pk, RefuseForm(request.POST, auto_id="refuse_%s"),
                   lambda found, data: services.license_application_refuse(
                       actor=request.user, application_id=found.pk, reason=data["reason"]),
                   _("The application is refused; the facility reads the reason with its application."))


# --- overdue organisations, organisations and users -------------------------------------------------------------


def overdue(request):
    """The organisations with something overdue, the most overdue first (the rows of /api/v1/notices/overdue)."""
    page = _page(request, selectors.overdue_by_organization(actor=request.user))
    return render(request, "web/officer/overdue.html", {"page_obj": page})


def organizations(request):
    form = SearchForm(request.GET, help_text=_("Part of the name, or the start of the tax code."))
    text = form.cleaned_data["q"] if form.is_valid() else ""
    page = _page(request, selectors.organization_search(actor=request.user, text=text))
    return render(request, "web/officer/organizations.html", {"form": form, "page_obj": page, "searched": text})


def organization(request, pk: int):
    """An organisation, its users, and a new account for it, through user_create (its privileges rules included)."""
    found = selectors.organization_get(actor=request.user, pk=pk)
    form = UserCreateForm(request.POST if request.method == "POST" else None, organization=found)
    if form.is_valid():
        try:
            user = services.user_create(actor=request.user, organization_id=found.pk, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        except PermissionDenied as denied:  # only a superuser gives the officer role
            form.add_error("role", str(denied) or _("You may not give this role."))
        else:
            messages.success(request, _("The account %(username)s is created.") % {"username": user.username})
            return redirect("web:officer:organization", pk=found.pk)
    users = _page(request, selectors.user_search(actor=request.user, organization_id=found.pk))
    return render(request, "web/officer/organization.html", {"organization": found, "page_obj": users, "form": form},
                  status=400 if form.errors else 200)


def users(request):
    form = SearchForm(request.GET, help_text=_("Part of the username, the name, the e-mail or the organisation."))
    text = form.cleaned_data["q"] if form.is_valid() else ""
    page = _page(request, selectors.user_search(actor=request.user, text=text))
    return render(request, "web/officer/users.html", {"form": form, "page_obj": page, "searched": text})


# --- the audit chain's published heads (issue 11, point 5) -------------------------------------------------------


def audit_heads(request):
    """Each day's last entry of the audit chain and its hash, the latest first, with the chain's head now."""
    page = _page(request, audit_daily_head_list())
    return render(request, "web/officer/audit_heads.html", {"page_obj": page, "current": audit_current_head()})


urlpatterns = [
    path("applications/", applications, name="applications"),
    path("applications/<int:pk>/", application, name="application"),
    path("applications/<int:pk>/issue/", application_issue, name="application-issue"),
    path("applications/<int:pk>/refuse/", application_refuse, name="application-refuse"),
    path("overdue/", overdue, name="overdue"),
    path("organizations/", organizations, name="organizations"),
    path("organizations/<int:pk>/", organization, name="organization"),
    path("users/", users, name="users"),
    path("audit/", audit_heads, name="audit-heads"),
]
