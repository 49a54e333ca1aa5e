"""The business's compliance page through Django's test client (fast; test_business_pages.py drives it in Chromium):
the counts and the lists behind them, the filters (the API's FilterSets), the pages of a list, the exports read back
with csv and openpyxl, the licence's standing, notices acknowledged, remedies and fines; another organisation's
instrument, notice or document is a 404."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from certificates.notices.models import Notice
from certificates.notices.services import notices_scan
from tests.factories import InstrumentFactory
from tests.inspections.conftest import art_10_1, cases, topics  # noqa: F401 (fixtures)
from tests.inspections.penalty_fixtures import (
    issue_decision,
    issue_record,
    sanction,  # noqa: F401 (a fixture)
    verify_remedy,
)
from tests.registry.radiation_fixtures import issue_license, make_hospital
from tests.web.business_data import EXPIRED_SERIAL, OTHER_SERIAL, make_fleet

pytestmark = pytest.mark.django_db

PAGE = "/business/compliance/"


@pytest.fixture
def fleet(catalog, technician, business_user):
    return make_fleet(technician, business_user)


@pytest.fixture
def browser_client(client, fleet):
    client.force_login(fleet.user)
    return client


def _page(client, **params) -> str:
    response = client.get(PAGE, params)
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, name: str) -> str:
    """One list's section of the page (its heading to the next section)."""
    start = page.index(f'id="{name}"')
    return page[start:page.index("</section>", start)]


def test_counts_each_status_and_links_each_count_to_its_list(browser_client, fleet):
    page = _page(browser_client)

    assert '<span class="count-number">1</span> <span class="count-label">Hết hiệu lực</span>' in page
    assert '<span class="count-label">Đến hạn trong 60 ngày</span>' in page
    assert 'href="?instruments-verification_status=expired#instruments"' in page
    assert OTHER_SERIAL not in page


def test_the_list_behind_a_count_holds_exactly_its_instruments(browser_client, fleet):
    page = _section(_page(browser_client, **{"instruments-verification_status": "expired"}), "instruments")

    assert EXPIRED_SERIAL in page
    assert not [serial for serial in ("TK-OK-0001", "TK-DUE-0002", "TK-FAIL-0003", "TK-NEW-0004", OTHER_SERIAL)
                if serial in page]


def test_filters_are_the_apis_and_take_dates_as_people_write_them(browser_client, fleet):
    until = fleet.due_soon.valid_until

    page = _section(_page(browser_client, **{
        "instruments-valid_until_after": timezone.localdate().strftime("%d/%m/%Y"),
        "instruments-valid_until_before": until.strftime("%d/%m/%Y")}), "instruments")

    assert "TK-DUE-0002" in page and EXPIRED_SERIAL not in page and "TK-OK-0001" not in page
    assert f'value="{until:%d/%m/%Y}"' in page  # the filter shows the date as typed


def test_a_filter_in_error_says_so_beside_its_field(browser_client, fleet):
    page = _page(browser_client, **{"instruments-valid_until_after": "31/02/2026"})

    assert 'class="field has-error"' in page and "Nhập một ngày hợp lệ" in page


def test_long_lists_paginate_and_keep_the_other_lists_filters(browser_client, fleet):
    for n in range(12):
        InstrumentFactory(owner=fleet.user.organization, serial_number=f"TK-MORE-{n:02d}")

    first = _section(_page(browser_client, **{"instruments-verification_status": "never_verified",
                                              "notices-acknowledged": ""}), "instruments")
    second = _section(_page(browser_client, **{"instruments-verification_status": "never_verified",
                                               "notices-acknowledged": "", "instruments-page": "2"}), "instruments")

    assert "Tổng cộng 13 dòng · trang 1 / 2" in first and "trang 2 / 2" in second
    assert "instruments-page=2" in first and "notices-acknowledged=" in first  # the notices' filter is kept
    shown = {f"TK-MORE-{n:02d}" for n in range(12)} | {"TK-NEW-0004"}
    assert {s for s in shown if s in first} | {s for s in shown if s in second} == shown
    assert not {s for s in shown if s in first} & {s for s in shown if s in second}


def test_csv_export_has_vietnamese_headers_dd_mm_yyyy_dates_and_only_the_businesss_rows(browser_client, fleet):
    response = browser_client.get("/business/compliance/instruments.csv",
                                  {"instruments-verification_status": "expired"})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Số sản xuất" and "Có giá trị đến" in rows[0]
    assert [row[0] for row in rows[1:]] == [EXPIRED_SERIAL]
    assert rows[1][rows[0].index("Có giá trị đến")] == fleet.expired.valid_until.strftime("%d/%m/%Y")
    assert rows[1][rows[0].index("Trạng thái")] == "Hết hiệu lực"


