"""Where the chain hears of writes.

1. Every model with django-simple-history's `HistoricalRecords` (most of the registers): each historical record
   (`post_create_historical_record`, sent inside the write's transaction) becomes an entry, with the history's user
   as the actor (HistoryRequestMiddleware: the page's or the API token's user; none in a worker).
2. The rows without history that are facts of a procedure (`UNHISTORIED`): Django's own save and delete signals.
3. `bulk_create` and `QuerySet.update()` send no signal: the services that bulk-create facts call
   `audit.services.audit_record_created` themselves; the updates left out are listed in README.md (bookkeeping of the
   queues, not facts of the register).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record

from audit import services
from audit.models import AuditAction

# Facts without a history table: the readings of a verification, the checks of a licence application and its
# attachments, dose alerts, an inspection's transitions and evidence, a penalty's items, a notice read or confirmed.
UNHISTORIED = (
    "registry.Reading", "registry.DoseAlert", "registry.ApplicationAttachment", "registry.ApplicationCheck",
    "inspections.InspectionTransition", "inspections.Evidence", "inspections.PenaltyItem", "certificates.Notice",
)


def _request_user():
    """The signed-in user of the request being served (HistoryRequestMiddleware keeps it), else None."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def _on_history(sender, instance, history_instance, history_user=None, using=None, **kwargs):
    services.audit_record_history(instance=instance, history_instance=history_instance,
                                  history_user=history_user, using=using or "default")


def _before_save(sender, instance, raw=False, using=None, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    stored = type(instance)._base_manager.using(using).filter(pk=instance.pk).first()
    instance._audit_before = services.instance_state(stored) if stored else None


def _after_save(sender, instance, created, raw=False, using=None, **kwargs):
    if raw:
        return
    before = None if created else getattr(instance, "_audit_before", None)
    after = services.instance_state(instance)
    if before == after:
        return  # saved without a change
    services.audit_append(actor=_request_user(), action=AuditAction.CREATE if created else AuditAction.UPDATE,
                          model=sender._meta.label, object_pk=instance.pk, before=before, after=after,
                          using=using or "default")


def _after_delete(sender, instance, using=None, **kwargs):
    services.audit_append(actor=_request_user(), action=AuditAction.DELETE, model=sender._meta.label,
                          object_pk=instance.pk, before=services.instance_state(instance), after=None,
                          using=using or "default")


def connect() -> None:
    post_create_historical_record.connect(_on_history, dispatch_uid="audit.history")
    for label in UNHISTORIED:
        model = apps.get_model(label)
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"audit.pre_save.{label}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"audit.post_save.{label}")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"audit.post_delete.{label}")
