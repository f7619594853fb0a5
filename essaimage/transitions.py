"""The one shape of a transition table, for every stateful model of every app.

A table maps each *action* (an enum member: what someone does) to a `Transition`: the states
it may start from and the state it leads to. The model's one transition service looks the action
up, checks that the locked row is in one of `sources` and that the person holds the action's
permission (`rules.py`), then writes the target state and the audit entry. Templates never
compare states: they receive the actions allowed to the user (`allowed_actions`).

When the person chooses the new state itself (a replication's « où en êtes-vous ? »), the
action is the target state: `{State.B: Transition(sources={State.A}, target=State.B)}`."""

from collections.abc import Iterable, Mapping
from typing import NamedTuple


class Transition(NamedTuple):
    sources: frozenset
    target: str


def transition(sources: Iterable, target) -> Transition:
    return Transition(frozenset(sources), target)


def actions_from(table: Mapping, state) -> list:
    """The actions of `table` that may start from `state`, in the table's order."""
    return [action for action, step in table.items() if state in step.sources]


def targets_from(table: Mapping, state) -> set:
    """The states reachable in one step from `state`."""
    return {step.target for step in table.values() if state in step.sources}
