"""Organisations and users over HTTP: officers create them; the others see what their role lets them."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.response import Response

from certificates.api.base import ScopedCreateViewSet, ScopedGenericViewSet, schema_generation
from registry import selectors
from registry.api.organizations import filtersets, serializers
from registry.services import organizations as services


@extend_schema_view(create=extend_schema(request=serializers.OrganizationInputSerializer))
class OrganizationViewSet(ScopedCreateViewSet):
    """Organisations: officers create them; technicians see all (to pick an owner); businesses their own."""

    selector = staticmethod(selectors.organization_list)
    rules = {"create": services.may_manage_organizations}
    serializer_class = serializers.OrganizationSerializer
    input_serializer_class = serializers.OrganizationInputSerializer
    filterset_class = filtersets.OrganizationFilterSet
    search_fields = ["name", "tax_code"]
    ordering_fields = ["name", "tax_code", "created_at", "id"]

    def perform_service(self, data):
        return services.organization_create(actor=self.request.user, **data)


@extend_schema_view(create=extend_schema(request=serializers.UserInputSerializer))
class UserViewSet(ScopedCreateViewSet):
    """Users: officers create them, each with one role in one organisation."""

    selector = staticmethod(selectors.user_list)
    rules = {"create": services.may_manage_organizations}
    serializer_class = serializers.UserSerializer
    input_serializer_class = serializers.UserInputSerializer
    filterset_class = filtersets.UserFilterSet
    search_fields = ["username", "full_name"]
    ordering_fields = ["username", "date_joined", "id"]

    def perform_service(self, data):
        return services.user_create(actor=self.request.user, organization_id=data.pop("organization"), **data)


class OverdueViewSet(mixins.ListModelMixin, ScopedGenericViewSet):
    """`/notices/overdue/`: what is overdue today per organisation, over the registry's tables (the notice engine
    in `certificates` knows no register, so this count lives here, under the address it always had)."""

    selector = staticmethod(selectors.overdue_by_organization)
    serializer_class = serializers.OverdueRowSerializer
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        return [] if schema_generation(self) else super().get_queryset()

    def list(self, request, *args, **kwargs):
        """Officers and inspectors: what is overdue today, per organisation, the worst first."""
        return Response(self.get_serializer(self.get_queryset(), many=True).data)
