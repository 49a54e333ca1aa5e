"""Signal receivers of the registry app, connected in RegistryConfig.ready()."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from registry.models import ApplicationAttachment, User
from registry.services.organizations import tokens_revoke_all


@receiver(post_delete, sender=ApplicationAttachment, dispatch_uid="attachment_file_delete")
def attachment_file_delete(sender, instance: ApplicationAttachment, **kwargs) -> None:
    """A replaced or deleted attachment's file leaves storage, once the deletion is committed (a rollback keeps
    both the row and its file). Covers the cascade from a deleted application too."""
    if not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name
    transaction.on_commit(lambda: storage.delete(name))


@receiver(post_save, sender=User, dispatch_uid="registry.cut_tokens_on_password_change")
def cut_tokens_on_password_change(sender, instance: User, created: bool, **kwargs) -> None:
    """A new password ends every API token of the user (issue 7, defect 5), whatever path set it.

    set_password() keeps the new raw password in `_password` until save() has run (Django clears it after
    post_save), which is how a change is told from any other save; a hash upgraded at login is not a change
    (Django clears `_password` before that save), so it keeps the tokens. Sessions end by themselves: their
    hash is derived from the password. A user whose password was disabled (set_unusable_password(), or
    "password-based authentication: disabled" in the admin) keeps no token either.
    """
    if created:
        return
    if getattr(instance, "_password", None) is not None or not instance.has_usable_password():
        tokens_revoke_all(user=instance)
