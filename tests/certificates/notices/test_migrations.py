"""The engine's tables moved from registry to certificates with their data: a digest's document requested
before the move still finds its digest after it, and the stages' anchor takes the engine's name."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from certificates.models import Document
from certificates.notices.models import NoticeDigest, NoticeStage

BEFORE = [("certificates", "0006_kinds_registered_by_apps"),
          ("registry", "0009_radiation_license_transcribed_from_paper")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def _rows_before_the_move(apps) -> tuple[int, int]:
    """An organisation's digest with its document and a licence stage, written as the registry kept them."""
    organization = apps.get_model("registry", "Organization").objects.create(name="Bệnh viện A", kind="hospital")
    digest = apps.get_model("registry", "NoticeDigest").objects.create(organization=organization,
                                                                        digest_date="2026-06-15")
    digest_type = apps.get_model("contenttypes", "ContentType").objects.get(app_label="registry",
                                                                              model="noticedigest")
    document = apps.get_model("certificates", "Document").objects.create(
        kind="expiry_notice", issuer=organization, owner=organization, year=2026, sequence=1,
        number="TB-2026/000001", token="before-the-move", subject_type=digest_type, subject_id=digest.pk,
        subject_label="Thông báo ngày 15/06/2026")
    apps.get_model("registry", "NoticeStage").objects.create(
        kind="license_expiry", code="renewal_d7", anchor="renewal_deadline", offset_days=-7, label="7 ngày",
        legal_basis="NĐ 142/2020/NĐ-CP Đ.30.1")
    return digest.pk, document.pk


@pytest.mark.django_db(transaction=True)
def test_a_digest_document_from_before_the_move_still_resolves_its_digest():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE).loader.project_state(BEFORE).apps
    digest_id, document_id = _rows_before_the_move(old)

    _migrate(latest)

    document = Document.objects.get(pk=document_id)
    assert isinstance(document.subject, NoticeDigest) and document.subject.pk == digest_id
    assert NoticeDigest.objects.get(pk=digest_id).documents.get().pk == document_id
    assert set(ContentType.objects.filter(model__in=["notice", "noticedigest", "noticestage",
                                                     "historicalnoticestage"]).values_list("app_label", flat=True)) \
        == {"certificates"}
    assert NoticeStage.objects.get(code="renewal_d7").anchor == "action_deadline"
    assert NoticeDigest._meta.db_table == "certificates_noticedigest"
