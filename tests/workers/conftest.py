import pytest

from tests.conftest import settle_workers


@pytest.fixture(autouse=True)
def _workers_idle_before_flush(request):
    """After each test, let the session's workers finish what the test enqueued: a worker still writing
    while the test database is flushed would deadlock the flush."""
    yield
    settle_workers()
