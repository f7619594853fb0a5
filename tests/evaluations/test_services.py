from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from essaimage.enums import OrganisationKind, Role
from essaimage.models import AuditEntry
from evaluations import services
from evaluations.enums import AwardKind, CampaignPhase, EntryAction, EntryStatus, PhaseAction
from evaluations.models import Answer, Award, Campaign, Criterion, Question, Vote
from innovations.enums import Stage, Status
from notifications.models import Notice
from reviewing.criteria import SCALING_CODES
from tests.factories import UserFactory
from tests.factories.core import OrganisationFactory, territory_tree
from tests.factories.evaluations import AwardFactory, EntryFactory, dates_for
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db


def results_date_passed(campaign, **extra):
    """The campaign in deliberation, its results date just passed."""
    dates = dates_for(CampaignPhase.DELIBERATION)
    dates["results_start"] = timezone.now() - timedelta(minutes=1)
    Campaign.objects.filter(pk=campaign.pk).update(phase=CampaignPhase.DELIBERATION, **dates, **extra)
    campaign.refresh_from_db()
    return campaign


def audit(obj):
    from django.contrib.contenttypes.models import ContentType

    return list(AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
                .order_by("pk").values_list("action", "from_state", "to_state"))


# --- Campaigns --------------------------------------------------------------------------------

def test_an_organiser_creates_a_draft_campaign_with_the_default_scaling_criteria(organiser):
    campaign = services.campaign_create(by=organiser, title="  Prix   de l’essaimage 2027 ",
                                        **dates_for(CampaignPhase.DRAFT))
    assert campaign.title == "Prix de l’essaimage 2027" and campaign.slug == "prix-de-lessaimage-2027"
    assert campaign.state == CampaignPhase.DRAFT
    assert list(campaign.organisers.all()) == [organiser]
    criteria = list(campaign.criteria.all())
    assert {c.code for c in criteria} == SCALING_CODES and all(c.is_scaling and not c.is_removable for c in criteria)
    assert audit(campaign) == [("create", "", CampaignPhase.DRAFT)]
    again = services.campaign_create(by=organiser, title="Prix de l’essaimage 2027", **dates_for(CampaignPhase.DRAFT))
    assert again.slug == "prix-de-lessaimage-2027-2"


def test_only_an_organiser_creates_a_campaign(agent):
    with pytest.raises(PermissionDenied):
        services.campaign_create(by=agent, title="Prix", **dates_for(CampaignPhase.DRAFT))


def test_dates_must_follow_each_other_and_the_public_vote_lie_within_the_evaluation(organiser):
    dates = dates_for(CampaignPhase.DRAFT)
    with pytest.raises(ValidationError) as error:
        services.campaign_create(by=organiser, title="Prix", **{**dates, "jury_start": dates["candidatures_start"]})
    assert "deliberation_start" not in error.value.error_dict and "jury_start" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.campaign_create(by=organiser, title="Prix", public_prize=True, **dates,
                                 public_vote_start=dates["candidatures_start"],
                                 public_vote_end=dates["deliberation_start"])
    assert list(error.value.error_dict) == ["public_vote_start"]
    campaign = services.campaign_create(by=organiser, title="Prix", public_prize=True, **dates,
                                        public_vote_start=dates["peer_review_start"],
                                        public_vote_end=dates["deliberation_start"])
    assert campaign.public_prize


def test_settings_freeze_once_candidatures_open_but_texts_stay_editable(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.CANDIDATURES)
    services.campaign_save(campaign=campaign, by=organiser, title="Nouveau titre", description="Texte")
    with pytest.raises(PermissionDenied):
        services.campaign_save(campaign=campaign, by=organiser, peers_per_entry=5)
    with pytest.raises(PermissionDenied):
        services.category_save(campaign=campaign, by=organiser, name="Autre", prizes_count=1)
    assert Campaign.objects.get(pk=campaign.pk).title == "Nouveau titre"


