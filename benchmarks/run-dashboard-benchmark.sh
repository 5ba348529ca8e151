#!/usr/bin/env bash
# Orders page of the dashboard over a large SQLite order book: server time per page view, p50/p95, as
# curl's time_total over loopback (no TLS, keep-alive off: an upper bound of the server's time).
#
#   benchmarks/run-dashboard-benchmark.sh [COUNT] [REQUESTS_PER_VIEW]
#
# The book (BOOK=generated, the default): COUNT orders written through the store's commit path by the storage
# benchmarks' `book` verb (benchmarks/FleetManager.Storage.Benchmarks/GeneratedOrderBook.cs: varied companies,
# places in five scripts, cargo, dates, missing fields), with the orders list derived. It is built once and kept
# as /tmp/fm-dash-book-COUNT-KEY.db, KEY a hash of the generator, the schema and the list code, so a change to
# any of them builds a new one; each run serves a copy. BOOK=import instead imports COUNT generated messages
# (benchmarks/generate-mbox.cs) through `fleetmanager import`: the whole product path, many minutes for
# 140,000 messages on a shared 2-core VM.
#
# Then starts `fleetmanager serve`, opens the list once, and times the views: the first page, a filtered page,
# a deep keyset page (the cursor after following 20 "Next page" links) and searches; then, with the server stopped,
# the managed bytes allocated per page view (the storage benchmarks' `allocs` verb). FM may name a fleetmanager
# binary (default: the Release build of src/FleetManager).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
requests=${2:-50}
mode=${BOOK:-generated}
fm=${FM:-src/FleetManager/bin/Release/net10.0/fleetmanager}
port=${PORT:-18093}
work=$(mktemp -d /tmp/fm-dash-bench.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$mode" = import ]; then
  dotnet run benchmarks/generate-mbox.cs -- --count "$count" --out "$work/bench.mbox" --seed 42 >/dev/null
  "$fm" import "$work/bench.mbox" --db "$work/bench.db" --quiet >/dev/null
else
  key=$(cat benchmarks/FleetManager.Storage.Benchmarks/GeneratedOrderBook.cs src/FleetManager.Storage/Sqlite/SqliteSchema.cs \
    src/FleetManager.Storage/Sql/OrderListIndex.cs | sha256sum | cut -c1-12)
  book="/tmp/fm-dash-book-$count-$key.db"
  if [ ! -f "$book" ]; then
    dotnet build benchmarks/FleetManager.Storage.Benchmarks -c Release -v q >/dev/null
    rm -f "$book.tmp"*
    dotnet benchmarks/FleetManager.Storage.Benchmarks/bin/Release/net10.0/FleetManager.Storage.Benchmarks.dll book "$book.tmp" "$count"
    sqlite3 "$book.tmp" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    mv "$book.tmp" "$book"
    rm -f "$book.tmp-wal" "$book.tmp-shm"
  else
    echo "# reusing $book"
  fi
  cp "$book" "$work/bench.db"
fi
orders=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM orders" 2>/dev/null || echo "?")
echo "# order book ($mode): $orders orders, $(du -m "$work/bench.db" | cut -f1) MB"

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
time_view "search partial" "/orders?q=ostrob"
time_view "search greek" "/orders?q=%CE%B8%CE%B5%CF%83%CF%83%CE%B1%CE%BB"
time_view "search rare" "/orders?q=A12345"
time_view "search 2 chars" "/orders?q=zl"
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Managed bytes allocated per page view (the page and its HTML as the /orders handler makes them), in-process over
# the same book: the "few hundred KB per page view" budget. Independent of load.
bench=benchmarks/FleetManager.Storage.Benchmarks/bin/Release/net10.0/FleetManager.Storage.Benchmarks.dll
[ -f "$bench" ] || dotnet build benchmarks/FleetManager.Storage.Benchmarks -c Release -v q >/dev/null
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
dotnet "$bench" allocs "$work/bench.db" "$requests"
