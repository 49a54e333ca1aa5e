"""The one base of every viewset of the API (DESIGN.md §2), as NetBox's BaseViewSet restricts every queryset in
one place.

A viewset names its selector (`selector = staticmethod(selectors.instrument_list)`, called with the caller) and
gets from here its queryset, list and detail: an object outside the caller's scope is not in that queryset, so it
is a 404 on reads and on the actions alike. A viewset may name, per action, the service-side rule that says
whether the caller's role may do it (`rules = {"assign": services.may_assign_instrument}`): it is asked before the
input is read, so a role that may not act gets 403, never a 400 about a body it may not send; on a detail action
only once the object was found in scope (404 first, never revealing it exists). Creates go input serializer
(shape only) -> `perform_service` -> the created row re-read through the scoped queryset. Every POST honours
`Idempotency-Key` (IdempotentPostMixin).
"""

from collections.abc import Callable

from django.shortcuts import get_object_or_404
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.settings import api_settings

from certificates.api.idempotency import IdempotentPostMixin


def schema_generation(view) -> bool:
    """drf-spectacular inspects views with no user: scoped selectors need one, the schema needs only the model."""
    return getattr(view, "swagger_fake_view", False)


class ServiceRule(BasePermission):
    """The service-side rule the viewset names for the action: on the view for actions on no object, on the object
    (after it was found in scope) for detail actions. Reads are never judged here: their scope is the selector."""

    def has_permission(self, request, view) -> bool:
        return view.detail or view.rule_allows(request)

    def has_object_permission(self, request, view, obj) -> bool:
        return view.rule_allows(request)


class ScopedGenericViewSet(IdempotentPostMixin, viewsets.GenericViewSet):
    """The caller's scope as the queryset; actions fetch through it (`scoped_object`) and answer re-read. With no
    route of its own: a viewset that serves neither list nor detail of a model (a computed view) starts here."""

    selector: Callable = None  # staticmethod(<entity>_list): the queryset the caller may see, given `actor`
    rules: dict[str, Callable[[object], bool]] = {}  # action -> service-side `may_*(actor)` for its writes
    permission_classes = [*api_settings.DEFAULT_PERMISSION_CLASSES, ServiceRule]

    def get_queryset(self):
        if schema_generation(self):
            return self.get_serializer_class().Meta.model.objects.none()
        return self.selector(actor=self.request.user)

    def rule_allows(self, request) -> bool:
        rule = self.rules.get(self.action)
        return rule is None or request.method in SAFE_METHODS or rule(request.user)

    def scoped_object(self):
        """The object of a detail action: 404 outside the caller's scope, then 403 if its rule says no. The list's
        filters are not applied (they are a list's query parameters, not an action's)."""
        instance = get_object_or_404(self.get_queryset(), pk=self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        self.check_object_permissions(self.request, instance)
        return instance

    def read_input(self, serializer_class) -> dict:
        """The body checked for shape by an input serializer (400 naming the field); the service decides the rest."""
        incoming = serializer_class(data=self.request.data, context=self.get_serializer_context())
        incoming.is_valid(raise_exception=True)
        return dict(incoming.validated_data)

    def answer(self, instance, *, status_code: int = status.HTTP_200_OK) -> Response:
        """The written row as the caller reads it: re-read through the scoped queryset, with its joins."""
        return Response(self.get_serializer(self.get_queryset().get(pk=instance.pk)).data, status=status_code)

    def page(self, queryset, serializer_class) -> Response:
        """A list under a detail route, paginated like every list (the schema said pages; issue 7 defect 13)."""
        rows = self.paginate_queryset(queryset)
        return self.get_paginated_response(serializer_class(rows, many=True).data)


class ScopedViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedGenericViewSet):
    """List and detail from the caller's scope: a detail outside it is a 404."""


class ScopedCreateViewSet(ScopedViewSet):
    """A scoped viewset whose POST on the list creates through a service (`perform_service`)."""

    input_serializer_class = None

    def create(self, request, *args, **kwargs):
        created = self.perform_service(self.read_input(self.input_serializer_class))
        return self.answer(created, status_code=status.HTTP_201_CREATED)

    def perform_service(self, data: dict):
        raise NotImplementedError