def test_another_organiser_cannot_change_a_campaign(make_campaign, other_organiser):
    campaign = make_campaign(CampaignPhase.DRAFT)
    with pytest.raises(PermissionDenied):
        services.campaign_save(campaign=campaign, by=other_organiser, title="Pris")


def test_scaling_criteria_are_reweighted_never_removed_nor_renamed(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DRAFT)
    scaling = campaign.criteria.get(code="transferabilite")
    services.criterion_save(campaign=campaign, by=organiser, criterion=scaling, label="Autre", weight=Decimal("5"))
    scaling.refresh_from_db()
    assert scaling.weight == Decimal("5") and scaling.label == "Transférabilité et kit de transfert"
    with pytest.raises(ValidationError):
        services.criterion_delete(criterion=scaling, by=organiser)
    own = services.criterion_save(campaign=campaign, by=organiser, label="Sobriété", weight=Decimal("1"), scale_max=5)
    services.criterion_delete(criterion=own, by=organiser)
    assert not Criterion.objects.filter(pk=own.pk).exists()
    with pytest.raises(ValidationError):
        services.criterion_save(campaign=campaign, by=organiser, label="Indicateurs de réussite", weight=1, scale_max=5)


def test_a_category_with_entries_is_not_deleted(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DRAFT)
    category = campaign.categories.get()
    EntryFactory(campaign=campaign, category=category)
    with pytest.raises(ValidationError):
        services.category_delete(category=category, by=organiser)
    with pytest.raises(ValidationError):
        services.category_save(campaign=campaign, by=organiser, name="Services aux usagers", prizes_count=1)


# --- The phase -------------------------------------------------------------------------------

def test_publishing_needs_categories_and_a_future_closing(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DRAFT, setup=False)
    with pytest.raises(ValidationError, match="au moins une catégorie"):
        services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH, by=organiser)
    services.category_save(campaign=campaign, by=organiser, name="Santé", prizes_count=1)
    services.criterion_save(campaign=campaign, by=organiser, label="Impact", weight=Decimal("1"), scale_max=5)
    published = services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH, by=organiser)
    assert published.state == CampaignPhase.ANNOUNCED
    assert audit(campaign)[-1] == ("publish", CampaignPhase.DRAFT, CampaignPhase.ANNOUNCED)


def test_the_phase_follows_the_dates_forward_only_and_audited(make_campaign, organiser, team_member):
    campaign = make_campaign(CampaignPhase.ANNOUNCED)
    assert services.campaign_phase_advance(campaign).state == CampaignPhase.ANNOUNCED
    later = campaign.jury_start + timedelta(hours=1)
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.SUBMITTED)
    moved = services.campaign_phase_advance(campaign, now=later)
    assert moved.state == CampaignPhase.JURY
    assert audit(campaign)[-3:] == [
        ("open_candidatures", CampaignPhase.ANNOUNCED, CampaignPhase.CANDIDATURES),
        ("open_peer_review", CampaignPhase.CANDIDATURES, CampaignPhase.PEER_REVIEW),
        ("open_jury", CampaignPhase.PEER_REVIEW, CampaignPhase.JURY)]
    # The entering team heard of each new phase.
    assert Notice.objects.filter(recipient=team_member, kind="campaign_phase_changed").count() == 3
    assert entry.pk
    # Reading it earlier again never moves it back.
    assert services.campaign_phase_advance(moved, now=campaign.candidatures_start).state == CampaignPhase.JURY
    with pytest.raises(ValidationError):
        services.campaign_transition(campaign=moved, action=PhaseAction.OPEN_CANDIDATURES, by=None)


def test_a_draft_never_follows_its_dates(make_campaign):
    campaign = make_campaign(CampaignPhase.DRAFT)
    assert services.campaign_phase_advance(campaign, now=campaign.results_start).state == CampaignPhase.DRAFT


