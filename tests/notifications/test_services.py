"""notify(): a notice for each person, the e-mail by their preference; follows; the digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from innovations import notices as kinds
from innovations.enums import Status
from notifications import services
from notifications.enums import Frequency
from notifications.models import Follow, Notice, NoticePreference
from tests.factories import UserFactory
from tests.factories.innovations import InnovationFactory
from tests.notifications.conftest import edit

pytestmark = pytest.mark.django_db

NOTIFY = {"context": {"title": "Cantine bio", "url": "/innovations/cantine-bio/"}, "url": "/innovations/cantine-bio/"}


def test_notify_creates_one_notice_each_and_emails_the_immediate_ones_on_commit(
        innovation, agent, other_agent, django_capture_on_commit_callbacks):
    digest, never = UserFactory(), UserFactory()
    NoticePreference.objects.create(user=digest, kind=kinds.FOLLOWED_NEW_VERSION, frequency=Frequency.DIGEST)
    NoticePreference.objects.create(user=never, kind=kinds.FOLLOWED_NEW_VERSION, frequency=Frequency.NEVER)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        created = services.notify([other_agent, digest, never, other_agent], kinds.FOLLOWED_NEW_VERSION, innovation,
                                  **NOTIFY)
        assert mail.outbox == []  # nothing before the commit
    with django_capture_on_commit_callbacks(execute=True):  # the delivery, queued on commit in turn
        for callback in callbacks:
            callback()
    assert len(created) == 3
    assert [message.to for message in mail.outbox] == [[other_agent.email]]
    notice = Notice.objects.get(recipient=digest)
    assert notice.in_digest and notice.target == innovation and notice.read_at is None
    assert notice.title == "Nouvelle version de «\u00a0Cantine bio\u00a0»"  # from the subject, typeset
    assert not Notice.objects.get(recipient=never).in_digest  # in the site, never e-mailed


def test_notify_skips_inactive_and_excluded_people_and_is_silent_when_muted(innovation, agent, other_agent,
                                                                            django_capture_on_commit_callbacks):
    inactive = UserFactory(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify([inactive, agent, other_agent], kinds.FOLLOWED_NEW_VERSION, innovation, exclude=[agent],
                        **NOTIFY)
        with services.muted():
            services.notify([other_agent], kinds.FOLLOWED_NEW_VERSION, innovation, **NOTIFY)
    assert list(Notice.objects.values_list("recipient", flat=True)) == [other_agent.pk]
    assert len(mail.outbox) == 1


def test_notice_email_is_html_and_text_with_unsubscribe_headers_and_footer(innovation, other_agent,
                                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.notify([other_agent], kinds.FOLLOWED_NEW_VERSION, innovation, **NOTIFY)
    sent = mail.outbox[0]
    html, kind = sent.alternatives[0]
    assert kind == "text/html"
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = sent.extra_headers["List-Unsubscribe"]
    assert link.startswith("<http") and "/notifications/desabonnement/" in link
    assert link.strip("<>") in sent.body and link.strip("<>") in html
    assert "/notifications/preferences/" in sent.body
    assert "#000091" in html and 'lang="fr"' in html and ">Voir la fiche</a>" in html
    assert 'href="http://testserver/innovations/cantine-bio/"' in html or "/innovations/cantine-bio/\"" in html
    assert "«\u00a0Cantine bio\u00a0»" in html and "«\u00a0Cantine bio\u00a0»" in sent.body


def test_notice_email_escapes_what_users_typed(agent, other_agent, django_capture_on_commit_callbacks):
    hostile = InnovationFactory(created_by=agent, title='<script>alert("x")</script> & <b>bio</b>')
    services.follow(user=other_agent, obj=hostile)
    with django_capture_on_commit_callbacks(execute=True):
        edit(hostile, agent)
    html = mail.outbox[-1].alternatives[0][0]
    assert "<script>" not in html and "<b>bio</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bio&lt;/b&gt;" in html
    assert '<script>alert("x")</script> & <b>bio</b>' in mail.outbox[-1].body  # plain text stays plain


def test_account_emails_stay_plain_transactional(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/compte/mot-de-passe/oubli/", {"email": "personne@example.fr"})
    sent = mail.outbox[-1]
    assert sent.alternatives == [] and "List-Unsubscribe" not in sent.extra_headers
    assert Notice.objects.count() == 0


def test_followers_hear_of_a_new_version_but_not_the_editor(innovation, agent, other_agent,
                                                           django_capture_on_commit_callbacks):
    services.follow(user=other_agent, obj=innovation)
    services.follow(user=agent, obj=innovation)
    with django_capture_on_commit_callbacks(execute=True):
        edit(innovation, agent, summary="Deuxième version.")
    notice = Notice.objects.get()
    assert notice.recipient == other_agent and notice.kind == kinds.FOLLOWED_NEW_VERSION
    assert notice.url == innovation.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[other_agent.email]]
    assert "nouvelle version publiée" in mail.outbox[0].body


def test_a_draft_edit_tells_no_follower(agent, other_agent, moderator, django_capture_on_commit_callbacks):
    draft = InnovationFactory(created_by=agent, status=Status.DRAFT, published_at=None)
    Follow.objects.create(user=moderator, target=draft)
    edit(draft, agent)
    assert Notice.objects.count() == 0


def test_followers_hear_of_a_new_replication(innovation, agent, other_agent, django_capture_on_commit_callbacks):
    from innovations import services as innovation_services
    from tests.factories import OrganisationFactory
    from tests.factories.core import territory_tree

    follower = UserFactory()
    services.follow(user=follower, obj=innovation)
    services.follow(user=agent, obj=innovation)  # the team hears of it as the team, once
    with django_capture_on_commit_callbacks(execute=True):
        innovation_services.replication_declare(
            innovation=innovation, by=other_agent, organisation=OrganisationFactory(name="Ville d’Amiens"),
            territory=territory_tree(), scaling_mode="diffusion", status="en_cours", adaptations="")
    by_person = dict(Notice.objects.values_list("recipient", "kind"))
    assert by_person == {agent.pk: kinds.REPLICATION_DECLARED, follower.pk: kinds.FOLLOWED_REPLICATION}
    assert "Ville d’Amiens" in Notice.objects.get(recipient=follower).text


def test_moderation_decisions_land_in_the_site_too(agent, moderator, django_capture_on_commit_callbacks):
    from innovations import services as innovation_services

    submitted = InnovationFactory(created_by=agent, status=Status.SUBMITTED, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        innovation_services.innovation_transition(innovation=submitted, action="request_changes", by=moderator,
                                                  message="Ajoutez les coûts.")
    notice = Notice.objects.get(recipient=agent)
    assert notice.kind == kinds.MODERATED and notice.text == "Ajoutez les coûts."
    assert notice.title.startswith("Des modifications sont demandées")


def test_follow_needs_to_see_the_object_and_is_idempotent(agent, other_agent):
    draft = InnovationFactory(created_by=agent, status=Status.DRAFT, published_at=None)
    with pytest.raises(PermissionDenied):
        services.follow(user=other_agent, obj=draft)
    published = InnovationFactory()
    services.follow(user=other_agent, obj=published)
    services.follow(user=other_agent, obj=published)
    assert Follow.objects.filter(user=other_agent).count() == 1
    services.unfollow(user=other_agent, obj=published)
    assert not Follow.objects.exists()


def test_digest_sends_one_email_per_person_once_and_nothing_when_empty(innovation, agent, other_agent,
                                                                       django_capture_on_commit_callbacks):
    assert services.digests_send() == 0
    assert mail.outbox == []
    for user in (agent, other_agent):
        NoticePreference.objects.create(user=user, kind=kinds.FOLLOWED_NEW_VERSION, frequency=Frequency.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            services.notify([agent, other_agent], kinds.FOLLOWED_NEW_VERSION, innovation, **NOTIFY)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([agent.email, other_agent.email])
    digest = mail.outbox[0]
    assert digest.subject == "[Essaimage] Votre récapitulatif\u00a0: 2 nouvelles notifications"
    assert digest.body.count("Nouvelle version de «\u00a0Cantine bio\u00a0»") == 2
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Cantine bio" in digest.alternatives[0][0]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == 0  # already sent
    assert len(mail.outbox) == 2


def test_digest_task_runs_the_digest(innovation, agent, django_capture_on_commit_callbacks):
    from notifications.tasks import send_daily_digests

    NoticePreference.objects.create(user=agent, kind=kinds.MODERATED, frequency=Frequency.DIGEST)
    services.notify([agent], kinds.MODERATED, innovation, title="Décision", context={"title": "x", "url": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        result = send_daily_digests.enqueue()
    assert result.return_value == 1 and len(mail.outbox) == 1


def test_marking_read_is_for_the_recipient_only(innovation, agent, other_agent):
    notice, = services.notify([agent], kinds.MODERATED, innovation, title="Décision", context={"title": "x"})
    with pytest.raises(PermissionDenied):
        services.notice_mark_read(notice=notice, by=other_agent)
    services.notice_mark_read(notice=notice, by=agent)
    assert Notice.objects.get().read_at is not None


def test_settings_schedule_the_digest_at_eight():
    from django.conf import settings

    assert settings.SCHEDULED_TASKS["notifications.tasks.send_daily_digests"] == "08:00"
    assert settings.TIME_ZONE == "Europe/Paris"


def test_replication_notices_lead_to_the_replications_section(innovation, agent, other_agent):
    from innovations import services as innovation_services
    from tests.factories import OrganisationFactory
    from tests.factories.core import territory_tree

    innovation_services.replication_declare(
        innovation=innovation, by=other_agent, organisation=OrganisationFactory(), territory=territory_tree(),
        scaling_mode="diffusion", status="interesse", adaptations="")
    assert Notice.objects.get(recipient=agent).url == innovation.get_absolute_url() + "#essaimages"


def test_old_notices_are_purged_but_not_recent_or_digest_ones(agent, settings):
    settings.NOTICE_READ_KEEP_DAYS, settings.NOTICE_KEEP_DAYS = 180, 365
    now = timezone.now()

    def notice(title, *, created_days, read_days=None, in_digest=False):
        return Notice.objects.create(
            recipient=agent, kind=kinds.FOLLOWED_NEW_VERSION, title=title, in_digest=in_digest,
            created_at=now - timedelta(days=created_days),
            read_at=None if read_days is None else now - timedelta(days=read_days))

    notice("lue il y a longtemps", created_days=200, read_days=190)
    notice("non lue, très ancienne", created_days=400)
    kept = {
        notice("lue récemment", created_days=200, read_days=10).pk,
        notice("non lue, récente", created_days=300).pk,
        notice("en attente du récapitulatif", created_days=400, in_digest=True).pk,
    }

    assert services.notices_purge(now=now) == 2
    assert set(Notice.objects.values_list("pk", flat=True)) == kept


def test_settings_purge_old_notices_every_night():
    from django.conf import settings

    assert settings.SCHEDULED_TASKS["notifications.tasks.purge_old_notices"] == "04:15"


def test_a_kind_without_email_needs_no_template_and_a_kind_with_email_does():
    from notifications import registry

    with pytest.raises(ValueError, match="needs a template"):
        registry.register_kind(code="test_no_template", label="x", description="x")
    assert "test_no_template" not in {kind.code for kind in registry.kinds()}


def test_a_site_only_notice_needs_a_title(agent):
    from contact import notices as contact_kinds

    with pytest.raises(ValueError, match="give one"):
        services.notify([agent], contact_kinds.MESSAGE_RECEIVED)
