import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(fn, *args) -> fn's result, after running what its transactions queued on commit
    (account e-mails are sent once the transaction commits; a test runs inside one)."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def admin_client_(client):
    """A test client logged in as a superuser (staff): the admin's screens."""
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client
