import pytest

from innovations import notices as kinds
from notifications import services
from tests.text import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_fr(client, db):
    from tests.factories import UserFactory

    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    return client


def test_admin_lists_notices_follows_and_preferences_in_french_read_only(admin_client_fr, innovation, other_agent):
    services.notify([other_agent], kinds.MODERATED, innovation, title="Décision", context={"title": "x"})
    services.follow(user=other_agent, obj=innovation)
    services.preferences_set(user=other_agent, frequencies={kinds.MODERATED: "digest"})
    for path, heading in [("notice", "notification"), ("follow", "suivi"), ("noticepreference", "préférence")]:
        response = admin_client_fr.get(f"/admin/notifications/{path}/")
        assert response.status_code == 200
        text = page_text(response)
        assert heading in text.lower()
        assert f"/admin/notifications/{path}/add/" not in text
    assert admin_client_fr.get("/admin/notifications/notice/add/").status_code == 403
