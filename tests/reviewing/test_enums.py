"""reviewing.enums: labels, badges, state groups and the sheet's transition table."""

from essaimage.transitions import Transition, actions_from, targets_from
from reviewing.enums import (
    SHEET_TRANSITIONS,
    ConflictAnswer,
    ConflictKind,
    Opinion,
    SheetAction,
    SheetStatus,
)


def test_values_and_labels():
    assert [(o.value, str(o.label)) for o in Opinion] == [
        ("favorable", "Favorable"), ("reserve", "Réservé"), ("defavorable", "Défavorable")]
    assert [(a.value, str(a.label)) for a in ConflictAnswer] == [
        ("pending", "Non déclaré"), ("none", "Aucun conflit"), ("declared", "Conflit déclaré")]
    assert [(s.value, str(s.label)) for s in SheetStatus] == [("draft", "Brouillon"), ("submitted", "Envoyée")]


def test_badges():
    assert [o.badge_class for o in Opinion] == ["fr-badge--success", "fr-badge--warning", "fr-badge--error"]
    assert all(member.badge_class.startswith("fr-badge--") for member in [*SheetStatus, *ConflictAnswer])


def test_hard_and_soft_conflicts():
    assert {kind for kind in ConflictKind if kind.is_hard} == {
        ConflictKind.SAME_ORGANISATION, ConflictKind.TEAM_MEMBER, ConflictKind.DECLARED}
    assert not ConflictKind.SAME_TERRITORY.is_hard and not ConflictKind.PAST_COLLABORATION.is_hard


def test_sheet_transitions():
    assert SHEET_TRANSITIONS == {SheetAction.SUBMIT: Transition(frozenset({SheetStatus.DRAFT}), SheetStatus.SUBMITTED)}
    assert actions_from(SHEET_TRANSITIONS, SheetStatus.DRAFT) == [SheetAction.SUBMIT]
    assert targets_from(SHEET_TRANSITIONS, SheetStatus.SUBMITTED) == set()
    assert SheetStatus.SUBMITTED.is_locked and not SheetStatus.DRAFT.is_locked
    assert not ConflictAnswer.PENDING.is_answered and ConflictAnswer.NONE.is_answered
