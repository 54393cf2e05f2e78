#!/usr/bin/env python3
"""Speed peer of `mbrl-lab bench ensemble`: the same ensemble training, in batched numpy.

K members of a 2 x 200 ReLU MLP (4 inputs, 3 outputs, as for the pendulum: cos, sin, angular velocity
and the torque in, the change of the state out), trained on 10,000 transitions with the mean squared
error, Adam (lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8) and batches of 256. Like the Java benchmark:

- the weights carry a leading member axis, (K, fan_in, fan_out), and every layer is one batched matmul
  over that axis (np.matmul on (K, B, n) x (K, n, m));
- each member draws its own bootstrap resample of the data and its own batch order;
- the backward pass and Adam are written by hand (there is no autodiff here);
- one warm-up epoch, then one timed epoch; the loss of member k is the mean over its batch and the 3
  outputs, and the summed loss of all members is minimised.

The numbers in the data do not matter for the timing: inputs are uniform in [-1, 1], targets a fixed
smooth function of them.

Usage: python3 bench/ensemble_numpy.py --members 5 --json [--threads 1] [--warmup-seconds W]
Prints {"member_samples_per_second": ...} and the keys members, samples, batch, epoch_seconds,
process_cpu_seconds_per_epoch (CPU time of all the process's threads), hidden, implementation,
blas_threads.
--threads N sets OPENBLAS_NUM_THREADS/OMP_NUM_THREADS before numpy loads (default: numpy's own choice).
--warmup-seconds W keeps warming up with whole epochs until W seconds have passed (as the Java bench).
"""
import argparse
import json
import os
import sys
import time

INPUTS, OUTPUTS, HIDDEN, LAYERS = 4, 3, 200, 2
SAMPLES, BATCH = 10_000, 256
LR, BETA1, BETA2, EPS = 1e-3, 0.9, 0.999, 1e-8


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--warmup-seconds", type=float, default=0.0)
    parser.add_argument("--json", action="store_true")
    return parser.parse_args()


ARGS = parse()
if ARGS.threads > 0:
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(ARGS.threads)
import numpy as np  # noqa: E402  (after the thread variables)


class Ensemble:
    """Weights W[l] (K, n, m) and biases b[l] (K, 1, m), He-initialised, with Adam moments."""

    def __init__(self, k, rng):
        sizes = [INPUTS] + [HIDDEN] * LAYERS + [OUTPUTS]
        self.params = []
        for n, m in zip(sizes[:-1], sizes[1:]):
            self.params.append((rng.standard_normal((k, n, m)) * np.sqrt(2.0 / n)).astype(np.float32))
            self.params.append(np.zeros((k, 1, m), dtype=np.float32))
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def train_batch(self, x, y):
        """One Adam step on x (K, B, 4), y (K, B, 3); returns the per-member losses (K,)."""
        p = self.params
        # Forward: keep every layer's input and pre-activation for the backward pass.
        acts, pre = [x], []
        h = x
        for layer in range(LAYERS + 1):
            z = np.matmul(h, p[2 * layer]) + p[2 * layer + 1]
            pre.append(z)
            h = np.maximum(z, 0) if layer < LAYERS else z
            acts.append(h)
        err = h - y
        losses = np.mean(err * err, axis=(1, 2))
        # Backward: d(sum_k loss_k)/d out = 2 (out - y) / (B * outputs).
        grads = [None] * len(p)
        delta = (2.0 / (err.shape[1] * err.shape[2])) * err
        for layer in range(LAYERS, -1, -1):
            grads[2 * layer] = np.matmul(acts[layer].transpose(0, 2, 1), delta)
            grads[2 * layer + 1] = delta.sum(axis=1, keepdims=True)
            if layer > 0:
                delta = np.matmul(delta, p[2 * layer].transpose(0, 2, 1)) * (pre[layer - 1] > 0)
        # Adam.
        self.t += 1
        step = LR * np.sqrt(1 - BETA2 ** self.t) / (1 - BETA1 ** self.t)
        for i, g in enumerate(grads):
            self.m[i] *= BETA1
            self.m[i] += (1 - BETA1) * g
            self.v[i] *= BETA2
            self.v[i] += (1 - BETA2) * (g * g)
            p[i] -= step * self.m[i] / (np.sqrt(self.v[i]) + EPS)
        return losses


def epoch(net, x, y, boot, rng):
    """One pass: every member sees its own bootstrap sample in its own order, batch by batch."""
    k = boot.shape[0]
    order = np.stack([rng.permutation(boot[j]) for j in range(k)])  # (K, N) row indices
    for start in range(0, SAMPLES, BATCH):
        rows = order[:, start:start + BATCH]
        net.train_batch(x[rows], y[rows])


def main():
    if not 1 <= ARGS.members <= 10:
        print("error: --members must be in [1, 10]", file=sys.stderr)
        return 2
    rng = np.random.default_rng(ARGS.seed)
    x = rng.uniform(-1, 1, (SAMPLES, INPUTS)).astype(np.float32)
    y = np.stack([np.sin(x[:, 0] + x[:, 3]), np.cos(2 * x[:, 1]) * x[:, 2], 0.5 * x[:, 2] - x[:, 3]],
                 axis=1).astype(np.float32)
    boot = rng.integers(0, SAMPLES, (ARGS.members, SAMPLES))
    net = Ensemble(ARGS.members, rng)

    warmup_epochs, warmup_end = 0, time.perf_counter() + ARGS.warmup_seconds
    while warmup_epochs == 0 or time.perf_counter() < warmup_end:  # at least one warm-up epoch
        epoch(net, x, y, boot, rng)
        warmup_epochs += 1
    start, cpu = time.perf_counter(), time.process_time()
    epoch(net, x, y, boot, rng)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu

    result = {
        "member_samples_per_second": ARGS.members * SAMPLES / seconds,
        "members": ARGS.members,
        "samples": SAMPLES,
        "batch": BATCH,
        "hidden": [HIDDEN] * LAYERS,
        "epoch_seconds": seconds,
        "warmup_epochs": warmup_epochs,
        "process_cpu_seconds_per_epoch": cpu,
        "implementation": "numpy",
        "blas_threads": ARGS.threads if ARGS.threads > 0 else "default",
    }
    if ARGS.json:
        print(json.dumps(result))
    else:
        print(f"numpy ensemble, {ARGS.members} members: {result['member_samples_per_second']:.0f} member samples/s "
              f"({seconds:.3f} s per epoch)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
