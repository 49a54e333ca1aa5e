"""Every message the API answers is Vietnamese for `Accept-Language: vi`, English for `en` (issue 8, point 6).

Two nets:
- the catalogue: every message our code marks for translation has a Vietnamese entry in locale/vi, none fuzzy,
  none obsolete; libraries' messages that our API can return and that the libraries do not translate into
  Vietnamese themselves are listed in config/library_messages.py, so they are in the catalogue too;
- the answers: every error the suites can provoke (issue 7's input regressions, the fuzz's bodies, 401, 403,
  404, 405, 415, 429, a refused licence filing) is asked in both languages, and each message must be Vietnamese.

How a message is judged Vietnamese (`english_messages`): every string in the JSON answer that contains a letter
must (1) contain a letter only Vietnamese spelling uses here (đ, or a vowel with a breve, circumflex, horn or
tone mark: an English sentence has none, and nearly every Vietnamese sentence has several: "không", "được",
"phải"), and (2) differ from the string at the same place in the `Accept-Language: en` answer. (2) catches an
English sentence that merely echoes Vietnamese input ("Nguyễn" in a name): the echo is the same in both
languages, the sentence around it is not; it also proves the English answer is English and not Vietnamese
served to everyone. A string without a word of two letters (a number, a date, an ISO timestamp) is not a
message and is not judged.
"""

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import ScopedRateThrottle

from tests.security.conftest import World, client_for
from tests.security.test_input_regressions import CASES, Case, _fill
from tests.security.test_json_fuzz import _bodies, _url, _write_operations

ROOT = Path(__file__).resolve().parent.parent.parent
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
# Vietnamese diacritics (NFD): grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
_VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031b", "\u0323"}
# A message has a word: two letters in a row (an ISO timestamp's lone "T" is not one).
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_vietnamese(text: str) -> bool:
    if "đ" in text or "Đ" in text:
        return True
    return any(mark in _VIETNAMESE_MARKS for mark in unicodedata.normalize("NFD", text))


def _strings(value, path=()):
    """(path, text) of every string in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def english_messages(vi_answer, en_answer) -> list[str]:
    """The messages of the vi answer that are not Vietnamese (see the module's docstring)."""
    english = dict(_strings(en_answer))
    return [f"{'/'.join(map(str, path))}: {text!r} (en: {english.get(path)!r})"
            for path, text in _strings(vi_answer)
            if _WORD.search(text) and (not is_vietnamese(text) or english.get(path) == text)]


def _ask(client, method: str, url: str, body, content_type: str, language: str):
    kwargs = {"HTTP_ACCEPT_LANGUAGE": language, "HTTP_ACCEPT": "application/json"}
    if body is not None:
        kwargs.update(data=body if isinstance(body, bytes | str) else json.dumps(body), content_type=content_type)
    return getattr(client, method)(url, **kwargs)


def _both(client, method: str, url: str, body=None, content_type: str = "application/json") -> list[str]:
    """Ask in Vietnamese, then in English; what is wrong with the Vietnamese answer (empty: nothing)."""
    vi = _ask(client, method, url, body, content_type, "vi")
    en = _ask(client, method, url, body, content_type, "en")
    if not vi.get("Content-Type", "").startswith("application/json"):
        return [f"{method.upper()} {url}: {vi.status_code} is not JSON"]
    if vi.status_code < 400:
        return []
    problems = english_messages(vi.json(), en.json())
    return [f"{method.upper()} {url} {str(body)[:60]!r} -> {vi.status_code}: {problem}" for problem in problems]


# --- (a) the catalogue ------------------------------------------------------------------------------------------

def test_the_catalogue_has_no_untranslated_fuzzy_or_obsolete_entry():
    po = polib.pofile(str(PO))

    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    obsolete = [entry.msgid for entry in po.obsolete_entries()]

    assert (untranslated, fuzzy, obsolete) == ([], [], [])


def _extracted_msgids() -> set[str]:
    """What makemessages would extract from our code (xgettext with Django's keywords), without writing locale/."""
    sources = sorted(str(path.relative_to(ROOT)) for folder in ("config", "registry", "certificates", "workers",
                                                               "inspections", "web")
                     for path in (ROOT / folder).rglob("*.py"))
    keywords = ["gettext_noop", "gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "npgettext:1c,2,3",
                "pgettext_lazy:1c,2", "npgettext_lazy:1c,2,3"]
    pot = subprocess.run(["xgettext", "--language=Python", "--from-code=UTF-8", "--output=-",
                          *(f"--keyword={keyword}" for keyword in keywords), *sources],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return {entry.msgid for entry in polib.pofile(pot) if entry.msgid}


def test_every_message_of_our_code_is_in_the_catalogue_and_compiled():
    po = polib.pofile(str(PO))
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    translated = {entry.msgid for entry in po.translated_entries()}
    compiled = {entry.msgid: entry.msgstr for entry in mo}

    missing = sorted(_extracted_msgids() - translated)
    stale = sorted(entry.msgid for entry in po.translated_entries() if compiled.get(entry.msgid) != entry.msgstr)

    assert missing == [], "run makemessages, add these to locale/translate_vi.py, run it, then compilemessages"
    assert stale == [], "the .mo is older than the .po: run compilemessages"


# --- (b) the answers ----------------------------------------------------------------------------------------------

def _case_id(case: Case) -> str:
    return str(case)


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_input_regressions_answer_in_vietnamese(case: Case, world: World):
    client = client_for(getattr(world, case.role) if case.role else None)
    body = case.body if isinstance(case.body, str) else _fill(case.body, world)

    problems = _both(client, case.method, _fill(case.url, world), body)

    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "properties"), _write_operations(), ids=lambda v: str(v)[:40])
