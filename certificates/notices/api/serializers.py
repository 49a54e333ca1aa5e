"""A notice as its readers see it, with the digest document that carried it."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from certificates.api.serializers import DocumentLinkSerializer
from certificates.notices.models import Notice


class NoticeSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    digest_date = serializers.DateField(source="digest.digest_date", read_only=True, default=None)
    digest_document = serializers.SerializerMethodField()

    class Meta:
        model = Notice
        fields = ["id", "organization", "organization_name", "kind", "subject_id", "subject_label", "serial_number",
                  "location", "due_date", "stage", "stage_date", "legal_basis", "digest", "digest_date",
                  "digest_document", "created_at", "read_at", "acknowledged_at"]

    @extend_schema_field(DocumentLinkSerializer(allow_null=True))
    def get_digest_document(self, obj):
        """The Thông báo that carried this notice (its newest document), once the day's digest exists."""
        documents = obj.digest.documents.all() if obj.digest_id else ()  # prefetched, newest first
        return DocumentLinkSerializer(documents[0], context=self.context).data if documents else None
