"""Settings come from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def load_settings(module, **env):
    """Import a settings module in a clean interpreter with exactly `env` set."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = module
    code = (
        "import json, django; from django.conf import settings; "
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'name': str(settings.DATABASES['default']['NAME']), "
        "'health': settings.DATABASES['default'].get('CONN_HEALTH_CHECKS'), "
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
