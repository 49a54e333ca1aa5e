"""Notices over HTTP: each organisation's notices with read and acknowledged states, as the parties scope them."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from certificates.api.idempotency import IdempotentPostMixin
from certificates.notices import selectors, services
from certificates.notices.api.filtersets import NoticeFilterSet
from certificates.notices.api.serializers import NoticeSerializer
from certificates.notices.models import Notice


class NoticeViewSet(IdempotentPostMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Expiry notices: an organisation's users read and acknowledge their own; the parties say who sees which."""

    serializer_class = NoticeSerializer
    filterset_class = NoticeFilterSet
    search_fields = ["subject_label", "serial_number"]
    ordering_fields = ["due_date", "stage_date", "created_at", "id"]
    ordering = ["-stage_date", "-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Notice.objects.none()
        return selectors.notice_list(actor=self.request.user)

    def _mark(self, pk, *, acknowledge: bool):
        notice = services.notice_mark(actor=self.request.user, notice=pk, acknowledge=acknowledge)
        return Response(self.get_serializer(selectors.notice_get(actor=self.request.user, pk=notice.pk)).data)

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
