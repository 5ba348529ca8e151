#!/usr/bin/env bash
# Orders page of the dashboard over a large SQLite order book: server time per page view, p50/p95, as
# curl's time_total over loopback (no TLS, keep-alive off: an upper bound of the server's time).
#
#   benchmarks/run-dashboard-benchmark.sh [MESSAGES] [REQUESTS_PER_VIEW]
#
# Imports MESSAGES generated messages (benchmarks/generate-mbox.cs; not every message is an order, so the
# order count is printed), starts `fleetmanager serve`, opens the list once (which derives the order_list
# table for every order), then times four views: the first page, a filtered page, a deep keyset page
# (the cursor after following 20 "Next page" links) and a search. FM may name a fleetmanager binary
# (default: the Release build of src/FleetManager).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-140000}
requests=${2:-50}
fm=${FM:-src/FleetManager/bin/Release/net10.0/fleetmanager}
port=${PORT:-18093}
work=$(mktemp -d /tmp/fm-dash-bench.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run benchmarks/generate-mbox.cs -- --count "$count" --out "$work/bench.mbox" --seed 42 >/dev/null
"$fm" import "$work/bench.mbox" --db "$work/bench.db" --quiet >/dev/null
orders=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM orders" 2>/dev/null || echo "?")
echo "# order book: $count messages, $orders orders"

"$fm" serve --db "$work/bench.db" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 120); do curl -sf -o /dev/null "$base/orders" --max-time 600 && break; sleep 1; done
s=$(date +%s%N); curl -sf -o /dev/null "$base/orders" --max-time 600; e=$(date +%s%N)
echo "# one list query once order_list is derived (the wait above derived it): $(( (e - s) / 1000000 )) ms"

# The deep page: follow 20 "Next page" links.
url="/orders"
for _ in $(seq 20); do
  next=$(curl -sf "$base$url" | grep -o 'rel="next" href="[^"]*"' | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
  [ -n "$next" ] && url=$next
done
deep=$url

time_view() {
  local name=$1 path=$2
  for _ in $(seq "$requests"); do
    curl -sf -o /dev/null -w '%{time_total}\n' "$base$path"
  done | sort -n | awk -v name="$name" -v path="$path" '{ t[NR] = $1 * 1000 } END { printf "%-14s p50 %6.1f ms  p95 %6.1f ms  (%d requests)  %s\n", name, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], NR, path }'
}
time_view "first page" "/orders"
time_view "filtered" "/orders?country=PL&type=booking&sort=loading_date"
time_view "deep keyset" "$deep"
time_view "search" "/orders?q=hamburg"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
