"""Every POST route of the API honours Idempotency-Key, including the routes the next register adds."""

from django.urls import URLPattern, URLResolver, get_resolver

from certificates.api.idempotency import IdempotentPostMixin

# Sign-in and sign-out create no record a client could duplicate by retrying.
NOT_CREATING = ("api/v1/auth/",)


def _api_routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _accepts_post(view) -> bool:
    actions = getattr(view, "actions", None)
    if actions is not None:
        return "post" in actions
    return hasattr(getattr(view, "cls", None), "post")


def test_every_post_route_of_the_api_honours_the_idempotency_key():
    post_routes = [(route, view) for route, view in _api_routes(get_resolver().url_patterns)
                   if route.startswith("api/v1/") and not route.startswith(NOT_CREATING) and _accepts_post(view)]

    missing = [route for route, view in post_routes if not issubclass(view.cls, IdempotentPostMixin)]

    assert len(post_routes) >= 10  # the registers' creates and actions were found
    assert missing == []
