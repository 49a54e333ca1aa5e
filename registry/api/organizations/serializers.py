"""Organisations and users: inputs check shape, outputs answer; services decide."""

from rest_framework import serializers

from registry.api.fields import IdField
from registry.models import LegalForm, Organization, OrganizationKind, Role, User


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "tax_code", "address", "province", "kind", "legal_form", "parent_name",
                  "created_at"]


class OrganizationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255)
    tax_code = serializers.CharField(max_length=20)
    address = serializers.CharField(max_length=500)
    province = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=OrganizationKind.choices)
    # A household business or an individual is fined at the individual's rates (registry LegalForm).
    legal_form = serializers.ChoiceField(choices=LegalForm.choices, required=False, default=LegalForm.ORGANIZATION)
    parent_name = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "role", "organization", "is_active", "date_joined"]


class UserInputSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]+\Z", max_length=150)
    password = serializers.CharField(write_only=True, min_length=8, max_length=128)
    full_name = serializers.CharField(max_length=255)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=Role.choices)
    organization = IdField(required=False, allow_null=True, default=None)


class OverdueRowSerializer(serializers.Serializer):
    organization_id = serializers.IntegerField()
    organization_name = serializers.CharField()
    instruments_overdue = serializers.IntegerField()
    xray_devices_overdue = serializers.IntegerField()
    licenses_expired = serializers.IntegerField()
    oldest_due_date = serializers.DateField(allow_null=True)
