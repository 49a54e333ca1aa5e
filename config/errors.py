"""What a server error shows: nothing about the code, in every mode (issue 7, defect 8).

Unexpected exceptions in DRF views become a JSON 500 in config.exceptions; this handler500 answers everything
else (errors outside DRF views, pages): JSON on API routes, a plain page elsewhere. The traceback goes to the
log only.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import server_error as plain_server_error

API_PREFIX = "/api/"


def server_error_detail() -> str:
    return _("Server error: the request could not be completed. It has been logged for the administrators.")


def server_error(request, *args, **kwargs):
    """handler500: a JSON body on API routes, Django's plain page (no details) on the others."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": server_error_detail()}, status=500)
    return plain_server_error(request, *args, **kwargs)
