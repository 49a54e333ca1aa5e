"""The legal catalogue of sanctions as the API answers it (read only: officers edit it in the admin)."""

from rest_framework import serializers

from inspections import law
from inspections.models import Circumstance, ViolationType


class ViolationTypeSerializer(serializers.ModelSerializer):
    """A version of a violation type: the individual's range as the decree writes it, the organisation's computed
    (null while unconfirmed, and then `fine_confirmed` is false: no decision may use it yet)."""

    provision = serializers.CharField(read_only=True)
    fine_confirmed = serializers.BooleanField(read_only=True)
    fine_min_organization = serializers.SerializerMethodField()
    fine_max_organization = serializers.SerializerMethodField()

    class Meta:
        model = ViolationType
        fields = ["id", "code", "decree", "amended_by", "article", "clause", "point", "provision", "description",
                  "description_en", "fine_min_individual", "fine_max_individual", "organization_multiplier",
                  "fine_min_organization", "fine_max_organization", "fine_confirmed", "warning_allowed",
                  "additional_penalties", "remedial_measures", "limitation_group", "in_force_from", "in_force_to",
                  "legal_basis", "confidence", "source", "note"]

    def _organization_range(self, obj) -> law.FineRange | None:
        return law.violation_fine_range(obj, organization=True) if obj.fine_confirmed else None

    def get_fine_min_organization(self, obj) -> int | None:
        fine = self._organization_range(obj)
        return fine.minimum if fine else None

    def get_fine_max_organization(self, obj) -> int | None:
        fine = self._organization_range(obj)
        return fine.maximum if fine else None


class CircumstanceSerializer(serializers.ModelSerializer):
    provision = serializers.CharField(read_only=True)

    class Meta:
        model = Circumstance
        fields = ["id", "code", "kind", "article", "clause", "point", "provision", "description", "description_en",
                  "legal_basis", "confidence", "source"]
