"""Dates out of range (issue 8, point 16): refused with a French message in the admin, refused by
the database whatever the way in, so that no user's page or log-in can break on reading them."""

from datetime import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from essaimage.models import User
from tests.factories import UserFactory
from tests.factories.core import PASSWORD

pytestmark = pytest.mark.django_db


def user_change_data(user, **overrides):
    data = {
        "email": user.email, "first_name": user.first_name, "last_name": user.last_name,
        "organisation": "", "territory": "", "is_active": "on", "groups": [],
        "last_login_0": "", "last_login_1": "",
        "date_joined_0": "26/11/2026", "date_joined_1": "10:00:00",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("field", ["date_joined", "last_login"])
@pytest.mark.parametrize("day", ["01/01/0001", "31/12/9999", "31/12/1999"])
def test_admin_refuses_an_implausible_date_with_a_french_message(admin_client_, field, day):
    user = UserFactory()
    before = User.objects.get(pk=user.pk).date_joined
    response = admin_client_.post(reverse("admin:essaimage_user_change", args=[user.pk]),
                                  user_change_data(user, **{f"{field}_0": day, f"{field}_1": "00:00:00"}))
    assert response.status_code == 200
    assert "Indiquez une date comprise entre le 1er janvier 2000 et le 31 décembre 2100" in response.content.decode()
    assert User.objects.get(pk=user.pk).date_joined == before


def test_admin_accepts_a_plausible_date(admin_client_):
    user = UserFactory()
    response = admin_client_.post(reverse("admin:essaimage_user_change", args=[user.pk]),
                                  user_change_data(user, date_joined_0="15/03/2024"))
    assert response.status_code == 302
    assert timezone.localtime(User.objects.get(pk=user.pk).date_joined).date().isoformat() == "2024-03-15"


def test_the_database_refuses_a_date_that_could_not_be_read_back():
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(date_joined=datetime(1, 1, 2, tzinfo=timezone.get_current_timezone()))
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(last_login=datetime(1, 1, 2, tzinfo=timezone.get_current_timezone()))


def test_the_user_can_still_log_in_and_be_edited_after_a_refused_date(admin_client_, client):
    user = UserFactory()
    admin_client_.post(reverse("admin:essaimage_user_change", args=[user.pk]),
                       user_change_data(user, date_joined_0="01/01/0001"))
    assert admin_client_.get(reverse("admin:essaimage_user_change", args=[user.pk])).status_code == 200
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
