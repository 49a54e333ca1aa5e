"""Keep storage in step with the rows that name its files."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from registry.models import ApplicationAttachment


@receiver(post_delete, sender=ApplicationAttachment, dispatch_uid="attachment_file_delete")
def attachment_file_delete(sender, instance: ApplicationAttachment, **kwargs) -> None:
    """A replaced or deleted attachment's file leaves storage, once the deletion is committed (a rollback keeps
    both the row and its file). Covers the cascade from a deleted application too."""
    if not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name
    transaction.on_commit(lambda: storage.delete(name))
