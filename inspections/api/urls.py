"""The inspections' routes under /api/v1/, one block per part."""

from config.routers import NumericRouter
from inspections.api.cases import views as cases
from inspections.api.catalog import views as catalog
from inspections.api.penalties import views as penalties

router = NumericRouter()

# --- the legal catalogue of sanctions (read only; officers edit it in the admin) ---
router.register("violation-types", catalog.ViolationTypeViewSet, basename="violation-type")
router.register("circumstances", catalog.CircumstanceViewSet, basename="circumstance")

# --- plans and cases (issue 9 points 1-2) ---
router.register("inspection-topics", cases.TopicViewSet, basename="inspection-topic")
router.register("inspection-plans", cases.InspectionPlanViewSet, basename="inspection-plan")
router.register("inspections", cases.InspectionViewSet, basename="inspection")

# --- violations, violation records, penalty decisions and their payments, remedies (issue 9 points 3-7) ---
router.register("violations", penalties.ViolationViewSet, basename="violation")
router.register("violation-records", penalties.ViolationRecordViewSet, basename="violation-record")
router.register("penalty-decisions", penalties.PenaltyDecisionViewSet, basename="penalty-decision")
router.register("remedies", penalties.RemedyViewSet, basename="remedy")

urlpatterns = router.urls
