import pytest

from tests.conftest import settle_workers

# The inspections' people and cases, for the procedure walked end to end (test_inspection_procedure.py).
from tests.inspections.conftest import art_10_1, cases, topics  # noqa: F401


@pytest.fixture(autouse=True)
def _workers_idle_before_flush(request):
    """After each test, let the session's workers finish what the test enqueued: a worker still writing
    while the test database is flushed would deadlock the flush."""
    yield
    settle_workers()
