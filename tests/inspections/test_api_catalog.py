"""GET /api/v1/violation-types/ and /api/v1/circumstances/: read by every signed-in role (public law), 401 for the
anonymous, no writes through the API (officers edit in the admin); each filter, search and ordering."""

import pytest

from inspections.models import ViolationType

pytestmark = pytest.mark.django_db

TYPES, CIRCUMSTANCES = "/api/v1/violation-types/", "/api/v1/circumstances/"


@pytest.fixture
def officer_client(client_for, officer):
    return client_for(officer)


def _codes(response) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    return [row["code"] for row in response.json()["results"]]


@pytest.mark.parametrize("url", [TYPES, CIRCUMSTANCES])
def test_catalogue_is_401_for_the_anonymous(api_client, inspection_catalog, url):
    assert api_client.get(url).status_code == 401
    assert api_client.get(f"{url}1/").status_code == 401


@pytest.mark.parametrize("role", ["officer", "inspector", "technician", "business_user"])
def test_every_signed_in_role_reads_the_whole_catalogue(request, client_for, inspection_catalog, role):
    client = client_for(request.getfixturevalue(role))

    assert client.get(TYPES).json()["count"] == 23
    assert client.get(CIRCUMSTANCES).json()["count"] == 20


def test_catalogue_is_not_written_through_the_api(officer_client, art_10_1):
    assert officer_client.post(TYPES, {"code": "X"}, format="json").status_code == 405
    assert officer_client.patch(f"{TYPES}{art_10_1.pk}/", {"fine_max_individual": 1}, format="json").status_code == 405
    assert officer_client.delete(f"{TYPES}{art_10_1.pk}/").status_code == 405


def test_violation_type_detail_shows_both_ranges_and_the_provision(officer_client, art_10_1):
    body = officer_client.get(f"{TYPES}{art_10_1.pk}/").json()

    assert (body["fine_min_individual"], body["fine_max_individual"]) == (500_000, 1_000_000)
    assert (body["fine_min_organization"], body["fine_max_organization"]) == (1_000_000, 2_000_000)
    assert body["fine_confirmed"] is True and body["confidence"] == "confirmed"
    assert body["provision"].startswith("khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP")
    assert body["legal_basis"] and body["source"]


def test_violation_type_unconfirmed_has_no_organization_range(officer_client, inspection_catalog):
    band2 = ViolationType.objects.get(code="USE_G2_VIOLATION_BAND2")

    body = officer_client.get(f"{TYPES}{band2.pk}/").json()

    assert body["fine_min_organization"] is None and body["fine_confirmed"] is False


def test_violation_type_unknown_id_is_404(officer_client, inspection_catalog):
    assert officer_client.get(f"{TYPES}2000000000/").status_code == 404


def test_filter_by_code(officer_client, inspection_catalog):
    assert _codes(officer_client.get(TYPES, {"code": "TRADE_NO_LABEL"})) == ["TRADE_NO_LABEL"]


def test_filter_by_decree(officer_client, inspection_catalog):
    codes = _codes(officer_client.get(TYPES, {"decree": "107/2013/NĐ-CP"}))

    assert set(codes) == {"RAD_NO_LICENCE_HIGH_RISK", "RAD_DOSE_REPORT_LATE", "XRAY_NO_LICENCE", "XRAY_NOT_DECLARED"}


def test_filter_by_article_and_clause(officer_client, inspection_catalog):
    assert _codes(officer_client.get(TYPES, {"article": 10, "clause": 1})) == ["USE_G2_VIOLATION_BAND1"]
    assert len(_codes(officer_client.get(TYPES, {"article": 9}))) == 6


def test_filter_by_confidence_takes_several(officer_client, inspection_catalog):
    unconfirmed = _codes(officer_client.get(TYPES, {"confidence": "unconfirmed"}))
    both = _codes(officer_client.get(TYPES, {"confidence": ["unconfirmed", "partial"]}))

    assert "SEAL_TAMPERING" in unconfirmed and "USE_G2_VIOLATION_BAND1" not in unconfirmed
    assert set(unconfirmed) < set(both) and "USE_G2_VIOLATION_BAND2" in both


def test_filter_by_confidence_refuses_an_unknown_value(officer_client, inspection_catalog):
    response = officer_client.get(TYPES, {"confidence": "certain"}, HTTP_ACCEPT_LANGUAGE="vi")

    assert response.status_code == 400 and "confidence" in response.json()


def test_filter_in_force_on_picks_the_versions_of_the_day(officer_client, art_10_1):
    art_10_1.in_force_to = "2027-01-01"
    art_10_1.save()
    ViolationType.objects.create(**{**{f.name: getattr(art_10_1, f.name) for f in ViolationType._meta.concrete_fields
                                       if f.name != "id"}, "in_force_from": "2027-01-01", "in_force_to": None})

    day_before = officer_client.get(TYPES, {"in_force_on": "2026-12-31", "code": "USE_G2_VIOLATION_BAND1"}).json()
    day_of = officer_client.get(TYPES, {"in_force_on": "2027-01-01", "code": "USE_G2_VIOLATION_BAND1"}).json()
    too_early = officer_client.get(TYPES, {"in_force_on": "2021-12-31"}).json()

    assert [row["in_force_from"] for row in day_before["results"]] == ["2022-01-01"]
    assert [row["in_force_from"] for row in day_of["results"]] == ["2027-01-01"]
    assert too_early["count"] == 0


def test_filter_in_force_on_refuses_a_non_date(officer_client, inspection_catalog):
    response = officer_client.get(TYPES, {"in_force_on": "tomorrow"})

    assert response.status_code == 400 and "in_force_on" in response.json()


def test_search_in_the_description(officer_client, inspection_catalog):
    codes = _codes(officer_client.get(TYPES, {"search": "X-quang"}))

    assert set(codes) == {"RAD_DOSE_REPORT_LATE", "XRAY_NO_LICENCE", "XRAY_NOT_DECLARED"}


def test_ordering_by_the_maximum_fine(officer_client, inspection_catalog):
    rows = officer_client.get(TYPES, {"ordering": "-fine_max_individual", "confidence": "confirmed"}).json()
    maxima = [row["fine_max_individual"] for row in rows["results"]]

    assert maxima == sorted(maxima, reverse=True) and maxima[0] == 40_000_000


def test_circumstances_filter_by_kind_and_article(officer_client, inspection_catalog):
    aggravating = officer_client.get(CIRCUMSTANCES, {"kind": "aggravating"}).json()
    mitigating = officer_client.get(CIRCUMSTANCES, {"article": 9}).json()

    assert aggravating["count"] == 12 and {row["article"] for row in aggravating["results"]} == {10}
    assert mitigating["count"] == 8 and {row["kind"] for row in mitigating["results"]} == {"mitigating"}


def test_circumstance_detail_cites_its_provision(officer_client, inspection_catalog):
    first = officer_client.get(CIRCUMSTANCES, {"kind": "aggravating", "ordering": "id"}).json()["results"][0]

    body = officer_client.get(f"{CIRCUMSTANCES}{first['id']}/").json()

    assert body["provision"] == "điểm a khoản 1 Điều 10" and body["description"] == "Vi phạm hành chính có tổ chức"
