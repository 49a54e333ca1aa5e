"""The router every API app uses."""

from rest_framework.routers import SimpleRouter


class NumericRouter(SimpleRouter):
    """Ids are numbers: `/documents/abc/pdf/` does not match a route at all, so it is a 404 before any view
    runs, instead of reaching `int("abc")` in a query (a 500, issue 7 defect 7). Eighteen digits keep every id
    inside PostgreSQL's bigint. Accepts paths with and without the trailing slash: the contract writes
    `/documents/{id}/pdf`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.trailing_slash = "/?"

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or getattr(viewset, "lookup_field", "pk")
        value = getattr(viewset, "lookup_value_regex", r"[0-9]{1,18}")
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{value})"
