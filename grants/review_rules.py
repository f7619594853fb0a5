"""Who may act on reviews, decisions' documents and follow-up (part 2 of the grants app), as
django-rules predicates built on `grants/rules.py` (the programme's instructeurs, the applicant
team). Views, services and templates ask `has_perm`; nothing re-checks a role by hand."""

import rules

from essaimage.enums import Role
from essaimage.rules import has_role
from grants.rules import is_applicant_team, is_application_instructeur, is_programme_instructeur

is_evaluator = has_role(Role.EVALUATEUR)


@rules.predicate
def is_grant_team(user, grant):
    """The team of the application a grant (or a milestone) belongs to."""
    return grant is not None and is_applicant_team(user, grant.application)


@rules.predicate
def is_grant_instructeur(user, grant):
    return grant is not None and is_programme_instructeur(user, grant.application)


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
rules.add_perm("grants.review_any", is_evaluator)  # the reviewer's queue (no object)
rules.add_perm("grants.assign_reviewers", is_programme_instructeur)  # on the call
rules.add_perm("grants.view_scores", is_application_instructeur)  # weighted score, spread, opinions, decision form
rules.add_perm("grants.open_assignment", is_evaluator & is_own_assignment)  # the conflict question
rules.add_perm("grants.review_application", is_evaluator & is_own_assignment & sees_file)
rules.add_perm("grants.remove_assignment", is_application_instructeur)
# Decisions (grants.decide_application: grants/rules.py) and follow-up.
rules.add_perm("grants.view_decision", is_application_instructeur | is_applicant_team)
rules.add_perm("grants.view_grant", is_grant_instructeur | is_grant_team)
rules.add_perm("grants.manage_grant", is_grant_instructeur)  # convention signed, hearing, reduction, withdrawal
rules.add_perm("grants.answer_hearing", is_grant_team)
rules.add_perm("grants.report_milestone", is_grant_team)  # on the milestone (its `application`)
rules.add_perm("grants.check_milestone", is_grant_instructeur)  # validate or send back
rules.add_perm("grants.report_financial", is_grant_team)
# Dashboards and exports: the programme's instructeurs.
rules.add_perm("grants.view_call_dashboard", is_programme_instructeur)
rules.add_perm("grants.view_programme_dashboard", is_programme_instructeur)
