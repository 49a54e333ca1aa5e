"""The client's address: REMOTE_ADDR, or what a proxy named in TRUSTED_PROXIES forwarded (issue 7, defect 3).

X-Forwarded-For is written by whoever sends the request, so it is read only when the request comes from a proxy
we run. The header is read from the right: each trusted proxy appends the address it received the request from,
and the first address that is not one of our proxies is the client. Anything further left was written by the
client and is ignored. The middleware puts the answer in REMOTE_ADDR before any other code runs, so DRF's throttles
(NUM_PROXIES = 0), django-axes' lockouts and the logs all see the same address.
"""

import ipaddress
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def _networks(entries: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(meta: dict) -> str:
    """The client's address from a request's META: forwarded only through the proxies in TRUSTED_PROXIES."""
    remote = meta.get("REMOTE_ADDR", "")
    trusted = _networks(settings.TRUSTED_PROXIES)
    if not trusted:
        return remote

    def is_trusted(address) -> bool:
        return address is not None and any(address in network for network in trusted)

    if not is_trusted(_address(remote)):
        return remote
    client = remote
    for hop in reversed(meta.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:  # a malformed hop: nothing to its left can be trusted
            break
        client = str(address)
        if not is_trusted(address):
            break
    return client


def remote_addr(request: HttpRequest) -> str:
    """django-axes' AXES_CLIENT_IP_CALLABLE: the address the middleware resolved, as DRF's throttles read it."""
    return request.META.get("REMOTE_ADDR", "")


class TrustedProxyMiddleware:
    """Sets REMOTE_ADDR to the client's address when the request came through one of our proxies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META["REMOTE_ADDR"] = client_address(request.META)
        return self.get_response(request)
