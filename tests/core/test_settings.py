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
