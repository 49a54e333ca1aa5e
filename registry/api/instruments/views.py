"""The instrument register over HTTP: the catalogue, instruments and their verifications."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from certificates.api.base import ScopedCreateViewSet, ScopedViewSet
from registry import selectors
from registry.api.instruments import filtersets, serializers
from registry.services import instruments as services


class InstrumentTypeViewSet(ScopedViewSet):
    """The Group 2 catalogue (Circular 23/2013 Art. 4), with the rules in force today."""

    selector = staticmethod(selectors.instrument_type_list)
    serializer_class = serializers.InstrumentTypeSerializer
    filterset_class = filtersets.InstrumentTypeFilterSet
    search_fields = ["code", "name", "name_en"]
    ordering_fields = ["item", "code", "name", "id"]
    ordering = ["item", "code"]


@extend_schema_view(create=extend_schema(request=serializers.InstrumentInputSerializer))
class InstrumentViewSet(ScopedCreateViewSet):
    """Instruments in use, with their verification status as of today."""

    selector = staticmethod(selectors.instrument_list)
    rules = {"create": services.may_register_instrument, "assign": services.may_assign_instrument}
    serializer_class = serializers.InstrumentSerializer
    input_serializer_class = serializers.InstrumentInputSerializer
    filterset_class = filtersets.InstrumentFilterSet
    search_fields = ["serial_number", "model", "manufacturer", "location", "owner__name"]
    ordering_fields = ["id", "serial_number", "valid_until", "created_at", "last_verified_on"]
    ordering = ["-id"]

    def perform_service(self, data):
        return services.instrument_register(
            actor=self.request.user, instrument_type_id=data.pop("instrument_type"),
            owner_id=data.pop("owner", None), assigned_body_id=data.pop("assigned_body"), **data,
        )

    @extend_schema(request=serializers.InstrumentAssignSerializer, responses=serializers.InstrumentSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        """The owner (or an officer) chooses the verification body that may verify this instrument."""
        instrument = self.scoped_object()
        data = self.read_input(serializers.InstrumentAssignSerializer)
        return self.answer(services.instrument_assign(actor=request.user, instrument_id=instrument.pk,
                                                      assigned_body_id=data["assigned_body"]))

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
        instrument = self.scoped_object()
        verifications = selectors.instrument_verifications(actor=request.user, instrument=instrument)
        return Response({
            "instrument": self.get_serializer(instrument).data,
            "verifications": serializers.VerificationSerializer(verifications, many=True).data,
            "changes": [
                {"at": change.history_date, "type": change.get_history_type_display(),
                 "by": str(change.history_user) if change.history_user else None}
                for change in selectors.instrument_changes(instrument=instrument)
            ],
        })


@extend_schema_view(create=extend_schema(request=serializers.VerificationInputSerializer))
class VerificationViewSet(ScopedCreateViewSet):
    """Verifications: technicians record them; a pass requests the certificate."""

    selector = staticmethod(selectors.verification_list)
    rules = {"create": services.may_record_verification}
    serializer_class = serializers.VerificationSerializer
    input_serializer_class = serializers.VerificationInputSerializer
    filterset_class = filtersets.VerificationFilterSet
    search_fields = ["instrument__serial_number", "stamp_number", "procedure"]
    ordering_fields = ["performed_on", "valid_until", "id"]
    ordering = ["-performed_on", "-id"]

    def perform_service(self, data):
        readings = [services.ReadingInput(**reading) for reading in data.pop("readings")]
        return services.verification_record(
            actor=self.request.user, instrument_id=data.pop("instrument"), readings=readings, **data
        )
