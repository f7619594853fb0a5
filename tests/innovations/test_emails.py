"""Wording of the moderation e-mails: natural French for each decision, the organisation with its
article, French typography kept in subjects and bodies (issue 7, point 13)."""

import re

import pytest
from django.core import mail

from essaimage.enums import OrganisationKind
from innovations import services
from innovations.enums import ModerationAction, Status
from tests.factories import OrganisationFactory
from tests.innovations.helpers import save_draft

pytestmark = pytest.mark.django_db

NB = "\u00a0"


def run(action, innovation, by, django_capture_on_commit_callbacks, message=""):
    with django_capture_on_commit_callbacks(execute=True):
        services.innovation_transition(innovation=innovation, action=action, by=by, message=message)
    return mail.outbox[-1]


def assert_french_typography(text):
    assert not re.search(r"[ \t][:;!?](\s|$)", text), text
    assert not re.search(r"« | »", text), text
    assert "'" not in text, text


def test_submission_tells_moderators_who_proposes_it_with_the_article(agent, moderator, themes,
                                                                      django_capture_on_commit_callbacks):
    agent.organisation = OrganisationFactory(name="Département des Landes", kind=OrganisationKind.COLLECTIVITE)
    agent.save()
    innovation = save_draft(agent, themes, organisation=agent.organisation)
    sent = run(ModerationAction.SUBMIT, innovation, agent, django_capture_on_commit_callbacks)
    assert sent.to == [moderator.email]
    assert sent.subject == f"[Essaimage] À relire{NB}: «{NB}Covoiturage solidaire rural{NB}»"
    assert f"«{NB}Covoiturage solidaire rural{NB}», proposée par le Département des Landes." in sent.body
    assert "publiez-la ou demandez à l’équipe les modifications nécessaires" in sent.body
    assert_french_typography(sent.subject + "\n" + sent.body)


@pytest.mark.parametrize("action,subject_end,sentence", [
    (ModerationAction.PUBLISH, "est publiée", "a été relue et publiée"),
    (ModerationAction.REQUEST_CHANGES, None, "vous demande quelques modifications avant de la publier"),
])
def test_moderation_decisions_read_as_sentences(agent, moderator, themes, django_capture_on_commit_callbacks,
                                                action, subject_end, sentence):
    innovation = save_draft(agent, themes)
    run(ModerationAction.SUBMIT, innovation, agent, django_capture_on_commit_callbacks)
    message = "Précisez les résultats chiffrés." if action == ModerationAction.REQUEST_CHANGES else ""
    sent = run(action, innovation, moderator, django_capture_on_commit_callbacks, message=message)
    assert sent.to == [agent.email]
    if subject_end:
        assert sent.subject == f"[Essaimage] Votre innovation «{NB}Covoiturage solidaire rural{NB}» {subject_end}"
    else:
        assert sent.subject == f"[Essaimage] Des modifications sont demandées sur «{NB}Covoiturage solidaire rural{NB}»"
        assert f"Message de la modération{NB}:\nPrécisez les résultats chiffrés." in sent.body
        assert "soumettez-la de nouveau" in sent.body
    assert sentence in sent.body
    for clumsy in ("a pris une décision", ": demander des modifications", "Nouveau statut", ": publier"):
        assert clumsy not in sent.body
    assert_french_typography(sent.subject + "\n" + sent.body)


def test_archiving_and_republishing_say_so(agent, moderator, themes, django_capture_on_commit_callbacks):
    innovation = save_draft(agent, themes)
    run(ModerationAction.SUBMIT, innovation, agent, django_capture_on_commit_callbacks)
    run(ModerationAction.PUBLISH, innovation, moderator, django_capture_on_commit_callbacks)
    archived = run(ModerationAction.ARCHIVE, innovation, moderator, django_capture_on_commit_callbacks)
    assert archived.subject.endswith("est archivée")
    assert "elle n’apparaît plus dans le catalogue" in archived.body
    restored = run(ModerationAction.RESTORE, innovation, moderator, django_capture_on_commit_callbacks)
    assert restored.subject.endswith("est de nouveau publiée")
    innovation.refresh_from_db()
    assert innovation.status == Status.PUBLISHED
    assert_french_typography(archived.body + restored.body)


def test_password_reset_email_uses_french_typography(client, agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # account e-mails leave on commit
        client.post("/compte/mot-de-passe/oubli/", {"email": agent.email})
    body = mail.outbox[-1].body
    assert "n’êtes pas à l’origine" in body
    assert_french_typography(body)
