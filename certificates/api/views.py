"""Documents: read, download, and the managers' actions; the public verification answer."""

from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.generics import RetrieveAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from certificates import selectors, services
from certificates.api.filtersets import DocumentFilterSet
from certificates.api.idempotency import IdempotentPostMixin
from certificates.api.serializers import (
    DocumentSerializer,
    PublicDocumentSerializer,
    ReasonSerializer,
)
from certificates.filenames import ascii_filename
from certificates.models import Document


def _wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


class NotIssuedYet(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The document is not issued yet."
    default_code = "not_issued"


class DocumentViewSet(IdempotentPostMixin, viewsets.ReadOnlyModelViewSet):
    """Issued documents, as the access policy scopes them; a PDF only for those it lets download, else 404."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet
    search_fields = ["number", "subject_label"]
    ordering_fields = ["id", "created_at", "issued_at", "valid_until", "number"]
    ordering = ["-id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Document.objects.none()
        return selectors.document_list(actor=self.request.user)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        document = selectors.document_get_downloadable(actor=request.user, pk=pk)
        if not document.file:
            raise NotIssuedYet
        return FileResponse(document.file.open("rb"), content_type="application/pdf",
                            filename=ascii_filename(document.number))

    def _act(self, service, pk, **kwargs):
        document = service(actor=self.request.user, document_id=selectors.document_get(
            actor=self.request.user, pk=pk).pk, **kwargs)
        return Response(self.get_serializer(selectors.document_get(actor=self.request.user, pk=document.pk)).data)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        """Revoke a document (managers), with the reason the public page will show."""
        reason = ReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        return self._act(services.document_revoke, pk, reason=reason.validated_data["reason"])

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def supersede(self, request, pk=None):
        """Issue a correction (managers): a new number for the same subject; this one becomes superseded."""
        reason = ReasonSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        document = services.document_supersede(actor=request.user, document_id=selectors.document_get(
            actor=request.user, pk=pk).pk, reason=reason.validated_data["reason"])
        return Response(self.get_serializer(selectors.document_get(actor=request.user, pk=document.pk)).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        """Send a failed document to render again (managers), under the same number."""
        return self._act(services.document_retry, pk)


class PublicVerifyView(RetrieveAPIView):
    """Anyone checks a document by the token in its QR code: valid, expired, superseded or revoked."""

    permission_classes = [AllowAny]
    authentication_classes = []
    serializer_class = PublicDocumentSerializer
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public_verify"

    def get_object(self):
        return selectors.document_get_public(token=self.kwargs["token"])


def verify_page(request, token: str):
    """The human page behind the QR code: Vietnamese first (the document is a Vietnamese legal document).
    A client that asks for JSON (Accept: application/json) gets the API's answer at the same address."""
    document = selectors.document_get_public(token=token)
    data = PublicDocumentSerializer(document).data
    if _wants_json(request):
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    with translation.override("vi"):
        kind_vi = document.kind_label
    with translation.override("en"):
        kind_en = document.kind_label
    return render(request, "certificates/verify.html",
                  {"document": document, "data": data, "kind_vi": kind_vi, "kind_en": kind_en})
