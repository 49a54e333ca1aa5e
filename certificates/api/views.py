"""Documents: read, download, and the managers' actions; the public verification answer."""

from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.filters import SearchFilter
from rest_framework.generics import RetrieveAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from certificates import selectors, services
from certificates.api.base import ScopedViewSet
from certificates.api.filtersets import DocumentFilterSet, DocumentOrderingFilter
from certificates.api.serializers import (
    DocumentSerializer,
    DocumentTwinSerializer,
    PublicDocumentSerializer,
    ReasonSerializer,
)
from certificates.filenames import document_filename
from certificates.twin import document_twin


def _wants_json(request) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


class NotIssuedYet(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The document is not issued yet."
    default_code = "not_issued"


class DocumentViewSet(ScopedViewSet):
    """Issued documents, as the access policy scopes them; a PDF only for those it lets download, else 404."""

    selector = staticmethod(selectors.document_list)
    rules = dict.fromkeys(("revoke", "supersede", "retry"), services.may_manage_documents)
    serializer_class = DocumentSerializer
    filter_backends = [DjangoFilterBackend, SearchFilter, DocumentOrderingFilter]
    filterset_class = DocumentFilterSet
    search_fields = ["number", "subject_label"]
    ordering_fields = ["id", "created_at", "issued_at", "valid_until", "number"]
    ordering = ["-id"]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        document = selectors.document_get_downloadable(actor=request.user, pk=pk)
        if not document.file:
            raise NotIssuedYet
        return FileResponse(document.file.open("rb"), content_type="application/pdf",
                            filename=document_filename(document))

    @extend_schema(responses={200: DocumentTwinSerializer})
    @action(detail=True, methods=["get"], url_path="json", url_name="json")
    def twin(self, request, pk=None):
        """The document's facts as its PDF prints them, and the statement its QR code signs (schema "document/v1"):
        for those who may download the PDF (404 otherwise), once it is rendered (409 before, as the PDF)."""
        document = selectors.document_get_downloadable(actor=request.user, pk=pk)
        if not document.file:
            raise NotIssuedYet
        return Response(DocumentTwinSerializer(document_twin(document)).data)

    def _act(self, service, *, status_code: int = status.HTTP_200_OK, with_reason: bool = True):
        document = self.scoped_object()
        data = self.read_input(ReasonSerializer) if with_reason else {}
        return self.answer(service(actor=self.request.user, document_id=document.pk, **data), status_code=status_code)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        """Revoke a document (managers), with the reason the public page will show."""
        return self._act(services.document_revoke)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def supersede(self, request, pk=None):
        """Issue a correction (managers): a new number for the same subject; this one becomes superseded."""
        return self._act(services.document_supersede, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        """Send a failed document to render again (managers), under the same number."""
        return self._act(services.document_retry, with_reason=False)


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
    """The human page behind the document's verify link: Vietnamese first (the document is a Vietnamese legal
    document). A client that asks for JSON (Accept: application/json) gets the API's answer at the same address."""
    return _verify_answer(request, selectors.document_get_public(token=token))


def verify_seal_page(request, seal: str):
    """The page behind the QR code's signed seal (HTTPS://HOST/V/<seal>): the same answer as the verify link,
    once the seal's signature checks out against the issuer's published key."""
    return _verify_answer(request, selectors.document_get_by_seal(encoded=seal))


def _verify_answer(request, document):
    data = PublicDocumentSerializer(document).data
    if _wants_json(request):
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    with translation.override("vi"):
        kind_vi = document.kind_label
    with translation.override("en"):
        kind_en = document.kind_label
    return render(request, "certificates/verify.html",
                  {"document": document, "data": data, "kind_vi": kind_vi, "kind_en": kind_en})
