"""`make run`'s local production mode, and `make db-stop` on a damaged PID file."""

import json

import pytest

from essaimage import database
from tests.essaimage.helpers import production_env, run_manage

LOCAL = {"ESSAIMAGE_LOCAL_PRODUCTION": "true", "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"}


def show(setting_names, env):
    code = ("import json; from django.conf import settings; "
            f"print(json.dumps({{name: repr(getattr(settings, name, None)) for name in {setting_names!r}}}))")
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_local_production_serves_plain_http_with_demo_data():
    values = show(["DEBUG", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
                   "DEMO_DATA_ALLOWED", "STORAGES"], production_env(**LOCAL))
    assert values["DEBUG"] == "False"
    assert values["SECURE_SSL_REDIRECT"] == "False" and values["SESSION_COOKIE_SECURE"] == "False"
    assert values["SECURE_HSTS_SECONDS"] == "0"
    assert values["DEMO_DATA_ALLOWED"] == "True"
    assert "CompressedManifestStaticFilesStorage" in values["STORAGES"]


def test_real_production_keeps_https_defaults():
    values = show(["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS", "DEMO_DATA_ALLOWED"],
                  production_env())
    assert values == {"SECURE_SSL_REDIRECT": "True", "SESSION_COOKIE_SECURE": "True",
                      "SECURE_HSTS_SECONDS": "31536000", "DEMO_DATA_ALLOWED": "False"}


def test_check_deploy_flags_the_local_production_mode():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env(**LOCAL))
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


@pytest.fixture
def scratch_pgdata(tmp_path, monkeypatch):
    pgdata = tmp_path / "pgdata"
    pgdata.mkdir()
    monkeypatch.setattr(database, "PGDATA", pgdata)
    monkeypatch.setattr(database, "PID_FILE", pgdata / "postmaster.pid")
    return pgdata


def test_db_stop_without_a_server_says_so(scratch_pgdata, capsys):
    assert database.stop() == 0
    assert "La base embarquée n’est pas démarrée" in capsys.readouterr().out


@pytest.mark.parametrize("content,explanation", [("", "vide ou illisible"), ("999999999\n/x\n", "périmé"),
                                                 ("1\n/x\n", "périmé")])  # PID 1 is not our server
def test_db_stop_with_an_empty_or_stale_pid_file_explains_and_cleans_up(scratch_pgdata, capsys, content, explanation):
    (scratch_pgdata / "postmaster.pid").write_text(content)
    assert database.stop() == 0
    out = capsys.readouterr().out
    assert "La base embarquée n’est pas démarrée" in out and explanation in out
    assert not (scratch_pgdata / "postmaster.pid").exists()


def test_describe_says_where_the_data_lives(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert "var/pgdata" in database.describe() and "make db-stop" in database.describe()
    monkeypatch.setenv("DATABASE_URL", "postgres://u:secret@db.exemple:5432/essaimage")
    text = database.describe()
    assert "essaimage" in text and "db.exemple:5432" in text and "secret" not in text
