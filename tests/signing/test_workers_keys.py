"""The worker processes the tests start load the same keys as the tests: same folder, root and passphrase."""

import subprocess
import sys

import pytest
from django.conf import settings

from certificates.signing.keys import issuer_key
from tests.conftest import ROOT, _worker_env

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_another_process_with_the_workers_environment_loads_the_issuers_key(verification_body):
    kid = issuer_key(verification_body).kid.hex()

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from registry.models import Organization; "
         "from certificates.signing.keys import issuer_key; "
         f"print(issuer_key(Organization.objects.get(pk={verification_body.pk})).kid.hex())"],
        cwd=ROOT, env=_worker_env(broker_url=settings.CELERY_BROKER_URL), capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == kid
