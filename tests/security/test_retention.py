"""What is kept only for a while: Idempotency-Key answers and expired API tokens leave the database."""

from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken

from certificates.models import IdempotencyRecord
from workers.tasks import prune_expired

pytestmark = pytest.mark.django_db


def test_the_hourly_prune_forgets_old_idempotency_keys_and_expired_tokens(officer, technician, settings):
    settings.IDEMPOTENCY_KEY_HOURS = 24
    old = IdempotencyRecord.objects.create(user=officer, key="old", fingerprint="0" * 64)
    IdempotencyRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=25))
    fresh = IdempotencyRecord.objects.create(user=officer, key="fresh", fingerprint="0" * 64)
    AuthToken.objects.create(user=technician, expiry=timedelta(hours=-1))  # expired an hour ago
    live, _token = AuthToken.objects.create(user=technician, expiry=timedelta(hours=1))

    assert prune_expired() == 2

    assert list(IdempotencyRecord.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert list(AuthToken.objects.values_list("pk", flat=True)) == [live.pk]
