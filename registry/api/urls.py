from config.routers import NumericRouter
from registry.api.instruments import views as instruments
from registry.api.organizations import views as organizations
from registry.api.radiation import views as radiation

router = NumericRouter()
router.register("organizations", organizations.OrganizationViewSet, basename="organization")
router.register("users", organizations.UserViewSet, basename="user")
router.register("instrument-types", instruments.InstrumentTypeViewSet, basename="instrument-type")
router.register("instruments", instruments.InstrumentViewSet, basename="instrument")
router.register("verifications", instruments.VerificationViewSet, basename="verification")
router.register("xray-devices", radiation.XrayDeviceViewSet, basename="xray-device")
router.register("radiation-workers", radiation.RadiationWorkerViewSet, basename="radiation-worker")
router.register("license-applications", radiation.LicenseApplicationViewSet, basename="license-application")
router.register("radiation-licenses", radiation.RadiationLicenseViewSet, basename="radiation-license")
# The officers' overdue view over the registers; the notices themselves are the engine's (certificates.notices).
router.register("notices/overdue", organizations.OverdueViewSet, basename="notice-overdue")
urlpatterns = router.urls
