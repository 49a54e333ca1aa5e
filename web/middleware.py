"""Pages speak Vietnamese first (issue 10)."""

from django.conf import settings
from django.utils import translation

# The API answers in the caller's Accept-Language (DESIGN.md §3); the admin keeps Django's own choice.
NOT_PAGES = ("/api/", "/admin/")


class VietnameseFirstMiddleware:
    """A page is in Vietnamese unless its visitor chose English with the language button (Django's language
    cookie). Browsers send the language of their own menus, often English even in Vietnam: that is no choice of the
    visitor's, and the legal words of the registers are Vietnamese."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._is_page(request) and not self._chosen(request):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)

    @staticmethod
    def _is_page(request) -> bool:
        """Not the API, not the admin, and not a client asking for JSON (/verify/<token> answers those too)."""
        accept = request.headers.get("Accept", "")
        wants_json = "application/json" in accept and "text/html" not in accept
        return not request.path_info.startswith(NOT_PAGES) and not wants_json

    @staticmethod
    def _chosen(request) -> bool:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        return bool(chosen and translation.check_for_language(chosen))
