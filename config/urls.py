"""URLs: the API under /api/v1/, the schema and docs, the public verification page, admin, health."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from certificates.api.views import PublicVerifyView, verify_page
from registry.api.auth import LogoutAllView, LogoutView, TokenView
from workers.health import healthz

api_v1 = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("auth/logout/", LogoutView.as_view(), name="api-logout"),
    path("auth/logout-all/", LogoutAllView.as_view(), name="api-logout-all"),
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
