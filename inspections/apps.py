from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self) -> None:
        from certificates.kinds import register_kind
        from certificates.notices.sources import register_notice_source
        from inspections import signals  # noqa: F401 - connects the receivers
        from inspections.documents.check_record.kind import CHECK_RECORD
        from inspections.documents.penalty_decision.kind import PENALTY_DECISION
        from inspections.documents.violation_record.kind import VIOLATION_RECORD
        from inspections.notice_sources import SOURCES

        # The inspection documents' kinds: one list, each part adding its own.
        for spec in (CHECK_RECORD, VIOLATION_RECORD, PENALTY_DECISION):
            register_kind(spec)
        for source in SOURCES:
            register_notice_source(source)
