import pytest

from essaimage.enums import Role
from tests.factories import UserFactory


@pytest.fixture
def agent(db):
    return UserFactory(roles=[Role.AGENT])


@pytest.fixture
def other_agent(db):
    return UserFactory(roles=[Role.AGENT])


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[Role.AGENT, Role.MODERATEUR])


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[Role.AGENT, Role.ADMINISTRATEUR])


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user (None: anonymous)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Real hashers cost ~0.5 s per password on purpose; tests do not need that."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_facet_index(settings):
    """The facet index is rebuilt at each request in tests (the catalogue version, a sequence,
    is not rolled back between tests); tests/innovations/test_facet_index.py covers its reuse."""
    from innovations import facet_index

    facet_index.forget()
    settings.CATALOGUE_INDEX_SECONDS = 0
