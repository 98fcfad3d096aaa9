"""Settings shared by every environment.

Everything that differs between a laptop and a server comes from the environment
(optionally a `.env` file in the project folder); see README.md for the list.
"""

import os
from pathlib import Path

import dj_database_url
from dotenv import load_dotenv

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# Real environment variables win over the optional .env file.
load_dotenv(BASE_DIR / ".env", override=False)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "iurc_portal.core",
    "programmes",
    "news",
    "newsletter",
    "wagtail_localize",
    "wagtail_localize.locales",  # the admin's Locales, with "sync from" (replaces wagtail.locales)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "iurc_portal.core.http.SecurityHeadersMiddleware",
    # A body Django cannot parse is a 400 here, before anything reads it (core/http.py).
    "iurc_portal.core.http.RequestBodyMiddleware",
    # Static files are answered before sessions, CSRF or the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached pages are served before the rest is touched: see iurc_portal/core/cache.py.
    "iurc_portal.core.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "iurc_portal.core.csp.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Credential stuffing and password spraying on the admin log-in (core/login_guard.py).
    "iurc_portal.core.login_guard.LoginGuardMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and refuses a locked-out username/IP before checking the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "iurc_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "iurc_portal.core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "iurc_portal.wsgi.application"

# Unset DATABASE_URL means an SQLite file in the project folder, so a first run needs
# nothing installed. Persistent, health-checked connections: a restarted PostgreSQL
# is reconnected to on the next request instead of failing it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Web requests already keep every core busy; a query split across parallel workers only
    # multiplies its CPU cost (a broad search built the same hash three times). Reports and
    # maintenance run outside the web app, with PostgreSQL's own default.
    parallel = int(os.environ.get("DB_PARALLEL_WORKERS_PER_QUERY", "0"))
    db_options = DATABASES["default"].setdefault("OPTIONS", {})
    # Added to any server options DATABASE_URL already carries (?options=-c search_path=...).
    given = db_options.get("options", "")
    db_options["options"] = f"{given} -c max_parallel_workers_per_gather={parallel}".strip()
    # `.iterator()` (Django's form choices use it) would otherwise declare a server-side cursor:
    # three round trips, and outside a transaction PostgreSQL copies the whole result at the
    # declaration, for lists of a few dozen rows. Nothing here streams a large result to a visitor.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development server, the email worker and the admin's autosave write at the same time.
    # WAL lets readers and one writer proceed together; IMMEDIATE takes the write lock when a
    # transaction starts, so two writers queue (for up to `timeout` seconds) instead of one failing
    # with "database is locked" halfway through, which once left a half-created page behind.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache: Redis when REDIS_URL is set (shared by every app process: page cache, rate limits,
# sessions), otherwise process-local memory, which is fine for one developer server. An
# unreachable Redis degrades to "no cache" instead of failing requests.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "iurc_portal.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # One Redis may serve several sites (staging next to production): each needs its own
            # prefix, or one would serve the other's cached pages and counts.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "iurc"),
            "OPTIONS": {"retry_seconds": int(os.environ.get("REDIS_RETRY_SECONDS", "10"))},
        }
    }
    # Sessions read from Redis, written through to the database, so they survive a Redis restart.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Full-page cache for anonymous visitors (iurc_portal/core/cache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Site-wide data (menu, settings, restricted sections) kept in each process per cache generation,
