"""Who reviews what: k distinct evaluators per item, loads balanced, conflicts excluded.

Pure Python, no ORM: the app passes keys (primary keys, usually) and saves the plan itself.

The algorithm, in two passes:

1. Greedy fill. Items are taken most constrained first (fewest eligible evaluators left over
   what they still need; ties in a seeded random order). Each takes the evaluators it still
   needs from a heap ordered by (load, random tie-break): the least loaded eligible evaluators
   first. An evaluator put back on the heap draws a new random tie-break, so that panels mix
   (two items rarely get the same evaluators, which the z-score normalisation needs).
2. Repair. While an evaluator holding new pairs has at least two more than another, a chain of
   moves carries one pair from them to the less loaded one: the donor hands one of its new
   items to Y₁ (who may take it), Y₁ hands one of theirs to Y₂, … (breadth-first search through
   the items, evaluators in between keep their load). Each chain lowers the sum of the squared
   loads, so the pass ends; when no chain exists, no move of new pairs can even the loads out
   further.

Everything is deterministic for a seed: decisions never depend on the iteration order of a set
(Python's string hashes change from one process to the next)."""

import hashlib
import heapq
from collections import deque
import random
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field


@dataclass
class Plan:
    new_pairs: list[tuple[Hashable, Hashable]] = field(default_factory=list)  # (item, evaluator) to create
    short: dict[Hashable, int] = field(default_factory=dict)  # item -> evaluators still missing
    loads: dict[Hashable, int] = field(default_factory=dict)  # evaluator -> existing + new pairs

    @property
    def is_complete(self) -> bool:
        return not self.short

    @property
    def spread(self) -> int:
        """Largest load minus smallest load (0 when there is no evaluator)."""
        return max(self.loads.values()) - min(self.loads.values()) if self.loads else 0


def _unique(keys: Iterable) -> list:
    return list(dict.fromkeys(keys))


def assign(items, evaluators, k: int, *, excluded=frozenset(), existing=(), seed=0) -> Plan:
    """A plan giving each item `k` distinct evaluators.

    - `excluded`: (item, evaluator) pairs that may not be assigned (hard conflicts).
    - `existing`: (item, evaluator) pairs already assigned: kept, counted in the loads and in each
      item's k. Pairs whose item or evaluator is no longer in the lists (a withdrawal) are ignored.
    - `seed`: the same inputs and seed give the same plan.

    Items that cannot reach k (too few eligible evaluators) are in `plan.short` with the number
    of evaluators missing."""
    if k < 0:
        raise ValueError("k must be >= 0")
    items = _unique(items)
    evaluators = _unique(evaluators)
    known_items = dict.fromkeys(items)
    known_evaluators = dict.fromkeys(evaluators)
    excluded = excluded if isinstance(excluded, (set, frozenset)) else frozenset(excluded)
    rng = random.Random(seed)

    loads = dict.fromkeys(evaluators, 0)
    assigned: dict = {item: {} for item in items}  # item -> {evaluator: None}, ordered
    for item, evaluator in existing:
        if item in known_items and evaluator in known_evaluators and evaluator not in assigned[item]:
            assigned[item][evaluator] = None
            loads[evaluator] += 1

    excluded_count = dict.fromkeys(items, 0)
    for item, evaluator in excluded:
        if item in known_items and evaluator in known_evaluators and evaluator not in assigned[item]:
            excluded_count[item] += 1

    need = {item: max(0, k - len(assigned[item])) for item in items}
    slack = {item: len(evaluators) - len(assigned[item]) - excluded_count[item] - need[item] for item in items}
    tie = {item: rng.random() for item in items}
    order = sorted((item for item in items if need[item]), key=lambda item: (slack[item], tie[item]))

    heap = [(loads[evaluator], rng.random(), index) for index, evaluator in enumerate(evaluators)]
    heapq.heapify(heap)
    new_by_evaluator: dict = {evaluator: {} for evaluator in evaluators}  # evaluator -> {item: None}
    short: dict = {}
    for item in order:
        taken, skipped = [], []
        on_item = assigned[item]
        while len(taken) < need[item] and heap:
            entry = heapq.heappop(heap)
            evaluator = evaluators[entry[2]]
            if evaluator in on_item or (item, evaluator) in excluded:
                skipped.append(entry)
            else:
                taken.append(entry)
        for load, _tie, index in taken:
            evaluator = evaluators[index]
            on_item[evaluator] = None
            new_by_evaluator[evaluator][item] = None
            loads[evaluator] = load + 1
            heapq.heappush(heap, (load + 1, rng.random(), index))
        for entry in skipped:
            heapq.heappush(heap, entry)
        if len(taken) < need[item]:
            short[item] = need[item] - len(taken)

    _repair(evaluators, loads, assigned, new_by_evaluator, excluded)
    item_rank = {item: index for index, item in enumerate(items)}
    evaluator_rank = {evaluator: index for index, evaluator in enumerate(evaluators)}
    new_pairs = sorted(((item, evaluator) for evaluator in evaluators for item in new_by_evaluator[evaluator]),
                       key=lambda pair: (item_rank[pair[0]], evaluator_rank[pair[1]]))
    return Plan(new_pairs=new_pairs, short=short, loads=loads)


