"""grants.services: the checklist and its sums, eligibility, the closing time in Paris, one
application per innovation and call, stale edits, information requests, the transition table."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from essaimage.enums import OrganisationKind
from essaimage.models import AuditEntry
from grants import services
from grants.enums import ApplicationAction, ApplicationPart, ApplicationStatus
from grants.models import Application, ApplicationFunding, CallCriterion, InfoRequest, Milestone
from innovations.enums import Stage
from innovations.enums import Status as InnovationStatus
from reviewing.criteria import SCALING_CODES
from tests.factories import OrganisationFactory
from tests.factories.grants import ApplicationFactory, CallFactory, instructeur_factory
from tests.factories.innovations import InnovationFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def labels(application):
    return [part.label for part in services.application_checklist(application)]


def submit(application, by, **kw):
    return services.application_transition(application=application, action=ApplicationAction.SUBMIT, by=by, **kw)


# --- Checklist -----------------------------------------------------------------------------

def test_a_complete_application_has_an_empty_checklist(application):
    assert labels(application) == []


def test_funding_must_equal_the_total_budget(application):
    ApplicationFunding.objects.filter(application=application).update(amount=Decimal("9999.99"))
    [problem] = labels(application)
    assert "plan de financement égal au budget total" in problem
    assert "29\u202f999,99\u00a0€" in problem and "30\u202f000,00\u00a0€" in problem


def test_tranches_must_equal_the_amount_requested(application):
    Milestone.objects.filter(application=application, title="Rapport final").update(tranche_amount=Decimal("7000"))
    [problem] = labels(application)
    assert "tranches qui totalisent le montant demandé" in problem


def test_budget_lines_must_total_the_budget(application):
    application.budget_lines.update(planned_amount=Decimal("29000"))
    assert any("lignes de budget qui totalisent" in label for label in labels(application))


def test_the_amount_must_be_within_the_calls_bounds(application):
    Application.objects.filter(pk=application.pk).update(amount_requested=Decimal("60000"),
                                                         total_budget=Decimal("70000"))
    application.refresh_from_db()
    assert any("entre 5\u202f000,00\u00a0€ et 50\u202f000,00\u00a0€" in label for label in labels(application))


def test_required_documents_and_the_republican_contract(call, team_member):
    association = OrganisationFactory(name="Association des voisins", kind=OrganisationKind.ASSOCIATION)
    innovation = InnovationFactory(created_by=team_member, organisation=association)
    call.required_documents = ["Statuts"]
    call.save()
    application = ApplicationFactory(call=call, innovation=innovation)
    assert labels(application) == ["la pièce « Statuts »", "la souscription du contrat d’engagement républicain"]


# --- Eligibility ---------------------------------------------------------------------------

def test_eligibility_gives_every_reason(call, team_member):
    call.eligible_kinds = [OrganisationKind.ASSOCIATION]
    call.min_stage = Stage.EN_ESSAIMAGE
    call.save()
    innovation = InnovationFactory(created_by=team_member, stage=Stage.EXPERIMENTATION)
    problems = services.eligibility_problems(call, innovation)
    assert len(problems) == 2
    assert "réservé à : association ou fondation" in problems[0]
    assert "« En essaimage »" in problems[1] and "« Expérimentation »" in problems[1]


def test_a_draft_innovation_may_not_apply(call, team_member):
    innovation = InnovationFactory(created_by=team_member, status=InnovationStatus.DRAFT)
    with pytest.raises(PermissionDenied):
        services.application_create(call=call, innovation=innovation, by=team_member)


def test_only_the_team_applies(call, innovation, other_agent):
    with pytest.raises(PermissionDenied):
        services.application_create(call=call, innovation=innovation, by=other_agent)


def test_one_application_per_innovation_and_call(call, innovation, team_member):
    first = services.application_create(call=call, innovation=innovation, by=team_member)
    with pytest.raises(services.AlreadyApplied) as refused:
        services.application_create(call=call, innovation=innovation, by=team_member)
    assert refused.value.application == first
    assert Application.objects.filter(call=call, innovation=innovation).count() == 1


# --- Submission and closing time -----------------------------------------------------------

def test_submission_gives_a_reference_audits_and_sends_a_receipt(application, team_member, instructeur, committed):
    with committed():
        submitted = submit(application, team_member)
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert submitted.reference == f"ESS-{submitted.submitted_at.astimezone(PARIS).year}-{submitted.pk:06d}"
    entry = AuditEntry.objects.get(object_id=application.pk, action="submit")
    assert (entry.from_state, entry.to_state, entry.actor) == ("draft", "submitted", team_member)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert submitted.reference in subjects[team_member.email]
    assert "Nouvelle demande à instruire" in subjects[instructeur.email]


def test_an_incomplete_application_is_not_submitted(application, team_member):
    application.milestones.all().delete()
    with pytest.raises(ValidationError) as refused:
        submit(application, team_member)
    assert refused.value.code == "incomplete" and "au moins un jalon" in refused.value.messages[0]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT and application.reference == ""


@pytest.mark.parametrize("closing, label", [
    (datetime.datetime(2027, 3, 12, 12, 0, tzinfo=PARIS), "12 mars 2027 à 12 h 00 (heure de Paris)"),  # winter
    (datetime.datetime(2027, 7, 1, 23, 59, tzinfo=PARIS), "1 juillet 2027 à 23 h 59 (heure de Paris)"),  # summer
])
def test_submission_is_refused_from_the_closing_minute_in_paris(team_member, innovation, closing, label):
    call = CallFactory(opens_at=closing - datetime.timedelta(days=30), closes_at=closing)
    application = ApplicationFactory(call=call, innovation=innovation)
    just_before = closing - datetime.timedelta(seconds=1)
    assert submit(application, team_member, now=just_before).status == ApplicationStatus.SUBMITTED

    late = ApplicationFactory(call=call, innovation=InnovationFactory(created_by=team_member))
    with pytest.raises(ValidationError) as refused:
        submit(late, team_member, now=closing)
    assert refused.value.code == "closed"
    assert refused.value.messages[0] == f"L’appel a clos le {label} : la demande ne peut plus être déposée."


def test_summer_time_closing_is_ten_oclock_utc(team_member, innovation):
    """12:00 in Paris in July is 10:00 UTC (UTC+2); in January, 11:00 UTC (UTC+1)."""
    summer = services.paris_deadline(datetime.date(2027, 7, 15))
    winter = services.paris_deadline(datetime.date(2027, 1, 15))
    assert summer.astimezone(datetime.UTC).hour == 10 and winter.astimezone(datetime.UTC).hour == 11


# --- Saving the draft ----------------------------------------------------------------------

def test_a_stale_form_is_refused_and_writes_nothing(application, team_member):
    services.application_save(application=application, by=team_member,
                              data=services.ApplicationInput(fields={"summary": "Version A"}), base_version=1)
    with pytest.raises(services.StaleEdit):
        services.application_save(application=application, by=team_member,
                                  data=services.ApplicationInput(fields={"summary": "Version B"}), base_version=1)
    application.refresh_from_db()
    assert (application.summary, application.version) == ("Version A", 2)


def test_the_team_only_edits_a_draft(application, team_member):
    submit(application, team_member)
    with pytest.raises(ValidationError) as refused:
        services.application_save(application=application, by=team_member,
                                  data=services.ApplicationInput(fields={"summary": "Changé"}))
    assert refused.value.code == "locked"


def test_children_are_replaced_by_what_the_form_sent(application, team_member):
    services.application_save(application=application, by=team_member, data=services.ApplicationInput(
        fundings=[("Département", Decimal("4000"), True), ("Fondation", Decimal("6000"), False)],
        budget_lines=[("Personnel", Decimal("20000")), ("Déplacements", Decimal("10000"))]))
    assert list(application.fundings.values_list("source", "amount", "is_secured")) == [
        ("Département", Decimal("4000.00"), True), ("Fondation", Decimal("6000.00"), False)]
    assert application.budget_lines.count() == 2
    assert labels(application) == []


# --- Instruction ---------------------------------------------------------------------------

@pytest.fixture
def deposited(application, team_member):
    return submit(application, team_member)


def test_an_information_request_reopens_only_the_named_parts(deposited, team_member, instructeur):
    due = timezone.localdate() + datetime.timedelta(days=10)
    services.application_transition(application=deposited, action=ApplicationAction.REQUEST_INFO, by=instructeur,
                                    message="Précisez le budget.", parts=[ApplicationPart.BUDGET], due_date=due)
    deposited.refresh_from_db()
    assert deposited.status == ApplicationStatus.INFO_REQUESTED
    assert services.open_parts(deposited) == {ApplicationPart.BUDGET}
    with pytest.raises(ValidationError) as refused:
        services.application_save(application=deposited, by=team_member,
                                  data=services.ApplicationInput(fields={"summary": "Autre objet"}))
    assert refused.value.code == "closed_part"
    services.application_save(application=deposited, by=team_member, data=services.ApplicationInput(
        budget_lines=[("Personnel", Decimal("25000")), ("Formation", Decimal("5000"))]))
    done = services.application_transition(application=deposited, action=ApplicationAction.COMPLETE, by=team_member)
    assert done.status == ApplicationStatus.IN_REVIEW
    assert InfoRequest.objects.get(application=deposited).answered_by == team_member
    assert services.open_parts(done) == frozenset()


def test_an_information_request_needs_a_message_parts_and_a_future_date(deposited, instructeur):
    for kwargs, code in [({"message": "", "parts": ["budget"], "due_date": datetime.date(2099, 1, 1)},
                          "message_required"),
                         ({"message": "x", "parts": [], "due_date": datetime.date(2099, 1, 1)}, "parts_required"),
                         ({"message": "x", "parts": ["budget"], "due_date": datetime.date(2000, 1, 1)}, "due_date")]:
        with pytest.raises(ValidationError) as refused:
            services.application_transition(application=deposited, action=ApplicationAction.REQUEST_INFO,
                                            by=instructeur, **kwargs)
        assert refused.value.code == code


def test_an_instructeur_of_another_programme_cannot_act(deposited, other_instructeur):
    with pytest.raises(PermissionDenied):
        services.application_transition(application=deposited, action=ApplicationAction.START_REVIEW,
                                        by=other_instructeur)


def test_the_team_cannot_start_the_review(deposited, team_member):
    with pytest.raises(PermissionDenied):
        services.application_transition(application=deposited, action=ApplicationAction.START_REVIEW,
                                        by=team_member)


def test_withdrawal_before_a_decision_only(deposited, team_member, instructeur):
    services.application_transition(application=deposited, action=ApplicationAction.START_REVIEW, by=instructeur)
    withdrawn = services.application_transition(application=deposited, action=ApplicationAction.WITHDRAW,
                                                by=team_member, message="Plus de partenaire.")
    assert withdrawn.status == ApplicationStatus.WITHDRAWN and withdrawn.withdrawn_at is not None
    with pytest.raises(ValidationError) as refused:
        services.application_transition(application=deposited, action=ApplicationAction.WITHDRAW, by=team_member)
    assert refused.value.code == "stale"


def test_refusal_needs_a_motivation_and_tells_the_recourse(deposited, team_member, instructeur, committed):
    with pytest.raises(ValidationError) as refused:
        services.application_transition(application=deposited, action=ApplicationAction.REFUSE, by=instructeur)
    assert refused.value.code == "motivation_required"
    mail.outbox.clear()
    with committed():
        decided = services.application_transition(application=deposited, action=ApplicationAction.REFUSE,
                                                  by=instructeur, message="Budget insuffisant.", decision_id=7)
    assert decided.status == ApplicationStatus.REFUSED and decided.decided_at is not None
    [message] = [m for m in mail.outbox if m.to == [team_member.email]]
    assert "Budget insuffisant." in message.body and "Télérecours citoyens" in message.body
    assert "deux mois" in message.body


def test_decisions_may_be_sent_without_notice(deposited, instructeur, committed):
    mail.outbox.clear()
    with committed():
        services.application_transition(application=deposited, action=ApplicationAction.ACCEPT, by=instructeur,
                                        notify=False)
    assert mail.outbox == []


def test_annotations_need_an_instructeur_of_the_programme(deposited, team_member, instructeur, other_instructeur):
    services.annotation_add(application=deposited, by=instructeur, body="À comparer avec le dossier 12.")
    for someone in (team_member, other_instructeur):
        with pytest.raises(PermissionDenied):
            services.annotation_add(application=deposited, by=someone, body="x")


def test_a_message_tells_the_other_side(deposited, team_member, instructeur, committed):
    mail.outbox.clear()
    with committed():
        message = services.message_post(application=deposited, by=instructeur, body="Pouvez-vous préciser ?")
    assert message.from_instructeur
    assert [m.to for m in mail.outbox] == [[team_member.email]]
    mail.outbox.clear()
    with committed():
        assert not services.message_post(application=deposited, by=team_member, body="Oui.").from_instructeur
    assert [m.to for m in mail.outbox] == [[instructeur.email]]


def test_the_silence_deadline_is_two_months_after_the_file_was_complete(deposited):
    deposited.complete_since = datetime.datetime(2026, 12, 31, 10, 0, tzinfo=PARIS)
    assert deposited.silence_deadline == datetime.date(2027, 2, 28)
    deposited.complete_since = datetime.datetime(2026, 3, 15, 10, 0, tzinfo=PARIS)
    assert deposited.silence_deadline == datetime.date(2026, 5, 15)


# --- Calls ---------------------------------------------------------------------------------

def test_a_new_call_gets_the_scaling_criteria_which_stay(programme, instructeur):
    call = services.call_save(call=None, programme=programme, by=instructeur, data={
        "title": "Appel 2028", "opens_at": datetime.datetime(2028, 1, 1, tzinfo=PARIS),
        "closes_at": datetime.datetime(2028, 3, 1, 12, tzinfo=PARIS), "envelope": Decimal("100000"),
        "min_amount": Decimal("1000"), "max_amount": Decimal("20000")})
    assert set(call.criteria.values_list("code", flat=True)) == SCALING_CODES
    scaling = call.criteria.first()
    with pytest.raises(ValidationError):
        services.criteria_save(call=call, by=instructeur, rows=[services.CriterionInput(
            pk=scaling.pk, label=scaling.label, description="", weight=scaling.weight, scale_max=5, delete=True)])
    services.criteria_save(call=call, by=instructeur, rows=[
        services.CriterionInput(pk=scaling.pk, label="Renommé ?", description="", weight=Decimal("7"), scale_max=10),
        services.CriterionInput(pk=None, label="Qualité du partenariat", description="", weight=Decimal("2"),
                                scale_max=5)])
    scaling.refresh_from_db()
    assert (scaling.label != "Renommé ?", scaling.weight, scaling.scale_max) == (True, Decimal("7.00"), 10)
    assert CallCriterion.objects.filter(call=call).count() == len(SCALING_CODES) + 1


def test_a_copied_call_keeps_its_criteria(call, instructeur):
    CallCriterion.objects.create(call=call, label="Ancrage local", weight=Decimal("4"))
    data = services.call_copy_data(call)
    territories, themes = data.pop("eligible_territories"), data.pop("themes")
    data.update(title="Copie", opens_at=call.opens_at, closes_at=call.closes_at, envelope=Decimal("1000"),
                max_amount=Decimal("1000"), min_amount=Decimal("0"))
    copy = services.call_save(call=None, programme=call.programme, by=instructeur, data=data,
                              eligible_territories=territories, themes=themes, copied_from=call)
    assert copy.copied_from == call
    assert sorted(copy.criteria.values_list("label", flat=True)) == sorted(call.criteria.values_list("label",
                                                                                                      flat=True))


def test_calls_never_exceed_the_programmes_envelope(call, instructeur):
    programme = call.programme
    with pytest.raises(ValidationError) as refused:
        services.call_save(call=None, programme=programme, by=instructeur, data={
            "title": "Trop", "opens_at": call.opens_at, "closes_at": call.closes_at,
            "envelope": programme.total_envelope, "min_amount": Decimal("0"), "max_amount": Decimal("1000")})
    assert "il reste 800\u202f000,00\u00a0€" in refused.value.messages[0]


def test_only_the_programmes_instructeurs_edit_its_calls(call, other_instructeur):
    with pytest.raises(PermissionDenied):
        services.call_save(call=call, programme=call.programme, by=other_instructeur, data={"title": "x"})


def test_an_instructeur_creates_a_programme_and_instructs_it(db):
    someone = instructeur_factory()
    programme = services.programme_save(programme=None, by=someone, data={
        "funder": someone.organisation, "title": "Programme neuf", "total_envelope": Decimal("5000")})
    assert someone.has_perm("grants.change_programme", programme)
