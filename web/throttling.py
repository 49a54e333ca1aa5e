"""The public searches' rate limit: the API's own (DRF's ScopedRateThrottle, scope `public_verify`, the rate
PUBLIC_VERIFY_RATE), so that a client has one budget for every public look-up, by page or by API, counted in the
same cache by the same address (REMOTE_ADDR, which config/client_address.py resolved)."""

from types import SimpleNamespace

from rest_framework.throttling import ScopedRateThrottle

SCOPE = "public_verify"


def public_lookup_wait(request) -> float | None:
    """None when this look-up may go ahead (and it is counted); else the seconds to wait before the next one."""
    throttle = ScopedRateThrottle()
    if throttle.allow_request(request, SimpleNamespace(throttle_scope=SCOPE)):
        return None
    return throttle.wait() or 1.0
