"""Where a signed-in user starts: their role's start page, listing the pages their role has."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from web.sections import COMMON_LINKS, links_for, sections


@login_required
def start(request):
    """/start/: on to the user's own start page (where signing in leads)."""
    if request.user.role not in sections():
        raise Http404
    return redirect(f"web:{request.user.role}:start")


def role_start(request):
    """/<role>/: the role's pages, then the common ones; `web/<role>/start.html` replaces the generic template."""
    role = request.user.role
    return TemplateResponse(request, [f"web/{role}/start.html", "web/start.html"],
                            {"links": links_for(request.user), "common_links": COMMON_LINKS})
