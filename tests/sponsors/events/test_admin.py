"""The admin shows events and registrations, read only, with French column headers."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_events_and_registrations_are_read_only_in_the_admin(client_for):
    staff = UserFactory(is_staff=True, is_superuser=True)
    registration = RegistrationFactory(event=EventFactory(title="Atelier vu par l’admin"))
    client = client_for(staff)
    for name in ("event", "registration"):
        html = client.get(reverse(f"admin:sponsors_{name}_changelist")).content.decode()
        assert "Atelier vu par l’admin" in html
        assert "Created at" not in html and "Starts at" not in html
    assert client.get(reverse("admin:sponsors_event_add")).status_code == 403
    page = client.get(reverse("admin:sponsors_registration_change", args=[registration.pk]))
    assert page.status_code == 200 and 'type="submit" value="Enregistrer"' not in page.content.decode()
