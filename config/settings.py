"""Settings for the young cadre reserve, read from the environment.

DATABASE_URL (default: SQLite file in the project folder), SECRET_KEY, DEBUG, ALLOWED_HOSTS.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# What these settings are for: "development" (this file: tests, the demo), "production" (config/production.py).
# The demo loader runs only in development (cadres/management/commands/load_demo.py).
DEPLOYMENT_MODE = "development"

# DEBUG is off unless asked for: a forgotten variable must not expose tracebacks of personnel data.
DEBUG = env_bool("DEBUG", False)

# Local development and tests only; the production settings refuse to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tables2",
    "simple_history",
    "axes",
    # The apps depend one way: accounts and audit at the bottom, cadres (the domain) on them, reports and
    # staffing (the department's own sections) on cadres, neither on the other.
    "audit",
    "accounts",
    "cadres",
    "reports",
    "staffing",
    # Background jobs (exports too long for a request), above reports; the tasks in the database.
    "django_tasks",
    "jobs.task_queue_app.TaskQueueConfig",  # django_tasks_db, named in Chinese
    "jobs",
]

# django-tasks (the backport of Django 6's tasks) with its database backend: the queue is a table, so SQLite
# and PostgreSQL deployments need no broker; `manage.py db_worker` runs the tasks (README).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How long a finished job's file is offered to its owner, in seconds.
JOB_FILE_MAX_AGE = int(os.environ.get("JOB_FILE_MAX_AGE", 24 * 3600))

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # NUL and other control characters in any parameter: a Chinese 400 before any view or query (config/edge.py).
    "config.edge.ControlCharacterMiddleware",
    # Personnel data: every page needs a login unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the field history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a lockout into the Chinese lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling: lock a username from one address after 5 failures for 15 minutes, so one
# mistyping colleague behind the office NAT does not lock everyone out (TRAPS.md).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind a reverse proxy every request comes from the proxy: the number of proxies in front of the app, each
# appending to X-Forwarded-For, tells the client's address (audit.services.client_ip, README "反向代理").
# The lockout and the audit trail both use it; 0 (the default) trusts no header.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "audit.services.client_ip"
# The name a login was tried with, cut to an account name's length: axes keeps it in a varchar(255).
AXES_USERNAME_CALLABLE = "accounts.signals.tried_username"

# The units an account is given (create_user --unit): found and assigned by the cadre domain (accounts/units.py).
ACCOUNT_UNITS = "cadres.account_units.AccountUnits"

# History is for reading: corrections are made on the current record, where the checks run.
SIMPLE_HISTORY_REVERT_DISABLED = True
# axes ships no Chinese admin; unlock with `manage.py axes_reset_username USERNAME`.
AXES_ENABLE_ADMIN = False

ROOT_URLCONF = "config.urls"

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

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers writing to SQLite otherwise fail with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# dumpdata/loaddata JSON that keeps microseconds, so `backup` and `restore` are lossless.
SERIALIZATION_MODULES = {"json": "cadres.backup_format"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Django's own rule, with a Chinese message (the zh_Hans catalog lacks it).
    {"NAME": "accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese for the few labels a third-party app ships only in English (django-tasks-db's admin).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
# Django's zh_Hans date input formats are broken (%n, %j); ours accept 2021-07-31, 2021年7月31日, 2021.07.31.
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Static files come from the finders here (whitenoise serves them even with DEBUG off);
# production collects them into STATIC_ROOT (config/production.py).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Confidential data: sessions end with the browser and after two idle hours.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(2 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
# The database sessions of Django, saved on each request with one UPDATE instead of a transaction around it.
SESSION_ENGINE = "config.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# 基层经验: months of service in 乡镇/街道/村/社区 units that count as grassroots experience (cadres/experience.py).
GRASSROOTS_MONTHS = int(os.environ.get("GRASSROOTS_MONTHS", "24"))

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

# The monthly workbook's sheets after 汇总 and 花名册: each a function (book, params) that apps above reports
# contribute, so that reports imports none of them (reports/monthly.py).
MONTHLY_REPORT_SHEETS = ["staffing.monthly_sheets.write_monthly_sheets"]

# The department's own staffing (staffing/conf.py holds every default).
# The unit a new section belongs to unless another is chosen: the organization department itself.
STAFFING_HOME_UNIT = os.environ.get("STAFFING_HOME_UNIT", "中共下陆区委组织部")
# A B who is the A of more than this many other sections is marked as a risk on the 科室配备 board.
STAFFING_B_MAX_OTHER_A_POSTS = int(os.environ.get("STAFFING_B_MAX_OTHER_A_POSTS", "1"))
# A/B pairings are reviewed and republished every this many months; the board reminds this many days ahead.
STAFFING_REVIEW_MONTHS = int(os.environ.get("STAFFING_REVIEW_MONTHS", "6"))
STAFFING_REVIEW_WARN_DAYS = int(os.environ.get("STAFFING_REVIEW_WARN_DAYS", "30"))
# Rotation planner (轮流抽调): eligibility and ranking weights over the defaults of staffing/conf.py,
# e.g. ROTATION_ELIGIBILITY = {"max_age": 32}; ROTATION_WEIGHTS = {"recent_entry": 0}.
ROTATION_ELIGIBILITY = {}
ROTATION_WEIGHTS = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Roster imports (cadres/roster_import): limits checked before a file is opened.
ROSTER_IMPORT_MAX_BYTES = int(os.environ.get("ROSTER_IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))
ROSTER_IMPORT_MAX_UNCOMPRESSED = int(os.environ.get("ROSTER_IMPORT_MAX_UNCOMPRESSED", str(400 * 1024 * 1024)))
ROSTER_IMPORT_MAX_ROWS = int(os.environ.get("ROSTER_IMPORT_MAX_ROWS", "200000"))
# A roster larger than this (about 20,000 rows) is read and previewed by the task worker, not in the request.
ROSTER_PREVIEW_BACKGROUND_BYTES = int(os.environ.get("ROSTER_PREVIEW_BACKGROUND_BYTES", str(2 * 1024 * 1024)))
# .lrmx imports (cadres/lrmx): sized for a city's zip as `export_lrmx --zip` writes it (tens of thousands of
# files with photos). One .lrmx is never larger than LRMX_IMPORT_MAX_BYTES, so a zip member that says it is
# larger, or that inflates more than LRMX_IMPORT_MAX_RATIO times (a bomb), is refused before it is read.
LRMX_IMPORT_MAX_BYTES = int(os.environ.get("LRMX_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
LRMX_IMPORT_MAX_FILES = int(os.environ.get("LRMX_IMPORT_MAX_FILES", "50000"))
LRMX_IMPORT_MAX_UNCOMPRESSED = int(os.environ.get("LRMX_IMPORT_MAX_UNCOMPRESSED", str(8 * 1024 * 1024 * 1024)))
LRMX_IMPORT_MAX_RATIO = int(os.environ.get("LRMX_IMPORT_MAX_RATIO", "100"))
# A browser upload of .lrmx files (one, or a zip); larger zips go through `import_lrmx`.
LRMX_UPLOAD_MAX_BYTES = int(os.environ.get("LRMX_UPLOAD_MAX_BYTES", str(200 * 1024 * 1024)))
# Rows refused because their ID number is another unit's cadre: at most this many distinct numbers a user a day,
# then their uploads are refused unread (cadres/importing/probes.py).
IMPORT_OUT_OF_SCOPE_DAILY_CAP = int(os.environ.get("IMPORT_OUT_OF_SCOPE_DAILY_CAP", "20"))
# Uploads waiting for confirmation (cadres/importing/pending.py), kept in the database.
PENDING_UPLOAD_MAX_BYTES = max(ROSTER_IMPORT_MAX_BYTES, LRMX_UPLOAD_MAX_BYTES)
PENDING_UPLOAD_MAX_AGE = int(os.environ.get("PENDING_UPLOAD_MAX_AGE", str(SESSION_COOKIE_AGE)))
