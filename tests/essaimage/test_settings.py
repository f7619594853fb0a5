"""Production settings: `check --deploy` is clean; demo data is refused."""

import pytest

from tests.essaimage.helpers import production_env, run_manage


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
