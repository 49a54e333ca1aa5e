"""Settings, read from the environment in this one place.

Defaults run on one machine with no servers (SQLite, Celery's filesystem broker, files on local disk).
`DATABASE_URL` and `CELERY_BROKER_URL` switch to PostgreSQL and Redis. With `DJANGO_ENV=production`
every value production needs must be set, or start-up stops with ImproperlyConfigured.
"""

import socket
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data")))

PRODUCTION = env_str("DJANGO_ENV", "development") == "production"


def _required(name: str, dev_default: str) -> str:
    value = env_str(name, "")
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set in production")
    return dev_default


SECRET_KEY = _required("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")

# --- DEBUG and hosts (issue 7, defect 8) ---
# DEBUG shows tracebacks and settings to whoever meets an error: off unless asked for (DEBUG=true), even in
# the embedded default, which a developer may show to a colleague on the network; never in production.
DEBUG = env_bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset DEBUG or set DEBUG=false)")
# `make run` answers on this machine's loopback and its host name; add its network addresses with ALLOWED_HOSTS.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else
                         f"127.0.0.1,localhost,[::1],testserver,{socket.gethostname()}")
# --- end DEBUG and hosts ---
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
# The public verification URL printed in QR codes; it must be the address citizens can reach.
PUBLIC_BASE_URL = _required("PUBLIC_BASE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    # API tokens hashed at rest, with a lifetime and sign-out (issue 7, defect 5); before registry, whose admin
    # unregisters knox's token admin.
    "knox",
    # Locks an account or an address after repeated failed logins, for the API and the admin (defect 3).
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "simple_history",
    # One-time codes from an authenticator app (TOTP) for officers and inspectors signing in to the pages (issue 10).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The hash-chained, append-only record of every write (issue 11, point 5); it hears the others' history.
    "audit",
    "registry",
    "certificates",
    "inspections",
    "workers",
    # The web pages (issue 10): views and templates over the apps' selectors and services; nothing imports it.
    "web",
]

