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

    # 1. The author fills the form; the funding shares do not add up to 100 % yet, and she adds
    #    a file before saving: the draft is saved with the file and everything typed.
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
    page.locator("#id_links").fill("https://exemple.fr/epicerie")
    page.locator("#id_grid-value_proposition").fill("Des produits frais à prix solidaires, au pied des immeubles.")
    page.locator("#id_funding-0-label").fill("CCAS")
    page.locator("#id_funding-0-share").fill("60")
    page.locator("#id_funding-1-label").fill("Fondation")
    page.locator("#id_funding-1-share").fill("30")
    page.locator("#id_file").set_input_files(
        files=[{"name": "bilan-2025.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n" + b"0" * 3000}])
    page.locator("#id_description").fill("Bilan 2025 de la tournée")
    page.get_by_role("button", name="Ajouter le fichier").click()
    agent.check()
    expect(page.get_by_text("Pièce jointe «\u00a0bilan-2025.pdf\u00a0» ajoutée.")).to_be_visible()
    expect(page.locator("#id_links")).to_have_value("https://exemple.fr/epicerie")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("ul.essaimage-attachments")).to_contain_text("PDF – 3\u00a0Ko")
    expect(page.locator("#a-completer")).to_contain_text("le financement, dont les parts doivent totaliser 100")
    expect(page.locator("#a-completer")).to_contain_text("les bénéficiaires")
    innovation = Innovation.objects.get()
    assert innovation.status == "draft" and innovation.attachments.get().description == "Bilan 2025 de la tournée"
    page.screenshot(path="/tmp/editform_story_form.png", full_page=True)

    # 2. The links to what is missing lead to the fields; fix them and submit.
    page.locator("#a-completer").get_by_role("link", name="les bénéficiaires").click()
    expect(page.locator("#id_grid-beneficiaries")).to_be_in_viewport()
    page.locator("#id_grid-beneficiaries").fill("Les habitants des quartiers prioritaires.")
    page.locator("#id_funding-1-share").fill("40")
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

    # 4. The author sees the message on the page and on the form, completes and resubmits.
    agent.goto(f"/innovations/{slug}/")
    expect(agent.page.locator("#demande-de-modifications")).to_contain_text("Merci d’ajouter les résultats chiffrés.")
    agent.page.get_by_role("link", name="Modifier la fiche").click()
    agent.check()
    expect(agent.page.locator("#demande-de-modifications")).to_contain_text("Merci d’ajouter les résultats chiffrés.")
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
