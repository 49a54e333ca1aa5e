"""The project's URLs plus three views that fail, to see the site's 400, 403 and 500 pages (tests only)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as project_urls


def boom(request):
    raise RuntimeError("secret detail: SECRET_KEY would be printed here")


def forbidden(request):
    raise PermissionDenied


def bad_request(request):
    raise SuspiciousOperation("secret detail: a hostile request")


urlpatterns = [
    path("boom/", boom),
    path("forbidden/", forbidden),
    path("bad-request/", bad_request),
    *project_urls,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
