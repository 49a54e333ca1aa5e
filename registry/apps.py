from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = "Registry"

    def ready(self) -> None:
        from certificates.kinds import register_kind
        from certificates.notices.parties import register_notice_parties
        from certificates.notices.sources import register_notice_source
        from certificates.permissions import register_document_access
        from registry import signals  # noqa: F401 - connects the receivers
        from registry.documents.access import REGISTRY_DOCUMENT_ACCESS
        from registry.documents.certificate.kind import VERIFICATION_CERTIFICATE
        from registry.documents.license.kind import RADIATION_LICENSE
        from registry.notice_sources import REGISTRY_NOTICE_PARTIES, SOURCES

        register_kind(VERIFICATION_CERTIFICATE)
        register_kind(RADIATION_LICENSE)
        register_document_access(REGISTRY_DOCUMENT_ACCESS)
        for source in SOURCES:
            register_notice_source(source)
        register_notice_parties(REGISTRY_NOTICE_PARTIES)
