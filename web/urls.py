"""The pages' URLs: the public home, signing in and out, and each role's section under /<role>/ (web/sections.py)."""

from django.urls import include, path

from registry.models import Role
from web.sections import gated, sections
from web.views import account, public, start

app_name = "web"


def _section_urls(role: str) -> list:
    section = sections()[role]
    # The section's own patterns first: one that serves "" replaces the built-in start page.
    return [*section.urlpatterns, path("", gated(start.role_start, section.roles), name="start")]


urlpatterns = [
    path("", public.home, name="home"),
    path("sign-in/", account.SignInView.as_view(), name="sign-in"),
    path("sign-in/code/", account.SignInCodeView.as_view(), name="sign-in-code"),
    path("sign-out/", account.SignOutView.as_view(), name="sign-out"),
    path("password/", gated(account.PasswordChangeView.as_view(), tuple(Role.values)), name="password-change"),
    path("start/", start.start, name="start"),
    *(path(f"{role}/", include((_section_urls(role), role))) for role in Role.values),
]
