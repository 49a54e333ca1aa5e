"""URLs: the API under /api/v1/, the schema and docs, the public verification page, admin, health, and the web
pages (web/urls.py: home, signing in, each role's section) with the language switch."""

from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _
from django.views.defaults import page_not_found
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from certificates.api.views import PublicVerifyView, verify_page, verify_seal_page
from certificates.signing.views import SigningKeysView, WellKnownKeysView
from registry.api.organizations.auth import LogoutAllView, LogoutView, TokenView
from workers.health import healthz


class DocumentTokenConverter:
    """A document's public token (secrets.token_urlsafe): anything else, a NUL byte included, is a 404 before
    any query (`/verify/a%00b` was a 500, issue 7 defect 7)."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DocumentTokenConverter, "document_token")


api_v1 = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("auth/logout/", LogoutView.as_view(), name="api-logout"),
    path("auth/logout-all/", LogoutAllView.as_view(), name="api-logout-all"),
    path("verify/<document_token:token>", PublicVerifyView.as_view(), name="api-verify"),
    path("signing-keys", SigningKeysView.as_view(), name="api-signing-keys"),
    path("", include("registry.api.urls")),
    path("", include("certificates.api.urls")),
    path("", include("inspections.api.urls")),
]

def not_found(request, exception=None):
    """A 404 that no view answered (`/api/v1/documents/abc/pdf/` matches no route): JSON for the API and for
    clients asking for JSON, the site's page (404.html) otherwise."""
    accept = request.headers.get("Accept", "")
    if request.path_info.startswith("/api/") or ("application/json" in accept and "text/html" not in accept):
        return JsonResponse({"detail": str(_("Not found."))}, status=404)
    return page_not_found(request, exception)


handler404 = not_found

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's set-up script as a file (?script), so the CSP needs no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("verify/<document_token:token>", verify_page, name="verify-page"),
    # The QR code's seal: docseal.qr upper-cases the whole link (QR's alphanumeric mode), hence the capital V.
    path("V/<str:seal>", verify_seal_page, name="verify-seal"),
    # The issuers' public keys, where verifiers look for them (issue 11; the same JSON as /api/v1/signing-keys).
    path(".well-known/document-keys.json", WellKnownKeysView.as_view(), name="document-keys"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # POST language=vi|en: the choice is kept in the language cookie (settings.LANGUAGE_COOKIE_*).
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("web.urls")),
]

# No details of a server error to anyone, in any mode; JSON on API routes (issue 7, defect 8).
handler500 = "config.errors.server_error"