# for at most this long (see core/sitewide.py).
SITEWIDE_SECONDS = int(os.environ.get("SITEWIDE_SECONDS", "60"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/newsletter/", "/static/", "/media/"]
# The query parameters that change a page (filters, search, pagination). Any other parameter is
# taken off the request before a cached page is looked up or rendered.
PAGE_CACHE_QUERY_PARAMETERS = {
    "page",
    "q",
    "type",
    "category",
    "region",
    "theme",
    "year",
    "country",
    "programme",
    "language",
}
# Saving one of these changes what pages show (menus, footers, filters, credits).
PAGE_CACHE_INVALIDATING_MODELS = {
    "core.SiteSettings",
    "core.SiteText",
    "core.CustomImage",
    "programmes.Country",
    "programmes.Theme",
    "programmes.SDG",
    "news.NewsCategory",
    "wagtailredirects.Redirect",
    "wagtailcore.PageViewRestriction",
    "newsletter.ConsentText",
}

# Behind a load balancer or proxy, how many proxies append to X-Forwarded-For (see core/http.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Internationalisation: English is the source; editors translate pages and snippets with
# wagtail-localize. Names are each language's own (the switcher shows them as such).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("pt", "Português"),
    ("fr", "Français"),
    ("zh-hans", "简体中文"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("id", "Bahasa Indonesia"),
    ("th", "ไทย"),
    ("vi", "Tiếng Việt"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
FORMAT_MODULE_PATH = ["iurc_portal.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on S3-compatible object storage when a bucket is configured, so that every app process
# (and every server) sees the same uploads; otherwise the local MEDIA_ROOT.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket policy decides
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False

# Email: console in development unless EMAIL_HOST is given.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IURC <no-reply@iurc.localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if os.environ.get("EMAIL_FILE_PATH"):  # with the file-based backend, e.g. for trials
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)

# Editors can upload large pages; Wagtail's editor posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "IURC — International Urban and Regional Cooperation"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "iurc_portal.core.forms.CustomImageForm"  # the licence is required
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    # Uses PostgreSQL full-text search on PostgreSQL, a portable fallback elsewhere.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAIL_I18N_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls home from the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar lookups at a third party either
# The one list of rich text features: the default editor and every rich text block read it.
# Structural features only: no raw HTML, and no images (they would have no credit or per-use alt
# text); headings start at h2 because the page title is the h1.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": RICH_TEXT_FEATURES},
    }
}

# Security headers on every response (production adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames pages from our own origin
# Browser features no page of the portal uses (iurc_portal/core/http.py sets both headers).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Content Security Policy (django-csp). Scripts only from our origin on public pages; the admin
# gets 'unsafe-inline' in iurc_portal/core/csp.py. Video players are the only frames allowed,
# and they load only when the visitor presses play.
MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN", "")  # e.g. https://media.iurc.eu for S3/CDN media
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# django-axes: lock the admin login after repeated failures for a username from one address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "iurc_portal.core.http.client_ip"
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_VERBOSE = False
# Beyond axes' rule (core/login_guard.py): (failures, window in seconds) for one address trying
# any usernames, and for one username tried from addresses it never logged in from.
LOGIN_GUARD = {
    "address": (int(os.environ.get("LOGIN_GUARD_ADDRESS_LIMIT", "20")), 15 * 60),
    "username": (int(os.environ.get("LOGIN_GUARD_USERNAME_LIMIT", "10")), 15 * 60),
}

# Wagtail's frontend cache purge for a CDN or reverse proxy, when configured.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's default config gives "django" a console handler of its own and lets it propagate
        # to the root's as well: every line was printed twice. Now only the root prints. Configuring
        # "django" resets its children, so runserver's request log is declared again as Django does.
        "django": {"handlers": [], "level": LOG_LEVEL},
        "django.request": {"level": "ERROR"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# --- newsletter ---
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
# Wagtail's own tasks (reference index, image focal points) stay in-process; newsletter
# emails go to a database queue worked by `manage.py db_worker --backend email`, so an
# SMTP outage never slows or fails a request and nothing is lost.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {
        "BACKEND": os.environ.get("EMAIL_TASK_BACKEND", "django_tasks_db.backend.DatabaseBackend"),
    },
    # Slow work that must not hold up a request (reading the text of uploaded PDFs), worked by
    # `manage.py db_worker --backend background`.
    "background": {
        "BACKEND": os.environ.get("BACKGROUND_TASK_BACKEND", "django_tasks_db.backend.DatabaseBackend"),
    },
}
# Absolute links in emails; empty means WAGTAILADMIN_BASE_URL.
NEWSLETTER_BASE_URL = os.environ.get("NEWSLETTER_BASE_URL", "")
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", "")  # empty: DEFAULT_FROM_EMAIL
NEWSLETTER_CONFIRMATION_HOURS = 72
# Seconds before a failed email is tried again; one entry per retry.
NEWSLETTER_EMAIL_RETRY_DELAYS = [
    int(seconds)
    for seconds in os.environ.get("NEWSLETTER_EMAIL_RETRY_DELAYS", "60,300,1800,10800,43200").split(",")
]
# (count, seconds): sign-up posts per IP, confirmation emails per address, re-send interval.
NEWSLETTER_RATE_LIMITS = {
    "ip": (int(os.environ.get("NEWSLETTER_IP_LIMIT", "20")), 3600),
    "address": (3, 24 * 3600),
    "resend_interval": (1, 600),
}
# Time trap: a form sent back sooner than this after it was shown is a bot's.
NEWSLETTER_MIN_FORM_SECONDS = 2
# Sending issues (manage.py newsletter_worker): messages per second and per SMTP connection,
# retry delays for temporary failures, hard bounces before an address is suppressed.
NEWSLETTER_SEND_RATE = float(os.environ.get("NEWSLETTER_SEND_RATE", "20"))
NEWSLETTER_MESSAGES_PER_CONNECTION = int(os.environ.get("NEWSLETTER_MESSAGES_PER_CONNECTION", "100"))
NEWSLETTER_DELIVERY_RETRY_DELAYS = [
    int(seconds)
    for seconds in os.environ.get("NEWSLETTER_DELIVERY_RETRY_DELAYS", "60,300,1800,7200").split(",")
    if seconds.strip()
]
NEWSLETTER_CLAIM_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_CLAIM_LEASE_SECONDS", "120"))
NEWSLETTER_HARD_BOUNCE_LIMIT = int(os.environ.get("NEWSLETTER_HARD_BOUNCE_LIMIT", "3"))
NEWSLETTER_LIST_ID = os.environ.get("NEWSLETTER_LIST_ID", "")
# Bounce and complaint reports (django-anymail, Mailgun's signed webhooks); unset: no endpoint.
ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": os.environ.get("NEWSLETTER_MAILGUN_WEBHOOK_SIGNING_KEY", "")}
NEWSLETTER_MAX_FORM_AGE = 7 * 24 * 3600
