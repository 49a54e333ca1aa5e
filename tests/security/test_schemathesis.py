"""The whole OpenAPI schema against the app (issue 7's first suite): as an officer and as a business, every
operation gets a bounded, deterministic set of generated requests; no answer may be a server error, and every
answer must be one the schema documents (status code, content type, body).

Path ids are half the time replaced by the id of a real object of that resource (the `world` fixture owns one
of everything), so operations are reached past their 404: the PDF download and the file upload included."""

import re

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from tests.security.conftest import World, auth_header

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# ~60 operations x 2 roles x this many examples: a couple of minutes in CI.
EXAMPLES_PER_OPERATION = 12
SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES_PER_OPERATION, derandomize=True, deadline=None, database=None, print_blob=True,
    suppress_health_check=list(HealthCheck), phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
)


def _schema():
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


def _real_ids(world: World) -> dict[str, int]:
    """The id of one real object per resource, for path parameters."""
    from certificates.models import Document
    from certificates.notices.models import Notice
    from registry.models import LicenseApplication

    document = Document.objects.filter(owner=world.hospital.organization).order_by("id").first()
    notice = Notice.objects.filter(organization=world.hospital.organization).order_by("id").first()
    application_ = LicenseApplication.objects.filter(facility=world.hospital.organization).order_by("id").first()
    ids = {"organizations": world.hospital.organization.pk, "users": world.business.pk,
           "instrument-types": world.instrument.instrument_type_id, "instruments": world.instrument.pk,
           "xray-devices": world.hospital.ct.pk, "radiation-workers": world.hospital.workers[0].pk}
    for name, row in (("documents", document), ("notices", notice), ("license-applications", application_)):
        if row is not None:
            ids[name] = row.pk
    return ids


def _resource(path: str) -> str:
    match = re.match(r"^/api/v1/([a-z-]+)/", path)
    return match.group(1) if match else ""


def _test_of(operation, ids: dict[str, int], headers: dict[str, str]):
    """A hypothesis test of one operation (a function of its own: @given takes no default arguments)."""
    resource = _resource(operation.path)

    @SETTINGS
    @given(case=operation.as_strategy(), real=st.booleans())
    def run(case, real):
        if real and case.path_parameters and resource in ids:
            case.path_parameters = {**case.path_parameters, "id": ids[resource]}
        case.call_and_validate(headers=headers, checks=CHECKS)

    return run


def _run_every_operation(user, world: World) -> list[str]:
    schema = _schema()
    ids = _real_ids(world)
    headers = auth_header(user)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        run = _test_of(operation, ids, headers)
        try:
            run()
        except Exception as exc:  # collect every operation's failure, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:1500]}")
    return failures


@pytest.fixture
def wsgi_keeps_test_connection():
    """The app is called through WSGI, whose request signals close the database connection: the test's
    transaction would go with it. Django's own test client disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def issued_world(wsgi_keeps_test_connection, world: World, django_capture_on_commit_callbacks) -> World:
    """The world, with a licence application filed so that every resource has an object."""
    from registry.services.radiation.licensing import license_application_submit

    license_application_submit(actor=world.business, kind="new",
                               device_ids=[world.hospital.ct.pk, world.hospital.dental.pk],
                               safety_officer_id=world.hospital.safety_officer.pk)
    return world


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["officer", "business"])
def test_every_operation_answers_within_the_schema(role: str, issued_world: World):
    failures = _run_every_operation(getattr(issued_world, role), issued_world)

    assert not failures, "\n\n".join(failures)