def test_results_wait_for_every_category_to_have_its_prize(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DELIBERATION)
    after = campaign.results_start + timedelta(minutes=1)
    assert services.campaign_phase_advance(campaign, now=after).state == CampaignPhase.DELIBERATION
    AwardFactory(entry__campaign=campaign)
    published = services.campaign_phase_advance(campaign, now=after)
    assert published.state == CampaignPhase.RESULTS and published.results_published_at is not None


def test_the_organiser_publishes_results_by_hand_only_once_the_date_has_come(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.DELIBERATION)
    AwardFactory(entry__campaign=campaign)
    with pytest.raises(ValidationError, match="seront publiés le"):
        services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH_RESULTS, by=organiser)
    Award.objects.all().delete()
    results_date_passed(campaign)
    with pytest.raises(ValidationError, match="au moins un lauréat"):
        services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH_RESULTS, by=organiser)
    AwardFactory(entry__campaign=campaign)
    published = services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH_RESULTS, by=organiser)
    assert published.state == CampaignPhase.RESULTS


def test_the_phase_can_be_run_by_its_organisers_only(make_campaign, other_organiser):
    campaign = make_campaign(CampaignPhase.DRAFT)
    with pytest.raises(PermissionDenied):
        services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH, by=other_organiser)


def test_extending_a_phase_shifts_the_later_dates_audits_and_tells_the_participants(
        make_campaign, organiser, team_member, django_capture_on_commit_callbacks):
    campaign = make_campaign(CampaignPhase.CANDIDATURES)
    EntryFactory(campaign=campaign, innovation=team_member.innovation)  # a draft: its team hears of it
    before = {name: getattr(campaign, name) for name in ("peer_review_start", "jury_start", "results_start")}
    until = campaign.peer_review_start + timedelta(days=3)
    with pytest.raises(ValidationError):
        services.campaign_phase_extend(campaign=campaign, by=organiser, until=until, reason="  ")
    with pytest.raises(ValidationError):
        services.campaign_phase_extend(campaign=campaign, by=organiser, until=campaign.candidatures_start,
                                       reason="Plus court")
    with django_capture_on_commit_callbacks(execute=True):
        extended = services.campaign_phase_extend(campaign=campaign, by=organiser, until=until,
                                                  reason="Beaucoup de demandes des équipes")
    assert extended.peer_review_start == until
    assert extended.jury_start == before["jury_start"] + timedelta(days=3)
    assert extended.results_start == before["results_start"] + timedelta(days=3)
    assert extended.state == CampaignPhase.CANDIDATURES
    entry = AuditEntry.objects.filter(action="extend_phase").get()
    assert "Beaucoup de demandes" in entry.message and entry.actor == organiser
    assert Notice.objects.filter(recipient=team_member, kind="campaign_phase_extended").exists()
    assert any("prolongée" in message.subject for message in mail.outbox)


def test_a_finished_campaign_cannot_be_extended(make_campaign, organiser):
    campaign = make_campaign(CampaignPhase.RESULTS)
    with pytest.raises(PermissionDenied):
        services.campaign_phase_extend(campaign=campaign, by=organiser, until=timezone.now() + timedelta(days=90),
                                       reason="Encore")


# --- Entries ---------------------------------------------------------------------------------

def test_a_team_member_enters_a_published_innovation_once(campaign, team_member, agent):
    category = campaign.categories.get()
    entry = services.entry_create(campaign=campaign, innovation=team_member.innovation, category=category,
                                  by=team_member)
    assert entry.state == EntryStatus.DRAFT and entry.organisation == team_member.innovation.organisation
    with pytest.raises(ValidationError, match="concourt déjà"):
        services.entry_create(campaign=campaign, innovation=team_member.innovation, category=category,
                              by=team_member)
    with pytest.raises(PermissionDenied):  # not their team's
        services.entry_create(campaign=campaign, innovation=InnovationFactory(), category=category, by=agent)


