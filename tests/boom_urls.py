"""The project's URLs plus two views that fail, to check what a server error shows (tests only)."""

from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from config.urls import handler500
from config.urls import urlpatterns as project_urls


class BoomView(APIView):
    """An API view with a defect: anyone calling it gets a server error."""

    permission_classes = [AllowAny]

    def get(self, request):
        raise RuntimeError("secret detail: SECRET_KEY would be printed here")


def boom_page(request):
    raise RuntimeError("secret detail: SECRET_KEY would be printed here")


urlpatterns = [
    path("api/v1/boom/", BoomView.as_view()),
    path("boom/", boom_page),
    path("api/v1/boom-outside-drf/", boom_page),
    *project_urls,
]

__all__ = ["handler500", "urlpatterns"]
