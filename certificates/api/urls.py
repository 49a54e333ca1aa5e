from certificates.api.views import DocumentViewSet
from certificates.notices.api.views import NoticeViewSet
from config.routers import NumericRouter

router = NumericRouter()
router.register("documents", DocumentViewSet, basename="document")
router.register("notices", NoticeViewSet, basename="notice")
urlpatterns = router.urls
