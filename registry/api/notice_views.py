"""Notices over HTTP: each organisation's notices with read and acknowledged states; the officers' overdue view."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from certificates.api.base import schema_generation
from certificates.api.idempotency import IdempotentPostMixin
from certificates.api.serializers import DocumentLinkSerializer
from registry import selectors
from registry.models import Notice, NoticeKind, Role
from registry.services.notices import notice_mark


class NoticeSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    digest_date = serializers.DateField(source="digest.digest_date", read_only=True, default=None)
    digest_document = serializers.SerializerMethodField()

    class Meta:
        model = Notice
        fields = ["id", "organization", "organization_name", "kind", "subject_id", "subject_label", "serial_number",
                  "location", "due_date", "stage", "stage_date", "legal_basis", "digest", "digest_date",
                  "digest_document", "created_at", "read_at", "acknowledged_at"]


    @extend_schema_field(DocumentLinkSerializer(allow_null=True))
    def get_digest_document(self, obj):
        """The Thông báo that carried this notice (its newest document), once the day's digest exists."""
        documents = obj.digest.documents.all() if obj.digest_id else ()  # prefetched, newest first
        return DocumentLinkSerializer(documents[0], context=self.context).data if documents else None


class NoticeFilterSet(django_filters.FilterSet):
    organization_id = django_filters.NumberFilter(field_name="organization_id")
    kind = django_filters.ChoiceFilter(choices=NoticeKind.choices)
    stage = django_filters.CharFilter(field_name="stage")
    read = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull", exclude=True)
    acknowledged = django_filters.BooleanFilter(field_name="acknowledged_at", lookup_expr="isnull", exclude=True)
    due_date_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    due_date_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")

    class Meta:
        model = Notice
        fields = ["organization_id", "kind", "stage", "read", "acknowledged", "due_date_after", "due_date_before"]


class OverdueRowSerializer(serializers.Serializer):
    organization_id = serializers.IntegerField()
    organization_name = serializers.CharField()
    instruments_overdue = serializers.IntegerField()
    xray_devices_overdue = serializers.IntegerField()
    licenses_expired = serializers.IntegerField()
    oldest_due_date = serializers.DateField(allow_null=True)


class NoticeViewSet(IdempotentPostMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Expiry notices: an organisation's users read and acknowledge their own; officers and inspectors see all."""

    serializer_class = NoticeSerializer
    filterset_class = NoticeFilterSet
    search_fields = ["subject_label", "serial_number"]
    ordering_fields = ["due_date", "stage_date", "created_at", "id"]
    ordering = ["-stage_date", "-id"]

    def get_queryset(self):
        if schema_generation(self):
            return Notice.objects.none()
        return selectors.notice_list(actor=self.request.user)

    def _mark(self, pk, *, acknowledge: bool):
        notice = selectors.notice_get(actor=self.request.user, pk=pk)
        if self.request.user.role != Role.BUSINESS:
            raise PermissionDenied  # only the organisation's own users confirm they got it
        notice_mark(actor=self.request.user, notice_id=notice.pk, acknowledge=acknowledge)
        return Response(self.get_serializer(selectors.notice_get(actor=self.request.user, pk=pk)).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark the notice read."""
        return self._mark(pk, acknowledge=False)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        """Acknowledge the notice: the organisation confirms it will act."""
        return self._mark(pk, acknowledge=True)

    @extend_schema(responses=OverdueRowSerializer(many=True))
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def overdue(self, request):
        """Officers and inspectors: what is overdue today, per organisation, the worst first."""
        if request.user.role not in (Role.OFFICER, Role.INSPECTOR):
            raise PermissionDenied
        return Response(OverdueRowSerializer(selectors.overdue_by_organization(), many=True).data)
