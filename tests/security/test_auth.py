"""Authentication and account hardening (issue 7, defects 2 to 5), through the real admin and API.

2. Only a superuser grants staff, superuser, groups, permissions or the officer role; no page shows a token.
3. Password guessing is limited per account and per client address, for the API and the admin login; the
   client address comes from X-Forwarded-For only when the request arrives from a proxy named in TRUSTED_PROXIES.
4. Weak passwords are refused when an officer creates a user.
5. API tokens expire, are hashed at rest, can be revoked (one or all) and die with a password change.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework.test import APIClient

from registry.models import User
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"  # the factories' password
TOKEN_URL = "/api/v1/auth/token/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    """The token endpoint's rate counters live in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def superuser(department):
    return UserFactory(role="officer", organization=department, is_superuser=True, username="chief")


def _admin_change_data(user: User, **overrides) -> dict:
    """The POST a browser sends from the admin's user change form, with every field of UserAdmin's form."""
    joined = timezone.localtime(user.date_joined)
    data = {
        "username": user.username, "first_name": "", "last_name": "", "email": user.email or "",
        "is_active": "on", "date_joined_0": joined.date().isoformat(), "date_joined_1": joined.strftime("%H:%M:%S"),
        "last_login_0": "", "last_login_1": "", "full_name": user.full_name, "role": user.role,
        "organization": user.organization_id or "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _token(username: str, password: str = PASSWORD, client: APIClient | None = None, **extra):
    return (client or APIClient()).post(TOKEN_URL, {"username": username, "password": password}, format="json",
                                        **extra)


def _client_with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


# --- 2. Privileges in the admin -------------------------------------------------------------------------------


def test_officer_cannot_make_themselves_superuser_in_the_admin(client, officer):
    client.force_login(officer)

    response = client.post(f"/admin/registry/user/{officer.pk}/change/", _admin_change_data(
        officer, full_name="Nguyễn Văn Minh (sửa)", is_staff="on", is_superuser="on"))

    assert response.status_code == 302, response.content[:2000]
    officer.refresh_from_db()
    assert officer.full_name == "Nguyễn Văn Minh (sửa)"  # the form was saved...
    assert officer.is_superuser is False  # ...without the privilege
    assert client.get("/admin/auth/group/").status_code == 403


def test_officer_cannot_give_a_technician_the_officer_role_in_the_admin(client, officer, technician):
    client.force_login(officer)

    response = client.post(f"/admin/registry/user/{technician.pk}/change/", _admin_change_data(
        technician, full_name="Lê Quang Huy (sửa)", role="officer", is_staff="on", is_superuser="on"))

    assert response.status_code == 302, response.content[:2000]
    technician.refresh_from_db()
    assert technician.full_name == "Lê Quang Huy (sửa)"
    assert (technician.role, technician.is_staff, technician.is_superuser) == ("technician", False, False)


def test_officer_cannot_create_an_officer_in_the_admin(client, officer, business_org):
    client.force_login(officer)

    client.post("/admin/registry/user/add/", {
        "username": "newofficer", "password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase",
        "usable_password": "true", "full_name": "Người mới", "role": "officer", "organization": ""})

    assert not User.objects.filter(username="newofficer", role="officer").exists()


def test_officer_cannot_change_a_superusers_password_in_the_admin(client, officer, superuser):
    client.force_login(officer)

    response = client.post(f"/admin/registry/user/{superuser.pk}/password/", {
        "password1": "taken-over-passphrase", "password2": "taken-over-passphrase", "usable_password": "true"})

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.check_password(PASSWORD)


def test_officer_cannot_edit_a_superuser_in_the_admin(client, officer, superuser):
    client.force_login(officer)

    client.post(f"/admin/registry/user/{superuser.pk}/change/", _admin_change_data(superuser, is_active=None))

    superuser.refresh_from_db()
    assert superuser.is_active is True


def test_officer_cannot_regain_superuser_by_reverting_their_history(client, officer):
    officer.is_superuser = True
    officer.save()
    was_superuser = officer.history.latest().history_id
    officer.is_superuser = False
    officer.save()
    client.force_login(officer)

    response = client.post(f"/admin/registry/user/{officer.pk}/history/{was_superuser}/", _admin_change_data(
        officer, full_name="Nguyễn Văn Minh (khôi phục)"))

    assert response.status_code == 302, response.content[:2000]
    officer.refresh_from_db()
    assert officer.full_name == "Nguyễn Văn Minh (khôi phục)"
    assert officer.is_superuser is False


def test_superuser_grants_superuser_in_the_admin(client, superuser, officer):
    client.force_login(superuser)

    response = client.post(f"/admin/registry/user/{officer.pk}/change/", _admin_change_data(
        officer, is_staff="on", is_superuser="on"))

    assert response.status_code == 302, response.content[:2000]
    officer.refresh_from_db()
    assert officer.is_superuser is True


def test_officer_cannot_give_the_officer_role_through_the_api(client_for, officer, department):
    response = client_for(officer).post("/api/v1/users/", {
        "username": "officer2", "password": "a-long-unusual-passphrase", "full_name": "Cán bộ 2", "role": "officer",
        "organization": department.pk}, format="json")

    assert response.status_code == 403
    assert not User.objects.filter(username="officer2").exists()


def test_superuser_gives_the_officer_role_through_the_api(client_for, superuser, department):
    response = client_for(superuser).post("/api/v1/users/", {
        "username": "officer2", "password": "a-long-unusual-passphrase", "full_name": "Cán bộ 2", "role": "officer",
        "organization": department.pk}, format="json")

    assert response.status_code == 201, response.json()
    assert User.objects.get(username="officer2").is_staff is True


def test_no_admin_page_shows_tokens(client, superuser, officer):
    assert _token(officer.username).status_code == 200
    client.force_login(superuser)

    index = client.get("/admin/")

    assert index.status_code == 200
    assert b"authtoken" not in index.content and b"/admin/knox/" not in index.content
    assert client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert client.get("/admin/authtoken/token/").status_code == 404
    assert client.get("/admin/knox/authtoken/").status_code == 404


# --- 3. Password guessing -------------------------------------------------------------------------------------


def _wrong(username: str, client: APIClient | None = None, **extra):
    return _token(username, "not-the-password", client=client, **extra)


def test_rotating_x_forwarded_for_gets_no_more_guesses(officer, settings):
    client = APIClient()

    answers = [_wrong(f"guess{n}", client=client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
               for n in range(settings.AXES_FAILURE_LIMIT + 3)]

    # The guess that reaches the limit is checked, and already answered with the lock.
    assert answers[:settings.AXES_FAILURE_LIMIT - 1] == [400] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(answers[settings.AXES_FAILURE_LIMIT - 1:]) == {429}
    assert _token(officer.username, HTTP_X_FORWARDED_FOR="203.0.113.77").status_code == 429


def test_rotating_x_forwarded_for_does_not_escape_the_rate_limit(officer, settings):
    answers = [_token(officer.username, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(21)]

    assert answers[:20] == [200] * 20
    assert answers[20] == 429


def test_wrong_passwords_lock_the_account_for_the_right_one(officer, settings):
    answers = [_wrong(officer.username, REMOTE_ADDR="192.0.2.10").status_code
               for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert answers == [400] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    response = _token(officer.username, REMOTE_ADDR="192.0.2.10", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    body = response.json()
    assert "locked" in body["detail"].lower()
    assert parse_datetime(body["locked_until"]) > timezone.now() + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES - 1)


def test_account_lock_holds_from_another_address(officer, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _wrong(officer.username, REMOTE_ADDR=f"192.0.2.{n + 1}")

    response = _token(officer.username, REMOTE_ADDR="198.51.100.200")

    assert response.status_code == 429
    assert "token" not in response.json()


def test_lock_is_answered_in_the_callers_language(officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _wrong(officer.username)

    response = _token(officer.username, HTTP_ACCEPT_LANGUAGE="vi")

    assert response.status_code == 429
    assert "khóa" in response.json()["detail"]


def test_lock_ends_after_the_cool_off(officer, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        _wrong(officer.username)
    assert _token(officer.username).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1))

    assert _token(officer.username).status_code == 200


def test_admin_login_locks_the_account(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = client.post("/admin/login/", {"username": officer.username, "password": "not-the-password"})
        assert wrong.status_code == 200  # the form again, with its error
    locked = client.post("/admin/login/", {"username": officer.username, "password": "not-the-password"})
    assert locked.status_code == 429

    response = client.post("/admin/login/?next=/admin/", {"username": officer.username, "password": PASSWORD},
                           HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert "text/html" in response["Content-Type"]
    assert b"logging in is locked until" in response.content
    assert client.get("/admin/").status_code == 302  # not logged in: sent to the login page


def test_admin_and_api_share_the_account_lock(client, officer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": officer.username, "password": "not-the-password"},
                    REMOTE_ADDR="192.0.2.50")

    assert _token(officer.username, REMOTE_ADDR="198.51.100.9").status_code == 429


def test_trusted_proxy_forwards_the_client_address(officer, settings):
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXIES = ["10.0.0.9"]

    _wrong("someone", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.9")
    _wrong("someone-else", REMOTE_ADDR="192.0.2.66", HTTP_X_FORWARDED_FOR="203.0.113.6")

    assert AccessAttempt.objects.get(username="someone").ip_address == "203.0.113.5"
    assert AccessAttempt.objects.get(username="someone-else").ip_address == "192.0.2.66"


def test_trusted_proxy_gives_each_client_its_own_rate_limit(officer, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.9"]
    behind_proxy = {"REMOTE_ADDR": "10.0.0.9"}

    first = [_token(officer.username, HTTP_X_FORWARDED_FOR="203.0.113.5", **behind_proxy).status_code
             for _ in range(21)]

    assert first[20] == 429
    assert _token(officer.username, HTTP_X_FORWARDED_FOR="203.0.113.6", **behind_proxy).status_code == 200


# --- 4. Weak passwords ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["12345678", "password", "nguyenvanan", "nguyenvanan1"])
def test_weak_password_is_refused_on_user_create(client_for, officer, business_org, password):
    response = client_for(officer).post("/api/v1/users/", {
        "username": "nguyenvanan", "password": password, "full_name": "Nguyễn Văn An", "role": "business",
        "organization": business_org.pk}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["password"]
    assert not User.objects.filter(username="nguyenvanan").exists()


# --- 5. Tokens ------------------------------------------------------------------------------------------------


def test_token_login_answers_a_token_with_its_expiry(officer, settings):
    before = timezone.now()

    response = _token(officer.username)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expiry"}
    lifetime = parse_datetime(body["expiry"]) - before
    assert timedelta(hours=settings.TOKEN_TTL_HOURS) - timedelta(minutes=1) < lifetime
    assert lifetime <= timedelta(hours=settings.TOKEN_TTL_HOURS) + timedelta(minutes=1)
    assert _client_with(body["token"]).get("/api/v1/instruments/").status_code == 200


def test_token_is_stored_hashed(officer):
    from django.db import connection

    token = _token(officer.username).json()["token"]

    with connection.cursor() as cursor:
        cursor.execute("SELECT digest, token_key FROM knox_authtoken")
        rows = cursor.fetchall()
    assert len(rows) == 1
    digest, key = rows[0]
    assert token not in digest and len(key) < len(token) // 2


def test_expired_token_is_refused(officer):
    from knox.models import AuthToken

    token = _token(officer.username).json()["token"]
    AuthToken.objects.update(expiry=timezone.now() - timedelta(seconds=1))

    assert _client_with(token).get("/api/v1/instruments/").status_code == 401


def test_logout_revokes_this_token_only(officer):
    laptop, phone = _token(officer.username).json()["token"], _token(officer.username).json()["token"]

    assert _client_with(laptop).post("/api/v1/auth/logout/").status_code == 204

    assert _client_with(laptop).get("/api/v1/instruments/").status_code == 401
    assert _client_with(phone).get("/api/v1/instruments/").status_code == 200


def test_logout_all_revokes_every_token_of_the_user(officer, technician):
    laptop, phone = _token(officer.username).json()["token"], _token(officer.username).json()["token"]
    other = _token(technician.username).json()["token"]

    assert _client_with(laptop).post("/api/v1/auth/logout-all/").status_code == 204

    assert _client_with(laptop).get("/api/v1/instruments/").status_code == 401
    assert _client_with(phone).get("/api/v1/instruments/").status_code == 401
    assert _client_with(other).get("/api/v1/instruments/").status_code == 200


def test_logout_needs_a_token(api_client):
    assert api_client.post("/api/v1/auth/logout/").status_code == 401
    assert api_client.post("/api/v1/auth/logout-all/").status_code == 401


def test_password_change_cuts_every_token(officer):
    token = _token(officer.username).json()["token"]

    officer.set_password("a-new-long-passphrase")
    officer.save()

    assert _client_with(token).get("/api/v1/instruments/").status_code == 401


def test_disabling_the_password_cuts_every_token(officer):
    token = _token(officer.username).json()["token"]

    officer.set_unusable_password()
    officer.save()

    assert _client_with(token).get("/api/v1/instruments/").status_code == 401


def test_saving_a_user_without_a_new_password_keeps_the_tokens(officer):
    token = _token(officer.username).json()["token"]

    officer.full_name = "Nguyễn Văn Minh"
    officer.save()

    assert _client_with(token).get("/api/v1/instruments/").status_code == 200


def test_password_change_in_the_admin_cuts_every_token(client, superuser, technician):
    token = _token(technician.username).json()["token"]
    client.force_login(superuser)

    response = client.post(f"/admin/registry/user/{technician.pk}/password/", {
        "password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase", "usable_password": "true"})

    assert response.status_code == 302
    assert _client_with(token).get("/api/v1/instruments/").status_code == 401


def test_token_endpoints_are_documented(api_client):
    schema = api_client.get("/api/schema/", {"format": "json"}).json()

    paths = schema["paths"]
    token_answer = paths["/api/v1/auth/token/"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert token_answer["$ref"].endswith("/AuthToken")
    assert set(schema["components"]["schemas"]["AuthToken"]["properties"]) == {"token", "expiry"}
    assert "429" in paths["/api/v1/auth/token/"]["post"]["responses"]
    assert "204" in paths["/api/v1/auth/logout/"]["post"]["responses"]
    assert "204" in paths["/api/v1/auth/logout-all/"]["post"]["responses"]


def test_settings_hashers_are_djangos_slow_default():
    """The tests hash with MD5 for speed (tests/conftest.py); the service itself keeps Django's PBKDF2 default."""
    from django.conf import global_settings

    from config import settings as project_settings

    hashers = getattr(project_settings, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert hashers[0] == "django.contrib.auth.hashers.PBKDF2PasswordHasher"
