"""Who may do what on grants: role predicates (instructeur of the programme, team of the
innovation) combined with state predicates (the enums' state groups). Services, views and
templates ask `user.has_perm(...)`; nothing else re-checks a role or a membership by hand.

- An instructeur (group `instructeur`) acts on the programmes they are listed on, only.
- The team of an innovation (innovations.rules.team_ids) applies for it and follows its applications.
- Anyone (even anonymous) reads calls; nothing else of an application is public.
Part 2 (review) adds its permissions next to these (the reviewer's view of a file)."""

import rules

from essaimage.rules import is_instructor
from essaimage.transitions import actions_from
from grants.enums import (
    APPLICATION_TRANSITIONS,
    DECISION_ACTIONS,
    TEAM_ACTIONS,
    ApplicationAction,
    ApplicationStatus,
)
from innovations.enums import Status as InnovationStatus
from innovations.rules import team_ids


def instructed_programme_ids(user) -> frozenset[int]:
    """The programmes `user` instructs (one query per user object, remembered on it)."""
    if not user.is_authenticated:
        return frozenset()
    cache = getattr(user, "_instructed_programme_ids", None)
    if cache is None:
        from grants.models import Programme

        cache = frozenset(Programme.instructeurs.through.objects.filter(user_id=user.pk)
                          .values_list("programme_id", flat=True))
        user._instructed_programme_ids = cache
    return cache


def forget_instructed_programmes(user) -> None:
    user.__dict__.pop("_instructed_programme_ids", None)


def programme_id_of(obj) -> int | None:
    """The programme of a programme, call, application or one of an application's children."""
    from grants.models import Application, Call, Programme

    if obj is None:
        return None
    if isinstance(obj, Programme):
        return obj.pk
    if isinstance(obj, Call):
        return obj.programme_id
    if isinstance(obj, Application):
        return obj.call.programme_id
    application = getattr(obj, "application", None)
    return programme_id_of(application) if application is not None else None


@rules.predicate
def is_programme_instructeur(user, obj):
    """An instructeur listed on the programme of `obj` (programme, call or application)."""
    if obj is None or not is_instructor(user):
        return False
    return programme_id_of(obj) in instructed_programme_ids(user)


@rules.predicate
def is_applicant_team(user, application):
    if application is None or not user.is_authenticated:
        return False
    return user.pk in team_ids(application.innovation)


@rules.predicate
def is_deposited(user, application):
    return application is not None and ApplicationStatus(application.status).is_submitted


@rules.predicate
def is_editable_by_team(user, application):
    return application is not None and ApplicationStatus(application.status).is_editable


@rules.predicate
def is_pending(user, application):
    return application is not None and ApplicationStatus(application.status).is_pending


@rules.predicate
def is_team_of_published_innovation(user, innovation):
    return (innovation is not None and user.is_authenticated and InnovationStatus(innovation.status).is_public
            and user.pk in team_ids(innovation))


# Instructeurs see an application once it is deposited (a draft is the team's own).
is_application_instructeur = is_programme_instructeur & is_deposited

# Calls and programmes
rules.add_perm("grants.view_call", rules.always_allow)
rules.add_perm("grants.manage_grants", is_instructor)  # no object: the instruction pages and menu entry
rules.add_perm("grants.add_programme", is_instructor)
rules.add_perm("grants.change_programme", is_programme_instructeur)
rules.add_perm("grants.add_call", is_programme_instructeur)  # on the programme
rules.add_perm("grants.change_call", is_programme_instructeur)
rules.add_perm("grants.list_applications", is_programme_instructeur)  # on the call

# Applications
rules.add_perm("grants.apply", is_team_of_published_innovation)  # on the innovation
rules.add_perm("grants.view_application", is_applicant_team | is_application_instructeur)
rules.add_perm("grants.team_application", is_applicant_team)  # the team's actions; TRANSITIONS says when
rules.add_perm("grants.change_application", is_applicant_team & is_editable_by_team)
rules.add_perm("grants.instruct_application", is_application_instructeur)
rules.add_perm("grants.decide_application", is_application_instructeur)
rules.add_perm("grants.post_message", (is_applicant_team & is_deposited) | is_application_instructeur)
# Private annotations: the instructeurs of the programme, never the team.
rules.add_perm("grants.view_annotations", is_application_instructeur)
rules.add_perm("grants.add_annotation", is_application_instructeur)

# The permission each action of APPLICATION_TRANSITIONS asks for.
ACTION_PERMISSIONS = {
    action: ("grants.team_application" if action in TEAM_ACTIONS
             else "grants.decide_application" if action in DECISION_ACTIONS
             else "grants.instruct_application")
    for action in ApplicationAction
}


def allowed_actions(user, application) -> list[ApplicationAction]:
    """The transitions this user may take on this application now (the table and the rules)."""
    return [action for action in actions_from(APPLICATION_TRANSITIONS, application.status)
            if user.has_perm(ACTION_PERMISSIONS[action], application)]
