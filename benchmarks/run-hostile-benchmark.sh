#!/usr/bin/env bash
# Peak memory of an import of hostile mail (issue 12 §3): a 142 KB XLSX whose one cell inflates to
# 100 MB, an XLSX with 4 million shared strings, a PDF whose content stream inflates to 1 GB, 200
# nested multiparts and a 5 MB subject. Generates the messages with the same code the test uses
# (tests/FleetManager.Tests/Support/HostileMail.cs, turned into a file-based app), builds the
# executable (or takes FLEETMANAGER_BIN), and imports them with GNU time: wall time, peak RSS, the
# quarantine reasons, and what was left in the temporary folder.
#
#   benchmarks/run-hostile-benchmark.sh            (FLEETMANAGER_BIN=path/to/fleetmanager to measure another build)
#
# Needs: the .NET 10 SDK and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/fm-hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work/gen" "$work/mail" "$work/tmp"
{
  grep '^using' tests/FleetManager.Tests/Support/HostileMail.cs
  echo 'FleetManager.Tests.Support.HostileMail.WriteAll(args[0]);'
  grep -v '^using' tests/FleetManager.Tests/Support/HostileMail.cs | sed 's/^namespace FleetManager.Tests.Support;/namespace FleetManager.Tests.Support\n{/'
  echo '}'
} > "$work/gen/generate-hostile-mail.cs"
dotnet run "$work/gen/generate-hostile-mail.cs" -- "$work/mail" >/dev/null
find "$work/mail" -maxdepth 1 -type f -printf '#   %-32f %9s bytes\n' | sort

bin=${FLEETMANAGER_BIN:-}
if [ -z "$bin" ]; then
  dotnet build src/FleetManager -c Release -o "$work/app" -v quiet -nologo >/dev/null
  bin="$work/app/fleetmanager"
fi

set +e
TMPDIR="$work/tmp" /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" import "$work/mail" --db "$work/hostile.db" --quiet > "$work/out.txt" 2> "$work/err.txt"
code=$?
set -e
read -r elapsed rss_kb < <(tail -n1 "$work/time.txt")
echo "exit code $code; $elapsed s wall; peak RSS $((rss_kb / 1024)) MiB"
grep -E 'quarantined' "$work/out.txt" "$work/err.txt" | sed "s|$work/mail/||g" | cut -c1-200 || true
echo "left in TMPDIR: $(find "$work/tmp" -type f | wc -l) files, $(du -sm "$work/tmp" | cut -f1) MiB"
