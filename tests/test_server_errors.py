"""Defect 8 of issue 7: a server error shows no traceback to anyone, the API's 500 is JSON in every mode,
the embedded default (`make run`) runs with DEBUG off and still serves its static files, and production
refuses DEBUG."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_project import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.urls("tests.boom_urls")


@pytest.fixture
def anonymous(client):
    client.raise_request_exception = False  # answer as the server would, instead of re-raising in the test
    return client


@pytest.mark.parametrize("debug", [True, False])
def test_an_unexpected_api_error_is_a_json_500_without_details(anonymous, settings, debug):
    settings.DEBUG = debug

    response = anonymous.get("/api/v1/boom/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}
    assert b"secret detail" not in response.content and b"Traceback" not in response.content


def test_an_unexpected_page_error_is_the_sites_page_without_details(anonymous, settings):
    settings.DEBUG = False

    response = anonymous.get("/boom/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert b"secret detail" not in response.content and b"Traceback" not in response.content
    page = response.content.decode()
    assert "<title>Lỗi máy chủ – " in page and len(page) < 6000  # the layout and a sentence, nothing more


def test_an_api_route_error_outside_drf_is_json_too(anonymous, settings):
    settings.DEBUG = False

    response = anonymous.get("/api/v1/boom-outside-drf/")

    assert response.status_code == 500
    assert set(json.loads(response.content)) == {"detail"} and b"secret detail" not in response.content


def test_unexpected_api_errors_are_still_logged_with_their_traceback(anonymous, caplog):
    anonymous.get("/api/v1/boom/")

    assert any(record.exc_info and "secret detail" in str(record.exc_info[1]) for record in caplog.records)


def _settings_in_subprocess(code: str, env: dict) -> subprocess.CompletedProcess:
    # The environment of `make run`: none of the variables a developer might have set.
    clean = {k: v for k, v in os.environ.items()
             if k not in ("DEBUG", "DJANGO_ENV", "DATABASE_URL", "CELERY_BROKER_URL", "ALLOWED_HOSTS", "CI")}
    script = "import django; django.setup(); from django.conf import settings\n" + code
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env})


def test_make_run_settings_have_debug_off_and_serve_the_static_files_of_the_admin_swagger_and_pages(tmp_path):
    result = _settings_in_subprocess(
        "from django.test import Client\n"
        "client = Client()\n"
        "print(settings.DEBUG)\n"
        "for url in ('/static/admin/css/base.css', '/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css',"
        " '/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js', '/static/web/site.css',"
        " '/static/web/htmx.min.js'):\n"
        "    response = client.get(url, HTTP_HOST='127.0.0.1')\n"
        "    print(url, response.status_code)\n",
        env={"DATA_DIR": str(tmp_path)})

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "False"
    assert all(line.endswith(" 200") for line in lines[1:]), result.stdout


def test_make_run_settings_allow_this_machine_by_name():
    import socket

    result = _settings_in_subprocess("print(settings.ALLOWED_HOSTS)", env={})

    assert result.returncode == 0, result.stderr
    hosts = ast.literal_eval(result.stdout.strip())
    assert {"127.0.0.1", "localhost", socket.gethostname()} <= set(hosts)


def test_debug_can_still_be_asked_for_in_development():
    result = _settings_in_subprocess("print(settings.DEBUG)", env={"DEBUG": "true"})

    assert result.stdout.strip() == "True", result.stderr


def test_production_refuses_debug():
    allowed = _settings_in_subprocess("print(settings.DEBUG)", env=PRODUCTION_ENV)
    refused = _settings_in_subprocess("print(settings.DEBUG)", env={**PRODUCTION_ENV, "DEBUG": "true"})

    assert allowed.returncode == 0 and allowed.stdout.strip() == "False", allowed.stderr
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "DEBUG" in refused.stderr


def test_the_api_500_speaks_the_callers_language(anonymous):
    response = anonymous.get("/api/v1/boom/", HTTP_ACCEPT_LANGUAGE="vi")

    assert response.json()["detail"].startswith("Lỗi máy chủ")
