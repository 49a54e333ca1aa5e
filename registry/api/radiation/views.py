"""The X-ray register over HTTP: facilities see and apply for their own; officers decide; inspectors read all."""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from certificates.api.idempotency import IdempotentPostMixin
from config.parsers import BoundedJSONParser
from registry import selectors
from registry.api.base import CreateWithServiceMixin, schema_generation
from registry.api.radiation import filtersets, serializers
from registry.models import ChecklistItem, LicenseApplicationStatus
from registry.scans import SCAN_TYPES
from registry.services.radiation import devices as radiation
from registry.services.radiation import licensing


class _RegisterViewSet(CreateWithServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                       viewsets.GenericViewSet):
    selector = None

    def get_queryset(self):
        if schema_generation(self):
            return self.serializer_class.Meta.model.objects.none()
        return type(self).selector(actor=self.request.user)

    def _page(self, queryset, serializer_class):
        """A list under a detail route, paginated like every list (the schema said pages; issue 7 defect 13)."""
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(serializer_class(page, many=True).data)

    def _input(self, serializer_class):
        incoming = serializer_class(data=self.request.data, context=self.get_serializer_context())
        incoming.is_valid(raise_exception=True)
        return incoming.validated_data


@extend_schema_view(create=extend_schema(request=serializers.XrayDeviceInputSerializer))
class XrayDeviceViewSet(_RegisterViewSet):
    """Diagnostic X-ray units of the facilities, with their verification state."""

    serializer_class = serializers.XrayDeviceSerializer
    input_serializer_class = serializers.XrayDeviceInputSerializer
    filterset_class = filtersets.XrayDeviceFilterSet
    selector = selectors.xray_device_list
    search_fields = ["serial_number", "model", "manufacturer", "facility__name"]
    ordering_fields = ["id", "valid_until", "kind", "created_at"]
    ordering = ["-id"]

    def perform_service(self, data):
        return radiation.xray_device_register(actor=self.request.user, facility_id=data.pop("facility"), **data)

    @extend_schema(methods=["GET"], responses=serializers.XrayDeviceVerificationSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.XrayDeviceVerificationInputSerializer,
                   responses={201: serializers.XrayDeviceVerificationSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def verifications(self, request, pk=None):
        """The device's verifications (GET), or record one (POST): valid-until follows its kind's cycle."""
        device = selectors.xray_device_get(actor=request.user, pk=pk)
        if request.method == "POST":
            data = self._input(serializers.XrayDeviceVerificationInputSerializer)
            recorded = radiation.xray_device_verification_record(actor=request.user, device_id=device.pk, **data)
            return Response(serializers.XrayDeviceVerificationSerializer(recorded).data,
                            status=status.HTTP_201_CREATED)
        return self._page(device.verifications.order_by("-performed_on", "-id"),
                          serializers.XrayDeviceVerificationSerializer)


@extend_schema_view(create=extend_schema(request=serializers.RadiationWorkerInputSerializer))
class RadiationWorkerViewSet(_RegisterViewSet):
    """Radiation workers, their certificates and whether their dose passed a limit."""

    serializer_class = serializers.RadiationWorkerSerializer
    input_serializer_class = serializers.RadiationWorkerInputSerializer
    filterset_class = filtersets.RadiationWorkerFilterSet
    selector = selectors.radiation_worker_list
    search_fields = ["full_name", "certificate_number"]
    ordering_fields = ["full_name", "id"]
    ordering = ["full_name", "id"]

    def perform_service(self, data):
        return radiation.radiation_worker_register(actor=self.request.user, facility_id=data.pop("facility"), **data)

    @extend_schema(methods=["GET"], responses=serializers.DoseReadingSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.DoseReadingSerializer,
                   responses={201: serializers.DoseReadingSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def doses(self, request, pk=None):
        """Personal dose readings (GET), or record one (POST); a reading over a limit flags worker and facility."""
        worker = selectors.radiation_worker_get(actor=request.user, pk=pk)
        if request.method == "POST":
            data = self._input(serializers.DoseReadingSerializer)
            reading = radiation.dose_reading_record(actor=request.user, worker_id=worker.pk, **data)
            return Response(serializers.DoseReadingSerializer(reading).data, status=status.HTTP_201_CREATED)
        return self._page(worker.dose_readings.order_by("-period_end", "-id"), serializers.DoseReadingSerializer)

    @extend_schema(responses=serializers.DoseAlertSerializer(many=True))
    @action(detail=False, methods=["get"], url_path="dose-alerts", filter_backends=[])
    def dose_alerts(self, request):
        """Every dose alert the caller may see: per worker and facility, with the limit and its legal basis."""
        alerts = selectors.dose_alert_list(actor=request.user).order_by("-year", "-id")
        return self._page(alerts, serializers.DoseAlertSerializer)


@extend_schema_view(create=extend_schema(
    request=serializers.LicenseApplicationInputSerializer,
    responses={201: serializers.LicenseApplicationSerializer, 400: serializers.LicenseRefusalSerializer}))
class LicenseApplicationViewSet(_RegisterViewSet):
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

    serializer_class = serializers.LicenseApplicationSerializer
    input_serializer_class = serializers.LicenseApplicationInputSerializer
    filterset_class = filtersets.LicenseApplicationFilterSet
    selector = selectors.license_application_list
    ordering_fields = ["filed_on", "processing_deadline", "id"]
    ordering = ["-filed_on", "-id"]

    def get_serializer_context(self):
        checklists = {}
        for item in ChecklistItem.objects.all():
            checklists.setdefault(item.application_kind, []).append(item)
        return {**super().get_serializer_context(), "checklists": checklists}

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
        application = selectors.license_application_get(actor=request.user, pk=pk)
        data = self._input(serializers.AttachmentUploadSerializer)
        licensing.license_application_attach(actor=request.user, application_id=application.pk, **data)
        return Response(self.get_serializer(selectors.license_application_get(actor=request.user, pk=pk)).data,
                        status=status.HTTP_201_CREATED)

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
        application = selectors.license_application_get(actor=request.user, pk=pk)
        data = self._input(serializers.LicenseIssueInputSerializer)
        license = licensing.license_issue(actor=request.user, application_id=application.pk, **data)
        found = selectors.radiation_license_get(actor=request.user, pk=license.pk)
        return Response(serializers.RadiationLicenseSerializer(found).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None):
        """An officer refuses the application, with the reason."""
        application = selectors.license_application_get(actor=request.user, pk=pk)
        data = self._input(serializers.ReasonInputSerializer)
        licensing.license_application_refuse(actor=request.user, application_id=application.pk, **data)
        return Response(self.get_serializer(selectors.license_application_get(actor=request.user, pk=pk)).data)


class RadiationLicenseViewSet(IdempotentPostMixin, viewsets.ReadOnlyModelViewSet):
    """Licences, with a list status of active / expiring / expired / suspended / revoked / superseded."""

    serializer_class = serializers.RadiationLicenseSerializer
    filterset_class = filtersets.RadiationLicenseFilterSet
    ordering_fields = ["valid_until", "valid_from", "id"]
    ordering = ["-valid_from", "-id"]

    def get_queryset(self):
        if schema_generation(self):
            return self.serializer_class.Meta.model.objects.none()
        return selectors.radiation_license_list(actor=self.request.user)

    def _decide(self, service, pk, **kwargs):
        license = selectors.radiation_license_get(actor=self.request.user, pk=pk)
        service(actor=self.request.user, license_id=license.pk, **kwargs)
        return Response(self.get_serializer(selectors.radiation_license_get(actor=self.request.user, pk=pk)).data)

    def _reason(self) -> str:
        incoming = serializers.ReasonInputSerializer(data=self.request.data)
        incoming.is_valid(raise_exception=True)
        return incoming.validated_data["reason"]

    @extend_schema(request={"multipart/form-data": serializers.LicenseTranscriptionInputSerializer},
                   responses={201: serializers.RadiationLicenseSerializer})
    @action(detail=False, methods=["post"], parser_classes=[MultiPartParser])
    def transcribe(self, request):
        """Officers record a licence issued on paper before the service existed, with the scan of the paper;
        its document says it transcribes the paper licence and carries the paper's number."""
        incoming = serializers.LicenseTranscriptionInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        license = licensing.license_transcribe(
            actor=request.user, facility_id=data.pop("facility"), device_ids=data.pop("devices"),
            safety_officer_id=data.pop("safety_officer"), **data)
        found = selectors.radiation_license_get(actor=request.user, pk=license.pk)
        return Response(self.get_serializer(found).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        """Officers suspend a licence, with the reason the public page shows."""
        return self._decide(licensing.license_suspend, pk, reason=self._reason())

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def reinstate(self, request, pk=None):
        """Officers lift a suspension."""
        return self._decide(licensing.license_reinstate, pk)

    @extend_schema(request=serializers.ReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        """Officers revoke a licence for good."""
        return self._decide(licensing.license_revoke, pk, reason=self._reason())
