"""A fuzz of the JSON bodies on every write route (issue 7's last suite).

The write operations come from the OpenAPI schema, so a new route is covered without editing this file.
Each gets the hostile bodies below, as an officer (who may write almost everything): every answer is a
client error in JSON (400/404/413/415, or 401/403 for the role), never a 500, and nothing is written."""

import json
import re

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.security.conftest import World, client_for, row_counts

# Signing out takes no body and ends the caller's own token: tests/security/test_auth.py covers it.
SIGN_OUT = ("/api/v1/auth/logout",)
ALLOWED = {400, 401, 403, 404, 413, 415, 429}  # 429: the token route is throttled, by design
NASTY_TEXT = ["\x00", "a\x00b", "\ud800", "x\udfffy", "\u202eevil\u202c", "\u200b\u200c\u200d\ufeff",
              "x" * 100_000, ""]
NASTY_VALUES = [[], [[]], {}, {"a": {}}, 10**40, -1, -(10**40), 1.5, 1e308, True, None, *NASTY_TEXT]


def _write_operations() -> list[tuple[str, str, list[str]]]:
    """(method, path, request body properties) of every POST/PUT/PATCH in the schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    operations = []
    for path, item in schema["paths"].items():
        if path.startswith(SIGN_OUT):
            continue
        for method in ("post", "put", "patch"):
            if method not in item:
                continue
            content = item[method].get("requestBody", {}).get("content", {})
            body = content.get("application/json", {}).get("schema", {})
            reference = body.get("$ref", "").rsplit("/", 1)[-1]
            fields = components.get(reference, {}).get("properties", {})
            # A field documented as nullable takes null as a real value (assign: null withdraws the choice).
            properties = sorted(f"{name}?" if spec.get("nullable") else name for name, spec in fields.items())
            operations.append((method, path, properties))
    return operations


def _bodies(properties: list[str]):
    """Raw bodies: not JSON, empty, deep, wrong types for the whole body and for each field."""
    yield "not json at all", "application/json"
    yield "", "application/json"
    yield "[" * 50_000 + "]" * 50_000, "application/json"
    yield json.dumps({"a": json.loads("[" * 40 + "{}" + "]" * 40)}), "application/json"  # deep inside a field
    yield '["a list", "for an object"]', "application/json"
    yield '"\\ud800"', "application/json"
    yield '{"x": "\\udc00"}', "application/json"
    yield "<a>xml</a>", "application/xml"
    for marked in properties:
        name = marked.rstrip("?")
        for value in NASTY_VALUES:
            if value is None and marked.endswith("?"):
                continue
            yield json.dumps({name: value}), "application/json"
    every_field = (marked.rstrip("?") for marked in properties)
    yield json.dumps(dict.fromkeys(every_field, "\u202e\x00")), "application/json"



def _url(path: str, world: World) -> str:
    ids = {"documents": 0, "instruments": world.instrument.pk, "xray-devices": world.hospital.ct.pk,
           "radiation-workers": world.hospital.workers[0].pk, "license-applications": 0, "notices": 0,
           "radiation-licenses": 0}
    resource = re.match(r"^/api/v1/([a-z-]+)/", path)
    pk = ids.get(resource.group(1), 0) if resource else 0
    return re.sub(r"\{[^}]+\}", str(pk or 987654), path)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "properties"), _write_operations(), ids=lambda v: str(v)[:40])
def test_hostile_bodies_are_refused_in_json_and_write_nothing(method, path, properties, world: World):
    client = client_for(world.officer)
    url = _url(path, world)
    failures = []

    for body, content_type in _bodies(properties):
        before = row_counts()
        response = getattr(client, method)(url, data=body.encode("utf-8", "surrogatepass"),
                                           content_type=content_type)
        written = row_counts() != before
        json_answer = response.get("Content-Type", "").startswith("application/json")
        if response.status_code not in ALLOWED or not json_answer or written:
            failures.append(f"{response.status_code} json={json_answer} written={written} body={body[:80]!r}: "
                            f"{response.content[:200]!r}")

    assert not failures, f"{method.upper()} {path}:\n" + "\n".join(failures)
