#!/usr/bin/env python3
"""Speed peer of `mbrl-lab bench value-iteration`: the same MDP, swept by vectorised numpy.

The world (as in BenchValueIterationCommand.java): an N x N grid, actions up, down, left, right; a move
goes the intended way with probability 1 - p and to each side with p/2; a move off the grid leaves the
agent in place; every transition costs 1 (bumps and entering the goal too); the bottom-right cell is
a terminal goal (value 0); gamma = 0.99.

A synchronous sweep is V <- max_a [ R(s, a) + gamma * sum_k P(s, a, k) * V[NEXT(s, a, k)] ] with the
next-state indices NEXT and probabilities P precomputed as (S, 4, 3) arrays. The goal's three outcomes
have probability 0 and reward 0, so its value stays 0 without masking.

Usage: python3 bench/value_iteration_numpy.py --size 100 --slip 0.2 --sweeps 50 --json
Prints the keys of the Java benchmark: size, ms_per_sweep (median), sweeps, slip, states, mean_ms,
min_ms, warmup_sweeps, implementation.
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np

GAMMA = 0.99
WARMUP_SWEEPS = 30
WARMUP_SECONDS = 0.3
# (dr, dc) for up, down, left, right, and the two moves at right angles to each.
MOVES = [(-1, 0), (1, 0), (0, -1), (0, 1)]
SIDES = {0: (2, 3), 1: (2, 3), 2: (0, 1), 3: (0, 1)}


def build(n, slip):
    """NEXT (S, 4, 3) int, PROB (S, 4, 3) float, R (S, 4) expected reward."""
    states = n * n
    goal = states - 1
    rows, cols = np.divmod(np.arange(states), n)
    nxt = np.empty((states, 4, 3), dtype=np.int64)
    prob = np.empty((states, 4, 3))
    reward = np.empty((states, 4, 3))
    for a in range(4):
        for k, (m, p) in enumerate([(a, 1 - slip), (SIDES[a][0], slip / 2), (SIDES[a][1], slip / 2)]):
            r = rows + MOVES[m][0]
            c = cols + MOVES[m][1]
            bump = (r < 0) | (r >= n) | (c < 0) | (c >= n)
            nxt[:, a, k] = np.where(bump, np.arange(states), r * n + c)
            prob[:, a, k] = p
            reward[:, a, k] = -1.0  # living, bump and goal entry all cost 1 in this world
    nxt[goal], prob[goal], reward[goal] = goal, 0.0, 0.0  # terminal: absorbing, value 0
    return nxt, prob, (prob * reward).sum(axis=2)


def sweep(v, nxt, prob, r):
    """One synchronous value-iteration sweep."""
    return np.max(r + GAMMA * (prob * v[nxt]).sum(axis=2), axis=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--slip", type=float, default=0.2)
    parser.add_argument("--sweeps", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not 2 <= args.size <= 300 or not 0 <= args.slip <= 1 or args.sweeps < 1:
        print("error: need 2 <= --size <= 300, 0 <= --slip <= 1, --sweeps >= 1", file=sys.stderr)
        return 2
    nxt, prob, r = build(args.size, args.slip)
    v = np.zeros(args.size * args.size)

    warmup = 0
    end = time.perf_counter() + WARMUP_SECONDS
    while warmup < WARMUP_SWEEPS or time.perf_counter() < end:
        v = sweep(v, nxt, prob, r)
        warmup += 1

    ms = []
    for _ in range(args.sweeps):
        start = time.perf_counter()
        v = sweep(v, nxt, prob, r)
        ms.append((time.perf_counter() - start) * 1e3)

    result = {"size": args.size, "ms_per_sweep": statistics.median(ms), "sweeps": args.sweeps,
              "slip": args.slip, "states": args.size * args.size, "mean_ms": statistics.fmean(ms),
              "min_ms": min(ms), "warmup_sweeps": warmup, "implementation": "numpy " + np.__version__}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"value iteration (numpy), {args.size}x{args.size} grid ({result['states']} states), slip {args.slip}: "
              f"median {result['ms_per_sweep']:.3f} ms per sweep (mean {result['mean_ms']:.3f}, "
              f"min {result['min_ms']:.3f}) over {args.sweeps} sweeps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
