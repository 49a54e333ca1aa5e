"""Organisations and users over HTTP: officers create them; the others see what their role lets them."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from registry import selectors, services
from registry.api.base import CreateWithServiceMixin, schema_generation
from registry.api.organizations import filtersets, serializers


@extend_schema_view(create=extend_schema(request=serializers.OrganizationInputSerializer))
class OrganizationViewSet(CreateWithServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                          viewsets.GenericViewSet):
    """Organisations: officers create them; technicians see all (to pick an owner); businesses their own."""

    serializer_class = serializers.OrganizationSerializer
    input_serializer_class = serializers.OrganizationInputSerializer
    filterset_class = filtersets.OrganizationFilterSet
    search_fields = ["name", "tax_code"]
    ordering_fields = ["name", "tax_code", "created_at", "id"]

    def get_queryset(self):
        if schema_generation(self):
            return self.serializer_class.Meta.model.objects.none()
        return selectors.organization_list(actor=self.request.user)

    def perform_service(self, data):
        return services.organization_create(actor=self.request.user, **data)


@extend_schema_view(create=extend_schema(request=serializers.UserInputSerializer))
class UserViewSet(CreateWithServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                  viewsets.GenericViewSet):
    """Users: officers create them, each with one role in one organisation."""

    serializer_class = serializers.UserSerializer
    input_serializer_class = serializers.UserInputSerializer
    filterset_class = filtersets.UserFilterSet
    search_fields = ["username", "full_name"]
    ordering_fields = ["username", "date_joined", "id"]

    def get_queryset(self):
        if schema_generation(self):
            return self.serializer_class.Meta.model.objects.none()
        return selectors.user_list(actor=self.request.user)

    def perform_service(self, data):
        return services.user_create(actor=self.request.user, organization_id=data.pop("organization"), **data)
