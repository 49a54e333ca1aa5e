"""Production signs with real keys: no demo keys, a passphrase from the environment, a readable root."""

from tests.test_project import PRODUCTION_ENV, _manage, production_root


def test_production_refuses_demo_keys(tmp_path):
    env = {**PRODUCTION_ENV, "DOCUMENT_SIGNING_ROOT_CERT": str(production_root(tmp_path)),
           "DOCUMENT_SIGNING_DEMO_KEYS": "true"}

    result = _manage("check", env=env)

    assert result.returncode != 0 and "DOCUMENT_SIGNING_DEMO_KEYS must be off" in result.stderr


def test_the_deploy_check_names_a_root_certificate_it_cannot_read():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode != 0
    assert "signing.E002" in result.stderr and "/nonexistent/province-ca.pem" in result.stderr


def test_the_deploy_check_warns_of_a_short_passphrase(tmp_path):
    env = {**PRODUCTION_ENV, "DOCUMENT_SIGNING_ROOT_CERT": str(production_root(tmp_path)),
           "DOCUMENT_SIGNING_PASSPHRASE": "short"}

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0 and "signing.W001" in result.stderr
