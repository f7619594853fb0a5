"""Issue 3's story, end to end in Chromium, with an axe-core scan of every page visited."""

import re

from playwright.sync_api import expect

from essaimage.enums import Role
from innovations.models import Innovation, Replication
from innovations.reference_data import themes_ensure
from tests.e2e.conftest import login
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.core import PASSWORD, territory_tree

TITLE = "Épicerie solidaire itinérante"


def test_share_moderate_find_and_replicate(new_visit, db):
    themes_ensure()
    lille = territory_tree()
    territory_tree(commune="Amiens", commune_code="80021", dept="Somme", dept_code="80")
    UserFactory(email="autrice@exemple.gouv.fr", organisation=OrganisationFactory(name="CCAS de Lille"),
                         territory=lille)
    UserFactory(email="moderation@exemple.gouv.fr", roles=[Role.AGENT, Role.MODERATEUR])
    UserFactory(email="voisin@exemple.gouv.fr", organisation=OrganisationFactory(name="Mairie d'Amiens"))

    # 1. The author fills the form with one mistake: shares that do not add up to 100 %.
    agent = new_visit()
    login(agent, "autrice@exemple.gouv.fr", PASSWORD)
    page = agent.page
    page.get_by_role("link", name="Partager une innovation").first.click()
    agent.check()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Un camion épicerie dessert les quartiers sans commerce, à prix solidaires.")
    page.locator("label[for^='id_themes']", has_text="Alimentation et agriculture").click()
    page.locator("label[for^='id_stage']", has_text="Éprouvée").click()
    page.locator("#id_problem").fill("Des quartiers entiers sans commerce alimentaire accessible.")
    page.locator("#id_solution").fill("Un camion aménagé, tenu par des bénévoles et des salariés en insertion.")
    page.locator("#id_public_concerned").fill("Familles modestes, personnes âgées isolées.")
    page.locator("#id_grid-value_proposition").fill("Des produits frais à prix solidaires, au pied des immeubles.")
    page.locator("#id_funding-0-label").fill("CCAS")
    page.locator("#id_funding-0-share").fill("60")
    page.locator("#id_funding-1-label").fill("Fondation")
    page.locator("#id_funding-1-share").fill("30")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    agent.check()
    expect(page.locator("#error-summary")).to_contain_text("doivent totaliser 100 % (total actuel : 90 %)")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_grid-value_proposition")).to_have_value(
        "Des produits frais à prix solidaires, au pied des immeubles.")
    assert not Innovation.objects.exists()

    # 2. Fix it and save the draft; then complete what submission needs and submit.
    page.locator("#id_funding-1-share").fill("40")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    agent.check()
    expect(page.get_by_text("Vos modifications sont enregistrées.")).to_be_visible()
    assert Innovation.objects.get().status == "draft"
    page.locator("#id_grid-beneficiaries").fill("Les habitants des quartiers prioritaires.")
    page.get_by_role("button", name="Enregistrer et soumettre à la modération").click()
    agent.check()
    expect(page.get_by_text("Votre innovation est soumise")).to_be_visible()
    slug = Innovation.objects.get().slug

    # 3. The moderator requests changes from the queue.
    moderator = new_visit()
    login(moderator, "moderation@exemple.gouv.fr", PASSWORD)
    moderator.goto("/innovations/moderation/")
    moderator.page.get_by_role("link", name=TITLE).click()
    moderator.check()
    moderator.page.locator("#moderation-message").fill("Merci d’ajouter les résultats chiffrés.")
    moderator.page.get_by_role("button", name="Demander des modifications").click()
    moderator.check()
    assert Innovation.objects.get().status == "changes_requested"

    # 4. The author sees the message, completes and resubmits.
    agent.goto(f"/innovations/{slug}/")
    expect(agent.page.get_by_text("Merci d’ajouter les résultats chiffrés.")).to_be_visible()
    agent.page.get_by_role("link", name="Modifier la fiche").click()
    agent.check()
    agent.page.locator("#id_results").fill("1 200 familles servies par mois, 18 tonnes de produits frais en 2025.")
    agent.page.get_by_role("button", name="Enregistrer et soumettre à la modération").click()
    agent.check()

    # 5. The moderator publishes.
    moderator.goto(f"/innovations/{slug}/")
    moderator.page.get_by_role("button", name="Publier").click()
    moderator.check()
    assert Innovation.objects.get().status == "published"

    # 6. An anonymous visitor finds it: title word typed without accents, in the plural.
    visitor = new_visit()
    visitor.goto("/innovations/")
    visitor.page.get_by_label("Rechercher une innovation").fill("epiceries")
    visitor.page.get_by_role("button", name="Rechercher", exact=True).click()
    visitor.check()
    expect(visitor.page.get_by_role("link", name=TITLE)).to_be_visible()
    # Filters applied, kept in the URL.
    visitor.page.locator("label[for='theme-alimentation-agriculture']").click()
    visitor.page.get_by_role("button", name="Appliquer les filtres").click()
    visitor.check()
    expect(visitor.page).to_have_url(re.compile(r"q=epiceries.*theme=alimentation-agriculture"))
    expect(visitor.page.get_by_role("link", name=TITLE)).to_be_visible()
    visitor.page.get_by_role("link", name=TITLE).click()
    visitor.check()

    # 7. Another agent declares a replication.
    neighbour = new_visit()
    login(neighbour, "voisin@exemple.gouv.fr", PASSWORD)
    neighbour.goto(f"/innovations/{slug}/")
    neighbour.page.get_by_role("link", name="Je souhaite essaimer cette innovation").click()
    neighbour.check()
    neighbour.page.locator("#id_territory").fill("Amiens")
    neighbour.page.locator("label[for^='id_scaling_mode']", has_text="Partenariat").click()
    neighbour.page.locator("label[for^='id_status']", has_text="En cours").click()
    neighbour.page.locator("#id_adaptations").fill("Tournée étendue aux villages de la métropole.")
    neighbour.page.get_by_role("button", name="Déclarer l’essaimage").click()
    neighbour.check()
    expect(neighbour.page.get_by_text("Votre essaimage est déclaré")).to_be_visible()
    assert Replication.objects.get().territory.name == "Amiens"

    # 8. The author sees it on « Mes innovations ».
    agent.goto("/innovations/mes-innovations/")
    expect(agent.page.get_by_text("Tournée étendue aux villages de la métropole.")).to_be_visible()
    expect(agent.page.get_by_text("Mairie d'Amiens")).to_be_visible()
