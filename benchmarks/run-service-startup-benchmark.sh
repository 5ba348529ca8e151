#!/usr/bin/env bash
# Start-up and idle-memory benchmark of the service as it ships (Native AOT): publishes the executable,
# then RUNS times starts `fleetmanager run` with one empty folder source on a free loopback port and
# measures the time from process start to the first 200 from /healthz/ready; the last run also reports
# the resident memory (RSS) once idle after start, and again once idle after the 15 messages of
# samples/mailbox were dropped into the source and read. Prints the executable's size too.
#
#   benchmarks/run-service-startup-benchmark.sh            (RUNS=7, IDLE_SECONDS=20)
#   FM_APP=DIR benchmarks/run-service-startup-benchmark.sh (an already published folder, e.g. another branch's)
#
# Needs: the .NET 10 SDK, gcc (Native AOT link), curl, python3 (free port).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
idle_seconds=${IDLE_SECONDS:-20}
work=$(mktemp -d /tmp/fm-startup.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_us() { echo $(( $(date +%s%N) / 1000 )); }
rss_mib() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"
echo "# dotnet: $(dotnet --version); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
app=${FM_APP:-$work/app}
if [ -z "${FM_APP:-}" ]; then
  dotnet publish src/FleetManager -c Release -r linux-x64 -p:PublishAot=true -o "$app" -v quiet -nologo >/dev/null
fi
echo "executable: $(stat -c %s "$app/fleetmanager" | awk '{ printf "%d bytes = %.1f MiB", $1, $1 / 1048576 }')"

# One run: start the service on an empty folder source, wait for ready; sets $ms to the milliseconds
# and leaves the process running as $pid (no command substitution: $pid must reach this shell).
start_service() {
  local port=$1 start code
  mkdir -p "$work/source" "$work/data"
  rm -rf "$work"/data/*
  start=$(now_us)
  env -u DATA_DIR -u FLEETMANAGER__STORAGE__CONNECTIONSTRING \
    FLEETMANAGER__SERVICE__URLS="http://127.0.0.1:$port" \
    FLEETMANAGER__SOURCES__0__NAME=inbox FLEETMANAGER__SOURCES__0__KIND=folder \
    FLEETMANAGER__SOURCES__0__FOLDER__PATH="$work/source" FLEETMANAGER__SOURCES__0__INTERVAL=00:00:02 \
    "$app/fleetmanager" run --db "$work/data/fm.db" > "$work/service.log" 2>&1 &
  pid=$!
  while true; do
    # curl's own start is part of the wait; its connect to a port nobody listens on fails at once.
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/healthz/ready" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "error: the service exited before it was ready:" >&2; tail -n 20 "$work/service.log" >&2; exit 1; }
    sleep 0.005
  done
  ms=$(( ($(now_us) - start) / 1000 ))
}

for i in $(seq "$runs"); do
  port=$(free_port)
  start_service "$port"
  echo "run $i: start -> /healthz/ready = 200 in $ms ms"
  echo "$ms" >> "$work/ready.txt"
  if [ "$i" -lt "$runs" ]; then
    kill -TERM "$pid"; wait "$pid" || true; pid=""
  fi
done
sort -n "$work/ready.txt" | awk '{ a[NR] = $1 } END { printf "start -> ready: median %d ms over %d runs (best %d, worst %d)\n", a[int((NR + 1) / 2)], NR, a[1], a[NR] }'

# Idle memory of the last run: after start, then after reading the samples.
sleep "$idle_seconds"
echo "idle RSS after start (empty source, ${idle_seconds} s idle): $(rss_mib "$pid") MiB"
cp samples/mailbox/*.eml "$work/source/"
until grep -q 'Poll of inbox done in [0-9]* ms: [1-9]' "$work/service.log"; do
  kill -0 "$pid" 2>/dev/null || { echo "error: the service exited" >&2; tail -n 20 "$work/service.log" >&2; exit 1; }
  sleep 0.2
done
busy=$(rss_mib "$pid")
sleep "$idle_seconds"
echo "RSS right after reading the $(find samples/mailbox -name '*.eml' | wc -l) samples: $busy MiB; idle ${idle_seconds} s later: $(rss_mib "$pid") MiB (peak $(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status") MiB)"
kill -TERM "$pid"; wait "$pid" || true; pid=""
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
