"""The innovation page: named replication counts, one declaration per agent (then updates),
scaling-mode hints, the declarer's message to the team, moderation wording, sidebar order, print."""

import pytest
from django.core import mail
from django.urls import reverse

from innovations import services
from innovations.enums import ReplicationStatus, Status
from innovations.models import Replication
from tests.factories import UserFactory
from tests.factories.core import territory_tree
from tests.factories.innovations import InnovationFactory, ReplicationFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def declaration(**overrides):
    data = {"organisation_name": "Mairie de Lille", "organisation_kind": "collectivite", "organisation_siret": "",
            "territory": "Lille (59350)", "scaling_mode": "partenariat", "status": "interesse", "adaptations": "",
            "message": ""}
    data.update(overrides)
    return data


def page(client, innovation) -> str:
    return client.get(innovation.get_absolute_url()).content.decode()


# --- Point 10: each number says what it counts ---------------------------------------------

def test_badge_counts_only_territories_where_the_replication_is_done(client_for):
    innovation = InnovationFactory()
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.REALISE)
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.EN_COURS)
    for _ in range(3):
        ReplicationFactory(innovation=innovation, status=ReplicationStatus.INTERESSE)
    html = page(client_for(None), innovation)
    assert "Essaimée dans 1 territoire<" in html
    assert "Essaimée dans 5" not in html and "Essaimée dans 4" not in html
    assert ("1\u00a0essaimage réalisé dans 1\u00a0territoire · 1\u00a0en cours · "
            "3\u00a0organisations intéressées") in html


def test_only_interested_agents_give_no_badge_and_singular_zero(client_for):
    innovation = InnovationFactory()
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.INTERESSE)
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.ABANDONNE)
    html = page(client_for(None), innovation)
    assert "Essaimée dans" not in html
    assert "0\u00a0essaimage réalisé · 0\u00a0en cours · 1\u00a0organisation intéressée · 1\u00a0abandonné" in html


def test_plural_of_done_replications(client_for):
    innovation = InnovationFactory()
    territory = territory_tree()
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.REALISE, territory=territory)
    ReplicationFactory(innovation=innovation, status=ReplicationStatus.REALISE)
    html = page(client_for(None), innovation)
    assert ("2\u00a0essaimages réalisés dans 2\u00a0territoires · 0\u00a0en cours · "
            "0\u00a0organisation intéressée") in html
    assert "Essaimée dans 2 territoires" in html


# --- Point 12: update instead of a second declaration ------------------------------------------

def test_after_declaring_the_page_offers_the_update_not_a_new_declaration(client_for, other_agent):
    territory_tree()
    innovation = InnovationFactory()
    client = client_for(other_agent)
    assert "Je souhaite essaimer cette innovation" in page(client, innovation)
    response = client.post(reverse("innovations:replicate", args=[innovation.slug]), declaration())
    assert response.status_code == 302
    mine = Replication.objects.get(declared_by=other_agent)
    html = page(client, innovation)
    assert "Je souhaite essaimer cette innovation" not in html
    assert "Mettre à jour ma déclaration" in html
    assert f'href="{reverse("innovations:replication_update", args=[mine.pk])}"' in html
    assert reverse("innovations:replicate", args=[innovation.slug]) not in html


def test_create_url_redirects_a_declarer_to_the_update_form_with_a_message(client_for, other_agent):
    innovation = InnovationFactory()
    mine = ReplicationFactory(innovation=innovation, declared_by=other_agent)
    client = client_for(other_agent)
    for response in (client.get(reverse("innovations:replicate", args=[innovation.slug])),
                     client.post(reverse("innovations:replicate", args=[innovation.slug]), declaration())):
        assert response.status_code == 302
        assert response["Location"] == reverse("innovations:replication_update", args=[mine.pk])
    follow = client.get(reverse("innovations:replicate", args=[innovation.slug]), follow=True).content.decode()
    assert f"Vous avez déjà déclaré l’essaimage de cette innovation{NBSP}:" in follow
    assert Replication.objects.filter(declared_by=other_agent).count() == 1


def test_another_agents_declaration_does_not_change_my_action(client_for, agent, other_agent):
    innovation = InnovationFactory()
    theirs = ReplicationFactory(innovation=innovation, declared_by=other_agent)
    html = page(client_for(agent), innovation)
    assert "Je souhaite essaimer cette innovation" in html
    assert reverse("innovations:replication_update", args=[theirs.pk]) not in html
    assert client_for(agent).get(reverse("innovations:replication_update", args=[theirs.pk])).status_code == 404


