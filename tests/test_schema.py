"""The OpenAPI schema and its documentation pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_schema_and_docs_are_served(api_client):
    schema = api_client.get("/api/schema/")

    assert schema.status_code == 200
    assert b"/api/v1/verifications/" in schema.content
    docs = api_client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"jsdelivr" not in docs.content and b"/static/drf_spectacular_sidecar/" in docs.content


@pytest.mark.parametrize("path, kinds", [
    ("/api/v1/documents/", {"verification_certificate", "radiation_license", "expiry_notice", "penalty_decision"}),
    ("/api/v1/notices/", {"instrument_verification", "xray_verification", "license_expiry", "remedy_overdue"}),
])
def test_the_kinds_apps_register_are_listed_in_the_schema(api_client, path, kinds):
    """Registered late (in the apps' ready()), the kinds still reach the schema as an enum (RegisteredChoices)."""
    schema = api_client.get("/api/schema/?format=json").json()

    [kind] = [parameter for parameter in schema["paths"][path]["get"]["parameters"] if parameter["name"] == "kind"]
    assert kinds <= set(kind["schema"]["enum"])


def test_every_operation_is_described(api_client):
    """The schema describes the procedure: every operation says what it does (the view's docstring), and the
    document's description names the inspections' steps in order."""
    schema = api_client.get("/api/schema/?format=json").json()

    undescribed = [f"{method.upper()} {path}" for path, operations in schema["paths"].items()
                   for method, operation in operations.items()
                   if method in {"get", "post", "put", "patch", "delete"} and not operation.get("description")]
    assert undescribed == []
    steps = ["plan", "decision (open)", "check record", "violation record", "penalty decision", "payments",
             "remedies", "closed"]
    description = schema["info"]["description"]
    assert [description.index(step) for step in steps] == sorted(description.index(step) for step in steps)
