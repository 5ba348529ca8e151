#!/usr/bin/env bash
# Whole-process import benchmark: generates an mbox of N messages from varied templates, imports it
# into a fresh SQLite file with the published (Release) executable, and prints messages/s and peak
# memory (max RSS). Also times the cold start of `fleetmanager --version`.
#
#   benchmarks/run-import-benchmark.sh [COUNT=10000] [SEED=42]      (RUNS=3 imports, each into a fresh file)
#
# Needs: the .NET 10 SDK, gcc (Native AOT link) and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
seed=${2:-42}
work=$(mktemp -d /tmp/fm-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"
echo "# dotnet: $(dotnet --version)"
# Native AOT: the whole program compiled ahead of time into one executable, with direct calls and
# no JIT, tiering or stubs at run time (about a third less CPU per message than the composite
# ReadyToRun publish this script used before, and ~40 MiB less memory; docs/benchmarks.md). The
# ILCompiler package comes from NuGet; linking needs gcc or clang (Debian: build-essential).
dotnet publish src/FleetManager -c Release -r linux-x64 -p:PublishAot=true -o "$work/app" -v quiet -nologo >/dev/null
dotnet run benchmarks/generate-mbox.cs -- --count "$count" --out "$work/bench.mbox" --seed "$seed" >/dev/null
size=$(stat -c %s "$work/bench.mbox")
echo "# workload: $count messages, $((size / 1024)) KiB mbox (seed $seed)"

# Three imports, each into a fresh file: a shared VM's speed drifts by a quarter within minutes, so one
# run says little; the median and the range say more. The last run's database is re-imported below.
runs=${RUNS:-3}
for i in $(seq "$runs"); do
  rm -f "$work/bench.db" "$work/bench.db-wal" "$work/bench.db-shm"
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$work/app/fleetmanager" import "$work/bench.mbox" --db "$work/bench.db" --quiet > "$work/summary.txt"
  cat "$work/time.txt" >> "$work/times.txt"
  read -r elapsed rss_kb user sys < "$work/time.txt"
  awk -v i="$i" -v n="$count" -v t="$elapsed" -v m="$rss_kb" -v u="$user" -v s="$sys" 'BEGIN { printf "import run %d: %.2f s wall (whole process) = %.0f messages/s; CPU %.2f s user + %.2f s system = %.0f us per message; peak RSS %.0f MiB\n", i, t, n / t, u, s, (u + s) * 1e6 / n, m / 1024 }'
done
cat "$work/summary.txt"
sort -n "$work/times.txt" | awk -v n="$count" '{ t[NR] = $1; if ($2 > m) m = $2 } END { med = t[int((NR + 1) / 2)]; printf "import: %d messages, median %.2f s wall (whole process) = %.0f messages/s over %d runs (range %.0f-%.0f messages/s); peak RSS %.0f MiB\n", n, med, n / med, NR, n / t[NR], n / t[1], m / 1024 }'
# CPU time is the figure to compare on a shared machine: wall time grows with other load, CPU time much less.
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Re-import: everything is skipped by the ledger.
/usr/bin/time -f '%e %M' -o "$work/time2.txt" "$work/app/fleetmanager" import "$work/bench.mbox" --db "$work/bench.db" --quiet > /dev/null
read -r elapsed2 rss2 < "$work/time2.txt"
awk -v t="$elapsed2" -v m="$rss2" 'BEGIN { printf "re-import (all skipped): %.2f s wall, peak RSS %.0f MiB\n", t, m / 1024 }'

# Cold start: 20 runs of --version, mean and best, in milliseconds.
for i in $(seq 20); do
  s=$(date +%s%N); "$work/app/fleetmanager" --version > /dev/null; e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
done | sort -n | awk '{ sum += $1; a[NR] = $1 } END { printf "start-up (--version): mean %.0f ms, best %d ms, median %d ms over %d runs\n", sum / NR, a[1], a[int((NR + 1) / 2)], NR }'
