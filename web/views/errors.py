"""The site's own page for a form posted without a valid CSRF token (CSRF_FAILURE_VIEW). The 400, 403, 404 and 500
pages are the templates 400.html, 403.html, 404.html and 500.html, rendered by Django's handlers (config/urls.py)."""

from django.shortcuts import render


def csrf_failure(request, reason: str = ""):
    """The usual cause is a page left open past its session, or cookies refused: say so, and how to go on."""
    return render(request, "web/csrf_failure.html", status=403)