def test_eligibility_kinds_territories_stage_and_publication(campaign, team_member, organiser):
    innovation = team_member.innovation
    assert services.eligibility_problems(campaign, innovation) == []
    campaign.eligible_kinds = [OrganisationKind.ASSOCIATION]
    campaign.minimum_stage = Stage.EN_ESSAIMAGE
    campaign.save()
    elsewhere = territory_tree("Lyon", "69123", "Rhône", "69", "Auvergne-Rhône-Alpes", "84")
    campaign.eligible_territories.set([elsewhere.parent.parent])
    campaign = Campaign.objects.get(pk=campaign.pk)
    problems = services.eligibility_problems(campaign, innovation)
    assert len(problems) == 3
    campaign.eligible_territories.set([innovation.territory.parent.parent])  # Hauts-de-France: Lille is in it
    campaign = Campaign.objects.get(pk=campaign.pk)
    assert len(services.eligibility_problems(campaign, innovation)) == 2
    draft = InnovationFactory(created_by=team_member, status=Status.DRAFT,
                              organisation=OrganisationFactory(kind=OrganisationKind.ASSOCIATION),
                              stage=Stage.GENERALISEE, territory=innovation.territory)
    assert services.eligibility_problems(campaign, draft) == ["l’innovation doit être publiée dans le catalogue"]
    with pytest.raises(ValidationError):
        services.entry_create(campaign=campaign, innovation=innovation, category=campaign.categories.get(),
                              by=team_member)


def test_no_entry_outside_the_candidatures(make_campaign, team_member):
    campaign = make_campaign(CampaignPhase.PEER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.entry_create(campaign=campaign, innovation=team_member.innovation,
                              category=campaign.categories.get(), by=team_member)


def test_drafts_save_answers_and_submission_needs_the_required_ones(campaign, team_member, organiser):
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation)
    question = campaign.questions.get()
    optional = Question.objects.create(campaign=campaign, label="Autre chose ?", required=False)
    with pytest.raises(ValidationError, match="répondez à"):
        services.entry_transition(entry=entry, action=EntryAction.SUBMIT, by=team_member)
    services.entry_save(entry=entry, by=team_member, answers={question.pk: "  Un kit complet.  ", optional.pk: ""})
    services.entry_save(entry=entry, by=team_member, answers={question.pk: "Un kit complet et testé."})
    assert Answer.objects.get(entry=entry, question=question).text == "Un kit complet et testé."
    submitted = services.entry_transition(entry=entry, action=EntryAction.SUBMIT, by=team_member)
    assert submitted.state == EntryStatus.SUBMITTED and submitted.submitted_at is not None
    assert Notice.objects.filter(recipient=organiser, kind="campaign_entry_submitted").exists()
    with pytest.raises(PermissionDenied):  # no longer a draft
        services.entry_save(entry=submitted, by=team_member, answers={question.pk: "Changé"})
    with pytest.raises(ValidationError, match="n’est plus possible"):
        services.entry_transition(entry=submitted, action=EntryAction.SUBMIT, by=team_member)