def test_anonymous_is_asked_to_log_in_to_replicate(client_for):
    innovation = InnovationFactory()
    html = page(client_for(None), innovation)
    assert "Se connecter pour essaimer cette innovation" in html
    assert "Mettre à jour ma déclaration" not in html


def test_an_archived_innovation_offers_no_replication_action(client_for, other_agent):
    innovation = InnovationFactory(status=Status.ARCHIVED, team=[other_agent])
    ReplicationFactory(innovation=innovation, declared_by=other_agent)
    html = page(client_for(other_agent), innovation)
    assert "Mettre à jour ma déclaration" not in html and "Je souhaite essaimer" not in html


def test_scaling_modes_are_explained_in_both_forms(client_for, other_agent):
    innovation = InnovationFactory()
    client = client_for(other_agent)
    create = client.get(reverse("innovations:replicate", args=[innovation.slug])).content.decode()
    mine = ReplicationFactory(innovation=innovation, declared_by=other_agent)
    update = client.get(reverse("innovations:replication_update", args=[mine.pk])).content.decode()
    for html in (create, update):
        assert "sans engagement formel avec l’équipe d’origine" in html  # diffusion
        assert "dans le cadre d’un accord ou d’une convention" in html  # partenariat
        assert "cahier des charges commun" in html  # affiliation ou franchise
        assert "ouvre elle-même une antenne" in html  # filiale
        assert 'class="fr-hint-text"' in html


def test_message_goes_to_the_team_with_the_declarer_as_reply_to(client_for, other_agent,
                                                                 django_capture_on_commit_callbacks):
    territory_tree()
    owner = UserFactory()
    innovation = InnovationFactory(created_by=owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(other_agent).post(reverse("innovations:replicate", args=[innovation.slug]),
                                                declaration(message="Pouvons-nous échanger sur le kit ?"))
    assert response.status_code == 302
    sent = mail.outbox[-1]
    assert sent.to == [owner.email]
    assert sent.reply_to == [other_agent.email]
    assert "Pouvons-nous échanger sur le kit\u202f?" in sent.body  # typeset like every e-mail
    assert other_agent.full_name in sent.body
    assert "Partenariat" in sent.body
    # The declarer's address never appears on the page, not even for the team.
    assert other_agent.email not in page(client_for(owner), innovation)


def test_declaration_without_message_has_no_reply_to(client_for, other_agent, django_capture_on_commit_callbacks):
    territory_tree()
    innovation = InnovationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other_agent).post(reverse("innovations:replicate", args=[innovation.slug]), declaration())
    assert mail.outbox[-1].reply_to == []
    assert "Message de" not in mail.outbox[-1].body


def test_update_with_a_message_only_notifies_the_team(client_for, other_agent, django_capture_on_commit_callbacks):
    owner = UserFactory()
    innovation = InnovationFactory(created_by=owner)
    mine = ReplicationFactory(innovation=innovation, declared_by=other_agent, status=ReplicationStatus.EN_COURS)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(other_agent).post(
            reverse("innovations:replication_update", args=[mine.pk]),
            {"scaling_mode": "diffusion", "status": "en_cours", "adaptations": "", "message": "Premier bilan joint."})
    assert response.status_code == 302
    assert response["Location"] == innovation.get_absolute_url() + "#essaimages"
    assert mail.outbox[-1].to == [owner.email] and mail.outbox[-1].reply_to == [other_agent.email]
    assert "Premier bilan joint." in mail.outbox[-1].body
    assert "toujours à l’état" in mail.outbox[-1].body


def test_too_many_messages_are_refused_and_the_text_is_kept(client_for, other_agent, settings):
    innovation = InnovationFactory()
    mine = ReplicationFactory(innovation=innovation, declared_by=other_agent)
    client = client_for(other_agent)
    url = reverse("innovations:replication_update", args=[mine.pk])
    data = {"scaling_mode": "diffusion", "status": mine.status, "adaptations": "", "message": "Encore un mot."}
    for _ in range(services.MESSAGES_PER_HOUR):
        assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "beaucoup de messages" in html
    assert "Encore un mot." in html


def test_message_is_bounded(client_for, other_agent):
    territory_tree()
    innovation = InnovationFactory()
    response = client_for(other_agent).post(reverse("innovations:replicate", args=[innovation.slug]),
                                            declaration(message="x" * 2001))
    assert response.status_code == 200
    assert not Replication.objects.exists()
    assert "2000" in response.content.decode() or "2 000" in response.content.decode()


