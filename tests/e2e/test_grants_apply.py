"""A team applies to a call in Chromium (a validation error first, then the deposit and its
receipt); the instructeur asks for more information; the team completes it and the application
comes back « en instruction ». Every page is scanned by axe-core."""

import datetime
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from essaimage.enums import Role
from grants.enums import ApplicationStatus
from grants.models import Application
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree
from tests.factories.grants import CallFactory, ProgrammeFactory
from tests.factories.innovations import InnovationFactory


def fill_application(page, territory_label):
    page.locator("[name=summary]").fill("Essaimer la bourse aux matériaux dans deux départements.")
    page.locator("[name=amount_requested]").fill("20000")
    page.locator("[name=total_budget]").fill("30000")
    page.locator("[name=funding-0-source]").fill("Région Hauts-de-France")
    page.locator("[name=funding-0-amount]").fill("10000")
    page.locator("[name=budget-0-label]").fill("Personnel")
    page.locator("[name=budget-0-planned_amount]").fill("30000")
    page.locator("[name=target_territories]").fill(territory_label)
    page.locator("label[for=id_scaling_mode_1]").click()  # DSFR radios: the label takes the click
    page.locator("[name=scaling_partners]").fill("Deux ressourceries partenaires.")
    page.locator("[name=transfer_kit]").fill("Guide, modèles et formation.")
    page.locator("[name=success_indicators]").fill("Tonnes réemployées.")
    page.locator("[name=milestone-0-title]").fill("Premier territoire")
    page.locator("[name=milestone-0-due_date]").fill("2027-09-01")
    page.locator("[name=milestone-0-tranche_amount]").fill("20000")


def test_a_team_applies_and_completes_an_information_request(new_visit, db):
    lille = territory_tree()
    owner = UserFactory(email="porteuse@exemple.gouv.fr")
    instructeur = UserFactory(email="instructrice@exemple.gouv.fr", roles=[Role.AGENT, Role.INSTRUCTEUR])
    InnovationFactory(created_by=owner, title="Bourse aux matériaux de réemploi")
    call = CallFactory(programme=ProgrammeFactory(instructeurs=[instructeur]), title="Essaimage solidaire",
                       closes_at=timezone.now() + datetime.timedelta(days=5))

    # The team finds the call, prepares its application, makes a mistake.
    team = new_visit()
    login(team, "porteuse@exemple.gouv.fr", PASSWORD)
    page = team.goto(call.get_absolute_url())
    expect(page.locator("#call-timing")).to_contain_text("(heure de Paris), dans 4 jours")
    page.get_by_role("link", name="Déposer une demande").click()
    team.check()
    page.get_by_role("button", name="Préparer la demande Bourse aux matériaux de réemploi").click()
    team.check()
    fill_application(page, lille.label)
    page.locator("[name=funding-0-amount]").fill("")  # a co-funder without its amount
    page.get_by_role("button", name="Enregistrer et déposer la demande").click()
    team.check()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Indiquez le montant de cette source, ou videz la ligne.")
    expect(summary).to_be_focused()
    expect(page.locator("[name=scaling_partners]")).to_have_value("Deux ressourceries partenaires.")
    assert Application.objects.get().status == ApplicationStatus.DRAFT

    # Corrected, deposited: the receipt gives the reference number.
    page.locator("[name=funding-0-amount]").fill("10000")
    page.get_by_role("button", name="Enregistrer et déposer la demande").click()
    team.check()
    application = Application.objects.get()
    assert application.status == ApplicationStatus.SUBMITTED
    expect(page.get_by_role("heading", name="Votre demande est déposée")).to_be_visible()
    expect(page.locator("main")).to_contain_text(application.reference)

    # The instructeur asks for a detailed budget.
    office = new_visit()
    login(office, "instructrice@exemple.gouv.fr", PASSWORD)
    page2 = office.goto(application.get_absolute_url())
    page2.get_by_role("link", name="Demander des compléments").click()
    office.check()
    page2.get_by_label("Compléments demandés").fill("Détaillez le budget : personnel et formation.")
    page2.locator("label", has_text="Budget prévisionnel").click()
    page2.get_by_label("À transmettre avant le").fill(
        (timezone.localdate() + datetime.timedelta(days=10)).isoformat())
    page2.get_by_role("button", name="Envoyer la demande de compléments").click()
    office.check()
    expect(page2.locator(".fr-badge").first).to_contain_text("En attente de compléments")

    # The team completes only the budget and sends the application back.
    page = team.goto(application.get_absolute_url())
    expect(page.locator("#complements")).to_contain_text("Détaillez le budget")
    page.get_by_role("link", name="Compléter la demande").first.click()
    team.check()
    expect(page.locator("[name=summary]")).to_have_count(0)
    page.locator("[name=budget-0-planned_amount]").fill("24000")
    page.locator("[name=budget-1-label]").fill("Formation")
    page.locator("[name=budget-1-planned_amount]").fill("6000")
    page.get_by_role("button", name="Enregistrer et renvoyer les compléments").click()
    team.check()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    assert sorted(application.budget_lines.values_list("planned_amount", flat=True)) == [Decimal("6000.00"),
                                                                                        Decimal("24000.00")]
    expect(page.locator(".fr-badge").first).to_contain_text("En instruction")


