#!/usr/bin/env bash
# RSS of `fleetmanager run` with a folder source: idle on an empty source, then idle after MESSAGES
# messages (copies of samples/mailbox with their own Message-IDs) were polled, with the peak (VmHWM).
# The Kubernetes requests/limits and the compose limits are sized from these figures.
#
# Usage: benchmarks/measure-service-rss.sh EXECUTABLE [MESSAGES] [PORT]
#   EXECUTABLE  a published fleetmanager (Native AOT: dotnet publish src/FleetManager -c Release -r linux-x64 -p:PublishAot=true)
set -euo pipefail
executable=$(realpath "${1:?usage: measure-service-rss.sh EXECUTABLE [MESSAGES] [PORT]}")
messages=${2:-15}
port=${3:-18931}
samples=$(cd "$(dirname "$0")/../samples/mailbox" && pwd)
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -TERM "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data" "$work/inbox" "$work/mail"

i=0
while [ "$i" -lt "$messages" ]; do
  for f in "$samples"/*.eml; do
    [ "$i" -ge "$messages" ] && break
    i=$((i + 1))
    sed "0,/^Message-I[Dd]:.*/s//Message-ID: <rss-$i@fleetmanager.test>/" "$f" > "$work/mail/m$i.eml"
  done
done

rss() { awk '/^VmRSS|^VmHWM/ { printf "%s %d MiB  ", $1, $2 / 1024 }' "/proc/$pid/status"; }

DATA_DIR=$work/data FLEETMANAGER__SERVICE__URLS=http://127.0.0.1:$port \
  FLEETMANAGER__SOURCES__0__NAME=inbox FLEETMANAGER__SOURCES__0__KIND=folder \
  FLEETMANAGER__SOURCES__0__FOLDER__PATH=$work/inbox FLEETMANAGER__SOURCES__0__INTERVAL=00:00:02 \
  "$executable" run > "$work/run.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz/ready" > /dev/null && break; sleep 0.2; done
sleep 5
echo "empty source, idle:           $(rss)"
cp "$work/mail"/*.eml "$work/inbox/"
# Wait until every message is in the ledger, then let the process settle.
for _ in $(seq 1 300); do
  grep -q "Poll of inbox done.*$messages messages" "$work/run.log" && break
  sleep 0.5
done
sleep 10
echo "after $messages messages, idle: $(rss)"
