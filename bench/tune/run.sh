#!/usr/bin/env bash
# Loom Tune benchmark on the breast cancer sample: ASHA vs FIFO, TPE vs random search, cost per trial start.
# Usage: bench/tune/run.sh [SEEDS]   (default 10; --pilot instead of SEEDS trains 200 random configs directly)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--pilot" ]]; then
  exec dotnet run -c Release --project examples/TuneBreastCancer -- --bench --pilot
fi
exec dotnet run -c Release --project examples/TuneBreastCancer -- --bench --seeds "${1:-10}"
