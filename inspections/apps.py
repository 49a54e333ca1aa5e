from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self) -> None:
        from certificates.kinds import register_kind
        from inspections.documents.check_record.kind import CHECK_RECORD

        # The inspections' document kinds, one a line (the violation record and penalty decision join them).
        for kind in [CHECK_RECORD]:
            register_kind(kind)
