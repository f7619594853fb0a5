"""Prize campaigns, part 1, in the browser: a team enters a campaign (warned about its name in an
anonymised campaign), the organiser rules on eligibility, records the prize, publishes the
results; the winner's badge shows on the innovation page and in the catalogue. Every page is
scanned by axe; the organiser's other pages too."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from essaimage.enums import Role
from evaluations.enums import CampaignPhase, EntryStatus
from evaluations.models import Campaign, Entry
from tests.e2e.conftest import login
from tests.factories import UserFactory
from tests.factories.core import PASSWORD, territory_tree
from tests.factories.evaluations import CampaignFactory, EntryFactory, dates_for
from tests.factories.innovations import InnovationFactory


def test_enter_rule_award_publish_and_badge(new_visit, db):
    organiser = UserFactory(email="organisatrice@exemple.gouv.fr", roles=[Role.AGENT, Role.ORGANISATEUR])
    member = UserFactory(email="equipe@exemple.gouv.fr", first_name="Hélène", last_name="Dupré-Lagarde")
    InnovationFactory(title="Une autre innovation")  # not awarded: filtered out
    InnovationFactory(created_by=member, title="Le guichet mobile", territory=territory_tree())
    campaign = CampaignFactory(at=CampaignPhase.CANDIDATURES, created_by=organiser, title="Prix Essaimer 2026")

    # The team enters its innovation; its answer names a member: warned, then submits anyway.
    team = new_visit()
    login(team, member.email, PASSWORD)
    page = team.goto(campaign.get_absolute_url())
    page.get_by_role("link", name="Présenter une innovation").click()
    team.check()
    page.get_by_label("Le guichet mobile").check(force=True)
    page.get_by_label("Services aux usagers").check(force=True)
    page.get_by_role("button", name="Créer la candidature").click()
    team.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Le guichet mobile")
    page.get_by_label("Qu’est-ce qui rend votre innovation transférable ?").fill(
        "Un kit complet, conçu par Hélène Dupré-Lagarde.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    team.check()
    expect(page.get_by_role("status").first).to_contain_text("Brouillon enregistré")
    page.get_by_role("button", name="Déposer la candidature").click()
    team.check()
    expect(page.get_by_role("alert").filter(has_text="lever l’anonymat")).to_contain_text("Dupré-Lagarde")
    page.get_by_label("Qu’est-ce qui rend votre innovation transférable ?").fill("Un kit complet, testé trois fois.")
    page.get_by_role("button", name="Déposer la candidature").click()
    team.check()
    expect(page.get_by_role("status").first).to_contain_text("Candidature déposée")
    entry = Entry.objects.get()
    assert entry.state == EntryStatus.SUBMITTED

    # The organiser rules: eligible, with a word for the team.
    boss = new_visit()
    login(boss, organiser.email, PASSWORD)
    page = boss.goto(f"/prix/{campaign.slug}/organisation/")
    page.get_by_role("link", name="Examiner les candidatures").click()
    boss.check()
    page.get_by_role("link", name="Le guichet mobile").click()
    boss.check()
    page.get_by_label("Recevable : la candidature concourt").check(force=True)
    page.get_by_label("Motif communiqué à l’équipe").fill("Dossier complet, bienvenue dans la compétition.")
    page.get_by_role("button", name="Enregistrer la décision").click()
    boss.check()
    expect(page.get_by_role("status").first).to_contain_text("Décision enregistrée")
    page = team.goto(f"/prix/candidatures/{entry.pk}/")
    expect(page.get_by_text("Candidature recevable")).to_be_visible()
    expect(page.get_by_text("Dossier complet, bienvenue dans la compétition.").first).to_be_visible()

    # Deliberation: the organiser records the prize; the results date comes; a category without a
    # prize keeps the results from going out by themselves: the organiser publishes them.
    campaign.categories.create(name="Santé", prizes_count=1)
    dates = dates_for(CampaignPhase.DELIBERATION)
    dates["results_start"] = timezone.now() - timedelta(minutes=1)
    Campaign.objects.filter(pk=campaign.pk).update(phase=CampaignPhase.DELIBERATION, **dates)
    page = boss.goto(f"/prix/{campaign.slug}/organisation/laureats/")
    page.get_by_label("Citation").first.fill("Un service qui va vers les usagers, repris dans trois départements.")
    page.get_by_role("button", name="Attribuer le prix").click()
    boss.check()
    expect(page.get_by_role("status").first).to_contain_text("Prix enregistré")
    page = boss.goto(f"/prix/{campaign.slug}/organisation/")
    page.get_by_role("button", name="Publier les résultats").click()
    boss.check()
    expect(page.get_by_role("status").first).to_contain_text("Résultats publiés")

    # Anyone reads the results; the winner carries its badge on its page and in the catalogue.
    visitor = new_visit()
    page = visitor.goto(f"/prix/{campaign.slug}/resultats/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Résultats — Prix Essaimer 2026")
    expect(page.get_by_text("« Un service qui va vers les usagers, repris dans trois départements. »")).to_be_visible()
    page.get_by_role("link", name="Le guichet mobile").click()
    visitor.check()
    expect(page.get_by_role("link", name="Primée — Prix Essaimer 2026")).to_be_visible()
    page = visitor.goto("/innovations/?primee=oui")
    expect(page.get_by_role("link", name="Le guichet mobile", exact=True)).to_be_visible()
    expect(page.locator(".essaimage-result")).to_have_count(1)
    expect(page.locator(".essaimage-result").get_by_text("Primée à un prix")).to_be_visible()


def test_every_organiser_and_public_page_passes_axe(new_visit, db):
    organiser = UserFactory(email="organisatrice@exemple.gouv.fr", roles=[Role.AGENT, Role.ORGANISATEUR])
    voter = UserFactory(email="votante@exemple.gouv.fr")
    now = timezone.now()
    campaign = CampaignFactory(at=CampaignPhase.JURY, created_by=organiser, public_prize=True,
                               public_vote_start=now - timedelta(days=2), public_vote_end=now + timedelta(days=2))
    entry = EntryFactory(campaign=campaign, status=EntryStatus.ELIGIBLE)
    EntryFactory(campaign=campaign, status=EntryStatus.ELIGIBLE)
    draft = CampaignFactory(at=CampaignPhase.DRAFT, created_by=organiser)
    boss = new_visit()
    login(boss, organiser.email, PASSWORD)
    for path in ["/prix/", "/prix/nouvelle/", f"/prix/{campaign.slug}/", f"/prix/{campaign.slug}/organisation/",
                 f"/prix/{campaign.slug}/organisation/modifier/", f"/prix/{campaign.slug}/organisation/prolonger/",
                 f"/prix/{campaign.slug}/organisation/candidatures/", f"/prix/{campaign.slug}/organisation/laureats/",
                 f"/prix/{campaign.slug}/resultats/", f"/prix/candidatures/{entry.pk}/",
                 f"/prix/{draft.slug}/organisation/modifier/", f"/prix/{draft.slug}/organisation/categories/",
                 f"/prix/{draft.slug}/organisation/criteres/", f"/prix/{draft.slug}/organisation/questions/",
                 "/prix/mes-candidatures/"]:
        boss.goto(path)
    page = boss.goto(f"/prix/{draft.slug}/organisation/categories/")
    page.get_by_role("button", name="Enregistrer").click()  # empty: errors shown, accessible
    boss.check()
    expect(page.locator("#error-summary")).to_be_visible()
    agent = new_visit()
    login(agent, voter.email, PASSWORD)
    page = agent.goto(f"/prix/{campaign.slug}/vote/")
    page.get_by_label(entry.innovation.title).check(force=True)
    page.get_by_role("button", name="Voter dans « Services aux usagers »").click()
    agent.check()
    expect(page.get_by_role("status").first).to_contain_text("votre vote")
