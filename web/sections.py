"""The role sections of the pages, and the gate in front of every page of a section.

Each role's pages are one module, `web/views/<role>.py` (business, technician, officer, inspector), with their
templates under `web/templates/web/<role>/`. The module declares

    urlpatterns = [path("instruments/", instruments, name="instruments"), ...]   # under /<role>/, web:<role>:...
    links = [Link(_("Instruments"), "web:business:instruments", _("What you own, by status.")), ...]

and may declare `ROLES = (Role.OFFICER, Role.INSPECTOR)` to open its pages to more roles than its own. Nothing else
is needed: web/urls.py finds the module by its name, serves its patterns under /<role>/ behind the gate, and the nav
and the role's start page (/<role>/) list its links. A module that serves its own "" pattern replaces the start page.

The gate: an anonymous visitor goes to the sign-in page and comes back; another role's page is a 404, exactly as a
page that does not exist (DESIGN.md §4); an officer or inspector whose session has not confirmed a one-time code
signs in again (a session opened by the admin's login has only the password).
"""

import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache, wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext_lazy as _

from registry.models import Role
from registry.services import needs_two_factor


@dataclass(frozen=True)
class Link:
    """A page a role's nav and start page offer: its label, its URL name, and one line on what it is for."""

    label: str
    url_name: str
    description: str = ""


@dataclass(frozen=True)
class Section:
    """One role's pages: who may open them, their URL patterns (already gated) and their links."""

    role: str
    roles: tuple[str, ...]
    urlpatterns: tuple
    links: tuple[Link, ...]


# Pages every user of a role has whatever its section holds, after the section's own links.
BUILT_IN_LINKS = {
    Role.OFFICER: (Link(_("Administration"), "admin:index",
                        _("Catalogues, organisations, users and documents, with their history.")),),
}
COMMON_LINKS = (
    Link(_("Look up a document or an instrument"), "web:home",
         _("The public search: a document by its number or QR code, an instrument by its serial number.")),
    Link(_("Change your password"), "web:password-change",
         _("Apps signed in with your old password (API tokens) will have to sign in again.")),
)


def gated(view, roles: tuple[str, ...]):
    """The view, opened only to signed-in users of these roles (with their one-time code where the role needs it)."""
    @wraps(view)
    def gate(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or (needs_two_factor(user) and not user.is_verified()):
            return redirect_to_login(request.get_full_path())
        if user.role not in roles:
            raise Http404
        return view(request, *args, **kwargs)

    gate.roles = roles
    return gate


def gate_patterns(patterns, roles: tuple[str, ...]) -> list:
    """Every view of these patterns (included ones too) behind the gate."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            gate_patterns(pattern.url_patterns, roles)
        elif isinstance(pattern, URLPattern) and not hasattr(pattern.callback, "roles"):
            pattern.callback = gated(pattern.callback, roles)
    return list(patterns)


def _module(role: str):
    name = f"web.views.{role}"
    return importlib.import_module(name) if importlib.util.find_spec(name) else None


@cache
def sections() -> dict[str, Section]:
    """Every role's section, from its module when there is one (an empty section otherwise)."""
    found = {}
    for role in Role.values:
        module = _module(role)
        roles = tuple(getattr(module, "ROLES", (role,)))
        found[role] = Section(role=role, roles=roles,
                              urlpatterns=tuple(gate_patterns(getattr(module, "urlpatterns", []), roles)),
                              links=tuple(getattr(module, "links", ())))
    return found


def links_for(user) -> tuple[Link, ...]:
    """What the nav and the start page offer a signed-in user: their section's pages, then the built-in ones."""
    role = getattr(user, "role", None)
    if not getattr(user, "is_authenticated", False) or role not in sections():
        return ()
    return sections()[role].links + BUILT_IN_LINKS.get(role, ())
