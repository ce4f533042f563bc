#!/usr/bin/env bash
# Loom's added time per Slurm submission, on the Slurm cluster this machine reaches
# (deploy/slurm/local-cluster.sh start for a local one):
#   1. in process: SlurmScheduler.SubmitAsync against plain `sbatch --wrap`, alternating, N each;
#   2. through the CLI: `loom run -s slurm utils.sh -- true` against `sbatch --wrap true`, N each
#      (a new .NET process per submission, as a user typing it would start).
# The jobs only queue: the partition is set DOWN while measuring (submissions are still accepted),
# so jobs running on the same cores do not disturb the timings; it is set UP again at the end.
# Usage: bench/slurm/run.sh [N] [PARTITION]   (defaults: 100, debug; needs Slurm operator rights)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100}"
PARTITION="${2:-debug}"

dotnet build -c Release bench/slurm/SubmitOverhead.csproj -v q -nologo >/dev/null
dotnet build -c Release src/Loom.Cli -v q -nologo >/dev/null

scontrol update PartitionName="$PARTITION" State=DOWN
trap 'scontrol update PartitionName="$PARTITION" State=UP' EXIT

echo "== in process ($N submissions each)"
dotnet bench/slurm/bin/Release/net10.0/SubmitOverhead.dll "$N"

echo "== through the CLI ($N submissions each)"
export LOOM_HOME; LOOM_HOME="$(mktemp -d)"
work="$(mktemp -d)"
cli="$(pwd)/src/Loom.Cli/bin/Release/net10.0/Loom.Cli.dll"
ids=()
sbatch_ms=0 loom_ms=0
for _ in $(seq 1 "$N"); do
  t0=$(date +%s%N)
  ids+=("$(sbatch --parsable --mem=50 --output=/dev/null --chdir="$work" --wrap true)")
  t1=$(date +%s%N)
  handle=$(cd "$work" && dotnet "$cli" run -s slurm utils.sh --memMB 50 -- true)
  t2=$(date +%s%N)
  ids+=("${handle##*/}")
  sbatch_ms=$((sbatch_ms + (t1 - t0) / 1000))
  loom_ms=$((loom_ms + (t2 - t1) / 1000))
done
scancel "${ids[@]}" 2>/dev/null || true
awk -v s="$sbatch_ms" -v l="$loom_ms" -v n="$N" 'BEGIN {
  printf "sbatch --wrap               mean %.1f ms\n", s / n / 1000
  printf "loom run -s slurm           mean %.1f ms\n", l / n / 1000
  printf "added by the loom CLI:      %.1f ms per submission (mean)\n", (l - s) / n / 1000
}'
rm -rf "$LOOM_HOME" "$work"
