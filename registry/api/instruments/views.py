"""The instrument register over HTTP: the catalogue, instruments and their verifications."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from registry import selectors, services
from registry.api.base import CreateWithServiceMixin, schema_generation
from registry.api.instruments import filtersets, serializers
from registry.services import ReadingInput


class InstrumentTypeViewSet(viewsets.ReadOnlyModelViewSet):
    """The Group 2 catalogue (Circular 23/2013 Art. 4), with the rules in force today."""

    serializer_class = serializers.InstrumentTypeSerializer
    filterset_class = filtersets.InstrumentTypeFilterSet
    search_fields = ["code", "name", "name_en"]
    ordering_fields = ["item", "code", "name", "id"]
    ordering = ["item", "code"]

    def get_queryset(self):
        return selectors.instrument_type_list()


@extend_schema_view(create=extend_schema(request=serializers.InstrumentInputSerializer))
class InstrumentViewSet(CreateWithServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        viewsets.GenericViewSet):
    """Instruments in use, with their verification status as of today."""

    serializer_class = serializers.InstrumentSerializer
    input_serializer_class = serializers.InstrumentInputSerializer
    filterset_class = filtersets.InstrumentFilterSet
    search_fields = ["serial_number", "model", "manufacturer", "location", "owner__name"]
    ordering_fields = ["id", "serial_number", "valid_until", "created_at", "last_verified_on"]
    ordering = ["-id"]

    def get_queryset(self):
        if schema_generation(self):
            return self.serializer_class.Meta.model.objects.none()
        return selectors.instrument_list(actor=self.request.user)

    def perform_service(self, data):
        return services.instrument_register(
            actor=self.request.user, instrument_type_id=data.pop("instrument_type"), owner_id=data.pop("owner"),
            assigned_body_id=data.pop("assigned_body"), **data,
        )

    @extend_schema(request=serializers.InstrumentAssignSerializer, responses=serializers.InstrumentSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        """The owner (or an officer) chooses the verification body that may verify this instrument."""
        incoming = serializers.InstrumentAssignSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        instrument = services.instrument_assign(actor=request.user, instrument_id=pk,
                                                assigned_body_id=incoming.validated_data["assigned_body"])
        return Response(self.get_serializer(self.get_queryset().get(pk=instrument.pk)).data)

    @extend_schema(parameters=[serializers.InstrumentLookupQuerySerializer],
                   responses=serializers.InstrumentSerializer(many=True))
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def lookup(self, request):
        """Find instruments by exact serial number (at most 50), within the caller's scope."""
        query = serializers.InstrumentLookupQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = selectors.instrument_lookup(actor=request.user, serial_number=query.validated_data["serial_number"])
        return Response(self.get_serializer(found[:50], many=True).data)

    @extend_schema(responses=serializers.InstrumentHistorySerializer)
    @action(detail=True, methods=["get"], filter_backends=[])
    def history(self, request, pk=None):
        """The instrument's verifications (newest first, each with its certificate) and its record changes."""
        instrument = selectors.instrument_get(actor=request.user, pk=pk)
        verifications = selectors.instrument_verifications(actor=request.user, instrument=instrument)
        changes = instrument.history.select_related("history_user").order_by("-history_date")[:100]
        return Response({
            "instrument": self.get_serializer(instrument).data,
            "verifications": serializers.VerificationSerializer(verifications, many=True).data,
            "changes": [
                {"at": change.history_date, "type": change.get_history_type_display(),
                 "by": str(change.history_user) if change.history_user else None}
                for change in changes
            ],
        })


@extend_schema_view(create=extend_schema(request=serializers.VerificationInputSerializer))
class VerificationViewSet(CreateWithServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                          viewsets.GenericViewSet):
    """Verifications: technicians record them; a pass requests the certificate."""

    serializer_class = serializers.VerificationSerializer
    input_serializer_class = serializers.VerificationInputSerializer
    filterset_class = filtersets.VerificationFilterSet
    search_fields = ["instrument__serial_number", "stamp_number", "procedure"]
    ordering_fields = ["performed_on", "valid_until", "id"]
    ordering = ["-performed_on", "-id"]

    def get_queryset(self):
        if schema_generation(self):
            return self.serializer_class.Meta.model.objects.none()
        return selectors.verification_list(actor=self.request.user)

    def perform_service(self, data):
        readings = [ReadingInput(**reading) for reading in data.pop("readings")]
        return services.verification_record(
            actor=self.request.user, instrument_id=data.pop("instrument"), readings=readings, **data
        )
