#!/usr/bin/env bash
# Proves that build/NuGetAudit.props (imported by Directory.Build.props) fails a restore on a known
# high or critical vulnerability, direct or transitive, and lets a moderate one through. The package
# source served on this machine publishes no vulnerability data, so a local advisory feed in NuGet's
# VulnerabilityInfo/6.7.0 shape stands in for nuget.org's; on GitHub the real feed is used.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The advisory feed: a service index, the vulnerability index and its pages, served on a free port.
mkdir -p "$work/feed"
node -e '
  const http = require("node:http"), fs = require("node:fs"), path = require("node:path");
  const root = process.argv[1];
  const server = http.createServer((req, res) => {
    const file = path.join(root, path.normalize(req.url.split("?")[0]).replace(/^(\.\.[\/\\])+/, ""));
    fs.readFile(file, "utf8", (err, body) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
  });
  server.listen(0, "127.0.0.1", () => fs.writeFileSync(path.join(root, "port"), String(server.address().port)));
' "$work/feed" &
server_pid=$!
for _ in $(seq 1 50); do [ -s "$work/feed/port" ] && break; sleep 0.1; done
port=$(cat "$work/feed/port")

# Case $1: restores a project that references $3 (version $4) under the repository's audit settings, with
# one advisory of severity $5 (1 moderate, 2 high, 3 critical) on package $2; prints the restore's output.
restore_with_advisory() {
  local case_number=$1 advised=$2 package=$3 version=$4 severity=$5
  # A feed and a project per case: NuGet caches vulnerability data by address, also within its build nodes.
  local feed="$work/feed/case$case_number" base="http://127.0.0.1:$port/case$case_number" project="$work/project$case_number"
  mkdir -p "$feed" "$project"
  printf '{"version":"3.0.0","resources":[{"@id":"%s/vulnerabilities.json","@type":"VulnerabilityInfo/6.7.0"}]}\n' "$base" > "$feed/index.json"
  printf '[{"@name":"base","@id":"%s/base.json","@updated":"2026-01-01T00:00:00Z"},{"@name":"update","@id":"%s/update.json","@updated":"2026-01-01T00:00:00Z"}]\n' \
    "$base" "$base" > "$feed/vulnerabilities.json"
  printf '{"%s":[{"url":"https://example.invalid/advisory","severity":%s,"versions":"[0.0.0, )"}]}\n' "$advised" "$severity" > "$feed/base.json"
  echo '{}' > "$feed/update.json"
  cp "$repo/global.json" "$project/"
  cat > "$project/nuget.config" << XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <auditSources>
    <clear />
    <add key="local-advisories" value="$base/index.json" allowInsecureConnections="true" />
  </auditSources>
</configuration>
XML
  cat > "$project/AuditProbe.csproj" << XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/build/NuGetAudit.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup>
  <ItemGroup><PackageReference Include="$package" Version="$version" /></ItemGroup>
</Project>
XML
  dotnet restore "$project/AuditProbe.csproj" --force-evaluate --no-http-cache 2>&1 || true
}

failures=0
expect() {
  local name=$1 pattern=$2 output=$3
  if grep -q -- "$pattern" <<< "$output"; then
    echo "ok   $name"
  else
    echo "FAIL $name: expected '$pattern' in:"; echo "$output"; failures=$((failures + 1))
  fi
}

version=$(sed -n 's/.*Include="Microsoft.Data.Sqlite" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")
expect "a direct high advisory fails the restore (NU1903 as error)" "error NU1903" \
  "$(restore_with_advisory 1 microsoft.data.sqlite Microsoft.Data.Sqlite "$version" 2)"
expect "a transitive critical advisory fails the restore (NU1904 as error)" "error NU1904" \
  "$(restore_with_advisory 2 sqlitepclraw.core Microsoft.Data.Sqlite "$version" 3)"
out=$(restore_with_advisory 3 microsoft.data.sqlite Microsoft.Data.Sqlite "$version" 1)
if grep -q "error NU19" <<< "$out"; then
  echo "FAIL a moderate advisory must not fail the restore:"; echo "$out"; failures=$((failures + 1))
else
  echo "ok   a moderate advisory does not fail the restore"
fi

echo "nuget audit: $((3 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
