"""Settings come from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def load_settings(module, **env):
    """Import a settings module in a clean interpreter with exactly `env` set."""
    own = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "CACHE_KEY_PREFIX",
        "DB_PARALLEL_WORKERS_PER_QUERY",
    }
    clean = {k: v for k, v in os.environ.items() if k not in own}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = module
    code = (
        "import json, django; from django.conf import settings; "
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'name': str(settings.DATABASES['default']['NAME']), "
        "'health': settings.DATABASES['default'].get('CONN_HEALTH_CHECKS'), "
        "'db_options': settings.DATABASES['default'].get('OPTIONS', {}), "
        "'cache_prefix': settings.CACHES['default'].get('KEY_PREFIX', ''), "
        "'hosts': settings.ALLOWED_HOSTS, 'debug': settings.DEBUG}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = load_settings("iurc_portal.settings.production", ALLOWED_HOSTS="iurc.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_settings("iurc_portal.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_starts_when_configured():
    result = load_settings(
        "iurc_portal.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="iurc.example.org,www.iurc.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout
    assert '"hosts": ["iurc.example.org", "www.iurc.example.org"]' in result.stdout


def test_unset_database_url_means_sqlite_in_project_folder():
    result = load_settings("iurc_portal.settings.dev")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert str(BASE_DIR / "db.sqlite3") in result.stdout


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_database_url_accepts_both_postgres_schemes(scheme):
    result = load_settings("iurc_portal.settings.dev", DATABASE_URL=f"{scheme}://u:p@db.example:5432/iurc")
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert '"name": "iurc"' in result.stdout
    assert '"health": true' in result.stdout


def test_postgres_web_connections_run_without_parallel_workers_unless_asked():
    url = "postgres://u:p@db.example:5432/iurc"
    default = load_settings("iurc_portal.settings.dev", DATABASE_URL=url)
    assert "-c max_parallel_workers_per_gather=0" in default.stdout
    tuned = load_settings("iurc_portal.settings.dev", DATABASE_URL=url, DB_PARALLEL_WORKERS_PER_QUERY="2")
    assert "-c max_parallel_workers_per_gather=2" in tuned.stdout


def test_sites_sharing_one_redis_get_their_own_cache_keys():
    redis = "redis://127.0.0.1:6379/0"
    assert '"cache_prefix": "iurc"' in load_settings("iurc_portal.settings.dev", REDIS_URL=redis).stdout
    staging = load_settings("iurc_portal.settings.dev", REDIS_URL=redis, CACHE_KEY_PREFIX="iurc-staging")
    assert '"cache_prefix": "iurc-staging"' in staging.stdout


def test_server_options_in_the_database_url_are_kept():
    url = "postgres://u:p@db.example:5432/iurc?options=-c%20search_path%3Dportal"
    result = load_settings("iurc_portal.settings.dev", DATABASE_URL=url)
    assert "-c search_path=portal -c max_parallel_workers_per_gather=0" in result.stdout


def run_with_settings(code, module="iurc_portal.settings.dev", **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "LOG_LEVEL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=60
    )


def test_each_log_line_is_printed_once():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').error('request-error'); "
        "logging.getLogger('django.security.csrf').warning('csrf-warning'); "
        "logging.getLogger('newsletter.tasks').warning('app-warning'); "
        "logging.getLogger('django.server').info('served-a-request')"
    )
    for module in ("iurc_portal.settings.dev", "iurc_portal.settings.test"):
        output = run_with_settings(code, module).stderr
        for line in ("request-error", "csrf-warning", "app-warning", "served-a-request"):
            assert output.count(line) == 1, (module, output)


# Two writers that each read, pause, then write in one transaction, as Wagtail's page creation does
# while an autosave or a thumbnail is written. SQLite's default (deferred) transactions make one of
# them fail at once with "database is locked", however long the busy timeout; IMMEDIATE queues them.
CONCURRENT_WRITERS = """
import threading, time, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print("journal", cursor.fetchone()[0])
    cursor.execute("CREATE TABLE note (id integer primary key, body text)")
errors, start = [], threading.Barrier(2)
def writer(name):
    from django.db import connection
    start.wait()
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM note")
                time.sleep(0.3)
                cursor.execute("INSERT INTO note (body) VALUES (%s)", [name])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=writer, args=(name,)) for name in ("page", "autosave")]
[thread.start() for thread in threads]
[thread.join() for thread in threads]
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM note")
    print("rows", cursor.fetchone()[0], "errors", errors)
"""


def test_sqlite_queues_concurrent_writers_instead_of_failing(tmp_path):
    result = run_with_settings(CONCURRENT_WRITERS, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert "journal wal" in result.stdout
    assert "rows 2 errors []" in result.stdout
