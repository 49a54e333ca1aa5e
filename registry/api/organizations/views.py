"""Organisations and users over HTTP: officers create them; the others see what their role lets them."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from certificates.api.base import ScopedCreateViewSet
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
