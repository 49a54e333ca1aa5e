"""Two workers asking at once for the key of an issuer that has none end with one active key (and one root)."""

import threading

import pytest
from django.db import connection

from certificates.signing.keys import issuer_key
from certificates.signing.models import SigningKey, SigningKeyStatus
from tests.factories import OrganizationFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROUNDS = 5


def _together(count: int, work):
    """Run `work` in `count` threads (each its own database connection), released at once."""
    barrier = threading.Barrier(count)
    answers: list = [None] * count

    def run(index):
        try:
            barrier.wait()
            answers[index] = work()
        except Exception as exc:  # an error is an answer the test reports
            answers[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def test_two_workers_enrolling_one_issuer_at_once_make_one_active_key_under_one_root(settings, tmp_path):
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "KEYS_DIR": tmp_path,
                                 "ROOT_CERT": tmp_path / "demo-root.pem"}
    issuers = [OrganizationFactory(kind="verification_body") for _ in range(ROUNDS)]

    for issuer in issuers:
        first, second = _together(2, lambda issuer=issuer: issuer_key(issuer))

        assert not isinstance(first, Exception) and not isinstance(second, Exception), (first, second)
        assert first.kid == second.kid and first.chain == second.chain
        assert SigningKey.objects.filter(issuer=issuer).count() == 1
        assert SigningKey.objects.get(issuer=issuer).status == SigningKeyStatus.ACTIVE
    assert len({issuer_key(issuer).chain[-1] for issuer in issuers}) == 1
    assert sorted(path.name for path in tmp_path.glob("demo-root*")) == ["demo-root.p12", "demo-root.pem"]
    assert len(list((tmp_path / "issuers").glob("*.p12"))) == ROUNDS
