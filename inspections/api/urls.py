"""The inspections' routes under /api/v1/, one block per part."""

from config.routers import NumericRouter
from inspections.api.catalog import views as catalog

router = NumericRouter()

# --- the legal catalogue of sanctions (read only; officers edit it in the admin) ---
router.register("violation-types", catalog.ViolationTypeViewSet, basename="violation-type")
router.register("circumstances", catalog.CircumstanceViewSet, basename="circumstance")

urlpatterns = router.urls
