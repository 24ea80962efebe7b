"""One settings module, configured from the environment (twelve-factor).

Every variable is documented in docs/deploy.md. Defaults are safe for production
(DEBUG off); `make run` sets DEBUG and a development secret for the local server.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="" if not DEBUG else "dev-only-insecure-key")
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    # Swagger UI for /api/v1/docs from django-ninja's own static files, not a CDN:
    # the docs must open on a network that cannot reach the internet.
    "ninja",
    "bilim.accounts",
    "bilim.geography",
    "bilim.centers",
    "bilim.partners",
    "bilim.programs",
    "bilim.scheduling",
    "bilim.notifications",
    "bilim.registrations",
    "bilim.attendance",
    "bilim.certificates",
    "bilim.helpdesk",
    "bilim.walkins",
    "bilim.guides",
    "bilim.web",
    "bilim.api",
    "bilim.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Village links are slow: compress pages in the app, whatever the proxy does.
    # Django masks the CSRF token per response, which defuses BREACH for it.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "bilim.web.middleware.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "bilim.urls"
WSGI_APPLICATION = "bilim.wsgi.application"

# Every form's fields name their hint and error ids in one place (DescribedBoundField).
FORM_RENDERER = "bilim.web.forms.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bilim.web.context_processors.site",
            ],
        },
    },
]

# --- Database: embedded SQLite by default, PostgreSQL through DATABASE_URL ---
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'bilim.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker read while the other writes;
    # IMMEDIATE transactions take the write lock up front instead of failing mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, so that a worker process started by a test sees the test data.
    DATABASES["default"]["TEST"] = {
        "NAME": env.str("TEST_SQLITE_NAME", default=str(VAR_DIR / "test.sqlite3"))
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set (shared by every process), else local memory ---
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks: the database queue by default, RQ on Redis when chosen ---
TASKS_BACKEND = env.str("TASKS_BACKEND", default="db")
_TASK_BACKENDS = {
    "db": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
TASKS = {"default": _TASK_BACKENDS[TASKS_BACKEND]}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}
# A task (or a message being sent) still "running" this long after it started is taken to
# belong to a worker that died (kill -9, power cut): `task_worker` runs it again. Keep it
# longer than the slowest task; every task is idempotent, so a rerun never sends twice.
TASK_LEASE_SECONDS = env.int("TASK_LEASE_SECONDS", default=300)

# --- Accounts ---
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:staff-home"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = env.list(
    "PASSWORD_HASHERS",
    default=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    ],
)

# --- Languages: Kyrgyz first, Russian, English ---
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="ky")
LANGUAGES = [("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "src" / "bilim" / "locale"]
FORMAT_MODULE_PATH = ["bilim.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Bishkek")
MODELTRANSLATION_DEFAULT_LANGUAGE = "ky"
MODELTRANSLATION_LANGUAGES = ("ky", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ky", "ru", "en")}
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files: installed from npm at setup, collected and served by WhiteNoise ---
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Without a manifest (development, tests) files are served straight from the finders.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not env.bool("STATIC_MANIFEST", default=not DEBUG)
STATICFILES_DIRS = [
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    # Reads QR codes from the camera at check-in, in browsers without BarcodeDetector.
    ("vendor/jsqr", BASE_DIR / "node_modules" / "jsqr" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

# --- E-mail: EMAIL_URL such as smtp+tls://user:pass@host:587 (the scheme chooses TLS) ---
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Bilim <bilim@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds to wait for each answer of the mail server. Without it, a server that accepts the
# connection and never answers holds the worker, and every message behind it, for good.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10.0)

# --- Rate limits (bilim.web.ratelimits): behind a reverse proxy, REMOTE_ADDR is the proxy's
# address, so name the header the proxy sets with the client's (e.g. HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")

# --- SMS: the backend that delivers text messages (bilim.notifications.sms) ---
SMS_BACKEND = env.str("SMS_BACKEND", default="console")  # console | file | http | dotted path
SMS_FILE_PATH = env.path("SMS_FILE_PATH", default=VAR_DIR / "sms" / "messages.jsonl")
SMS_GATEWAY_URL = env.str("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_FORMAT = env.str("SMS_GATEWAY_FORMAT", default="json")  # json | form
SMS_GATEWAY_FIELDS = env.dict("SMS_GATEWAY_FIELDS", default={})  # e.g. to=phone,text=message
SMS_GATEWAY_SENDER = env.str("SMS_GATEWAY_SENDER", default="Bilim")
SMS_GATEWAY_AUTH_HEADER = env.str("SMS_GATEWAY_AUTH_HEADER", default="Authorization")
SMS_GATEWAY_TOKEN = env.str("SMS_GATEWAY_TOKEN", default="")
SMS_GATEWAY_ID_FIELD = env.str("SMS_GATEWAY_ID_FIELD", default="id")
SMS_GATEWAY_TIMEOUT = env.float("SMS_GATEWAY_TIMEOUT", default=10.0)

# --- Security: production defaults, relaxed only where DEBUG is on ---
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])

# --- Registrations ---
# The site's public address (no trailing slash): every link in SMS, e-mail, QR codes and
# certificates. A guessed default would send people links to a machine they cannot reach.
BILIM_SITE_URL = env.str(
    "BILIM_SITE_URL", default="" if not DEBUG else "http://127.0.0.1:8000"
).rstrip("/")
if not BILIM_SITE_URL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "Set BILIM_SITE_URL to the site's public address, e.g. https://bilim.example.kg "
        "(or DEBUG=1 for local development)."
    )
# Unknown short links (/m/<code>) opened per connection and hour, before it is refused.
SHORT_LINK_MISS_RATE = env.str("SHORT_LINK_MISS_RATE", default="20/h")
# Only ever off in the control run of the overbooking test, which must then overbook.
REGISTRATION_LOCKING = env.bool("REGISTRATION_LOCKING", default=True)
# Web sign-ups stored per connection and hour (a center's shared Wi-Fi counts as one).
SIGN_UP_RATE = env.str("SIGN_UP_RATE", default="30/h")
# The version of the consent text people agree to; change it when the text changes.
CONSENT_VERSION = env.str("CONSENT_VERSION", default="2026-11")
# Self-service sign-in with phone and a code sent by SMS (/<lang>/my/).
ONE_TIME_CODE_MINUTES = env.int("ONE_TIME_CODE_MINUTES", default=10)
ONE_TIME_CODE_ATTEMPTS = env.int("ONE_TIME_CODE_ATTEMPTS", default=5)  # wrong tries end a code
ONE_TIME_CODES_PER_HOUR = env.int("ONE_TIME_CODES_PER_HOUR", default=3)  # per phone number
ONE_TIME_CODE_IP_RATE = env.str("ONE_TIME_CODE_IP_RATE", default="20/h")  # per connection
# How long a verified phone keeps a person's registrations open in the browser.
SELF_SERVICE_SESSION_MINUTES = env.int("SELF_SERVICE_SESSION_MINUTES", default=60)

# --- The network's public contact line, shown in every page footer ---
BILIM_CONTACT_PHONE = env.str("BILIM_CONTACT_PHONE", default="0312 620171")
BILIM_CONTACT_EMAIL = env.str("BILIM_CONTACT_EMAIL", default="bilim@shailoo.gov.kg")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
