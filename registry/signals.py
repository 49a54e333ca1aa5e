"""Signal receivers of the registry app, connected in RegistryConfig.ready()."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from registry.models import User
from registry.services.tokens import tokens_revoke_all


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
