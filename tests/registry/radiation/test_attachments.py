"""Checklist documents of a licence application (issue 7, defect 10): parsed whole, stored under a name the server
chooses from the detected type, downloaded as a file by those who may see the application, replaced files deleted."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from registry.models import ApplicationAttachment
from tests.factories import OrganizationFactory, UserFactory
from tests.pdf_helpers import real_pdf
from tests.registry.radiation_fixtures import application_payload

SVG = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(document.cookie)'/>"
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"



def real_image(format: str, size=(64, 48), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color=0).save(buffer, format=format)
    return buffer.getvalue()


def _application(client_for, hospital) -> dict:
    response = client_for(hospital.user).post("/api/v1/license-applications/", application_payload(hospital),
                                              format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def _upload(client, application_id, data: bytes, name: str, content_type: str, item_code="area-survey"):
    scan = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(f"/api/v1/license-applications/{application_id}/attachments",
                       {"item_code": item_code, "file": scan}, format="multipart")


def _item(body: dict, code="area-survey") -> dict:
    return next(item for item in body["checklist"] if item["code"] == code)


@pytest.mark.parametrize(("data", "content_type", "extension"), [
    (real_pdf(), "application/pdf", "pdf"),
    (real_image("PNG"), "image/png", "png"),
    (real_image("JPEG"), "image/jpeg", "jpg"),
], ids=["pdf", "png", "jpeg"])
def test_a_real_scan_is_stored_under_a_name_the_server_chooses_from_its_type(client_for, hospital, data,
                                                                            content_type, extension):
    application = _application(client_for, hospital)

    response = _upload(client_for(hospital.user), application["id"], data, "../../scan.html", "text/html")

    assert response.status_code == 201, response.json()
    stored = ApplicationAttachment.objects.get(application_id=application["id"], item__code="area-survey")
    assert re.fullmatch(rf"applications/\d{{4}}/[0-9a-f]{{32}}\.{extension}", stored.file.name), stored.file.name
    assert stored.content_type == content_type
    item = _item(response.json())
    assert item["has_file"] and item["content_type"] == content_type and item["file_name"] == "scan.html"


@pytest.mark.parametrize(("name", "data"), [
    ("scan.html", b"%PDF-1.7\n" + HTML),
    ("x.svg", b"\x89PNG\r\n\x1a\n" + SVG),
    ("x.jpg", b"\xff\xd8\xff\xe0" + HTML),
    ("truncated.png", real_image("PNG", size=(300, 300), mode="L")[:-40]),
    ("page.pdf", real_pdf()[:200]),
    ("huge.png", real_image("PNG", size=(10_000, 6_000), mode="1")),
    ("x.gif", real_image("GIF")),
], ids=["pdf-then-html", "png-then-svg", "jpeg-then-html", "truncated-png", "truncated-pdf", "60-megapixels",
        "gif"])
def test_a_file_that_only_starts_like_a_scan_is_refused_and_nothing_is_stored(client_for, hospital, name, data):
    application = _application(client_for, hospital)

    response = _upload(client_for(hospital.user), application["id"], data, name, "application/pdf")

    assert response.status_code == 400 and "file" in response.json(), response.json()
    assert not ApplicationAttachment.objects.filter(application_id=application["id"], item__code="area-survey").exists()


def test_the_owner_downloads_the_scan_as_a_file_of_its_detected_type(client_for, hospital):
    application = _application(client_for, hospital)
    pdf = real_pdf()
    url = _item(_upload(client_for(hospital.user), application["id"], pdf, "scan.html", "text/html").json())[
        "file_url"]

    response = client_for(hospital.user).get(url)

    assert url == f"/api/v1/license-applications/{application['id']}/attachments/area-survey"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="area-survey.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf


def test_only_those_who_see_the_application_download_its_scans(client_for, hospital, officer, inspector, technician):
    application = _application(client_for, hospital)
    _upload(client_for(hospital.user), application["id"], real_image("PNG"), "x.png", "image/png")
    url = f"/api/v1/license-applications/{application['id']}/attachments/area-survey"
    other_hospital = UserFactory(role="business", organization=OrganizationFactory(kind="hospital"))

    statuses = {who: client_for(user).get(url).status_code for who, user in [
        ("owner", hospital.user), ("officer", officer), ("inspector", inspector), ("technician", technician),
        ("other hospital", other_hospital)]}

    assert statuses == {"owner": 200, "officer": 200, "inspector": 200, "technician": 404, "other hospital": 404}
    assert client_for(hospital.user).get(url.replace("area-survey", "application")).status_code == 404  # no file


def test_a_replaced_scan_leaves_storage(client_for, hospital, django_capture_on_commit_callbacks):
    application = _application(client_for, hospital)
    client = client_for(hospital.user)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, application["id"], real_pdf(), "a.pdf", "application/pdf")
    first = ApplicationAttachment.objects.get(application_id=application["id"], item__code="area-survey").file.name
    assert default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, application["id"], real_image("JPEG"), "b.jpg", "image/jpeg")

    second = ApplicationAttachment.objects.get(application_id=application["id"], item__code="area-survey").file.name
    assert response.status_code == 201
    assert not default_storage.exists(first)
    assert default_storage.exists(second) and second.endswith(".jpg")


def test_a_deleted_attachment_takes_its_file_out_of_storage(client_for, hospital, django_capture_on_commit_callbacks):
    application = _application(client_for, hospital)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client_for(hospital.user), application["id"], real_pdf(), "a.pdf", "application/pdf")
    name = ApplicationAttachment.objects.get(application_id=application["id"], item__code="area-survey").file.name

    with django_capture_on_commit_callbacks(execute=True):
        ApplicationAttachment.objects.filter(application_id=application["id"]).delete()

    assert not default_storage.exists(name)
