"""The published keys: public, read-only, cacheable; the same JSON at /.well-known/document-keys.json and
/api/v1/signing-keys."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from certificates.signing.published import keys_file

CACHE_SECONDS = 300


class _IssuerSerializer(serializers.Serializer):
    name = serializers.CharField()
    tax_code = serializers.CharField(help_text="Empty for a state agency registered without one.")


class _RootSerializer(serializers.Serializer):
    subject = serializers.CharField(help_text="The root certificate's subject (RFC 4514).")
    x5c = serializers.ListField(child=serializers.CharField(), help_text="The root certificate, base64 DER.")


class _PublishedKeySerializer(serializers.Serializer):
    kid = serializers.CharField(help_text="First 8 bytes of SHA-256 of the certificate's DER, 16 hex characters; "
                                          "the QR statement's COSE header carries the same 8 bytes.")
    kty = serializers.ChoiceField(choices=["EC"])
    crv = serializers.ChoiceField(choices=["P-256"])
    alg = serializers.ChoiceField(choices=["ES256"])
    x = serializers.CharField(help_text="The public key's x coordinate, base64url without padding (32 bytes).")
    y = serializers.CharField(help_text="The public key's y coordinate, base64url without padding (32 bytes).")
    x5c = serializers.ListField(child=serializers.CharField(),
                                help_text="The issuer's certificate then its chain up to the root, base64 DER.")
    issuer = _IssuerSerializer()
    not_before = serializers.DateTimeField()
    not_after = serializers.DateTimeField()
    active_from = serializers.DateTimeField(help_text="When the service started signing with it.")
    active_until = serializers.DateTimeField(allow_null=True, help_text="When it was retired or revoked.")
    status = serializers.ChoiceField(choices=["active", "retired", "revoked"],
                                     help_text="retired: its documents stay valid; revoked: they cannot be trusted.")
    revoked_at = serializers.DateTimeField(allow_null=True)
    revocation_reason = serializers.CharField(allow_blank=True)


class KeysFileSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="1")
    generated_at = serializers.DateTimeField()
    roots = _RootSerializer(many=True)
    keys = _PublishedKeySerializer(many=True)


class SigningKeysView(APIView):
    """The issuers' public signing keys, every key ever used (active, retired and revoked), with their
    certificates and the roots they lead to: what an offline verifier needs to check a document's PDF signature
    and its QR code's signed statement. Public; cache it for five minutes."""

    permission_classes = [AllowAny]
    authentication_classes = []
    renderer_classes = [JSONRenderer]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public_verify"

    @extend_schema(operation_id="signing_keys", responses={200: KeysFileSerializer}, tags=["signing-keys"])
    def get(self, request):
        response = Response(keys_file())
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        # Public facts: a verifier running in a browser on another site may read them.
        response["Access-Control-Allow-Origin"] = "*"
        return response


@extend_schema(exclude=True)  # the same answer as /api/v1/signing-keys, which the schema documents
class WellKnownKeysView(SigningKeysView):
    """/.well-known/document-keys.json: where verifiers look for the keys without reading the API's docs."""
