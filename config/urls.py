"""URLs: the API under /api/v1/, the schema and docs, the public verification page, admin, health."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import ScopedRateThrottle

from certificates.api.views import PublicVerifyView, verify_page
from workers.health import healthz


class TokenView(ObtainAuthToken):
    """POST username and password, get a token; throttled per client address against password guessing."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


api_v1 = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("verify/<str:token>", PublicVerifyView.as_view(), name="api-verify"),
    path("", include("registry.api.urls")),
    path("", include("certificates.api.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("verify/<str:token>", verify_page, name="verify-page"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

# No details of a server error to anyone, in any mode; JSON on API routes (issue 7, defect 8).
handler500 = "config.errors.server_error"
