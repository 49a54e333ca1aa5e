import pytest

from inspections.models import ViolationType


@pytest.fixture
def art_10_1(inspection_catalog) -> ViolationType:
    """Decree 119/2017 Art. 10.1 as the catalogue loads it: the demo's violation (using Group 2 instruments of a
    total value up to 1.000.000 đồng), 500.000-1.000.000 đồng for an individual."""
    return ViolationType.objects.get(code="USE_G2_VIOLATION_BAND1")
