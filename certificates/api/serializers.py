"""Document serializers: the full record for its readers, and the public verification answer."""

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from certificates.models import Document, DocumentStatus
from certificates.selectors import document_public_status


def _pdf_url(document: Document, request) -> str | None:
    if not document.file:
        return None
    path = reverse("document-pdf", kwargs={"pk": document.pk})
    return request.build_absolute_uri(path) if request else path


class DocumentBriefSerializer(serializers.ModelSerializer):
    """A document as other resources embed it."""

    class Meta:
        model = Document
        fields = ["id", "number", "status"]


class DocumentLinkSerializer(DocumentBriefSerializer):
    """A document embedded with the address of its PDF (null until it is issued)."""

    pdf_url = serializers.SerializerMethodField()

    class Meta(DocumentBriefSerializer.Meta):
        fields = [*DocumentBriefSerializer.Meta.fields, "pdf_url"]

    def get_pdf_url(self, obj) -> str | None:
        return _pdf_url(obj, self.context.get("request"))


class DocumentSerializer(serializers.ModelSerializer):
    verify_url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)
    owner_name = serializers.CharField(source="owner.name", read_only=True)
    public_status = serializers.SerializerMethodField()
    supersedes = serializers.SerializerMethodField()
    superseded_by = serializers.SerializerMethodField()

    class Meta:
        model = Document
        # The year tells which series the number is of: an administrative number ("01/QĐ-XPHC") carries none.
        fields = ["id", "kind", "number", "year", "status", "public_status", "sha256", "size", "verify_url",
                  "pdf_url", "issuer", "issuer_name", "owner", "owner_name", "subject_label", "valid_until",
                  "created_at", "issued_at", "attempts", "failure_reason", "supersedes", "superseded_by",
                  "supersession_reason", "revoked_at", "revocation_reason", "suspended_at", "suspension_reason"]

    def get_verify_url(self, obj) -> str:
        return f"{settings.PUBLIC_BASE_URL}{obj.verify_path}"

    def get_pdf_url(self, obj) -> str | None:
        return _pdf_url(obj, self.context.get("request"))

    def get_public_status(self, obj) -> str | None:
        return document_public_status(obj) if obj.sha256 else None

    def get_supersedes(self, obj) -> dict | None:
        return {"id": obj.supersedes_id, "number": obj.supersedes.number} if obj.supersedes_id else None

    def get_superseded_by(self, obj) -> dict | None:
        newer = getattr(obj, "superseded_by", None)
        return {"id": newer.pk, "number": newer.number} if newer else None


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class PublicSigningKeySerializer(serializers.Serializer):
    """The key that signed a document, as the published keys file lists it: a revoked key's documents say so."""

    kid = serializers.CharField(help_text="The key's id (16 hex digits), as in /.well-known/document-keys.json.")
    status = serializers.CharField(help_text="active, retired (rotated out: its documents still verify) or "
                                             "revoked (its signatures can no longer be trusted).")
    revoked_at = serializers.DateTimeField(allow_null=True)
    revocation_reason = serializers.CharField(allow_blank=True)


class PublicDocumentSerializer(serializers.ModelSerializer):
    """What anyone holding the QR code may know: enough to trust the paper, nothing more."""

    status = serializers.SerializerMethodField()
    kind_label = serializers.CharField(read_only=True)
    subject = serializers.CharField(source="subject_label", read_only=True)
    owner = serializers.CharField(source="owner.name", read_only=True)
    issuer = serializers.CharField(source="issuer.name", read_only=True)
    superseded_by = serializers.SerializerMethodField()
    signing_key = PublicSigningKeySerializer(read_only=True, allow_null=True,
                                             help_text="The key that signed the PDF and its QR seal; null for a "
                                                       "document issued before documents were signed.")

    class Meta:
        model = Document
        fields = ["number", "kind", "kind_label", "status", "subject", "owner", "issuer", "valid_until",
                  "issued_at", "sha256", "superseded_by", "revoked_at", "revocation_reason", "suspended_at",
                  "suspension_reason", "signing_key"]

    def get_status(self, obj) -> str:
        return document_public_status(obj)

    def get_superseded_by(self, obj) -> str | None:
        newer = getattr(obj, "superseded_by", None)
        return newer.number if newer else None


class DocumentPartySerializer(serializers.Serializer):
    name = serializers.CharField()
    tax_code = serializers.CharField(allow_blank=True, help_text="Empty when the organisation has none.")


class DocumentStatementSerializer(serializers.Serializer):
    """The facts the QR code's seal signs (SIGNING_DESIGN.md, docseal Claims), readable: ISO dates, a hex hash."""

    version = serializers.IntegerField()
    kind = serializers.CharField()
    number = serializers.CharField()
    year = serializers.IntegerField()
    subject = serializers.CharField(allow_blank=True, help_text="The instrument's serial number, the licensee, "
                                    "the violator or the inspected organisation.")
    owner_tax_code = serializers.CharField(allow_blank=True)
    issued_on = serializers.DateField(help_text="The day the document bears, as printed.")
    valid_until = serializers.DateField(allow_null=True)
    content_sha256 = serializers.CharField(allow_null=True, help_text="SHA-256 (hex) of the file's first "
                                           "revision, as rendered; null until the document is sealed.")
    kid = serializers.CharField(allow_null=True, help_text="The signing key's id (16 hex digits); null until sealed.")


class DocumentTwinSerializer(serializers.Serializer):
    """The JSON twin of a document, schema "document/v1": the same facts as its PDF (certificates.twin)."""

    schema = serializers.CharField(help_text='"document/v1": the version of this schema.')
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    number = serializers.CharField()
    year = serializers.IntegerField()
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    issuer = DocumentPartySerializer()
    owner = DocumentPartySerializer()
    subject_label = serializers.CharField()
    issued_on = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)
    pdf_sha256 = serializers.CharField(help_text="SHA-256 (hex) of the PDF as downloaded.")
    statement = DocumentStatementSerializer()
    seal = serializers.CharField(allow_blank=True, help_text="The QR code's text; empty until the document is "
                                 "sealed.")
    details = serializers.DictField(allow_null=True, help_text="What the PDF prints, per kind (the renderer's "
                                    "facts: dates ISO 8601, amounts as strings or integers); null for a document "
                                    "rendered before the twin existed.")
