#!/usr/bin/env bash
# Checks that a speed change changed nothing but speed: builds the CLI at BASE (a git revision) and at
# the working tree, and compares byte for byte what both produce — `extract --format jsonl` of a
# generated 10,000-message mbox, of ../shared/corpus/dev and of samples/; `eval --json` of the dev
# corpus; and, after an import of the mbox, every order's spec JSON and field evidence (sources_json)
# and every ledger row (needs the sqlite3 command-line tool for that part).
#
#   benchmarks/compare-outputs.sh BASE [MBOX]     e.g.  benchmarks/compare-outputs.sh main
#
# Prints one "same:"/"DIFFERENT:" line per output and "ALL SAME" when nothing changed; exit 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
base=${1:?usage: benchmarks/compare-outputs.sh BASE [MBOX]}
work=$(mktemp -d /tmp/fm-compare.XXXXXX)
trap 'git worktree remove --force "$work/base-src" >/dev/null 2>&1; rm -rf "$work"' EXIT

git worktree add --detach "$work/base-src" "$base" >/dev/null || exit 2
mbox=${2:-$work/bench.mbox}
if [ ! -f "$mbox" ]; then
  dotnet run benchmarks/generate-mbox.cs -- --count 10000 --out "$mbox" --seed 42 >/dev/null || exit 2
fi

outputs() { # $1 = source tree, $2 = output folder
  local app="$2/app"
  dotnet build "$1/src/FleetManager" -c Release -o "$app" -v quiet -nologo >/dev/null || { echo "build of $1 failed" >&2; exit 2; }
  "$app/fleetmanager" extract "$mbox" --format jsonl > "$2/mbox.jsonl"
  "$app/fleetmanager" extract ../shared/corpus/dev --format jsonl > "$2/dev.jsonl"
  "$app/fleetmanager" extract samples --format jsonl > "$2/samples.jsonl"
  "$app/fleetmanager" eval ../shared/corpus/dev --json > "$2/eval.json"
  "$app/fleetmanager" import "$mbox" --db "$2/book.db" --quiet > /dev/null 2>&1
  if command -v sqlite3 > /dev/null; then
    sqlite3 "$2/book.db" "select l.ledger_key, o.order_index, o.order_json, o.sources_json from orders o join ledger l on l.id = o.ledger_id order by l.ledger_key, o.order_index" > "$2/orders.txt"
    sqlite3 "$2/book.db" "select ledger_key, status, classification, error, order_count from ledger order by ledger_key" > "$2/ledger.txt"
  fi
}

mkdir -p "$work/before" "$work/after"
outputs "$work/base-src" "$work/before"
outputs . "$work/after"

ok=1
for name in mbox.jsonl dev.jsonl samples.jsonl eval.json orders.txt ledger.txt; do
  [ -f "$work/before/$name" ] || { echo "skipped: $name (no sqlite3)"; continue; }
  if cmp -s "$work/before/$name" "$work/after/$name"; then echo "same: $name"; else echo "DIFFERENT: $name"; ok=0; fi
done
if [ "$ok" = 1 ]; then echo "ALL SAME"; else echo "SOME OUTPUT CHANGED"; exit 1; fi
