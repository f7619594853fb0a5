"""Helpers shared by the core's tests: `manage.py` run in a child process with production settings."""

import os
import subprocess
import sys
from pathlib import Path

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