def _repair(evaluators, loads, assigned, new_by_evaluator, excluded) -> int:
    """Evens the loads out by moving new pairs along chains: the donor (loaded ≥ 2 more than
    some evaluator) hands an item to Y₁, who hands another of their new items to Y₂, …, down to
    an evaluator loaded at most the donor's load − 2 (a breadth-first search through the items;
    the evaluators in between keep their load). Each chain lowers Σ load², so the pass ends.
    Returns the number of chains applied."""
    chains = 0
    while True:
        low = min(loads.values(), default=0)
        donors = sorted((evaluator for evaluator in evaluators
                         if new_by_evaluator[evaluator] and loads[evaluator] >= low + 2),
                        key=lambda evaluator: -loads[evaluator])
        dead: dict = {}  # no chain from these (reached from a donor at least as loaded whose search failed)
        applied = False
        for donor in donors:
            if donor in dead:
                continue
            path, reached = _chain(donor, evaluators, loads, assigned, new_by_evaluator, excluded)
            if path is None:
                dead.update(reached)
                continue
            for item, giver, taker in path:
                del new_by_evaluator[giver][item]
                del assigned[item][giver]
                new_by_evaluator[taker][item] = None
                assigned[item][taker] = None
            loads[donor] -= 1
            loads[path[-1][2]] += 1
            chains += 1
            applied = True
            break
        if not applied:
            return chains


def _chain(donor, evaluators, loads, assigned, new_by_evaluator, excluded):
    """([(item, giver, taker), …] from the donor to an evaluator loaded ≤ donor's load − 2, or
    None) and the evaluators reached."""
    limit = loads[donor] - 2
    parent: dict = {donor: None}  # evaluator -> (item, giver) that reaches them
    expanded: dict = {}
    queue = deque([donor])
    while queue:
        giver = queue.popleft()
        for item in new_by_evaluator[giver]:
            if item in expanded:
                continue
            expanded[item] = None
            on_item = assigned[item]
            for taker in evaluators:
                if taker in parent or taker in on_item or (item, taker) in excluded:
                    continue
                parent[taker] = (item, giver)
                if loads[taker] <= limit:
                    path = []
                    while parent[taker] is not None:
                        item_, giver_ = parent[taker]
                        path.append((item_, giver_, taker))
                        taker = giver_
                    return path[::-1], parent
                queue.append(taker)
    return None, parent


def order_for(evaluator_key, items, seed=0) -> list:
    """The items in an order of this evaluator's own: pseudo-random, the same on every call for
    the same evaluator and seed, different from one evaluator to the next (so that entries are not
    all read first, or last, by everyone). Stable: adding an item leaves the others in place."""

    def rank(item) -> bytes:
        return hashlib.blake2b(f"{seed}\x1f{evaluator_key}\x1f{item}".encode(), digest_size=8).digest()

    return sorted(items, key=rank)
