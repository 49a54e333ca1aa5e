"""Logging in to the API and out of it (issue 7, defects 3 and 5).

`POST /api/v1/auth/token/` with a username and password answers a token and when it expires; requests send
`Authorization: Token <token>`. `POST /api/v1/auth/logout/` cuts the token it is sent with, `logout-all/` every
token of its user. Logins are throttled per client address (AUTH_RATE) and locked by django-axes per account and
per address after LOGIN_FAILURE_LIMIT failures, exactly as admin logins are.
"""

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.views import LogoutAllView as KnoxLogoutAllView
from knox.views import LogoutView as KnoxLogoutView
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from registry.lockout import locked_until, lockout_message
from registry.services.organizations import token_issue


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, style={"input_type": "password"})


class AuthTokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send it as `Authorization: Token <token>`; it is shown only once.")
    expiry = serializers.DateTimeField(help_text="When the token stops working (TOKEN_TTL_HOURS after login).")


class LoginLockedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    locked_until = serializers.DateTimeField()


class LoginLocked(exceptions.APIException):
    """Too many failed logins for the account or from the address: refused, right password or not."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS

    def __init__(self, request):
        until = locked_until(request)
        super().__init__({"detail": lockout_message(until), "locked_until": until.isoformat()})


class TokenView(APIView):
    """A token for a username and password."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(
        operation_id="auth_token_create", auth=[], request=TokenRequestSerializer,
        responses={
            200: AuthTokenSerializer,
            400: OpenApiResponse(description="Wrong username or password, or a missing field."),
            429: OpenApiResponse(LoginLockedSerializer, description="Too many requests from this address, or "
                                 "logging in is locked for this account or address until `locked_until`."),
        },
    )
    def post(self, request):
        credentials = TokenRequestSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        # django-axes keeps its marks on Django's request, not on DRF's wrapper around it.
        user = authenticate(request._request, **credentials.validated_data)
        if user is None:
            if getattr(request._request, "axes_locked_out", False):
                raise LoginLocked(request._request)
            raise exceptions.ValidationError({"non_field_errors": [_("Unable to log in with provided credentials.")]})
        instance, token = token_issue(user=user, request=request._request)
        return Response(AuthTokenSerializer({"token": token, "expiry": instance.expiry}).data)


class LogoutView(KnoxLogoutView):
    """Sign this device out: the token sent with the request stops working."""

    @extend_schema(operation_id="auth_logout", request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format)


class LogoutAllView(KnoxLogoutAllView):
    """Sign out everywhere: every token of the caller stops working."""

    @extend_schema(operation_id="auth_logout_all", request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format)
