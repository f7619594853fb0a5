"""One transition-table shape (essaimage.transitions) for every stateful model, and the allowed
actions the pages offer, derived from it and the rules."""

import pytest

from essaimage.transitions import Transition, actions_from, targets_from
from innovations.enums import REPLICATION_TRANSITIONS, TRANSITIONS, ModerationAction, ReplicationStatus, Status
from innovations.rules import allowed_actions
from tests.factories.innovations import InnovationFactory


@pytest.mark.parametrize("table", [TRANSITIONS, REPLICATION_TRANSITIONS])
def test_every_table_has_the_one_shape(table):
    for step in table.values():
        assert isinstance(step, Transition) and isinstance(step.sources, frozenset)
        assert step.target in type(step.target)


def test_replication_table_allows_what_it_allowed_before():
    assert targets_from(REPLICATION_TRANSITIONS, ReplicationStatus.REALISE) == {
        ReplicationStatus.EN_COURS, ReplicationStatus.ABANDONNE}
    assert targets_from(REPLICATION_TRANSITIONS, ReplicationStatus.ABANDONNE) == {
        ReplicationStatus.INTERESSE, ReplicationStatus.EN_COURS}
    assert actions_from(TRANSITIONS, Status.SUBMITTED) == [ModerationAction.PUBLISH, ModerationAction.REQUEST_CHANGES]


@pytest.mark.django_db
def test_allowed_actions_combine_the_table_and_the_rules(agent, moderator):
    innovation = InnovationFactory(created_by=agent, status=Status.SUBMITTED)
    assert allowed_actions(agent, innovation) == []
    assert allowed_actions(moderator, innovation) == [ModerationAction.PUBLISH, ModerationAction.REQUEST_CHANGES]
    draft = InnovationFactory(created_by=agent, status=Status.DRAFT)
    assert allowed_actions(agent, draft) == [ModerationAction.SUBMIT]
    assert allowed_actions(moderator, draft) == []
