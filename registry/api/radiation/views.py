"""The radiation register over HTTP: facilities see and apply for their own; officers decide; inspectors read all."""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from certificates.api.base import ScopedCreateViewSet, ScopedViewSet
from config.parsers import BoundedJSONParser
from registry import selectors
from registry.api.radiation import filtersets, serializers
from registry.models import LicenseApplicationStatus
from registry.scans import SCAN_TYPES
from registry.services.radiation import devices, licensing


@extend_schema_view(create=extend_schema(request=serializers.XrayDeviceInputSerializer))
class XrayDeviceViewSet(ScopedCreateViewSet):
    """Diagnostic X-ray units of the facilities, with their verification state."""

    selector = staticmethod(selectors.xray_device_list)
    rules = {"create": devices.may_keep_radiation_register, "verifications": devices.may_keep_radiation_register}
    serializer_class = serializers.XrayDeviceSerializer
    input_serializer_class = serializers.XrayDeviceInputSerializer
    filterset_class = filtersets.XrayDeviceFilterSet
    search_fields = ["serial_number", "model", "manufacturer", "facility__name"]
    ordering_fields = ["id", "valid_until", "kind", "created_at"]
    ordering = ["-id"]

    def perform_service(self, data):
        return devices.xray_device_register(actor=self.request.user, facility_id=data.pop("facility"), **data)

    @extend_schema(methods=["GET"], responses=serializers.XrayDeviceVerificationSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.XrayDeviceVerificationInputSerializer,
                   responses={201: serializers.XrayDeviceVerificationSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def verifications(self, request, pk=None):
        """The device's verifications (GET), or record one (POST): valid-until follows its kind's cycle."""
        device = self.scoped_object()
        if request.method == "POST":
            data = self.read_input(serializers.XrayDeviceVerificationInputSerializer)
            recorded = devices.xray_device_verification_record(actor=request.user, device_id=device.pk, **data)
            return Response(serializers.XrayDeviceVerificationSerializer(recorded).data,
                            status=status.HTTP_201_CREATED)
        return self.page(selectors.xray_device_verifications(device=device),
                         serializers.XrayDeviceVerificationSerializer)


@extend_schema_view(create=extend_schema(request=serializers.RadiationWorkerInputSerializer))
class RadiationWorkerViewSet(ScopedCreateViewSet):
    """Radiation workers, their certificates and whether their dose passed a limit."""

    selector = staticmethod(selectors.radiation_worker_list)
    rules = {"create": devices.may_keep_radiation_register, "doses": devices.may_keep_radiation_register}
    serializer_class = serializers.RadiationWorkerSerializer
    input_serializer_class = serializers.RadiationWorkerInputSerializer
    filterset_class = filtersets.RadiationWorkerFilterSet
    search_fields = ["full_name", "certificate_number"]
    ordering_fields = ["full_name", "id"]
    ordering = ["full_name", "id"]

    def perform_service(self, data):
        return devices.radiation_worker_register(actor=self.request.user, facility_id=data.pop("facility"), **data)

    @extend_schema(methods=["GET"], responses=serializers.DoseReadingSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.DoseReadingSerializer,
                   responses={201: serializers.DoseReadingSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def doses(self, request, pk=None):
        """Personal dose readings (GET), or record one (POST); a reading over a limit flags worker and facility."""
        worker = self.scoped_object()
        if request.method == "POST":
            data = self.read_input(serializers.DoseReadingSerializer)
            reading = devices.dose_reading_record(actor=request.user, worker_id=worker.pk, **data)
            return Response(serializers.DoseReadingSerializer(reading).data, status=status.HTTP_201_CREATED)
        return self.page(selectors.dose_readings_of(worker=worker), serializers.DoseReadingSerializer)

    @extend_schema(responses=serializers.DoseAlertSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="dose-alerts", filter_backends=[])
    def dose_alerts(self, request):
        """Every dose alert the caller may see: per worker and facility, with the limit and its legal basis."""
        alerts = selectors.dose_alert_list(actor=request.user).order_by("-year", "-id")
        return self.page(alerts, serializers.DoseAlertSerializer)


@extend_schema_view(create=extend_schema(
    request=serializers.LicenseApplicationInputSerializer,
    responses={201: serializers.LicenseApplicationSerializer, 400: serializers.LicenseRefusalSerializer}))
class LicenseApplicationViewSet(ScopedCreateViewSet):
    """Applications for a licence; the prerequisite checks run when filed, each failure with its reason."""

    def create(self, request, *args, **kwargs):
        """A filing whose prerequisite checks fail is a 400 listing each failed check's reason (issue 8, point 6).

        The refused application stays recorded (the facility reads its reasons in the list and the detail, and
        `application` names it), so this 400, unlike others, wrote something: the Idempotency-Key mixin keeps it
        and a retry with the same key gets it again instead of filing a second refused application."""
        response = super().create(request, *args, **kwargs)
        if response.data["status"] != LicenseApplicationStatus.REFUSED:
            return response
        refusal = Response({"non_field_errors": list(response.data["refusal_reasons"]),
                            "application": response.data["id"]}, status=status.HTTP_400_BAD_REQUEST)
        refusal.keeps_writes = True
        return refusal

    selector = staticmethod(selectors.license_application_list)
    rules = {"create": licensing.may_apply_for_license, "attachments": licensing.may_apply_for_license,
             "issue": licensing.may_decide_license, "refuse": licensing.may_decide_license}
    serializer_class = serializers.LicenseApplicationSerializer
    input_serializer_class = serializers.LicenseApplicationInputSerializer
    filterset_class = filtersets.LicenseApplicationFilterSet
    ordering_fields = ["filed_on", "processing_deadline", "id"]
    ordering = ["-filed_on", "-id"]

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "checklists": selectors.checklists_by_application_kind()}

    def perform_service(self, data):
        attachments = [licensing.AttachmentInput(**a) for a in data.pop("attachments")]
        return licensing.license_application_submit(
            actor=self.request.user, facility_id=data.pop("facility"), device_ids=data.pop("devices"),
            safety_officer_id=data.pop("safety_officer"), previous_license_id=data.pop("previous_license"),
            attachments=attachments, **data,
        )

    @extend_schema(request={"multipart/form-data": serializers.AttachmentUploadSerializer},
                   responses={201: serializers.LicenseApplicationSerializer})
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, BoundedJSONParser])
    def attachments(self, request, pk=None):
        """Add a checklist document to a file under consideration: a PDF/JPEG/PNG scan or a reference."""
        application = self.scoped_object()
        data = self.read_input(serializers.AttachmentUploadSerializer)
        licensing.license_application_attach(actor=request.user, application_id=application.pk, **data)
        return self.answer(application, status_code=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, content_type): OpenApiTypes.BINARY
                              for content_type in ("application/pdf", "image/jpeg", "image/png")})
    @action(detail=True, methods=["get"], url_path=r"attachments/(?P<item_code>[-a-zA-Z0-9_]+)",
            url_name="attachment-file")
    def attachment_file(self, request, pk=None, item_code=None):
        """Download an uploaded checklist document: always as a file, with the type found when it was checked."""
        attachment = selectors.license_application_attachment_get(actor=request.user, pk=pk, item_code=item_code)
        extension = {t.content_type: t.extension for t in SCAN_TYPES}.get(attachment.content_type, "bin")
        response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=f"{item_code}.{extension}",
                                content_type=attachment.content_type or "application/octet-stream")
        # Never rendered as a page: no sniffing, and a sandbox should a browser open it anyway.
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    @extend_schema(request=serializers.LicenseIssueInputSerializer, responses=serializers.RadiationLicenseSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        """An officer issues the licence; the checks run again and any failure answers 400 with its reason."""
        application = self.scoped_object()
        data = self.read_input(serializers.LicenseIssueInputSerializer)
        license = licensing.license_issue(actor=request.user, application_id=application.pk, **data)
        found = selectors.radiation_license_get(actor=request.user, pk=license.pk)
        return Response(serializers.RadiationLicenseSerializer(found).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None):
        """An officer refuses the application, with the reason."""
        application = self.scoped_object()
        data = self.read_input(serializers.ReasonInputSerializer)
        licensing.license_application_refuse(actor=request.user, application_id=application.pk, **data)
        return self.answer(application)


class RadiationLicenseViewSet(ScopedViewSet):
    """Licences, with a list status of active / expiring / expired / suspended / revoked / superseded."""

    selector = staticmethod(selectors.radiation_license_list)
    rules = dict.fromkeys(("transcribe", "suspend", "reinstate", "revoke"), licensing.may_decide_license)
    serializer_class = serializers.RadiationLicenseSerializer
    filterset_class = filtersets.RadiationLicenseFilterSet
    ordering_fields = ["valid_until", "valid_from", "id"]
    ordering = ["-valid_from", "-id"]

    def _decide(self, service, input_serializer=None):
        license = self.scoped_object()
        data = self.read_input(input_serializer) if input_serializer else {}
        service(actor=self.request.user, license_id=license.pk, **data)
        return self.answer(license)

    @extend_schema(request={"multipart/form-data": serializers.LicenseTranscriptionInputSerializer},
                   responses={201: serializers.RadiationLicenseSerializer})
    @action(detail=False, methods=["post"], parser_classes=[MultiPartParser])
    def transcribe(self, request):
        """Officers record a licence issued on paper before the service existed, with the scan of the paper;
        its document says it transcribes the paper licence and carries the paper's number."""
        data = self.read_input(serializers.LicenseTranscriptionInputSerializer)
        license = licensing.license_transcribe(
            actor=request.user, facility_id=data.pop("facility"), device_ids=data.pop("devices"),
            safety_officer_id=data.pop("safety_officer"), **data)
        return self.answer(license, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        """Officers suspend a licence, with the reason the public page shows."""
        return self._decide(licensing.license_suspend, serializers.ReasonInputSerializer)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def reinstate(self, request, pk=None):
        """Officers lift a suspension."""
        return self._decide(licensing.license_reinstate)

    @extend_schema(request=serializers.ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        """Officers revoke a licence for good."""
        return self._decide(licensing.license_revoke, serializers.ReasonInputSerializer)
