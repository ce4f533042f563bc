#!/usr/bin/env bash
# Loom Jobs benchmark: N trivial jobs (`true`) through `loom batch -j J` against the same file through
# GNU parallel and a bare fork/exec loop, then the submit-to-start latency of single `loom run` jobs.
# Usage: bench/jobs/batch-vs-parallel.sh [N=1000] [J=8] [SINGLE=100]
set -euo pipefail
N=${1:-1000}
J=${2:-8}
SINGLE=${3:-100}
cd "$(dirname "$0")/../.."

if ! command -v parallel >/dev/null; then
  apt-get update -qq && apt-get install -y -qq parallel >/dev/null
fi
dotnet build src/Loom.Cli -c Release -v q --nologo >/dev/null
loom() { dotnet src/Loom.Cli/bin/Release/net10.0/Loom.Cli.dll "$@"; }

work=$(mktemp -d)
export LOOM_HOME="$work/home"
trap 'loom stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for _ in $(seq "$N"); do echo true; done > "$work/jobs.txt"

seconds() { python3 -c 'import sys,time; print(f"{time.time()-float(sys.argv[1]):.2f}")' "$1"; }

start=$(date +%s.%N)
while read -r _; do /bin/true; done < "$work/jobs.txt"
echo "fork/exec loop, $N x true:            $(seconds "$start") s"

start=$(date +%s.%N)
parallel -j"$J" :::: "$work/jobs.txt"
echo "GNU parallel -j$J, $N x true:          $(seconds "$start") s"

loom start --head >/dev/null
start=$(date +%s.%N)
loom batch "$work/jobs.txt" -j "$J" --wait >/dev/null 2>"$work/batch.err"
echo "loom batch -j$J --wait, $N x true:     $(seconds "$start") s (head already running)"

for _ in $(seq "$SINGLE"); do loom run utils.sh --cpu 0 --memMB 0 -- true >/dev/null; done
loom list --json --state succeeded > "$work/jobs.json"
python3 - "$work/jobs.json" "$SINGLE" <<'PY'
import json, sys, statistics
from datetime import datetime
jobs = [j for j in json.load(open(sys.argv[1])) if j.get("arrayParentId") is None][: int(sys.argv[2])]
parse = lambda t: datetime.fromisoformat(t.replace("Z", "+00:00"))
waits = sorted((parse(j["startedAt"]) - parse(j["submittedAt"])).total_seconds() * 1000 for j in jobs)
p = lambda q: waits[min(len(waits) - 1, int(round(q * (len(waits) - 1))))]
print(f"submit-to-start of {len(waits)} single jobs (loom run, idle queue): p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, max {waits[-1]:.1f} ms")
PY
