"""`/notices/overdue`: the officers' view of what is overdue today per organisation, over the registry's tables
(the notice engine in `certificates` knows no register, so this count lives here, under the same address)."""

from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from registry import selectors
from registry.models import Role


class OverdueRowSerializer(serializers.Serializer):
    organization_id = serializers.IntegerField()
    organization_name = serializers.CharField()
    instruments_overdue = serializers.IntegerField()
    xray_devices_overdue = serializers.IntegerField()
    licenses_expired = serializers.IntegerField()
    oldest_due_date = serializers.DateField(allow_null=True)


class OverdueViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Officers and inspectors: what is overdue today, per organisation, the worst first."""

    serializer_class = OverdueRowSerializer
    filter_backends = []
    pagination_class = None

    def list(self, request, *args, **kwargs):
        """Officers and inspectors: what is overdue today, per organisation, the worst first."""
        if request.user.role not in (Role.OFFICER, Role.INSPECTOR):
            raise PermissionDenied
        return Response(OverdueRowSerializer(selectors.overdue_by_organization(), many=True).data)
