"""The legal catalogue of sanctions, read by every signed-in role (it is public law); officers edit it in the
admin, with history."""

from certificates.api.base import ScopedViewSet
from inspections import selectors
from inspections.api.catalog import filtersets, serializers


class ViolationTypeViewSet(ScopedViewSet):
    """Violation types, every version: `in_force_on` picks those in force on the day of an act."""

    selector = staticmethod(selectors.violation_type_list)
    serializer_class = serializers.ViolationTypeSerializer
    filterset_class = filtersets.ViolationTypeFilterSet
    search_fields = ["description", "description_en", "code"]
    ordering_fields = ["id", "code", "decree", "article", "clause", "point", "in_force_from", "fine_max_individual"]
    ordering = ["decree", "article", "clause", "point", "code", "-in_force_from"]


class CircumstanceViewSet(ScopedViewSet):
    """Aggravating (Law Art. 10.1) and mitigating (Law Art. 9) circumstances."""

    selector = staticmethod(selectors.circumstance_list)
    serializer_class = serializers.CircumstanceSerializer
    filterset_class = filtersets.CircumstanceFilterSet
    search_fields = ["description", "description_en"]
    ordering_fields = ["id", "kind", "article", "clause", "point"]
    ordering = ["kind", "article", "clause", "point"]
