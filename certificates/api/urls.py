from rest_framework.routers import SimpleRouter

from certificates.api.views import DocumentViewSet

router = SimpleRouter()
# Accept paths with and without the trailing slash: the contract writes `/documents/{id}/pdf`.
router.trailing_slash = "/?"
router.register("documents", DocumentViewSet, basename="document")
urlpatterns = router.urls
