"""Production settings: `check --deploy` is clean; demo data is refused."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x9!k2@" + "q" * 40 + "Zp#7&m" + "r" * 10,
        "DJANGO_ALLOWED_HOSTS": "essaimage.exemple.gouv.fr",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or _embedded_url(),
    })
    env.update(extra)
    return env


def _embedded_url():
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@/{db['NAME']}?host={db['HOST']}" if db["HOST"].startswith("/") else ""


def run_manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_in_production_mode():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", env=production_env(DJANGO_SECRET_KEY=""))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY doit être défini" in result.stderr


@pytest.mark.django_db
def test_demo_data_is_refused_in_production_mode():
    result = run_manage("load_demo_data", env=production_env())
    assert result.returncode != 0
    assert "refusées en mode production" in result.stderr
