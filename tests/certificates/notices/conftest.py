import pytest

from tests.certificates.notices.helpers import due_in
from tests.factories import OrganizationFactory, UserFactory
from tests.registry.radiation_fixtures import Hospital, make_hospital


@pytest.fixture
def three_owners(catalog):
    """Three organisations with two e-mailed users each, and instruments due in 60, 30, 7, 0 and -5 days."""
    owners = [OrganizationFactory(name=f"Công ty Đo lường số {i}") for i in range(3)]
    for owner in owners:
        UserFactory(role="business", organization=owner, email=f"a{owner.pk}@example.vn")
        UserFactory(role="business", organization=owner, email=f"b{owner.pk}@example.vn")
    instruments = {days: due_in(days, owner=owners[i % 3]) for i, days in enumerate([60, 30, 7, 0, -5])}
    return owners, instruments


@pytest.fixture
def hospital(catalog) -> Hospital:
    """A hospital with a CT and an intra-oral dental unit verified 30 days ago, a safety officer, two workers."""
    return make_hospital()