MIDDLEWARE = [
    # First, so that everything after it (throttles, lockouts, logs) sees the client's address in REMOTE_ADDR.
    "config.client_address.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.RequestBodyLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Pages speak Vietnamese unless the visitor chose English (a cookie); Accept-Language is for API clients.
    "web.middleware.VietnameseFirstMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session confirmed a one-time code (officers and inspectors).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "config.middleware.DocumentedQueryParametersMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout answer (registry/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Web server, worker and beat share one SQLite file: wait for the writer instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "registry.User"
# The organisation every document and notice is issued by and to; `certificates` names it only through this.
ORGANIZATION_MODEL = "registry.Organization"
# django-axes' backend first: a locked account or address is refused before its password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Timestamps are stored in UTC; the dates the law counts are local dates in this zone (DESIGN.md §1).
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Outside production, serve the apps' static files (admin, Swagger UI) without collectstatic, DEBUG or not.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media-not-served/"
STORAGES = {
    "default": {"BACKEND": env_str("STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Request bodies (issue 7 defect 9): JSON and form fields up to 2.5 MB (Django's default, said here on purpose);
# a multipart upload (a scanned licence document) up to UPLOAD_MAX_BYTES. Larger bodies get a JSON 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

REST_FRAMEWORK = {
    # Bounded nesting, bounded size, no NUL or lone surrogate in any string: for every endpoint (issue 7 defect 7).
    "DEFAULT_PARSER_CLASSES": [
        "config.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "config.renderers.SafeJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Throttles key on REMOTE_ADDR, never on X-Forwarded-For: TrustedProxyMiddleware has already put the client's
    # address there when the request came through one of TRUSTED_PROXIES.
    "NUM_PROXIES": 0,
    "DEFAULT_THROTTLE_RATES": {
        "public_verify": env_str("PUBLIC_VERIFY_RATE", "120/minute"),
        "auth": env_str("AUTH_RATE", "20/minute"),
    },
}

# --- Logins and tokens (issue 7, defects 3 and 5) ---
# The addresses (or networks, e.g. 10.0.0.0/8) of our own reverse proxies. Only a request arriving from one of
# them has its X-Forwarded-For read; by default none, so the client is REMOTE_ADDR (config/client_address.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
# After this many failed logins within the lock-out time, the account, and the address they came from, are
# locked for that time, on the API and in the admin alike; every attempt while locked starts the time again.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
# REMOTE_ADDR only (TrustedProxyMiddleware has resolved it), the same address DRF's throttles use.
AXES_CLIENT_IP_CALLABLE = "config.client_address.remote_addr"
# A success must not wipe the failures: axes would delete every failure from that address too, so an attacker
# could log into their own account between guesses at someone else's.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "registry.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # no banner on every start of every process
# An API token lives this many hours (a working day by default), then the client logs in again.
TOKEN_TTL_HOURS = env_int("TOKEN_TTL_HOURS", 10)
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=TOKEN_TTL_HOURS),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",  # clients keep sending `Authorization: Token <token>` (DESIGN.md §3)
}

# --- The web pages (issue 10) ---
# Pages that need a signed-in user send the others to this page, which sends each back to their own start page.
LOGIN_URL = "web:sign-in"
LOGIN_REDIRECT_URL = "web:start"
# A form posted with an expired or missing CSRF token gets the site's page saying so, not Django's bare one.
CSRF_FAILURE_VIEW = "web.views.errors.csrf_failure"
# The language a visitor chose (Tiếng Việt / English) is remembered for a year in its own cookie.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
# The name an authenticator app shows beside the code (django-otp puts it in the otpauth:// address).
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Đo lường Quảng Trị")
# The admin never shows an existing authenticator's secret (nor its QR code): removing the device is how it is reset.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# After a password that is right, the one-time code must follow within this many seconds.
TWO_FACTOR_PENDING_SECONDS = env_int("TWO_FACTOR_PENDING_SECONDS", 300)

SPECTACULAR_SETTINGS = {
    "TITLE": "Metrology and inspection registry",
    "DESCRIPTION": (
        "The register of measuring instruments and their legal verifications, X-ray units and radiation work "
        "licences, and the documents issued for them; and the inspections' procedure: plan → case (check or "
        "inspection) → team, subjects → decision (open) → examined items and checklist findings → check record "
        "(5.BBKT) → violations → violation record (MBB01) → penalty decision (MQĐ02: fines within the range, "
        "deadlines in working days, the limitation) → payments → remedies closed by the registry's next passing "
        "verification → closed. The README's \"Inspections: the procedure, step by step\" says who does each step."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files served from our own static files: no CDN (closed networks, CSP, privacy).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation documents its error answers (400, 401, 403, 404, 409, 413, 415, 429) once, in one hook.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.schema.document_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "VerificationKindEnum": "registry.models.VerificationKind",
        "VerificationResultEnum": "registry.models.VerificationResult",
        "OrganizationKindEnum": "registry.models.OrganizationKind",
        "LegalFormEnum": "registry.models.LegalForm",
        "DocumentStatusEnum": "certificates.models.DocumentStatus",
        "XrayDeviceKindEnum": "registry.models.XrayDeviceKind",
        "XrayDeviceStatusEnum": "registry.models.XrayDeviceStatus",
        "LicenseApplicationKindEnum": "registry.models.LicenseApplicationKind",
        "LicenseApplicationStatusEnum": "registry.models.LicenseApplicationStatus",
        "RadiationLicenseStatusEnum": "registry.models.RadiationLicenseStatus",
        "LicenseListStatusEnum": "registry.api.radiation.filtersets.LICENSE_LIST_STATUSES",
        "DoseAlertKindEnum": "registry.models.DoseAlertKind",
        "InspectionKindEnum": "inspections.models.InspectionKind",
        "InspectionStatusEnum": "inspections.models.InspectionStatus",
        "ExaminedItemKindEnum": "inspections.models.ExaminedItemKind",
        "FindingResultEnum": "inspections.models.FindingResult",
        "RemedyKindEnum": "inspections.models.RemedyKind",
        "RemedyStatusEnum": "inspections.models.RemedyStatus",
        "DecisionDeadlineCaseEnum": "inspections.models.DecisionDeadlineCase",
    },
}

# Content-Security-Policy on every answer (issue 7 defect 13). Scripts only from our own static files: no inline
# script and no eval anywhere (Swagger UI is served by SpectacularSwaggerSplitView, whose set-up script is a
# file too). Inline styles stay allowed: Swagger UI and the admin set style attributes from their scripts, and
# styles cannot run code. Nothing may frame our pages, forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Throttle counters must be shared by every web process: Redis when CACHE_URL names it.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env_str("CACHE_URL", ""):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("CACHE_URL", "")}

# --- Celery (only workers/ reads these) ---
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://localhost/")
CELERY_BROKER_DATA_DIR = DATA_DIR / "broker"
CELERY_TASK_ALWAYS_EAGER = False
# An instrument's verification must be recorded even when the broker is down: publishing gives up
# quickly and the outbox sweeper enqueues the document later (DESIGN.md, document pipeline).
CELERY_PUBLISH_TIMEOUT_SECONDS = env_int("CELERY_PUBLISH_TIMEOUT_SECONDS", 2)
DOCUMENT_SWEEP_AFTER_SECONDS = env_int("DOCUMENT_SWEEP_AFTER_SECONDS", 60)

# --- Worker health and lost messages (issue 7, defect 11) ---
# A document enqueued this long ago and still pending lost its message (a broker restart, a worker killed
# mid-render): the sweeper enqueues it again. Minutes, fractions allowed; a duplicate message is harmless.
DOCUMENT_REQUEUE_AFTER_MINUTES = float(env_str("DOCUMENT_REQUEUE_AFTER_MINUTES", "5"))
# Each worker records a heartbeat this often (0: none); /healthz answers 503 when no worker's heartbeat is
# younger than WORKER_HEARTBEAT_STALE_SECONDS, or when a document has waited HEALTHZ_PENDING_MAX_MINUTES.
WORKER_HEARTBEAT_SECONDS = float(env_str("WORKER_HEARTBEAT_SECONDS", "15"))
WORKER_HEARTBEAT_STALE_SECONDS = float(env_str("WORKER_HEARTBEAT_STALE_SECONDS", "60"))
HEALTHZ_PENDING_MAX_MINUTES = float(env_str("HEALTHZ_PENDING_MAX_MINUTES", "10"))
# --- end worker health ---

# A digest's e-mail taken by a worker that then died is taken again after this many minutes.
DIGEST_EMAIL_CLAIM_MINUTES = env_int("DIGEST_EMAIL_CLAIM_MINUTES", 15)

# How long the answer to a POST sent with an Idempotency-Key is kept for its retries.
IDEMPOTENCY_KEY_HOURS = env_int("IDEMPOTENCY_KEY_HOURS", 24)

# --- E-mail: a file per message under DATA_DIR/mail by default; SMTP when EMAIL_HOST is set ---
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                        else "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sở Khoa học và Công nghệ <no-reply@localhost>")

# --- Signed documents (issue 11; SIGNING_DESIGN.md) ---
# Each issuer signs with its own key (certificates/signing/): PKCS#12 files under KEYS_DIR, encrypted with the
# passphrase, their certificates issued by ROOT_CERT (the province's CA in production). DEMO_KEYS creates, for an
# issuer that has no key, a key signed by a demo root made on first use (marked DEMO in both subjects): never in
# production, where keys are imported with `manage.py signing_keys rotate --pkcs12`.
_SIGNING_KEYS_DIR = Path(env_str("DOCUMENT_SIGNING_KEYS_DIR", str(DATA_DIR / "signing")))
DOCUMENT_SIGNING = {
    "KEYS_DIR": _SIGNING_KEYS_DIR,
    "ROOT_CERT": Path(_required("DOCUMENT_SIGNING_ROOT_CERT", str(_SIGNING_KEYS_DIR / "demo-root.pem"))),
    # An RFC 3161 timestamp authority; without one the signature carries the signing time only.
    "TSA_URL": env_str("TSA_URL", "") or None,
    "DEMO_KEYS": env_bool("DOCUMENT_SIGNING_DEMO_KEYS", not PRODUCTION),
    "PASSPHRASE": _required("DOCUMENT_SIGNING_PASSPHRASE", "dev-only-signing-passphrase-not-for-production"),
    # Keys on a PKCS#11 token (a key whose source is "pkcs11:token=...;object=..."): the vendor's module and the PIN.
    "PKCS11_MODULE": env_str("DOCUMENT_SIGNING_PKCS11_MODULE", "") or None,
    "PKCS11_PIN": env_str("DOCUMENT_SIGNING_PKCS11_PIN", ""),
}
# The kinds of organisation that issue documents (`manage.py signing_keys demo` gives each one a key): `certificates`
# knows organisations only through ORGANIZATION_MODEL, so the project names them here.
DOCUMENT_ISSUER_KINDS = ["verification_body", "department", "inspectorate"]
if PRODUCTION and DOCUMENT_SIGNING["DEMO_KEYS"]:
    raise ImproperlyConfigured("DOCUMENT_SIGNING_DEMO_KEYS must be off in production: demo keys prove nothing")

# --- Expiry notices ---
# The daily scan's local time (Asia/Ho_Chi_Minh), "HH:MM".
NOTICE_SCAN_AT = env_str("NOTICE_SCAN_AT", "06:30")
NOTICE_SCAN_CHUNK = env_int("NOTICE_SCAN_CHUNK", 2000)
# A pause between chunks spares the database when the register is large; 0 in development.
NOTICE_SCAN_PAUSE_SECONDS = float(env_str("NOTICE_SCAN_PAUSE_SECONDS", "0"))

# --- The department that issues licences (used when no department organisation is registered yet) ---
# Defaults: the Quảng Trị department, whose service this is first (issue 8, point 7); another province sets its own.
DEPARTMENT_NAME = env_str("DEPARTMENT_NAME", "Sở Khoa học và Công nghệ tỉnh Quảng Trị")
DEPARTMENT_PARENT_NAME = env_str("DEPARTMENT_PARENT_NAME", "UBND TỈNH QUẢNG TRỊ")
DEPARTMENT_PROVINCE = env_str("DEPARTMENT_PROVINCE", "Quảng Trị")
DEPARTMENT_ADDRESS = env_str("DEPARTMENT_ADDRESS", "204 Hùng Vương, phường Đông Lễ, thành phố Đông Hà, tỉnh Quảng Trị")

# --- Domain settings that are policy, not law ---
# How many days before valid-until an instrument counts as "due soon" on lists and filters: 60, the first notice's
# stage (registry/catalog/notices.json, d60) and what a business's compliance page counts (issue 10, point 3).
DUE_SOON_DAYS = env_int("DUE_SOON_DAYS", 60)
# A licence lists as "expiring" this many days before its end: 30 days before the last day a renewal may be
# filed (45 days before expiry, Decree 142/2020 Art. 30.1), so the facility still has a month to file.
LICENSE_EXPIRING_DAYS = env_int("LICENSE_EXPIRING_DAYS", 75)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
    if not env_str("DATABASE_URL", ""):
        raise ImproperlyConfigured("DATABASE_URL must be set in production")
    if CELERY_BROKER_URL.startswith("filesystem"):
        raise ImproperlyConfigured("CELERY_BROKER_URL must name a real broker in production")
