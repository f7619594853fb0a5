"""Who may act on reviews, decisions and follow-up (part 2 of the grants app), as django-rules
predicates; `grants/rules.py` holds the programme, call and application rules. Views, services
and templates ask `has_perm`; nothing re-checks a role by hand."""

import rules

from essaimage.rules import has_role, is_instructor
from essaimage.enums import Role
from innovations.rules import team_ids

is_evaluator = has_role(Role.EVALUATEUR)


def programme_instructor_ids(programme) -> set[int]:
    """The ids of the programme's instructeurs, one query per programme instance (remembered)."""
    cache = getattr(programme, "_instructor_ids", None)
    if cache is None:
        prefetched = getattr(programme, "_prefetched_objects_cache", {}).get("instructeurs")
        if prefetched is not None:
            cache = {user.pk for user in prefetched}
        else:
            cache = set(programme.instructeurs.values_list("pk", flat=True))
        programme._instructor_ids = cache
    return cache


def _instructs(user, programme) -> bool:
    return bool(user.is_authenticated and programme is not None and is_instructor(user)
                and user.pk in programme_instructor_ids(programme))


@rules.predicate
def instructs_call(user, call):
    return call is not None and _instructs(user, call.programme)


@rules.predicate
def instructs_programme(user, programme):
    return _instructs(user, programme)


@rules.predicate
def instructs_application(user, application):
    return application is not None and _instructs(user, application.call.programme)


@rules.predicate
def instructs_grant(user, grant):
    return grant is not None and _instructs(user, grant.application.call.programme)


@rules.predicate
def instructs_milestone(user, milestone):
    return milestone is not None and _instructs(user, milestone.application.call.programme)


@rules.predicate
def is_applicant_team(user, application):
    return bool(application is not None and user.is_authenticated and user.pk in team_ids(application.innovation))


@rules.predicate
def is_grant_team(user, grant):
    return grant is not None and is_applicant_team(user, grant.application)


@rules.predicate
def is_milestone_team(user, milestone):
    return milestone is not None and is_applicant_team(user, milestone.application)


@rules.predicate
def is_own_assignment(user, assignment):
    """The evaluator of this assignment, still assigned (a declared conflict or a removal ends it)."""
    return bool(assignment is not None and user.is_authenticated and assignment.evaluator_id == user.pk
                and assignment.removed_at is None)


@rules.predicate
def sees_file(user, assignment):
    """Answered « aucun conflit »: the file, the sheet."""
    return assignment is not None and assignment.can_see_file


# Reviews: the instructeurs of the programme assign; the evaluator answers and scores.
rules.add_perm("grants.review_any", is_evaluator)  # the reviewer's queue
rules.add_perm("grants.assign_reviewers", instructs_call)
rules.add_perm("grants.view_scores", instructs_application)  # weighted score, spread, opinions, ranking
rules.add_perm("grants.open_assignment", is_evaluator & is_own_assignment)  # conflict question
rules.add_perm("grants.review_application", is_evaluator & is_own_assignment & sees_file)
rules.add_perm("grants.remove_assignment", instructs_application)
# Decisions and follow-up.
rules.add_perm("grants.decide_application", instructs_application)
rules.add_perm("grants.view_decision", instructs_application | is_applicant_team)
rules.add_perm("grants.view_grant", instructs_grant | is_grant_team)
rules.add_perm("grants.manage_grant", instructs_grant)  # convention signed, hearing, reduction, withdrawal
rules.add_perm("grants.answer_hearing", is_grant_team)
rules.add_perm("grants.report_milestone", is_milestone_team)
rules.add_perm("grants.check_milestone", instructs_milestone)  # validate or send back
rules.add_perm("grants.report_financial", is_grant_team)
# Dashboards and exports: the programme's instructeurs.
rules.add_perm("grants.view_call_dashboard", instructs_call)
rules.add_perm("grants.view_programme_dashboard", instructs_programme)