def test_hostile_bodies_answer_in_vietnamese(method, path, properties, world: World):
    client = client_for(world.officer)
    url = _url(path, world)
    problems = []

    for body, content_type in _bodies(properties):
        cache.clear()  # the token route's throttle would answer 429 to most bodies, hiding their own messages
        problems += _both(client, method, url, body.encode("utf-8", "surrogatepass"), content_type)

    assert not problems, "\n".join(dict.fromkeys(problems))


def _status_cases(world: World) -> list[tuple]:
    """(who, method, url, body, content type, expected status) for the answers that are not about a field."""
    organization = {"name": "Công ty A", "tax_code": "0100109106", "address": "Số 1", "province": "Quảng Trị",
                    "kind": "business"}
    instrument = world.instrument.pk
    return [
        (None, "get", "/api/v1/instruments/", None, "", 401),
        ("bad-token", "get", "/api/v1/instruments/", None, "", 401),
        ("business", "post", "/api/v1/organizations/", organization, "application/json", 403),
        ("business", "post", "/api/v1/documents/1/revoke/", {"reason": "x"}, "application/json", 404),
        ("officer", "get", "/api/v1/instruments/987654/", None, "", 404),
        ("officer", "get", "/api/v1/radiation-licenses/987654/", None, "", 404),
        ("officer", "get", "/api/v1/no-such-route/", None, "", 404),
        ("technician", "post", "/api/v1/verifications/", {"instrument": 987654, "kind": "periodic",
                                                          "performed_on": "2026-01-05", "result": "fail"},
         "application/json", 404),
        ("officer", "delete", f"/api/v1/instruments/{instrument}/", None, "", 405),
        ("officer", "put", "/api/v1/organizations/", organization, "application/json", 405),
        ("officer", "post", "/api/v1/organizations/", "<a>xml</a>", "application/xml", 415),
        ("officer", "get", "/api/v1/instruments/?ordering=nonsense&page=99", None, "", 404),
        ("officer", "get", "/api/v1/instruments/?page=abc", None, "", 404),
        ("officer", "get", "/api/v1/verifications/?performed_on_after=yesterday", None, "", 400),
        ("officer", "get", "/api/v1/instruments/?owner_id=abc", None, "", 400),
        ("officer", "post", "/api/v1/organizations/", {**organization, "tax_code": "0100109107"}, "application/json",
         400),
        ("officer", "post", "/api/v1/organizations/", {**organization, "kind": "nonsense", "name": ""},
         "application/json", 400),
        (None, "post", "/api/v1/auth/token/", {"username": "nobody", "password": "wrong"}, "application/json", 400),
        (None, "post", "/api/v1/auth/token/", {}, "application/json", 400),
    ]


@pytest.mark.django_db
def test_401_403_404_405_415_answer_in_vietnamese(world: World):
    problems = []

    for who, method, url, body, content_type, expected in _status_cases(world):
        if who == "bad-token":
            client = client_for()
            client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef")
        else:
            client = client_for(getattr(world, who) if who else None)
        answer = _ask(client, method, url, body, content_type or "application/json", "vi")
        if answer.status_code != expected:
            problems.append(f"{method.upper()} {url}: expected {expected}, got {answer.status_code}")
        problems += _both(client, method, url, body, content_type or "application/json")

    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_404_never_names_a_model(world: World):
    client = client_for(world.officer)

    answers = [client.get(url, HTTP_ACCEPT_LANGUAGE=language).json()
               for url in ("/api/v1/instruments/987654/", "/api/v1/license-applications/987654/")
               for language in ("vi", "en")]

    assert not [answer for answer in answers if "Instrument" in str(answer) or "Application" in str(answer)]


@pytest.mark.django_db
def test_throttled_and_locked_out_answers_are_vietnamese(world: World, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "public_verify", "1/minute")
    client = client_for()
    client.get("/api/v1/verify/some-token")
    login = {"username": world.officer.username, "password": "wrong"}
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        client.post("/api/v1/auth/token/", login, format="json")

    throttled = _ask(client, "get", "/api/v1/verify/some-token", None, "", "vi")
    locked = _ask(client, "post", "/api/v1/auth/token/", login, "application/json", "vi")
    problems = _both(client, "get", "/api/v1/verify/some-token") + _both(client, "post", "/api/v1/auth/token/",
                                                                         login)

    assert (throttled.status_code, locked.status_code) == (429, 429)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_refused_licence_filing_answers_in_vietnamese(world: World):
    stale = world.hospital
    stale.ct.verifications.all().delete()  # the CT has no passing verification: one check fails
    client = client_for(world.business)
    payload = {"kind": "new", "devices": [stale.ct.pk], "safety_officer": stale.safety_officer.pk,
               "dosimetry_provider": "Viện KH&KT hạt nhân", "dosimetry_contract_number": "HĐ-2026/1"}

    problems = _both(client, "post", "/api/v1/license-applications/", payload)

    assert not problems, "\n".join(problems)
