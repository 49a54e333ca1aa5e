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
