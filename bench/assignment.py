"""`python -m bench.assignment`: times `reviewing.assignment.assign` on a national-size call
(2,000 items × k = 5 among 2,000 evaluators, ~1 % of the pairs excluded). Pure Python, no
database. Options: --items, --evaluators, -k, --excluded (share of pairs), --seed."""

import argparse
import random
import time


def run(*, items: int = 2000, evaluators: int = 2000, k: int = 5, excluded_share: float = 0.01, seed: int = 0):
    """(seconds spent in assign(), the plan)."""
    from reviewing.assignment import assign

    rng = random.Random(seed)
    item_keys = list(range(items))
    evaluator_keys = [f"evaluateur-{n}" for n in range(evaluators)]
    excluded = {(rng.randrange(items), evaluator_keys[rng.randrange(evaluators)])
                for _ in range(int(items * evaluators * excluded_share))}
    start = time.perf_counter()
    plan = assign(item_keys, evaluator_keys, k, excluded=excluded, seed=seed)
    return time.perf_counter() - start, plan


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--evaluators", type=int, default=2000)
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--excluded", type=float, default=0.01, help="part des paires exclues (0.01 = 1 %)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    seconds, plan = run(items=args.items, evaluators=args.evaluators, k=args.k, excluded_share=args.excluded,
                        seed=args.seed)
    loads = plan.loads.values()
    print(f"assign : {args.items} dossiers × k = {args.k} parmi {args.evaluators} évaluateurs, "
          f"{args.excluded:.1%} de paires exclues")
    print(f"  {len(plan.new_pairs)} attributions en {seconds:.3f} s ; "
          f"charge min {min(loads, default=0)}, max {max(loads, default=0)} ; "
          f"dossiers incomplets : {len(plan.short)}")


if __name__ == "__main__":
    main()
