from config.routers import NumericRouter
from registry.api import overdue_views, radiation_views, views

router = NumericRouter()
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("users", views.UserViewSet, basename="user")
router.register("instrument-types", views.InstrumentTypeViewSet, basename="instrument-type")
router.register("instruments", views.InstrumentViewSet, basename="instrument")
router.register("verifications", views.VerificationViewSet, basename="verification")
router.register("xray-devices", radiation_views.XrayDeviceViewSet, basename="xray-device")
router.register("radiation-workers", radiation_views.RadiationWorkerViewSet, basename="radiation-worker")
router.register("license-applications", radiation_views.LicenseApplicationViewSet, basename="license-application")
router.register("radiation-licenses", radiation_views.RadiationLicenseViewSet, basename="radiation-license")
# The officers' overdue view over the registers; the notices themselves are the engine's (certificates.notices).
router.register("notices/overdue", overdue_views.OverdueViewSet, basename="notice-overdue")
urlpatterns = router.urls
