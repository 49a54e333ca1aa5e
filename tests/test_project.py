"""Project-wide promises: health, production settings, the admin, history, the catalogue."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from registry.models import Instrument, InstrumentType, InstrumentTypeRevision
from registry.services import verification_record
from tests.conftest import producer_broker
from tests.factories import InstrumentFactory
from workers.heartbeat import heartbeat_record

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_ENV": "production", "SECRET_KEY": "x" * 64 + "-not-a-real-secret-only-for-the-check",
    "ALLOWED_HOSTS": "kiemdinh.example.gov.vn", "PUBLIC_BASE_URL": "https://kiemdinh.example.gov.vn",
    "DATABASE_URL": "postgres://registry@127.0.0.1:5432/registry", "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "DOCUMENT_SIGNING_PASSPHRASE": "not-a-real-passphrase-only-for-the-check",
    "DOCUMENT_SIGNING_ROOT_CERT": "/nonexistent/province-ca.pem",  # a real root where the deploy check reads it
}


def production_root(directory: Path) -> Path:
    """A root certificate in PEM, as the province's CA would give (the deploy check reads it)."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "Province CA (test)")])
    now = datetime.now(UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(1).not_valid_before(now).not_valid_after(now + timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .sign(key, hashes.SHA256()))
    path = directory / "province-ca.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "CI")}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_in_production_settings(tmp_path):
    env = {**PRODUCTION_ENV, "DOCUMENT_SIGNING_ROOT_CERT": str(production_root(tmp_path))}

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "PUBLIC_BASE_URL", "ALLOWED_HOSTS",
                                     "DOCUMENT_SIGNING_PASSPHRASE", "DOCUMENT_SIGNING_ROOT_CERT"])
def test_production_refuses_to_start_without_a_required_value(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.services
@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_and_the_real_broker_answer(client):
    heartbeat_record(hostname="celery@elsewhere", pid=1)  # a live worker: only the database and broker are judged

    response = client.get("/healthz")

    body = response.json()
    assert (body["database"], body["broker"]) == ("ok", "ok")
    assert response.status_code == 200 and body["reasons"] == []


@pytest.mark.django_db
def test_healthz_says_the_broker_is_down_when_nothing_listens_on_its_port(client, free_port):
    heartbeat_record(hostname="celery@elsewhere", pid=1)

    with producer_broker(f"redis://127.0.0.1:{free_port}/0"):
        response = client.get("/healthz")

    body = response.json()
    assert response.status_code == 503 and body["status"] == "degraded"
    assert body["database"] == "ok" and body["broker"].startswith("error: ")
    assert body["reasons"] == [f"broker: {body['broker']}"]


@pytest.mark.django_db
def test_officer_uses_the_admin_and_others_cannot(client, officer, technician):
    client.force_login(officer)
    assert client.get("/admin/registry/instrumenttyperevision/").status_code == 200
    assert client.get("/admin/certificates/document/").status_code == 200

    client.force_login(technician)
    assert client.get("/admin/registry/instrument/").status_code == 302


@pytest.mark.django_db
def test_changes_keep_a_history_of_who_did_what(client_for, technician, business_org):
    instrument = InstrumentFactory(owner=business_org, assigned_body=technician.organization)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                        performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")

    client_for(technician).post("/api/v1/verifications/", {}, format="json")  # refused: writes no history
    instrument.location = "Kho mới"
    instrument._history_user = technician
    instrument.save()

    records = Instrument.history.filter(id=instrument.pk).order_by("history_date")
    assert [r.history_type for r in records] == ["+", "~"]  # registered, moved (its status is the verification's)
    assert records.last().history_user == technician and records.last().location == "Kho mới"
    assert instrument.verifications.get().history.count() == 1


@pytest.mark.django_db
def test_catalogue_loads_every_group2_row_with_its_legal_basis_and_keeps_officer_edits(catalog):
    data = json.loads((ROOT / "registry/catalog/group2_instrument_types.json").read_text(encoding="utf-8"))
    ev = InstrumentTypeRevision.objects.get(instrument_type__code="EV_CHARGER_AC_CAR")
    ev.type_approval = True  # an officer confirmed it
    ev.save()

    call_command("load_catalog")

    assert InstrumentType.objects.count() == len(data["types"]) == 89
    assert not InstrumentTypeRevision.objects.filter(legal_basis="").exists()
    assert InstrumentTypeRevision.objects.get(pk=ev.pk).type_approval is True
    taxi = InstrumentType.objects.get(code="TAXIMETER").revisions.order_by("-in_force_from").first()
    assert (taxi.verification_cycle_months, taxi.procedure_confirmed) == (18, False)
    kwh = InstrumentType.objects.get(code="KWH_1P_ELECTRONIC").revisions.first()
    assert kwh.verification_cycle_months == 72 and kwh.cross_check is True


@pytest.mark.django_db
def test_createsuperuser_makes_an_officer_who_can_use_the_api(api_client, monkeypatch):
    from registry.models import User

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-officer-pass")
    call_command("createsuperuser", interactive=False, username="chief", email="chief@example.vn")

    chief = User.objects.get(username="chief")
    token = api_client.post("/api/v1/auth/token/", {"username": "chief", "password": "s3cret-officer-pass"}).json()
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token['token']}")
    assert (chief.role, chief.is_staff) == ("officer", True)
    assert api_client.get("/api/v1/users/").json()["count"] == 1
