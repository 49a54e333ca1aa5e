"""One scoped base for every viewset (DESIGN.md §2, issue 8 point 4): each names its selector, gets list, detail
and the 404 outside the caller's scope from the base, and each write names the service-side rule asked before its
body is read."""

import pytest

from certificates.api.base import ScopedGenericViewSet
from certificates.api.urls import router as certificates_router
from registry.api.urls import router as registry_router


def _viewsets() -> list[tuple[str, type]]:
    return [(basename, viewset) for router in (registry_router, certificates_router)
            for _prefix, viewset, basename in router.registry]


def _post_actions(viewset) -> list[str]:
    actions = ["create"] if hasattr(viewset, "create") else []
    return actions + [extra.__name__ for extra in viewset.get_extra_actions() if "post" in extra.mapping]


def test_every_viewset_derives_from_the_scoped_base_and_names_its_selector():
    viewsets = _viewsets()

    outside = [basename for basename, viewset in viewsets if not issubclass(viewset, ScopedGenericViewSet)]
    unnamed = [basename for basename, viewset in viewsets if not callable(viewset.selector)]

    assert len(viewsets) >= 10
    assert outside == []
    assert unnamed == []


def test_every_selector_is_a_selector_and_every_write_names_a_service_rule():
    selectors = {basename: viewset.selector.__module__ for basename, viewset in _viewsets()}
    writes = {(basename, name): viewset.rules.get(name) for basename, viewset in _viewsets()
              for name in _post_actions(viewset)}

    assert all("selectors" in module.split(".") for module in selectors.values()), selectors
    assert len(writes) >= 20
    unruled = {write: rule for write, rule in writes.items()
               if rule is None or "services" not in rule.__module__.split(".") or not rule.__name__.startswith("may_")}

    assert unruled == {}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/instruments/", "/api/v1/organizations/", "/api/v1/users/",
                                 "/api/v1/xray-devices/", "/api/v1/license-applications/",
                                 "/api/v1/radiation-licenses/transcribe/"])
def test_a_role_that_may_not_write_gets_403_before_its_empty_body_is_read(client_for, inspector, url):
    response = client_for(inspector).post(url, {}, format="json")

    assert response.status_code == 403, response.content


@pytest.mark.django_db
def test_a_detail_write_outside_the_callers_scope_is_404_before_its_role_or_body(client_for, business_user, catalog):
    response = client_for(business_user).post("/api/v1/radiation-licenses/2000000000/suspend/", {}, format="json")

    assert response.status_code == 404, response.content
