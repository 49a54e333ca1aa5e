from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "workers"
    verbose_name = "Background work"

    def ready(self) -> None:
        from certificates.signals import document_issued, document_requested
        from workers.publishing import email_issued_digest, enqueue_requested_document

        document_requested.connect(enqueue_requested_document, dispatch_uid="workers.enqueue_document")
        document_issued.connect(email_issued_digest, dispatch_uid="workers.email_digest")
