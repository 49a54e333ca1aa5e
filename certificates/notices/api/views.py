"""Notices over HTTP: each organisation's notices with read and acknowledged states, as the parties scope them."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from certificates.api.base import ScopedViewSet
from certificates.notices import selectors, services
from certificates.notices.api.filtersets import NoticeFilterSet
from certificates.notices.api.serializers import NoticeSerializer


class NoticeViewSet(ScopedViewSet):
    """Expiry notices: an organisation's users read and acknowledge their own; the parties say who sees which."""

    selector = staticmethod(selectors.notice_list)
    rules = {"read": services.may_mark_notices, "acknowledge": services.may_mark_notices}
    serializer_class = NoticeSerializer
    filterset_class = NoticeFilterSet
    search_fields = ["subject_label", "serial_number"]
    ordering_fields = ["due_date", "stage_date", "created_at", "id"]
    ordering = ["-stage_date", "-id"]

    def _mark(self, *, acknowledge: bool):
        notice = services.notice_mark(actor=self.request.user, notice=self.scoped_object(), acknowledge=acknowledge)
        return self.answer(notice)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark the notice read."""
        return self._mark(acknowledge=False)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        """Acknowledge the notice: the organisation confirms it will act."""
        return self._mark(acknowledge=True)
