import re

from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url
from playwright.sync_api import expect

from essaimage.models import User
from tests.e2e.conftest import login
from tests.factories.core import territory_tree

PASSWORD = "Un-mot-de-passe-solide-2026"


def test_newcomer_signs_up_logs_in_and_edits_profile(visit, db):
    territory_tree()
    page = visit.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ce qui marche quelque part")
    page.get_by_role("link", name="Créer un compte").first.click()
    visit.check()

    # One mistake: the two passwords differ. The error is clear and the typed data is kept.
    page.get_by_label("Prénom").fill("Aïcha")
    page.get_by_label("Nom", exact=True).fill("Diallo")
    page.get_by_label("Adresse e-mail professionnelle").fill("aicha.diallo@lille.fr")
    page.get_by_label("Organisation", exact=False).first.fill("Mairie de Lille")
    page.get_by_label("Type de structure", exact=False).select_option(label="Collectivité territoriale")
    page.get_by_label("Votre territoire").fill("lille")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD + "x")
    page.get_by_role("button", name="Créer mon compte").click()
    visit.check()
    expect(page.get_by_text("Les deux mots de passe ne sont pas identiques.").first).to_be_visible()
    expect(page.get_by_label("Prénom")).to_have_value("Aïcha")
    expect(page.get_by_label("Votre territoire")).to_have_value("lille")

    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    visit.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")

    # The link of the e-mail opens a page whose button confirms the address and logs in.
    assert mail.outbox[-1].to == ["aicha.diallo@lille.fr"]
    link = re.search(r"https?://[^/\s]+(/compte/inscription/confirmer/\S+)", mail.outbox[-1].body).group(1)
    visit.goto(link)
    page.get_by_role("button", name="Confirmer mon adresse").click()
    visit.check()
    expect(page).to_have_url(re.compile(re.escape(resolve_url(settings.LOGIN_REDIRECT_URL)) + "$"))
    expect(page.get_by_text("votre adresse est confirmée")).to_be_visible()
    user = User.objects.get(email="aicha.diallo@lille.fr")
    assert user.is_active and user.territory.name == "Lille" and user.organisation.name == "Mairie de Lille"

    # Log out, log back in, edit the profile.
    page.get_by_role("button", name="Se déconnecter").click()
    visit.check()
    login(visit, "aicha.diallo@lille.fr", PASSWORD)
    expect(page).to_have_url(re.compile(re.escape(resolve_url(settings.LOGIN_REDIRECT_URL)) + "$"))
    page.get_by_role("link", name="Mon profil", exact=True).click()
    visit.check()
    expect(page).to_have_url(re.compile(r"/compte/profil/$"))
    page.get_by_label("Nom", exact=True).fill("Diallo-Martin")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    visit.check()
    expect(page.get_by_text("Votre profil est enregistré.")).to_be_visible()
    user.refresh_from_db()
    assert user.last_name == "Diallo-Martin"


def test_public_pages_are_accessible(visit, db):
    for path in ["/", "/accessibilite/", "/mentions-legales/", "/donnees-personnelles/", "/plan-du-site/",
                 "/a-propos/", "/compte/connexion/", "/compte/mot-de-passe/oubli/",
                 "/compte/mot-de-passe/oubli/envoye/",
                 "/compte/inscription/envoyee/", "/compte/inscription/confirmer/MQ/lien-perime/", "/page-inexistante/"]:
        visit.goto(path)
        expect(visit.page.locator("header.fr-header")).to_be_visible()
        expect(visit.page.locator("footer.fr-footer")).to_contain_text("Accessibilité")


def test_keyboard_reaches_content_through_skip_link(visit, db):
    page = visit.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Contenu"
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")


def test_catalogue_search_works_with_the_keyboard_alone(visit, db):
    from tests.factories.innovations import InnovationFactory

    InnovationFactory(title="Ressourcerie solidaire du bocage")
    page = visit.goto("/innovations/")
    page.locator("#id_q").focus()
    page.keyboard.type("ressourceries")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visit.check()
    assert "q=ressourceries" in page.url
    link = page.get_by_role("link", name="Ressourcerie solidaire du bocage")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visit.check()
    assert page.locator("h1").inner_text() == "Ressourcerie solidaire du bocage"
