#!/usr/bin/env python3
"""A Loom Tune command trainable: gradient descent with momentum on the Rosenbrock function.

Config: --lr and --momentum flags (Loom passes the trial's config as flags), or the JSON file named by
LOOM_TUNE_CONFIG. Each step runs 20 updates and prints one report line:

    @loom.report {"loss": 0.31, "step": 3, "checkpoint": "step-3"}

after writing its state into the new folder LOOM_CHECKPOINT_DIR/step-3. When LOOM_RESUME_FROM names a checkpoint, it starts from
there. Pure Python, no packages needed.
"""
import argparse
import json
import math
import os
import sys

UPDATES_PER_STEP = 20


def config():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float)
    parser.add_argument("--momentum", type=float)
    parser.add_argument("--steps", type=int, default=100)
    args, _ = parser.parse_known_args()
    values = {}
    path = os.environ.get("LOOM_TUNE_CONFIG")
    if path and os.path.exists(path):
        with open(path) as f:
            values = json.load(f)
    lr = args.lr if args.lr is not None else float(values.get("lr", 0.01))
    momentum = args.momentum if args.momentum is not None else float(values.get("momentum", 0.9))
    return lr, momentum, args.steps


def loss(x, y):
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def gradient(x, y):
    return -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)


def main():
    lr, momentum, steps = config()
    # The Rosenbrock valley is steep: scale the step so that useful learning rates span 1e-3..0.5.
    lr = lr / 500
    state = {"step": 0, "x": -1.5, "y": 2.0, "vx": 0.0, "vy": 0.0}
    resume = os.environ.get("LOOM_RESUME_FROM")
    if resume:
        with open(os.path.join(resume, "state.json")) as f:
            state = json.load(f)
    checkpoint_dir = os.environ.get("LOOM_CHECKPOINT_DIR")
    while state["step"] < steps:
        for _ in range(UPDATES_PER_STEP):
            gx, gy = gradient(state["x"], state["y"])
            state["vx"] = momentum * state["vx"] - lr * gx
            state["vy"] = momentum * state["vy"] - lr * gy
            state["x"] += state["vx"]
            state["y"] += state["vy"]
        state["step"] += 1
        value = loss(state["x"], state["y"])
        if not math.isfinite(value) or value > 1e12:
            value = 1e12
        report = {"loss": value, "step": state["step"]}
        if checkpoint_dir:
            # A new folder per checkpoint, named in the report: Loom takes it while this process goes on.
            name = "step-%d" % state["step"]
            os.makedirs(os.path.join(checkpoint_dir, name))
            with open(os.path.join(checkpoint_dir, name, "state.json"), "w") as f:
                json.dump(state, f)
            report["checkpoint"] = name
        print("@loom.report " + json.dumps(report), flush=True)
        if value >= 1e12:
            print("diverged; stopping", file=sys.stderr)
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
