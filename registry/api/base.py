"""Pieces every registry viewset shares."""

from rest_framework import status
from rest_framework.response import Response

from certificates.api.idempotency import IdempotentPostMixin


def schema_generation(view) -> bool:
    """drf-spectacular inspects views with no user: scoped selectors need one, the schema needs only the model."""
    return getattr(view, "swagger_fake_view", False)


class CreateWithServiceMixin(IdempotentPostMixin):
    """POST: the input serializer checks shape, `perform_service` writes, the output serializer answers.
    Every POST of the viewset honours `Idempotency-Key`."""

    input_serializer_class = None

    def create(self, request, *args, **kwargs):
        incoming = self.input_serializer_class(data=request.data, context=self.get_serializer_context())
        incoming.is_valid(raise_exception=True)
        created = self.perform_service(incoming.validated_data)
        output = self.get_serializer(self.get_queryset().get(pk=created.pk))
        return Response(output.data, status=status.HTTP_201_CREATED)
