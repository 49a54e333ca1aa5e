from rest_framework.routers import SimpleRouter

from registry.api import views

router = SimpleRouter()
# Accept paths with and without the trailing slash: the contract writes `/documents/{id}/pdf`.
router.trailing_slash = "/?"
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("users", views.UserViewSet, basename="user")
router.register("instrument-types", views.InstrumentTypeViewSet, basename="instrument-type")
router.register("instruments", views.InstrumentViewSet, basename="instrument")
router.register("verifications", views.VerificationViewSet, basename="verification")
urlpatterns = router.urls