def test_the_organiser_rules_with_a_reason_the_team_sees(campaign, team_member, organiser, other_organiser,
                                                        django_capture_on_commit_callbacks):
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.entry_transition(entry=entry, action=EntryAction.ACCEPT, by=other_organiser)
    with pytest.raises(PermissionDenied):
        services.entry_transition(entry=entry, action=EntryAction.ACCEPT, by=team_member)
    with pytest.raises(ValidationError):
        services.entry_transition(entry=entry, action=EntryAction.REJECT, by=organiser, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ruled = services.entry_transition(entry=entry, action=EntryAction.REJECT, by=organiser,
                                          reason="L’innovation n’a pas encore été expérimentée.")
    assert ruled.state == EntryStatus.INELIGIBLE and ruled.ruled_by == organiser
    assert audit(entry)[-1] == ("reject", EntryStatus.SUBMITTED, EntryStatus.INELIGIBLE)
    notice = Notice.objects.get(recipient=team_member, kind="campaign_entry_ruled")
    assert "pas encore été expérimentée" in notice.text
    assert [m.to for m in mail.outbox] == [[team_member.email]]
    assert "irrecevable" in mail.outbox[0].subject and "pas encore été expérimentée" in mail.outbox[0].body
    corrected = services.entry_transition(entry=ruled, action=EntryAction.ACCEPT, by=organiser)
    assert corrected.state == EntryStatus.ELIGIBLE


def test_rulings_close_with_the_deliberation(make_campaign, organiser):
    entry = EntryFactory(campaign=make_campaign(CampaignPhase.DELIBERATION), status=EntryStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.entry_transition(entry=entry, action=EntryAction.ACCEPT, by=organiser)


def test_the_team_withdraws_until_the_deliberation(campaign, team_member):
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.ELIGIBLE)
    withdrawn = services.entry_transition(entry=entry, action=EntryAction.WITHDRAW, by=team_member)
    assert withdrawn.state == EntryStatus.WITHDRAWN and withdrawn.withdrawn_at is not None


# --- Public prize ----------------------------------------------------------------------------

@pytest.fixture
def voting(make_campaign):
    now = timezone.now()
    campaign = make_campaign(CampaignPhase.JURY, public_prize=True, public_vote_start=now - timedelta(days=1),
                             public_vote_end=now + timedelta(days=2))
    campaign.public_vote_end = min(campaign.public_vote_end, campaign.deliberation_start)
    campaign.save()
    return campaign


def test_an_agent_votes_once_per_category(voting, agent):
    entry = EntryFactory(campaign=voting, status=EntryStatus.ELIGIBLE)
    other = EntryFactory(campaign=voting, status=EntryStatus.ELIGIBLE)
    services.vote_cast(entry=entry, by=agent)
    with pytest.raises(services.AlreadyVoted):
        services.vote_cast(entry=other, by=agent)
    assert Vote.objects.filter(voter=agent).count() == 1


def test_no_vote_for_ones_own_team_an_ineligible_entry_or_outside_the_vote(voting, team_member, agent, make_campaign):
    own = EntryFactory(campaign=voting, innovation=team_member.innovation, status=EntryStatus.ELIGIBLE)
    with pytest.raises(ValidationError, match="votre équipe"):
        services.vote_cast(entry=own, by=team_member)
    with pytest.raises(ValidationError, match="ne concourt pas"):
        services.vote_cast(entry=EntryFactory(campaign=voting, status=EntryStatus.INELIGIBLE), by=agent)
    closed = EntryFactory(campaign=make_campaign(CampaignPhase.JURY), status=EntryStatus.ELIGIBLE)
    with pytest.raises(PermissionDenied):
        services.vote_cast(entry=closed, by=agent)


def test_the_public_prize_goes_to_the_most_voted_entries_at_publication(voting, organiser):
    first, second = (EntryFactory(campaign=voting, status=EntryStatus.ELIGIBLE) for _ in range(2))
    for entry, voters in ((first, 3), (second, 3)):
        for _ in range(voters):
            Vote.objects.create(campaign=voting, category=entry.category, entry=entry,
                                voter=UserFactory(roles=[Role.AGENT]))
    deliberation = dates_for(CampaignPhase.DELIBERATION)["deliberation_start"]
    results_date_passed(voting, public_vote_start=deliberation - timedelta(days=2), public_vote_end=deliberation)
    services.award_save(entry=first, by=organiser, rank=1, citation="Bravo")
    services.campaign_transition(campaign=voting, action=PhaseAction.PUBLISH_RESULTS, by=organiser)
    public = Award.objects.filter(kind=AwardKind.PUBLIC)
    assert {award.entry for award in public} == {first, second}  # ex aequo


# --- Awards ----------------------------------------------------------------------------------

def test_awards_are_recorded_during_the_deliberation_for_eligible_entries(make_campaign, organiser, agent):
    campaign = make_campaign(CampaignPhase.DELIBERATION)
    entry = EntryFactory(campaign=campaign, status=EntryStatus.ELIGIBLE)
    award = services.award_save(entry=entry, by=organiser, rank=2, citation="  Une reprise exemplaire. ")
    assert award.prize_label == "Mention spéciale" and award.citation == "Une reprise exemplaire."
    again = services.award_save(entry=entry, by=organiser, rank=1)
    assert again.pk == award.pk and again.prize_label == "Premier prix"
    with pytest.raises(ValidationError):
        services.award_save(entry=entry, by=organiser, rank=3)
    with pytest.raises(ValidationError):
        services.award_save(entry=EntryFactory(campaign=campaign, status=EntryStatus.INELIGIBLE), by=organiser, rank=1)
    with pytest.raises(PermissionDenied):
        services.award_save(entry=entry, by=agent, rank=1)
    jury = make_campaign(CampaignPhase.JURY)
    with pytest.raises(PermissionDenied):
        services.award_save(entry=EntryFactory(campaign=jury, status=EntryStatus.ELIGIBLE), by=organiser, rank=1)


def test_publishing_results_tells_entrants_and_followers_and_moves_the_catalogue_on(
        make_campaign, organiser, team_member, agent, django_capture_on_commit_callbacks):
    from innovations import catalogue_version
    from notifications import services as notifications

    campaign = results_date_passed(make_campaign(CampaignPhase.DELIBERATION))
    entry = EntryFactory(campaign=campaign, innovation=team_member.innovation, status=EntryStatus.ELIGIBLE)
    notifications.follow(user=agent, obj=campaign)
    services.award_save(entry=entry, by=organiser, rank=1, citation="Bravo")
    before = catalogue_version.current_version()
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_transition(campaign=campaign, action=PhaseAction.PUBLISH_RESULTS, by=organiser)
    assert catalogue_version.current_version() > before
    for user in (team_member, agent):
        assert Notice.objects.filter(recipient=user, kind="campaign_results_published").exists()


def test_the_daily_task_moves_every_campaign_its_dates_have_overtaken(make_campaign):
    from evaluations.tasks import advance_campaign_phases

    behind = make_campaign(CampaignPhase.CANDIDATURES)
    Campaign.objects.filter(pk=behind.pk).update(peer_review_start=timezone.now() - timedelta(minutes=1))
    on_time = make_campaign(CampaignPhase.JURY)
    draft = make_campaign(CampaignPhase.DRAFT)
    assert advance_campaign_phases.call() == 1
    phases = dict(Campaign.objects.values_list("pk", "phase"))
    assert (phases[behind.pk], phases[on_time.pk], phases[draft.pk]) == (
        CampaignPhase.PEER_REVIEW, CampaignPhase.JURY, CampaignPhase.DRAFT)


def test_entering_a_phase_calls_part_twos_reaction_when_it_exists(make_campaign, monkeypatch):
    import sys
    import types

    calls = []
    module = types.ModuleType("evaluations.scoring_services")
    module.phase_entered = lambda **kwargs: calls.append((kwargs["phase"], kwargs["by"]))
    monkeypatch.setitem(sys.modules, "evaluations.scoring_services", module)
    campaign = make_campaign(CampaignPhase.CANDIDATURES)
    services.campaign_phase_advance(campaign, now=campaign.peer_review_start + timedelta(minutes=1))
    assert calls == [(CampaignPhase.PEER_REVIEW, None)]


def test_co_organisers_are_registered_organisers_and_run_the_campaign(campaign, organiser, other_organiser, agent):
    with pytest.raises(ValidationError) as error:
        services.campaign_organisers_set(campaign=campaign, by=organiser,
                                         emails=[agent.email, "personne@exemple.gouv.fr"])
    assert agent.email in str(error.value) and "personne@exemple.gouv.fr" in str(error.value)
    services.campaign_organisers_set(campaign=campaign, by=organiser, emails=[f"  {other_organiser.email.upper()} "])
    assert set(campaign.organisers.all()) == {organiser, other_organiser}
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert other_organiser.has_perm("evaluations.manage_campaign", fresh)
    assert audit(campaign)[-1][0] == "organisers"
    with pytest.raises(PermissionDenied):
        services.campaign_organisers_set(campaign=campaign, by=agent, emails=[])
