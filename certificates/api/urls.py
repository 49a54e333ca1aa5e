from certificates.api.views import DocumentViewSet
from config.routers import NumericRouter

router = NumericRouter()
router.register("documents", DocumentViewSet, basename="document")
urlpatterns = router.urls
