from rest_framework.routers import SimpleRouter

from certificates.api.views import DocumentViewSet

router = SimpleRouter(trailing_slash="/?")
router.register("documents", DocumentViewSet, basename="document")
urlpatterns = router.urls
