#!/usr/bin/env bash
# A one-machine Slurm cluster (controller and node daemon on this host) for trying Loom's
# slurm scheduler and for its tests. Needs root and Debian's slurm-wlm and munge packages.
#
#   deploy/slurm/local-cluster.sh install   # apt-get install slurm-wlm munge (once)
#   deploy/slurm/local-cluster.sh start     # write the configuration, start munged, slurmctld, slurmd
#   deploy/slurm/local-cluster.sh status    # sinfo
#   deploy/slurm/local-cluster.sh stop      # stop the daemons (the state folder is removed)
#
# Two node daemons run on this host (node1, node2: Slurm's multiple-slurmd set-up), so that
# multi-replica apps (one heterogeneous-job group per replica, which Slurm never puts on one node
# together) can run. Each node declares LOOM_SLURM_CPUS CPUs, LOOM_SLURM_MEMORY_MB of memory and
# half of the 4 placeholder GPUs (gres gpu backed by empty files), so jobs can ask for GPUs;
# placeholder GPUs set no CUDA_VISIBLE_DEVICES.
# Environment: LOOM_SLURM_STATE (state folder, default /tmp/loom-slurm), LOOM_SLURM_CPUS (per
# node, default: nproc), LOOM_SLURM_MEMORY_MB (per node, default: 3/8 of the memory).
set -euo pipefail

STATE="${LOOM_SLURM_STATE:-/tmp/loom-slurm}"
NODES="node1 node2"
GPUS_PER_NODE=2
CPUS="${LOOM_SLURM_CPUS:-$(nproc)}"
MEMORY_MB="${LOOM_SLURM_MEMORY_MB:-$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 3 / 8 ))}"
CONF_DIR=/etc/slurm

die() { echo "local-cluster: $*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "run it as root (it writes $CONF_DIR and starts daemons)."; }

install() {
  need_root
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y slurm-wlm munge
}

write_config() {
  mkdir -p "$CONF_DIR" "$STATE/ctld" "$STATE/gpus" "$STATE/log"
  local gpu=0 nodes="" gres=""
  for node in $NODES; do
    mkdir -p "$STATE/spool/$node"
    local first=$gpu
    for _ in $(seq 1 $GPUS_PER_NODE); do : > "$STATE/gpus/gpu$gpu"; gpu=$((gpu + 1)); done
    local port=$((17000 + ${node#node}))
    nodes="${nodes}NodeName=$node NodeHostname=localhost NodeAddr=127.0.0.1 Port=$port CPUs=$CPUS RealMemory=$MEMORY_MB Gres=gpu:$GPUS_PER_NODE State=UNKNOWN
"
    gres="${gres}NodeName=$node Name=gpu File=$STATE/gpus/gpu[$first-$((gpu - 1))]
"
  done
  cat > "$CONF_DIR/slurm.conf" <<CONF
# Written by deploy/slurm/local-cluster.sh: a cluster of two node daemons on one machine.
ClusterName=loom-local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
# Heterogeneous jobs start only from the backfill pass: run it every second.
SchedulerParameters=bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# A job that asks for no memory gets 256 MiB per CPU, not the whole node.
DefMemPerCPU=256
GresTypes=gpu
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$STATE/log/jobcomp.log
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/spool/%n
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd-%n.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd-%n.log
# The nodes share this machine's cores: take the declared CPUs and memory as given.
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=600
KillWait=5
OverTimeLimit=0
InactiveLimit=0
MaxArraySize=10001
${nodes}PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  printf '%s' "$gres" > "$CONF_DIR/gres.conf"
}

resolve_nodes() {
  # Jobs name their first node (MASTER_ADDR, ${rank0_env}); make the node names resolve here.
  for node in $NODES; do
    grep -Eq "[[:space:]]$node([[:space:]]|$)" /etc/hosts || echo "127.0.0.1 $node" >> /etc/hosts
  done
}

start_munge() {
  if pgrep -x munged >/dev/null; then return; fi
  [ -f /etc/munge/munge.key ] || { mkdir -p /etc/munge; dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; }
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  su -s /bin/sh munge -c /usr/sbin/munged
}

wait_until_idle() {
  for _ in $(seq 1 60); do
    if [ "$(sinfo -h -N -o '%t' 2>/dev/null | grep -Ec '^(idle|mix|alloc)')" = 2 ]; then return 0; fi
    sleep 1
  done
  echo "local-cluster: the node did not become idle; last lines of the logs:" >&2
  tail -n 20 "$STATE"/log/*.log >&2 || true
  return 1
}

start() {
  need_root
  command -v slurmctld >/dev/null || die "slurm-wlm is not installed: run '$0 install' (or apt-get install -y slurm-wlm munge)."
  command -v munged >/dev/null || die "munge is not installed: run '$0 install'."
  if pgrep -x slurmctld >/dev/null; then
    echo "local-cluster: slurmctld already runs"; wait_until_idle; sinfo; return
  fi
  # A fresh cluster: jobs left from a cluster that was killed rather than stopped are forgotten.
  pkill -x slurmd 2>/dev/null || true
  rm -rf "$STATE"
  write_config
  resolve_nodes
  start_munge
  /usr/sbin/slurmctld -i
  for node in $NODES; do /usr/sbin/slurmd -N "$node"; done
  wait_until_idle
  sinfo
}

stop() {
  need_root
  pkill -x slurmd 2>/dev/null || true
  pkill -x slurmctld 2>/dev/null || true
  for _ in $(seq 1 30); do
    pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null || break
    sleep 1
  done
  pkill -9 -x slurmstepd 2>/dev/null || true
  rm -rf "$STATE"
  echo "local-cluster: stopped"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) sinfo ;;
  *) echo "usage: $0 install|start|status|stop" >&2; exit 2 ;;
esac
