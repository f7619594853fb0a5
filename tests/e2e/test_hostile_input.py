"""In a browser: a draft with a wrong SIRET is saved, the SIRET's error is shown beside the typed
value, and a territory pasted far too long is a quick, readable error (axe on every page)."""

from playwright.sync_api import expect

from essaimage.models import Organisation
from innovations.models import Innovation
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree


def test_a_draft_with_a_wrong_siret_is_saved_and_the_siret_kept_to_correct(visit, db):
    territory_tree()
    user = UserFactory(email="siret@exemple.gouv.fr")
    login(visit, user.email, PASSWORD)
    page = visit.goto("/innovations/nouvelle/")
    page.get_by_label("Titre").fill("Navette solidaire")
    page.get_by_label("Problème traité").fill("Un texte à ne pas perdre.")
    page.locator("#id_organisation_name").fill("Mairie de Lille")
    page.locator("#id_organisation_kind").select_option("collectivite")
    page.locator("#id_organisation_siret").fill("215 903 501 00018")
    page.locator("button.fr-btn[name=action][value=save]").click()
    visit.check()
    expect(page.get_by_text("Votre fiche est enregistrée, sauf le SIRET de l’organisation")).to_be_visible()
    expect(page.locator("#id_organisation_siret")).to_have_value("215 903 501 00018")
    expect(page.get_by_label("Problème traité")).to_have_value("Un texte à ne pas perdre.")
    assert Innovation.objects.get().problem == "Un texte à ne pas perdre."

    page.locator("#id_organisation_siret").fill("215 903 501 00017")
    page.locator("button.fr-btn[name=action][value=save]").click()
    visit.check()
    expect(page.get_by_text("Vos modifications sont enregistrées.")).to_be_visible()
    assert Innovation.objects.count() == 1
    assert Organisation.objects.get(name="Mairie de Lille").siret == "21590350100017"


def test_an_over_long_territory_on_the_profile_is_a_readable_error(visit, db):
    territory_tree()
    user = UserFactory(email="territoire@exemple.gouv.fr")
    login(visit, user.email, PASSWORD)
    page = visit.goto("/compte/profil/")
    page.eval_on_selector("#id_territory", "el => { el.removeAttribute('maxlength'); el.value = '('.repeat(32000); }")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    visit.check()
    expect(page.get_by_text("Un nom de territoire compte au plus 150 caractères").first).to_be_visible()
