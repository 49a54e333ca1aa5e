"""OpenAPI post-processing: the error answers every operation can give, documented once (issue 7 defect 13)."""

ERROR_COMPONENT = "Error"

# What each status means in this API; 409 is also the answer to an Idempotency-Key reused with another body.
ERROR_STATUSES = {
    "400": "Invalid input: a message per field (`{\"field\": [\"message\"]}`, nested for nested input), "
           "`non_field_errors` when no single field is at fault, or `detail` for a body that is not valid JSON.",
    "401": "No valid credentials.",
    "403": "The caller's role may not do this.",
    "404": "No such object in the caller's scope (objects outside it are not revealed).",
    "409": "Conflict with the current state (for example a document not issued yet), or an Idempotency-Key "
           "reused with another body.",
    "413": "The request body is larger than the service accepts.",
    "415": "Unsupported media type of the request body.",
    "429": "Too many requests; retry after the time in the Retry-After header.",
}
_WRITE_ONLY = {"413", "415"}


def _error_schema() -> dict:
    return {
        "type": "object",
        "description": "An error: `detail` for the request as a whole, otherwise messages keyed by field.",
        "properties": {"detail": {"type": "string"}},
        "additionalProperties": {},
    }


def document_error_responses(result, generator, request, public):
    """Add the error answers to every operation that does not document them itself."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_COMPONENT] = _error_schema()
    reference = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            responses = operation.setdefault("responses", {})
            for code, description in ERROR_STATUSES.items():
                if code in _WRITE_ONLY and method not in ("post", "put", "patch"):
                    continue
                responses.setdefault(code, {"description": description,
                                            "content": {"application/json": {"schema": reference}}})
    return result