def test_instructeur_pages_pass_axe_and_a_call_is_created_and_reweighted(new_visit, db):
    from grants import services
    from grants.enums import ApplicationAction
    from tests.factories.grants import ApplicationFactory

    instructeur = UserFactory(email="instructrice@exemple.gouv.fr", roles=[Role.AGENT, Role.INSTRUCTEUR])
    owner = UserFactory(email="porteuse@exemple.gouv.fr")
    programme = ProgrammeFactory(instructeurs=[instructeur], title="Programme national")
    call = CallFactory(programme=programme)
    application = ApplicationFactory(call=call, innovation=InnovationFactory(created_by=owner))
    services.application_transition(application=application, action=ApplicationAction.SUBMIT, by=owner)

    office = new_visit()
    login(office, "instructrice@exemple.gouv.fr", PASSWORD)
    for url in ["/mon-espace/", "/subventions/instruction/", f"/subventions/instruction/appels/{call.slug}/demandes/",
                f"/subventions/instruction/programmes/{programme.slug}/modifier/",
                "/subventions/instruction/programmes/nouveau/", application.get_absolute_url()]:
        office.goto(url)
    page = office.goto(f"/subventions/instruction/programmes/{programme.slug}/appels/nouveau/?copie={call.pk}")
    page.locator("[name=title]").fill("Essaimage 2028")
    page.locator("[name=opens_at]").fill("2028-01-10T09:00")
    page.locator("[name=closes_at]").fill("2028-03-10T12:00")
    page.locator("[name=envelope]").fill("100000")
    page.get_by_role("button", name="Enregistrer l’appel").click()
    office.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Critères d’évaluation – Essaimage 2028")
    page.locator("[name=criterion-0-weight]").fill("5")
    page.get_by_role("button", name="Enregistrer les critères").click()
    office.check()
    expect(page.locator("main .fr-alert--success")).to_contain_text("Les critères sont enregistrés.")
    page = office.goto("/subventions/appels/essaimage-2028/")
    expect(page.locator("#call-timing")).to_contain_text("Ouverture le 10 janvier 2028 à 9 h 00 (heure de Paris)")

    team = new_visit()
    login(team, "porteuse@exemple.gouv.fr", PASSWORD)
    for url in ["/mon-espace/", "/subventions/mes-demandes/", application.get_absolute_url(),
                f"/subventions/demandes/{application.pk}/recepisse/", "/subventions/?phase=ouvert", "/"]:
        team.goto(url)
