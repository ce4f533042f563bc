#!/usr/bin/env bash
# Loom Tune benchmark on the breast cancer sample: ASHA vs FIFO, TPE vs random search, cost per trial start and per epoch.
# Usage: bench/tune/run.sh [SEEDS] [--model mlnet|mlp]   (default 10 seeds, the ML.NET model)
#        bench/tune/run.sh --pilot [--model mlnet|mlp]   (trains 200 random configs directly)
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds=10
pass=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pilot) pass+=(--pilot); shift ;;
    --model) pass+=(--model "$2"); shift 2 ;;
    *) seeds="$1"; shift ;;
  esac
done
exec dotnet run -c Release --project examples/TuneBreastCancer -- --bench --seeds "$seeds" "${pass[@]}"