def test_xlsx_export_has_real_date_cells_and_only_the_businesss_rows(browser_client, fleet):
    response = browser_client.get("/business/compliance/instruments.xlsx")

    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Số sản xuất"
    serials = [row[0] for row in rows[1:]]
    assert EXPIRED_SERIAL in serials and OTHER_SERIAL not in serials and len(serials) == 5
    until = rows[0].index("Có giá trị đến")
    expired_row = rows[1 + serials.index(EXPIRED_SERIAL)]
    assert expired_row[until].date() == fleet.expired.valid_until  # a date cell, not text
    cell = sheet.cell(row=2 + serials.index(EXPIRED_SERIAL), column=until + 1)
    assert cell.is_date and cell.number_format == "DD/MM/YYYY"


@pytest.mark.parametrize("table", ["instruments", "notices", "documents", "remedies", "fines", "xray", "workers",
                                   "licenses"])
def test_every_list_exports_to_both_formats(browser_client, fleet, table):
    for fmt in ("csv", "xlsx"):
        response = browser_client.get(f"/business/compliance/{table}.{fmt}")

        assert response.status_code == 200
        assert b"".join(response.streaming_content)


def test_an_unknown_list_or_format_is_a_404(browser_client):
    assert browser_client.get("/business/compliance/users.csv").status_code == 404
    assert browser_client.get("/business/compliance/instruments.pdf").status_code == 404


def test_instrument_page_shows_its_certificate_to_download_and_anothers_is_a_404(browser_client, fleet):
    page = browser_client.get(f"/business/instruments/{fleet.expired.pk}/").content.decode()

    assert fleet.certificate.number in page and f"/api/v1/documents/{fleet.certificate.pk}/pdf" in page
    assert browser_client.get(f"/business/instruments/{fleet.other_expired.pk}/").status_code == 404
    assert browser_client.get(f"/api/v1/documents/{fleet.other_certificate.pk}/pdf").status_code == 404
    download = browser_client.get(f"/api/v1/documents/{fleet.certificate.pk}/pdf")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_documents_list_the_businesss_own_with_their_download_link(browser_client, fleet):
    page = _page(browser_client)

    assert fleet.certificate.number in page and fleet.other_certificate.number not in page


def test_notices_are_acknowledged_through_the_apis_service_and_anothers_is_a_404(browser_client, fleet):
    notices_scan(as_of=timezone.localdate())
    mine = Notice.objects.filter(organization=fleet.user.organization).first()
    other = Notice.objects.exclude(organization=fleet.user.organization).first()
    assert mine is not None and other is not None
    assert mine.subject_label in _page(browser_client)

    answer = browser_client.post(f"/business/notices/{mine.pk}/acknowledge/", {"next": "https://evil.example/"})

    assert answer.status_code == 302 and answer["Location"] == "/business/compliance/#notices"
    mine.refresh_from_db()
    assert mine.acknowledged_at is not None and mine.acknowledged_by == fleet.user
    assert browser_client.post(f"/business/notices/{other.pk}/acknowledge/").status_code == 404
    other.refresh_from_db()
    assert other.acknowledged_at is None
    assert browser_client.get(f"/business/notices/{mine.pk}/acknowledge/").status_code == 405


def test_a_hospital_sees_its_licence_prerequisites_and_renewal_window(client, client_for, officer, catalog):
    hospital = make_hospital()
    issue_license(client_for, officer, hospital)
    client.force_login(hospital.user)

    page = _page(client)

    assert "Giấy phép đang có hiệu lực" in page and "Nộp hồ sơ gia hạn trước ngày" in page
    assert "Nguyễn Thị Hoa" in page and hospital.ct.serial_number in page
    assert 'class="check check-bad"' not in page  # every prerequisite met: verified units, officer, contract


def test_a_fuel_business_page_has_no_radiation_section(browser_client, fleet):
    assert 'id="radiation"' not in _page(browser_client)


def test_another_role_gets_404(client, technician):
    client.force_login(technician)

    assert client.get(PAGE).status_code == 404


def test_open_remedies_and_unpaid_fines_with_their_deadlines(client, sanction):  # noqa: F811
    decision = issue_decision(sanction.cases, issue_record(sanction.cases),
                              remedies=[verify_remedy(sanction.instrument)])
    client.force_login(sanction.cases.business)

    page = _page(client)

    assert "1.500.000 đồng" in page and decision.payment_due_on.strftime("%d/%m/%Y") in page
    assert decision.remedies.get().deadline.strftime("%d/%m/%Y") in page
    client.force_login(sanction.cases.other_business)
    assert decision.payment_due_on.strftime("%d/%m/%Y") not in _page(client)

