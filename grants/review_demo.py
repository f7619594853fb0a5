"""Demo data of reviews, decisions and follow-up (part 2), on top of `grants/demo.py`: two more
evaluators, the closed call's applications reviewed (sheets sent, one conflict declared, one
answer pending), the past call's decisions (Decision rows, grants), a convention signed and a
grant followed with its first tranche released and a milestone waiting to be checked.
Idempotent; called by `GrantsConfig.load_demo_data` after `grants.demo.load`."""

from decimal import Decimal


from essaimage.demo import create_demo_user
from essaimage.enums import OrganisationKind, Role
from essaimage.models import Territory, User
from essaimage.services import organisation_get_or_create, user_set_roles
from grants import decision_services, demo, followup_services, review_services, services
from grants.enums import (
    AssignmentAction, DecisionOutcome, GrantAction, GrantStatus, MilestoneAction, MilestoneKind,
)
from grants.models import Decision, Grant, ReviewAssignment
from innovations.models import Replication
from reviewing.criteria import score_field_name

EVALUATORS = [
    ("evaluatrice@demo.essaimage.fr", "Sophie", "Lambert", "Métropole de Lyon", "69123"),
    ("evaluateur2@demo.essaimage.fr", "Karim", "Haddad", "Région Occitanie", "31555"),
]
SCORES = [(4, "favorable"), (3, "reserve"), (5, "favorable"), (2, "defavorable")]


def _evaluators() -> list[tuple[str, str]]:
    accounts = []
    for email, first, last, organisation_name, commune in EVALUATORS:
        territory = Territory.objects.filter(level="commune", code=commune).first()
        user = User.objects.filter(email=email).first()
        if user is None:
            organisation = organisation_get_or_create(name=organisation_name, kind=OrganisationKind.COLLECTIVITE,
                                                      territory=territory)
            user = create_demo_user(email=email, first_name=first, last_name=last, organisation=organisation,
                                    territory=territory)
        user_set_roles(user=user, roles=[Role.AGENT, Role.EVALUATEUR])
        accounts.append((email, ", ".join(str(role.label) for role in (Role.AGENT, Role.EVALUATEUR))))
    return accounts


def _review(call, instructeur) -> None:
    """Assign the closed call's files; evaluators answer and score (one pending, one conflict)."""
    review_services.assign_automatically(call=call, by=instructeur, seed=1)
    criteria = list(call.criteria.all())
    assignments = list(ReviewAssignment.objects.filter(application__call=call).select_related("evaluator")
                       .order_by("application_id", "pk"))
    for index, assignment in enumerate(assignments):
        if index == len(assignments) - 1:
            continue  # one evaluator has not answered yet
        if index == 1:
            review_services.assignment_transition(
                assignment=assignment, action=AssignmentAction.DECLARE_CONFLICT, by=assignment.evaluator,
                reason="J’ai accompagné cette équipe lors de son expérimentation.")
            continue
        review_services.assignment_transition(assignment=assignment, action=AssignmentAction.DECLARE_NO_CONFLICT,
                                              by=assignment.evaluator)
        value, opinion = SCORES[index % len(SCORES)]
        data = {score_field_name(c): max(0, min(c.scale_max, value - (i % 2))) for i, c in enumerate(criteria)}
        data.update({f"{score_field_name(c)}_comment": "" for c in criteria})
        data.update({"opinion": opinion, "comment": "Plan d’essaimage crédible ; les partenaires du Nord restent "
                                                    "à confirmer par écrit."})
        review_services.sheet_save(assignment=assignment, by=assignment.evaluator, data=data,
                                   submit=index % 5 != 4)  # one sheet left as a draft


def _decisions(instructeur) -> None:
    """The past call's decisions (part 1 moved the applications; the Decision and Grant rows are
    written here), a convention signed, a first tranche released, a milestone to check."""
    grants = []
    for application in demo.decided_applications():
        if Decision.objects.filter(application=application).exists():
            continue
        outcome = DecisionOutcome(application.status)
        amount = application.amount_requested if outcome == DecisionOutcome.ACCEPTED else None
        motivation = "" if amount else demo.MESSAGES.get(outcome.action, "")
        Decision.objects.create(application=application, outcome=outcome, amount=amount, motivation=motivation,
                                decided_by=instructeur, decided_at=application.decided_at)
        if amount:
            year_end, report_due = decision_services.followup_dates(application)
            required = amount > Decimal("23000")
            grants.append(Grant.objects.create(
                application=application, initial_amount=amount, amount_granted=amount, convention_required=required,
                status=GrantStatus.AWAITING_CONVENTION if required else GrantStatus.ACTIVE,
                started_at=None if required else application.decided_at, financial_year_end=year_end,
                financial_report_due=report_due))
    for index, grant in enumerate(grants):
        if grant.convention_required:
            decision_services.grant_transition(grant=grant, action=GrantAction.SIGN_CONVENTION, by=instructeur)
        team = grant.application.innovation.members.order_by("role", "pk").first().user
        milestones = list(grant.application.milestones.order_by("due_date", "pk"))
        if index == 0 and milestones:
            first, rest = milestones[0], milestones[1:]
            replication = Replication.objects.filter(innovation_id=grant.application.innovation_id).first()
            if MilestoneKind(first.kind).is_replication and replication is None:
                first, rest = rest[0], [first, *rest[1:]]
            followup_services.milestone_transition(
                milestone=first, action=MilestoneAction.REPORT, by=team,
                message="Le dispositif fonctionne dans deux communes du Nord depuis septembre ; bilan joint.")
            followup_services.milestone_transition(milestone=first, action=MilestoneAction.VALIDATE, by=instructeur,
                                                   replication=replication)
            if rest:
                followup_services.milestone_transition(
                    milestone=rest[0], action=MilestoneAction.REPORT, by=team,
                    message="Les agents de la troisième commune sont formés ; la reprise commence en janvier.")


def load_reviews() -> list[tuple[str, str]]:
    accounts = _evaluators()
    calls = demo.demo_calls()
    instructeur = User.objects.filter(email=demo.ACCOUNTS[0][0]).first()
    if instructeur is None or demo.REVIEW_CALL not in calls:
        return accounts
    with services.notifications_muted():
        if not ReviewAssignment.objects.filter(application__call=calls[demo.REVIEW_CALL]).exists():
            _review(calls[demo.REVIEW_CALL], instructeur)
        _decisions(instructeur)
    return accounts


