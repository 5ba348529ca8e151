#!/usr/bin/env bash
# The production image measured in its container (Podman, read-only root, tmpfs /tmp, named volume):
#   1. the image: its size and each layer (podman history), the executable's size;
#   2. container start → GET /healthz/ready = 200 with an empty folder source, RUNS times: from the start
#      of `podman run`, and from the process start Podman records (State.StartedAt), polled every 10 ms;
#   3. idle RSS of the service process (VmRSS from /proc of the container's process, and the cgroup's
#      memory usage as podman stats shows it) after IDLE_SECONDS;
#   4. the sizing table: for 100, 1,000 and 10,000 messages (a whole day's mail arriving at once, the
#      worst case for memory), the peak RSS (VmHWM) while they are processed and the RSS afterwards.
#
#   benchmarks/run-container-benchmark.sh IMAGE [RUNS=5] [IDLE_SECONDS=30] [VOLUMES="100 1000 10000"]
#
# CPUS=1 runs the volume containers with compose.yaml's CPU limit (`--cpus`): the readers' window is sized from the
# CPUs the process sees, so it sets the peak.
#
# Needs root, podman (configured as docs/deployment.md says: CONTAINERS_CONF with runc and no default
# ulimits), curl, sqlite3. Build the image first (deploy/build-local-image.sh). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:?usage: run-container-benchmark.sh IMAGE [RUNS] [IDLE_SECONDS] [VOLUMES]}
runs=${2:-5}
idle_seconds=${3:-30}
volumes=${4-100 1000 10000}   # "" measures no volumes
name=fm-bench-$$
port=$(( 30000 + RANDOM % 20000 ))
work=$(mktemp -d /tmp/fm-container-bench.XXXXXX)
cleanup() { podman rm -f -t 1 "$name" > /dev/null 2>&1 || true; podman volume rm -f "$name-data" > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
now_ms() { date +%s%3N; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo "## image $image"
podman image inspect "$image" --format 'size {{.Size}} bytes, version {{index .Labels "org.opencontainers.image.version"}}, user {{.User}}'
echo "layers (newest first):"
podman history --format '{{.Size}}	{{.CreatedBy}}' "$image" | cut -c1-140

start_container() { # extra podman run arguments...
  podman run -d --name "$name" --read-only --tmpfs /tmp -v "$name-data:/data" -p "127.0.0.1:$port:8080" \
    -e FLEETMANAGER__SOURCES__0__NAME=inbox -e FLEETMANAGER__SOURCES__0__KIND=folder \
    -e FLEETMANAGER__SOURCES__0__FOLDER__PATH=/data/inbox -e FLEETMANAGER__SOURCES__0__INTERVAL=00:00:05 \
    "$@" "$image" run > /dev/null 2> "$work/run.err"
}
wait_ready() {
  for _ in $(seq 1 6000); do
    curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz/ready" && return 0
    sleep 0.01
  done
  return 1
}
service_pid() { podman inspect --format '{{.State.Pid}}' "$name"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
# VmRSS = anonymous memory (heap, GC) + file pages (mostly the mapped 50 MB executable, shared and
# reclaimable); the cgroup's usage (podman stats) counts the container's own charged pages.
rss_split() { awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } END { printf "anonymous %.1f MiB + file %.1f MiB", a / 1024, f / 1024 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }

echo
echo "## start → /healthz/ready (empty folder source, SQLite on the volume, $runs runs)"
podman volume create "$name-data" > /dev/null
vol=$(podman volume inspect "$name-data" --format '{{.Mountpoint}}')
mkdir -p "$vol/inbox"; chown -R 1654:1654 "$vol"
podman run --rm -v "$name-data:/data" "$image" db migrate > /dev/null   # the schema exists, as after a deploy's migrate
for i in $(seq 1 "$runs"); do
  t0=$(now_ms)
  start_container
  t_run=$(now_ms)
  wait_ready || { echo "not ready"; cat "$work/run.err"; podman logs --tail 20 "$name"; exit 1; }
  t_ready=$(now_ms)
  # The container's own start (runc started the process) as Podman recorded it, to the first 200.
  started=$(date -d "$(podman inspect --format '{{.State.StartedAt}}' "$name" | sed 's/ +0000 UTC$/Z/; s/ [A-Z]*$//')" +%s%3N)
  echo "run $i: podman run returned after $(( t_run - t0 )) ms; ready $(( t_ready - t0 )) ms after podman run began, $(( t_ready - started )) ms after the process started"
  [ "$i" -lt "$runs" ] && podman rm -f -t 2 "$name" > /dev/null
done

echo
echo "## idle ($idle_seconds s after ready, empty source)"
sleep "$idle_seconds"
pid=$(service_pid)
echo "service process: VmRSS $(kib_to_mib "$(rss_kib "$pid")") MiB ($(rss_split "$pid")), VmHWM $(kib_to_mib "$(hwm_kib "$pid")") MiB; podman stats: $(podman stats --no-stream --format '{{.MemUsage}}' "$name")"
podman rm -f -t 5 "$name" > /dev/null

echo
echo "## a day's mail at once: peak and settled RSS (each from a fresh container and an empty store)"
samples=(samples/mailbox/*.eml)
for count in $volumes; do
  podman volume rm -f "$name-data" > /dev/null
  podman volume create "$name-data" > /dev/null
  vol=$(podman volume inspect "$name-data" --format '{{.Mountpoint}}')
  mkdir -p "$vol/inbox" "$vol/.incoming"; chown -R 1654:1654 "$vol"
  start_container --memory 1g ${CPUS:+--cpus "$CPUS"}
  wait_ready
  pid=$(service_pid)
  for n in $(seq 1 "$count"); do
    awk -v id="<bench-$n@fleetmanager.test>" 'BEGIN{h=1} h && /^[Mm]essage-[Ii][Dd]:/ {next} h && /^\r?$/ {print "Message-ID: " id; h=0} {print}' \
      "${samples[$(( n % ${#samples[@]} ))]}" > "$vol/.incoming/bench-$n.eml"
  done
  chown -R 1654:1654 "$vol/.incoming"
  t0=$(now_ms)
  mv "$vol"/.incoming/*.eml "$vol/inbox/" 2> /dev/null || find "$vol/.incoming" -name '*.eml' -exec mv -t "$vol/inbox/" {} +
  rows=0
  for _ in $(seq 1 3600); do
    rows=$(sqlite3 -cmd '.timeout 5000' "file:$vol/fleetmanager.db?mode=ro" 'SELECT count(*) FROM ledger;' 2> /dev/null || echo 0)
    [ "$rows" -ge "$count" ] && break
    sleep 0.5
  done
  t1=$(now_ms)
  sleep 15
  echo "$count messages: all $rows in the ledger after $(( (t1 - t0) / 1000 )) s; peak VmHWM $(kib_to_mib "$(hwm_kib "$pid")") MiB; VmRSS 15 s later $(kib_to_mib "$(rss_kib "$pid")") MiB ($(rss_split "$pid")); podman stats $(podman stats --no-stream --format '{{.MemUsage}}' "$name")"
  podman rm -f -t 5 "$name" > /dev/null
done