# --- Point 13: moderation wording ---------------------------------------------------------------

def test_request_changes_message_and_history_are_natural(client_for, moderator):
    owner = UserFactory()
    innovation = InnovationFactory(status=Status.SUBMITTED, created_by=owner)
    client = client_for(moderator)
    response = client.post(reverse("innovations:moderate", args=[innovation.slug]),
                           {"action": "request_changes", "message": "Précisez les coûts."}, follow=True)
    html = response.content.decode()
    assert f"Modifications demandées à l’équipe de «{NBSP}{innovation.title}{NBSP}»" in html
    assert "est maintenant" not in html
    history = page(client_for(owner), innovation)
    assert f"Modifications demandées par {moderator.full_name}" in history
    assert f"«{NBSP}Précisez les coûts.{NBSP}»" in history.replace("&nbsp;", NBSP)
    assert "→" not in history


def test_history_names_who_published(client_for, moderator, django_capture_on_commit_callbacks):
    owner = UserFactory()
    innovation = InnovationFactory(status=Status.SUBMITTED, created_by=owner)
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=innovation, action="publish", by=moderator)
    assert f"Votre innovation «{NBSP}{innovation.title}{NBSP}» a été relue et publiée" in mail.outbox[-1].body
    html = page(client_for(owner), innovation)
    assert f"Publiée par {moderator.full_name}" in html


def test_archive_message(client_for, moderator):
    innovation = InnovationFactory()
    html = client_for(moderator).post(reverse("innovations:moderate", args=[innovation.slug]),
                                      {"action": "archive"}, follow=True).content.decode()
    assert "est archivée" in html and "n’apparaît plus dans le catalogue" in html


# --- Point 2: the sidebar in a sensible order ------------------------------------------------

def test_sidebar_order_and_moderation_heading_above_its_buttons(client_for, moderator):
    innovation = InnovationFactory(status=Status.SUBMITTED)
    html = page(client_for(moderator), innovation)
    aside = html[html.index("<aside"):html.index("</aside>")]
    positions = [aside.index(marker) for marker in (
        "En bref", 'id="moderation-title"', 'value="publish"', "Historique de modération")]
    assert positions == sorted(positions)


def test_main_action_comes_before_the_summary_card_in_the_sidebar(client_for, other_agent):
    innovation = InnovationFactory()
    html = page(client_for(other_agent), innovation)
    aside = html[html.index("<aside"):html.index("</aside>")]
    assert aside.index("Je souhaite essaimer") < aside.index("En bref")


def test_contact_hooks_are_included(client_for):
    innovation = InnovationFactory()
    ReplicationFactory(innovation=innovation)
    response = client_for(None).get(innovation.get_absolute_url())
    names = {template.name for template in response.templates}
    assert {"innovations/partials/contact_team.html", "innovations/partials/contact_replication.html"} <= names


# --- Point 16: print ----------------------------------------------------------------------------

def test_print_button_needs_javascript_and_the_sheet_carries_its_url(client_for):
    innovation = InnovationFactory()
    html = page(client_for(None), innovation)
    assert "fr-hidden\" data-print>Imprimer / PDF" in html
    assert f"http://testserver{innovation.get_absolute_url()}" in html
    assert 'class="essaimage-print-only"' in html


# With the bell, « Suivre » and the apps' innovation_sections (events presented, grants received, prizes:
# the catalogue version, then each app's set of innovations it has something to show for, read once per
# version in production and at each request in tests).
DETAIL_QUERIES_FOR_A_DECLARER = 14  # the same for 1 declaration and for 5


def test_detail_queries_do_not_grow_with_replications(client_for, other_agent, django_assert_num_queries):
    innovation = InnovationFactory()
    ReplicationFactory(innovation=innovation, declared_by=other_agent)
    client = client_for(other_agent)
    with django_assert_num_queries(DETAIL_QUERIES_FOR_A_DECLARER):
        response = client.get(innovation.get_absolute_url())
    assert len(response.context["innovation"].replications.all()) == 1
    for _ in range(4):
        ReplicationFactory(innovation=innovation, parent=Replication.objects.first())
    with django_assert_num_queries(DETAIL_QUERIES_FOR_A_DECLARER):
        response = client.get(innovation.get_absolute_url())
    assert len(response.context["innovation"].replications.all()) == 5
