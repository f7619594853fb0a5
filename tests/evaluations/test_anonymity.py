"""Anonymised campaigns: no juror or peer sees the team's names, organisation or territory
anywhere — page text, HTML source (attributes, titles), attachment names, e-mails. Every page a
juror or a peer can reach is rendered (the list, the conflict question, the entry and sheet, the
sent sheet, the invitation) and every e-mail they get, and searched for those strings."""

import pytest
from django.core import mail
from django.urls import reverse

from evaluations import scoring_services
from evaluations.anonymity import Redactor, fold
from evaluations.enums import CampaignPhase
from evaluations.models import Answer, Assignment, Question
from innovations.models import Attachment
from tests.evaluations.scoring_helpers import campaign_with_entries
from tests.factories import OrganisationFactory
from tests.factories.core import territory_tree

pytestmark = pytest.mark.django_db

SECRETS = ["Ségolène", "Lefèvre-Dauphin", "Mairie de Château-Thierry", "Château-Thierry", "Aisne", "Hauts-de-France"]


def make_identifiable(entry):
    """Entry A's team, organisation and territory have distinctive names, used in its texts."""
    commune = territory_tree(commune="Château-Thierry", commune_code="02168", dept="Aisne", dept_code="02",
                             region="Hauts-de-France", region_code="32")
    organisation = OrganisationFactory(name="Mairie de Château-Thierry", territory=commune)
    innovation = entry.innovation
    creator = innovation.created_by
    creator.first_name, creator.last_name, creator.organisation = "Ségolène", "Lefèvre-Dauphin", organisation
    creator.save()
    innovation.organisation, innovation.territory = organisation, commune
    innovation.title = "La conciergerie de CHATEAU-THIERRY"
    innovation.solution = ("Conçue par ségolène lefevre-dauphin à la mairie de Chateau-Thierry, dans l’Aisne "
                           "(Hauts-de-France).")
    innovation.save()
    entry.organisation = organisation
    entry.save()
    question = Question.objects.create(campaign=entry.campaign, label="Qui porte le projet ?")
    Answer.objects.create(entry=entry, question=question, text="L’équipe de Ségolène Lefèvre-Dauphin.")
    Attachment.objects.create(innovation=innovation, file="x.pdf", original_name="bilan-chateau-thierry.pdf",
                              content_type="application/pdf", size=10)


def assert_no_secret(text: str, where: str):
    folded = fold(text)
    for secret in SECRETS:
        assert fold(secret) not in folded, f"« {secret} » dans {where}"


def test_nothing_identifies_the_team_to_jurors_and_peers(client_for, django_capture_on_commit_callbacks):
    campaign, entries, (juror,) = campaign_with_entries(3, phase=CampaignPhase.PEER_REVIEW, jurors=1,
                                                        peers_per_entry=2, jurors_per_entry=1, anonymised=True)
    make_identifiable(entries[0])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        scoring_services.peer_assignments_create(campaign)
    evaluated = Assignment.objects.filter(entry=entries[0], panel="peer")
    assert evaluated.exists()
    peers = [a.evaluator for a in evaluated]
    campaign.phase = CampaignPhase.JURY
    campaign.save()
    with django_capture_on_commit_callbacks(execute=True):
        scoring_services.jury_assignments_create(campaign)
        scoring_services.juror_invite(campaign=campaign, email="nouveau.jure@exemple.gouv.fr",
                                      by=campaign.organisers.get())
    jury = Assignment.objects.get(entry=entries[0], panel="jury")
    pages = []
    for person, assignments in [(juror, [jury]), *[(peer, [a for a in evaluated if a.evaluator == peer])
                                                   for peer in peers]]:
        client = client_for(person)
        pages.append(("liste", client.get(reverse("evaluations:scoring_tasks", args=[campaign.slug]))))
        pages.append(("campagne", client.get(campaign.get_absolute_url())))
        pages.append(("mon espace", client.get(reverse("dashboard"))))
        for assignment in assignments:
            url = reverse("evaluations:assignment", args=[assignment.pk])
            pages.append(("conflit", client.get(url)))
            Assignment.objects.filter(pk=assignment.pk).update(conflict="none", conflict_declared_at=jury.created_at)
            if assignment.panel == "peer":  # the peer phase, for the peers' own sheet
                campaign.phase = CampaignPhase.PEER_REVIEW
                campaign.save()
            pages.append(("fiche", client.get(url)))
            data = {"action": "submit", "comment": "ok"}
            for criterion in campaign.criteria.all():
                data[f"score_{criterion.pk}"] = "3"
            pages.append(("envoi", client.post(url, data, follow=True)))
            pages.append(("fiche envoyée", client.get(url)))
            campaign.phase = CampaignPhase.JURY
            campaign.save()
    token_mail = [m for m in mail.outbox if "nouveau.jure@exemple.gouv.fr" in m.to][0]
    path = "/" + token_mail.body.split("http://")[1].split()[0].split("/", 1)[1]
    pages.append(("invitation", client_for(None).get(path)))
    assert len(pages) >= 10
    for name, response in pages:
        assert response.status_code == 200, name
        assert_no_secret(response.content.decode(), f"la page « {name} »")
    # The texts were there, masked (the page is not just empty).
    fiche = next(response for name, response in pages if name == "fiche").content.decode()
    assert "La conciergerie de [masqué]" in fiche and "Conçue par [masqué] à la [masqué]" in fiche
    assert "bilan" not in fiche  # no attachment name
    evaluator_emails = {juror.email, *(peer.email for peer in peers), "nouveau.jure@exemple.gouv.fr"}
    received = [m for m in mail.outbox if set(m.to) & evaluator_emails]
    assert received
    for message in received:
        assert_no_secret(message.subject + message.body + "".join(str(a[0]) for a in message.alternatives),
                         f"l’e-mail « {message.subject} »")


def test_a_campaign_that_is_not_anonymised_shows_the_texts_as_they_are(client_for):
    campaign, entries, (juror,) = campaign_with_entries(1, jurors=1, anonymised=False)
    make_identifiable(entries[0])
    from tests.evaluations.scoring_helpers import assign_jury

    (assignment,) = assign_jury(campaign, [(entries[0], juror)])
    Assignment.objects.filter(pk=assignment.pk).update(conflict="none", conflict_declared_at=assignment.created_at)
    page = client_for(juror).get(reverse("evaluations:assignment", args=[assignment.pk])).content.decode()
    assert "CHATEAU-THIERRY" in page and "Voir la fiche publique" in page


def test_redactor_is_accent_and_case_insensitive_and_keeps_words():
    redactor = Redactor(["Évry-Courcouronnes", "Lefèvre"])
    assert redactor.redact("À EVRY-COURCOURONNES, m. lefevre et Lefèvres.") == "À [masqué], m. [masqué] et Lefèvres."
    assert Redactor([], active=False).redact("Évry") == "Évry"
