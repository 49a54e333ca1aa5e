from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Documents"

    def ready(self) -> None:
        from certificates.kinds import register_kind
        from certificates.notices.digest.kind import EXPIRY_NOTICE
        from certificates.signing import checks  # noqa: F401 - registers the production checks of the keys

        register_kind(EXPIRY_NOTICE)  # the notice engine's own document: the daily digest
