"""reviewing is part of the shared core: no table, no URL, installed right after notifications."""

from django.apps import apps
from django.conf import settings

from essaimage import hooks


def test_reviewing_is_a_core_app_without_tables():
    config = apps.get_app_config("reviewing")
    assert config.core is True
    assert list(config.get_models()) == []
    installed = settings.INSTALLED_APPS
    assert installed.index("reviewing") == installed.index("notifications") + 1


def test_reviewing_adds_nothing_to_the_shared_pages():
    assert "reviewing" not in {module.__name__.split(".")[0] for module in hooks.modules()}
