"""Fixtures of the security suites: one of everything, owned by a hospital, and callers of every role."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient

from certificates.models import Document
from registry.models import (
    DoseReading,
    Instrument,
    LicenseApplication,
    Organization,
    RadiationLicense,
    RadiationWorker,
    User,
    Verification,
    XrayDevice,
    XrayDeviceVerification,
)
from tests.factories import InstrumentFactory
from tests.registry.radiation_fixtures import Hospital, make_hospital


def token_for(user) -> str:
    """The one place the security suites make an API token (switch it here when token storage changes)."""
    _instance, token = AuthToken.objects.create(user=user)
    return token


def auth_header(user) -> dict[str, str]:
    return {"Authorization": f"Token {token_for(user)}"}


def client_for(user=None) -> APIClient:
    client = APIClient()
    client.raise_request_exception = False  # a 500 is an answer the suites assert on, not an exception
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(user)}")
    return client


# The tables a refused write must leave as they were (the matrix hashes every table; these suites count rows).
WATCHED_MODELS = (Document, DoseReading, Instrument, LicenseApplication, Organization, RadiationWorker, User,
                  Verification, XrayDevice, XrayDeviceVerification)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WATCHED_MODELS}


@dataclass
class World:
    hospital: Hospital
    instrument: Instrument
    officer: object
    technician: object
    business: object
    license: RadiationLicense | None = None


@pytest.fixture
def world(catalog, officer, technician) -> World:
    """A hospital with X-ray units, workers and an instrument, and one user per role."""
    hospital = make_hospital()
    instrument = InstrumentFactory(owner=hospital.organization)
    return World(hospital=hospital, instrument=instrument, officer=officer, technician=technician,
                 business=hospital.user)


@pytest.fixture(autouse=True)
def _forget_throttle_counts():
    """These suites post to the throttled token route many times: leave no count behind for other tests."""
    yield
    cache.clear()
