"""The pages' rules through Django's test client (fast; the browser tests show the same pages in Chromium): the
language, the public searches and what they never show, their rate limit, the gates, the two-factor sign-in, the
lock after wrong passwords."""

import time
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import path
from django.utils import timezone
from django_otp.oath import totp
from rest_framework.throttling import ScopedRateThrottle

from certificates.services import document_render
from registry.services import totp_enrolment_start, verification_record
from tests.factories import InstrumentFactory, UserFactory
from web.sections import gate_patterns

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
OWNER = "Công ty TNHH Xăng dầu Sông Hồng"  # tests/conftest.py's business_org
LOCATION = "Cửa hàng xăng dầu số 7, Bắc Hà"


@pytest.fixture
def certificate(technician, business_org):
    instrument = InstrumentFactory(owner=business_org, serial_number="TK-2291-01", location=LOCATION,
                                   manufacturer="Tatsuno Vietnam", assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 10:2017", result="pass")
    return document_render(document_id=verification.documents.get().pk)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


# --- Vietnamese first --------------------------------------------------------------------------------------------


def test_pages_are_vietnamese_whatever_the_browser_prefers(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="vi">' in page and "Tra cứu văn bản và phương tiện đo" in page


def test_the_language_chosen_is_kept_in_a_cookie_for_the_next_pages(client):
    chosen = client.post("/i18n/setlang/", {"language": "en", "next": "/sign-in/"})

    assert chosen.status_code == 302 and chosen["Location"] == "/sign-in/"
    assert chosen.cookies["django_language"].value == "en"
    assert chosen.cookies["django_language"]["max-age"] >= 365 * 24 * 3600
    assert '<html lang="en">' in client.get("/").content.decode()


def test_the_api_still_answers_in_the_callers_accept_language(client):
    answer = client.get("/api/v1/instruments/", HTTP_ACCEPT_LANGUAGE="en")

    assert answer.status_code == 401 and answer.json()["detail"] == "Authentication credentials were not provided."


# --- the public searches -------------------------------------------------------------------------------------------


def test_a_number_lists_its_documents_with_public_facts_only(client, certificate):
    page = client.get("/", {"q": f"  {certificate.number.lower()} "}).content.decode()

    assert certificate.number in page and certificate.issuer.name in page
    assert certificate.valid_until.strftime("%d/%m/%Y") in page and "Còn hiệu lực" in page
    assert OWNER not in page and certificate.subject_label not in page and certificate.token not in page


def test_a_number_shared_by_two_issuers_lists_both(client, certificate, business_org):
    other_body = UserFactory(role="technician", organization__kind="verification_body",
                             organization__name="Trung tâm Đo lường Quảng Bình")
    instrument = InstrumentFactory(owner=business_org, assigned_body=other_body.organization)
    verification = verification_record(actor=other_body, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 10:2017", result="pass")
    other = document_render(document_id=verification.documents.get().pk)
    assert other.number == certificate.number  # numbered per issuer and year

    page = client.get("/", {"q": certificate.number}).content.decode()

    assert "2 văn bản mang số này" in page and "Trung tâm Đo lường Quảng Bình" in page


@pytest.mark.parametrize("typed", ["token", "address"])
def test_a_qr_codes_token_or_address_opens_the_documents_verification_page(client, certificate, settings, typed):
    text = certificate.token if typed == "token" else f"{settings.PUBLIC_BASE_URL}{certificate.verify_path}"

    answer = client.get("/", {"q": text})

    assert answer.status_code == 302 and answer["Location"] == certificate.verify_path


def test_a_pending_documents_token_finds_nothing(client, technician, business_org):
    instrument = InstrumentFactory(owner=business_org, assigned_body=technician.organization)
    verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                       performed_on=timezone.localdate(), procedure="ĐLVN 10:2017", result="pass")

    answer = client.get("/", {"q": verification.documents.get().token})

    assert answer.status_code == 200 and "Không tìm thấy văn bản" in answer.content.decode()


def test_a_serial_shows_the_type_validity_and_status_and_nothing_of_the_owner(client, certificate):
    page = client.get("/", {"serial": "tk-2291-01"}).content.decode()

    assert "1 phương tiện đo đã đăng ký mang số này" in page and "Cân điện tử" in page
    assert certificate.valid_until.strftime("%d/%m/%Y") in page and "Còn hiệu lực" in page
    assert not [text for text in (OWNER, LOCATION, "Tatsuno", "TSC-60") if text in page]


def test_a_failed_instrument_reads_as_a_failed_verification_not_as_an_error(client, technician, business_org):
    instrument = InstrumentFactory(owner=business_org, serial_number="SN-FAIL", assigned_body=technician.organization)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                        performed_on=timezone.localdate(), procedure="ĐLVN 10:2017", result="fail")

    page = client.get("/", {"serial": "SN-FAIL"}).content.decode()

    assert "Không đạt" in page and "Lỗi" not in page


def test_a_blank_serial_is_refused_beside_its_field(client):
    page = client.get("/", {"serial": "\u200b "}).content.decode()

    assert 'id="serial_serial_error"' in page and 'aria-invalid="true"' in page


def test_public_searches_share_the_apis_verify_budget(client, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "public_verify", "2/minute")

    assert client.get("/api/v1/verify/no-such-token").status_code == 404
    assert client.get("/", {"serial": "X1"}).status_code == 200
    refused = client.get("/", {"q": "KĐ-2026/000001"})

    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Tra cứu quá nhiều lần" in refused.content.decode()
    assert client.get("/").status_code == 200  # the page without a search is not counted


# --- the gates -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["business", "technician", "officer", "inspector"])
def test_anonymous_visitors_of_a_role_page_are_sent_to_sign_in_and_back(client, role):
    answer = client.get(f"/{role}/")

    assert answer.status_code == 302 and answer["Location"] == f"/sign-in/?next=/{role}/"


@pytest.mark.parametrize("role", ["business", "technician"])
def test_another_roles_pages_are_404(client, role):
    user = UserFactory(role=role, organization__kind="business" if role == "business" else "verification_body")
    client.force_login(user)

    assert client.get(f"/{role}/").status_code == 200
    for other in {"business", "technician", "officer", "inspector"} - {role}:
        assert client.get(f"/{other}/").status_code == 404


def test_an_officers_session_without_a_code_is_sent_to_sign_in(client, officer):
    client.force_login(officer)  # as the admin's login does: the password only

    assert client.get("/officer/")["Location"] == "/sign-in/?next=/officer/"
    assert client.get("/sign-in/").status_code == 200  # the sign-in page asks again instead of sending it back


def test_the_gate_wraps_every_view_of_a_sections_patterns():
    def view(request):
        return HttpResponse("ok")

    patterns = gate_patterns([path("a/", view), path("b/", view)], ("business",))
    factory = RequestFactory()

    def call(user, index=0):
        request = factory.get("/business/a/")
        request.user = user
        return patterns[index].callback(request)

    business = SimpleNamespace(is_authenticated=True, role="business", is_verified=lambda: False)
    technician = SimpleNamespace(is_authenticated=True, role="technician", is_verified=lambda: False)
    assert call(AnonymousUser()).status_code == 302
    assert call(business, 1).content == b"ok"
    with pytest.raises(Http404):
        call(technician)


# --- signing in ----------------------------------------------------------------------------------------------------


def _password(client, user, password=PASSWORD, **extra):
    return client.post("/sign-in/", {"username": user.username, "password": password}, **extra)


def test_a_business_signs_in_to_its_start_page(client, business_user):
    answer = _password(client, business_user)

    assert answer.status_code == 302 and answer["Location"] == "/start/"
    assert client.get("/start/")["Location"] == "/business/"
    assert business_user.organization.name in client.get("/business/").content.decode()


def test_sign_in_goes_back_to_the_page_asked_for_but_never_elsewhere(client, business_user):
    assert client.post("/sign-in/?next=/business/", {"username": business_user.username, "password": PASSWORD}
                       )["Location"] == "/business/"
    client.post("/sign-out/")
    assert client.post("/sign-in/?next=https://evil.example/", {"username": business_user.username,
                                                              "password": PASSWORD})["Location"] == "/start/"


def test_an_officers_password_alone_opens_no_session(client, officer):
    answer = _password(client, officer)

    assert answer["Location"] == "/sign-in/code/"
    assert "_auth_user_id" not in client.session
    assert client.get("/api/v1/users/").status_code == 401  # the session cannot reach the API either
    assert client.get("/officer/")["Location"] == "/sign-in/?next=/officer/"


def test_the_first_sign_in_sets_the_app_up_with_the_first_right_code(client, officer):
    _password(client, officer)
    page = client.get("/sign-in/code/").content.decode()
    device = officer.totpdevice_set.get()

    assert 'src="data:image/svg+xml' in page and not device.confirmed
    answer = client.post("/sign-in/code/", {"code": f"{totp(device.bin_key):06d}"})

    assert answer["Location"] == "/start/"
    assert client.get("/officer/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_code_is_good_once_and_wrong_codes_make_the_next_try_wait(client, inspector, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # the wait after one wrong code: a minute, whatever this machine's speed
    device = totp_enrolment_start(user=inspector)
    device.confirmed = True
    device.save()
    code = f"{totp(device.bin_key):06d}"
    _password(client, inspector)
    assert client.post("/sign-in/code/", {"code": code}).status_code == 302
    client.post("/sign-out/")

    _password(client, inspector)
    reused = client.post("/sign-in/code/", {"code": code}).content.decode()
    too_soon = client.post("/sign-in/code/", {"code": code}).content.decode()

    assert "Mã không đúng hoặc đã được dùng" in reused
    assert "hãy thử lại sau" in too_soon and 'id="id_code_error"' in too_soon
    assert "_auth_user_id" not in client.session


def test_the_code_must_follow_the_password_within_the_time_allowed(client, officer, settings):
    _password(client, officer)
    session = client.session
    session["web.sign_in.pending"]["at"] = time.time() - settings.TWO_FACTOR_PENDING_SECONDS - 1
    session.save()

    answer = client.get("/sign-in/code/")

    assert answer["Location"] == "/sign-in/"
    assert "trong vòng 5 phút sau mật khẩu" in client.get("/sign-in/").content.decode()


def test_wrong_passwords_lock_the_pages_the_api_and_the_admin_together(client, api_client, business_user, settings):
    answers = [_password(client, business_user, "wrong", REMOTE_ADDR="192.0.2.7").status_code
               for _ in range(settings.LOGIN_FAILURE_LIMIT)]

    locked = _password(client, business_user, REMOTE_ADDR="192.0.2.7")

    assert answers == [200] * (settings.LOGIN_FAILURE_LIMIT - 1) + [429]
    assert locked.status_code == 429 and "tạm khóa đăng nhập đến" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    token = api_client.post("/api/v1/auth/token/", {"username": business_user.username, "password": PASSWORD},
                            REMOTE_ADDR="198.51.100.3")
    assert token.status_code == 429


def test_the_api_tokens_still_come_from_the_password_alone(api_client, officer):
    answer = api_client.post("/api/v1/auth/token/", {"username": officer.username, "password": PASSWORD})

    assert answer.status_code == 200 and answer.json()["token"]


def test_signing_out_needs_a_post(client, business_user):
    client.force_login(business_user)

    assert client.get("/sign-out/").status_code == 405
    assert client.post("/sign-out/")["Location"] == "/"
    assert "_auth_user_id" not in client.session
