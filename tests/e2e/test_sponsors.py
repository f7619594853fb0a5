"""Sponsors in Chromium with axe-core on every page: a team finds a sponsor in the directory
and on the map, asks for a sponsorship from its innovation's page; the sponsor accepts it from
« Mon espace » and writes a check-in, which the team then reads."""

import re

from playwright.sync_api import expect

from essaimage.enums import Role
from innovations.reference_data import themes_ensure
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree
from tests.factories.innovations import InnovationFactory
from tests.factories.sponsors import SponsorProfileFactory


def seed():
    themes_ensure()
    from innovations.models import Theme

    sante = Theme.objects.get(slug="sante")
    lille = territory_tree()
    team = UserFactory(email="camille@exemple.gouv.fr", first_name="Camille", last_name="Martin")
    innovation = InnovationFactory(title="Maison de santé itinérante", created_by=team, territory=lille,
                                   themes=[sante])
    sponsor_user = UserFactory(email="bernard@exemple.gouv.fr", first_name="Bernard", last_name="Lemaire",
                               roles=[Role.AGENT, Role.PARRAIN])
    SponsorProfileFactory(user=sponsor_user, themes=[sante], territories=[lille.parent], capacity=2)
    SponsorProfileFactory(user=UserFactory(first_name="Maëlle", last_name="Le Goff"),
                          themes=[Theme.objects.get(slug="culture")], territories=[lille.parent.parent])
    return innovation


def assert_no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_find_request_accept_and_check_in(new_visit, db):
    innovation = seed()
    team = new_visit()
    login(team, "camille@exemple.gouv.fr", PASSWORD)
    # The directory, filtered by theme, at both widths.
    page = team.goto("/parrains/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Parrains et marraines")
    page.get_by_label("Thème d’expertise").select_option(label="Santé")
    page.get_by_role("button", name="Appliquer les filtres").click()
    team.check()
    expect(page.get_by_role("link", name="Bernard Lemaire")).to_be_visible()
    expect(page.get_by_role("link", name="Maëlle Le Goff")).to_have_count(0)
    page.set_viewport_size({"width": 375, "height": 812})
    team.goto("/parrains/")
    assert_no_horizontal_scroll(page)
    # The map: each département a link with its name and count (one covers the Nord, the other the
    # whole région); the table alternative.
    team.goto("/parrains/carte/")
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.get_by_role("link", name=re.compile(r"^Nord \(59\)\s:\s2 parrains et marraines"))).to_have_count(1)
    expect(page.get_by_role("table")).to_be_visible()
    # The innovation's page suggests the sponsor, with reasons; the team asks.
    team.goto(innovation.get_absolute_url())
    suggestions = page.get_by_role("region", name="Parrains et marraines suggérés")
    expect(suggestions.get_by_text("Couvre le département de l’innovation (Nord)")).to_be_visible()
    suggestions.get_by_role("link", name=re.compile("Demander un parrainage")).first.click()
    team.check()
    page.get_by_label("Votre message").fill("Nous voulons essaimer dans le Nord : pouvez-vous nous aider ?")
    page.get_by_role("button", name="Envoyer la demande").click()
    team.check()
    expect(page.get_by_text("Votre demande est envoyée")).to_be_visible()

    sponsor = new_visit()
    login(sponsor, "bernard@exemple.gouv.fr", PASSWORD)
    expect(sponsor.page.get_by_text("Demandes de parrainage à traiter")).to_be_visible()
    sponsor.page.get_by_role("link", name="Maison de santé itinérante").first.click()
    sponsor.check()
    sponsor.page.get_by_label("Objectifs convenus").fill("Deux territoires pilotes dans le Nord d’ici juin.")
    sponsor.page.get_by_role("button", name="Accepter et commencer le parrainage").click()
    sponsor.check()
    expect(sponsor.page.get_by_text("Vous parrainez désormais")).to_be_visible()
    # A check-in by keyboard.
    sponsor.page.get_by_label("Notes").fill("Premier échange : deux communes intéressées.")
    sponsor.page.get_by_label("Prochaine étape").fill("Visite sur site")
    sponsor.page.get_by_role("button", name="Enregistrer le point").focus()
    with sponsor.page.expect_navigation():
        sponsor.page.keyboard.press("Enter")
    sponsor.check()
    expect(sponsor.page.get_by_text("Point d’étape enregistré.")).to_be_visible()
    sponsorship_url = sponsor.page.url

    # The team reads it (private to the team and the sponsor).
    team.goto(sponsorship_url.removeprefix(team.base_url))
    expect(page.get_by_text("Premier échange : deux communes intéressées.")).to_be_visible()
    outsider = new_visit()
    UserFactory(email="ines@exemple.gouv.fr")
    login(outsider, "ines@exemple.gouv.fr", PASSWORD)
    outsider.goto(sponsorship_url.removeprefix(outsider.base_url))
    expect(outsider.page.get_by_text("Premier échange")).to_have_count(0)


def test_volunteer_then_moderator_approves(new_visit, db):
    seed()
    UserFactory(email="ines@exemple.gouv.fr", first_name="Inès", last_name="Benali")
    UserFactory(email="julien@exemple.gouv.fr", roles=[Role.AGENT, Role.MODERATEUR])
    agent = new_visit()
    login(agent, "ines@exemple.gouv.fr", PASSWORD)
    page = agent.goto("/parrains/devenir-parrain/")
    page.get_by_label("Présentation").fill("J’ai essaimé une épicerie solidaire dans trois communes.")
    page.locator("label", has_text="Santé").click()  # the DSFR label covers its checkbox
    page.locator("label", has_text="Hauts-de-France").click()
    page.get_by_role("button", name="Enregistrer et soumettre à la validation").click()
    agent.check()
    expect(page.get_by_text("Votre profil est envoyé à la modération")).to_be_visible()
    moderator = new_visit()
    login(moderator, "julien@exemple.gouv.fr", PASSWORD)
    moderator.goto("/parrains/moderation/")
    moderator.page.get_by_role("link", name="Inès Benali").click()
    moderator.check()
    moderator.page.get_by_role("button", name="Approuver").click()
    moderator.check()
    expect(moderator.page.get_by_text("Décision enregistrée")).to_be_visible()
    agent.goto("/parrains/")
    expect(page.get_by_role("list", name="parrains et marraines").get_by_role("link", name="Inès Benali")) \
        .to_be_visible()
