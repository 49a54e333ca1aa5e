"""A radiation work licence through the real pipeline: PostgreSQL, Redis, a Celery worker process."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from registry.dates import add_months
from tests.pdf_helpers import seal_path
from tests.registry.radiation_fixtures import application_payload, make_hospital
from tests.workers.test_pipeline import _issued, _qr_texts

# reset_sequences: the flush between tests recreates content types; with sequences reset they keep their ids,
# which the long-lived worker processes have cached.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def test_licence_end_to_end(celery_workers, api_client, client_for, catalog, officer):
    hospital = make_hospital()
    application = client_for(hospital.user).post("/api/v1/license-applications/", application_payload(hospital),
                                                  format="json").json()
    assert application["status"] == "submitted", application

    licence = client_for(officer).post(f"/api/v1/license-applications/{application['id']}/issue",
                                       {"conditions": ["Chỉ sử dụng tại các phòng đã kiểm xạ."]}, format="json")
    document = _issued(licence.json()["document"]["id"])

    download = client_for(hospital.user).get(f"/api/v1/documents/{document.pk}/pdf")
    pdf = b"".join(download.streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    end = add_months(timezone.localdate(), 36)
    for expected in ("GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ", hospital.organization.name, hospital.ct.serial_number,
                     hospital.dental.serial_number, end.strftime("%d/%m/%Y")):
        assert expected in text
    verify_url = client_for(hospital.user).get(f"/api/v1/documents/{document.pk}/").json()["verify_url"]
    document.refresh_from_db()
    assert _qr_texts(pdf) == [document.seal]
    assert api_client.get(seal_path(document.seal)).status_code == 200
    token = verify_url.rsplit("/", 1)[1]
    public = api_client.get(f"/api/v1/verify/{token}").json()
    assert public["status"] == "valid" and public["valid_until"] == end.isoformat()
