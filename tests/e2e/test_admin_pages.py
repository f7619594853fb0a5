"""The administration, as a superuser sees it: in French and with 0 axe-core violations
(WCAG 2.1 A/AA) on the screens used every day (issue 7, point 15)."""

from playwright.sync_api import expect

from essaimage.enums import Role
from essaimage.services import audit_record
from innovations import services
from innovations.enums import ModerationAction, Status
from tests.factories import UserFactory
from tests.factories.core import PASSWORD
from tests.factories.innovations import InnovationFactory, ReplicationFactory, ThemeFactory


def test_superuser_admin_pages_are_french_and_accessible(visit, db):
    admin = UserFactory(email="admin@exemple.gouv.fr", is_staff=True, is_superuser=True)
    moderator = UserFactory(roles=[Role.AGENT, Role.MODERATEUR])
    theme = ThemeFactory(name="Santé")
    innovation = InnovationFactory(title="Maison de santé itinérante", themes=[theme], status=Status.SUBMITTED,
                                   published_at=None)
    services.innovation_transition(innovation=innovation, action=ModerationAction.PUBLISH, by=moderator)
    replication = ReplicationFactory(innovation=innovation)
    audit_record(obj=replication, action="status", actor=moderator, from_state="interesse", to_state="en_cours")

    page = visit.goto("/admin/login/")
    expect(page).to_have_title("Connexion | Administration d’Essaimage")
    page.get_by_label("Adresse e-mail").fill(admin.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    visit.check()
    expect(page.get_by_role("heading", name="Tableau de bord de l’administration")).to_be_visible()

    visit.goto("/admin/innovations/innovation/")
    expect(page.locator("#result_list")).to_contain_text("Santé")
    expect(page.locator("#result_list thead")).to_contain_text("Nombre d’essaimages")

    visit.goto(f"/admin/innovations/innovation/{innovation.pk}/change/")
    expect(page.get_by_role("checkbox", name="Santé")).to_be_checked()
    expect(page.get_by_role("combobox", name="Rôle")).to_have_value("owner")

    visit.goto(f"/admin/essaimage/user/{moderator.pk}/change/")
    expect(page.get_by_role("checkbox", name="Modérateur")).to_be_checked()

    visit.goto("/admin/essaimage/auditentry/")
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row).to_contain_text("Changement d’état")
    expect(first_row).to_contain_text("En cours")
    expect(page.locator("#result_list tbody tr").nth(1)).to_contain_text("Publier")


def test_the_task_queue_in_the_admin_is_french_and_accessible(visit, task_queue):
    from django_tasks_db.models import DBTaskResult

    from essaimage.tasks import deliver_email

    admin = UserFactory(email="admin@exemple.gouv.fr", is_staff=True, is_superuser=True)
    deliver_email.enqueue(subject="Votre innovation", body="Texte", recipients=["lea@exemple.gouv.fr"])
    failed = DBTaskResult.objects.get()
    try:
        raise ConnectionRefusedError(111, "Connection refused")
    except ConnectionRefusedError as error:
        failed.set_failed(error)
    deliver_email.enqueue(subject="Votre innovation", body="Texte", recipients=["lea@exemple.gouv.fr"], attempt=2)

    page = visit.goto("/admin/login/")
    page.get_by_label("Adresse e-mail").fill(admin.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    visit.check()
    expect(page.get_by_role("link", name="Tâches", exact=True)).to_be_visible()

    visit.goto("/admin/django_tasks_database/dbtaskresult/?statut=FAILED")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Envoi d’un e-mail")
    expect(rows.first).to_contain_text("Échouée")
    rows.first.get_by_role("link").first.click()
    visit.check()
    expect(page.locator("main, #content").first).to_contain_text("ConnectionRefusedError")
