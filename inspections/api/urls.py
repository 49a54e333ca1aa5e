"""The inspections app's routes under /api/v1/, one block per part."""

from config.routers import NumericRouter
from inspections.api.cases import views as cases

router = NumericRouter()

# --- plans and cases (issue 9 points 1-2) ---
router.register("inspection-topics", cases.TopicViewSet, basename="inspection-topic")
router.register("inspection-plans", cases.InspectionPlanViewSet, basename="inspection-plan")
router.register("inspections", cases.InspectionViewSet, basename="inspection")
# --- end of plans and cases ---

urlpatterns = router.urls
