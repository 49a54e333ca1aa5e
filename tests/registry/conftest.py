import pytest

from tests.registry.radiation_fixtures import Hospital, make_hospital


@pytest.fixture
def hospital(catalog) -> Hospital:
    """A hospital with a CT and an intra-oral dental unit verified 30 days ago, a safety officer, two workers."""
    return make_hospital()
