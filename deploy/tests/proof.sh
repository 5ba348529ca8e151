#!/usr/bin/env bash
# The blue-green proof with real containers (issue 11, "The proof"): Podman from Debian (runc), the
# docker CLI on Podman's socket, a local base image, the Caddy front, deploy/deploy.sh unchanged.
#
#   deploy/tests/proof.sh [--publish-dir DIR]
#
# 1. image v1, deploy to staging: ready.            2. mail keeps arriving in the service's folder
#    source and a client requests the front every 50 ms, throughout.
# 3. deploy v2: 0 failed requests, history records it.
# 4. deploy v3 (its configuration adds a source it cannot read: never ready): the gate fails, automatic
#    rollback, v2 keeps serving, green's last 100 log lines saved, history says rolled-back.
# 5. rollback to v1 through the gate.
# 6. kill -9 of deploy.sh during the switch: the next deploy recovers and ends with one serving color.
# 7. the serving container runs as non-root with a read-only root file system, health is healthy.
# At the end: every message delivered is in the ledger exactly once (across v1, v2, v1, v2), the client
# saw 0 failures, and the images beyond the last KEEP_IMAGES were pruned.
#
# Runs as root (rootful Podman). Needs: podman, runc, debootstrap, caddy, curl, sqlite3, flock, a docker
# client (docker.io's or a static one), the .NET SDK for the Native AOT publish unless --publish-dir.
# Everything it starts is named fm-proof-* and removed at the end; it uses only loopback addresses.
# Prints "proof: N of M checks passed" and writes passed=/failed= to $PROOF_RESULTS when set.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/../.." && pwd)
publish_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --publish-dir) publish_dir=$2; shift 2 ;;
    *) echo "usage: proof.sh [--publish-dir DIR]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/fm-proof.XXXXXX)
passed=0; failed=0
say() { printf '[proof %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); say "ok   $what"; else failed=$((failed + 1)); say "FAIL $what"; fi
}

# ---- Podman as containers.md says: runc, no default ulimits; the docker CLI on its socket --------
cat > "$work/containers.conf" <<'CONF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$work/containers.conf BUILDAH_FORMAT=docker
podman system service --time=0 "unix://$work/podman.sock" > "$work/podman-service.log" 2>&1 &
podman_service_pid=$!
export DOCKER_HOST=unix://$work/podman.sock
client_pid=""; producer_pid=""

# Everything named fm-proof-*: removed at the end, and at the start in case a run was killed.
remove_proof_objects() {
  local c
  for c in $(podman ps -a --format '{{.Names}}' | grep '^fm-proof-'); do podman rm -f -t 2 "$c" > /dev/null 2>&1; done
  podman volume rm -f fm-proof-staging-data fm-proof-staging-front-data > /dev/null 2>&1 || true
  for c in $(podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/fm-proof:'); do podman rmi -f "$c" > /dev/null 2>&1; done
  return 0
}
cleanup() {
  set +e
  [ -n "$client_pid" ] && kill "$client_pid" 2> /dev/null
  [ -n "$producer_pid" ] && kill "$producer_pid" 2> /dev/null
  remove_proof_objects
  kill "$podman_service_pid" 2> /dev/null
  if [ "${PROOF_KEEP:-0}" != 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

for _ in $(seq 1 100); do docker version > /dev/null 2>&1 && break; sleep 0.1; done
docker version --format 'docker client {{.Client.Version}} -> {{.Server.Version}} (API {{.Server.APIVersion}})' || { say "the podman socket did not answer"; exit 1; }
remove_proof_objects

free_port() { # a free loopback TCP port
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# ---- images: v1, v2 (the same executable, other version labels), v3 (a broken configuration) -------
t_build=$(date +%s)
if [ -z "$publish_dir" ]; then
  publish_dir=$work/publish
  say "publishing Native AOT (a few minutes)"
  dotnet publish "$repo_root/src/FleetManager" -c Release -r linux-x64 -p:PublishAot=true -o "$publish_dir" > "$work/publish.log" 2>&1 \
    || { tail -n 30 "$work/publish.log"; exit 1; }
fi
"$repo_root/deploy/build-local-image.sh" --publish-dir "$publish_dir" --tag localhost/fm-proof:v1 --version 1.0.0 --front > /dev/null
"$repo_root/deploy/build-local-image.sh" --publish-dir "$publish_dir" --tag localhost/fm-proof:v2 --version 2.0.0 > /dev/null
# v3: a release whose image configuration adds a mail source it cannot read (a folder that does not
# exist). The service starts and serves, but that source's first poll fails, so /healthz/ready stays
# 503: it never becomes ready. Nothing in the product is changed for the test.
mkdir -p "$work/v3"
cat > "$work/v3/Dockerfile" <<'DOCKERFILE'
FROM localhost/fm-proof:v2
LABEL org.opencontainers.image.version=3.0.0
ENV FLEETMANAGER__SOURCES__1__NAME=archive FLEETMANAGER__SOURCES__1__KIND=folder FLEETMANAGER__SOURCES__1__FOLDER__PATH=/data/archive-that-does-not-exist FLEETMANAGER__SOURCES__1__INTERVAL=00:00:01
DOCKERFILE
podman build --format docker -q -t localhost/fm-proof:v3 "$work/v3" > /dev/null
say "images built in $(( $(date +%s) - t_build )) s"
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^localhost/(fm-proof|fleetmanager-)' || true

# ---- the staging environment of this machine ------------------------------------------------------
front_port=$(free_port); blue_port=$(free_port); green_port=$(free_port); admin_port=$(free_port)
mkdir -p "$work/env" "$work/secrets"
sed -e "s|^APP_NAME=.*|APP_NAME=fm-proof-staging|" \
    -e "s|^IMAGE_REPO=.*|IMAGE_REPO=localhost/fm-proof|" \
    -e "s|^STATE_DIR=.*|STATE_DIR=$work/state|" \
    -e "s|^APP_ENV_FILE=.*|APP_ENV_FILE=$work/app.env|" \
    -e "s|^SECRETS_DIR=.*|SECRETS_DIR=$work/secrets|" \
    -e "s|^DATA_VOLUME=.*|DATA_VOLUME=fm-proof-staging-data|" \
    -e "s|^BLUE_PORT=.*|BLUE_PORT=$blue_port|" -e "s|^GREEN_PORT=.*|GREEN_PORT=$green_port|" \
    -e "s|^FRONT_IMAGE=.*|FRONT_IMAGE=localhost/fleetmanager-front:local|" \
    -e "s|^FRONT_ADMIN=.*|FRONT_ADMIN=127.0.0.1:$admin_port|" \
    -e "s|^FRONT_LISTEN=.*|FRONT_LISTEN=127.0.0.1:$front_port|" \
    -e "s|^GATE_INTERVAL=.*|GATE_INTERVAL=2|" \
    -e "s|^STOP_TIMEOUT=.*|STOP_TIMEOUT=20|" \
    -e "s|^KEEP_IMAGES=.*|KEEP_IMAGES=2|" \
    "$repo_root/deploy/env/staging.env" > "$work/env/staging.env"
# The app's settings: the folder source polled every second, a short lease so the standby color takes
# over quickly after SIGTERM, a stop budget below STOP_TIMEOUT.
cat > "$work/app.env" <<'APPENV'
FLEETMANAGER__SOURCES__0__NAME=inbox
FLEETMANAGER__SOURCES__0__KIND=folder
FLEETMANAGER__SOURCES__0__FOLDER__PATH=/data/inbox
FLEETMANAGER__SOURCES__0__INTERVAL=00:00:01
FLEETMANAGER__SERVICE__LEASEDURATION=00:00:06
FLEETMANAGER__SERVICE__SHUTDOWNTIMEOUT=00:00:10
APPENV
chmod 600 "$work/app.env"
echo "not a real credential" > "$work/secrets/example-token.json"
export FLEETMANAGER_DEPLOY_ENV_DIR=$work/env
deploy() { "$repo_root/deploy/deploy.sh" "$@"; }

# The inbox lives on the data volume (Podman keeps it in a host folder): created owned by the app user.
podman volume create fm-proof-staging-data > /dev/null
volume_dir=$(podman volume inspect fm-proof-staging-data --format '{{.Mountpoint}}')
mkdir -p "$volume_dir/inbox" "$volume_dir/.incoming"
chown -R 1654:1654 "$volume_dir"
db=$volume_dir/fleetmanager.db

serving_port() { curl -fsS "http://127.0.0.1:$admin_port/id/fm-proof-staging_proxy/upstreams" | sed -n 's/.*:\([0-9]*\)".*/\1/p'; }
serving_name() { if [ "$(serving_port)" = "$blue_port" ]; then echo fm-proof-staging-blue; else echo fm-proof-staging-green; fi; }
# The version label of the image of the container the front serves (the executable itself reports its
# assembly version in /healthz, the same for v1 and v2, which are one executable).
serving_version() {
  curl -fsS -o /dev/null "http://127.0.0.1:$front_port/healthz/live" || return 0
  docker inspect --format '{{index .Config.Labels "org.opencontainers.image.version"}}' \
    "$(docker inspect --format '{{.Image}}' "$(serving_name)")"
}
app_containers() { docker ps --filter label=fleetmanager.role=app --format '{{.Names}}' | grep -c '^fm-proof-staging-' || true; }
last_history() { tail -n 1 "$work/state/history.jsonl"; }
history_has() { grep -q "$1" <<<"$(last_history)"; }

# ---- 1. v1 -----------------------------------------------------------------------------------------
say "1. deploy v1 to staging"
t0=$(date +%s%3N)
check "deploy v1 succeeds" deploy deploy staging localhost/fm-proof:v1
say "first deploy took $(( $(date +%s%3N) - t0 )) ms"
check "the front answers /healthz/ready" curl -fsS -o /dev/null "http://127.0.0.1:$front_port/healthz/ready"

# ---- 2. mail keeps arriving; a client asks the front every 50 ms ----------------------------------
say "2. mail producer and client started"
samples=("$repo_root"/samples/mailbox/*.eml)
(
  # One message every 150 ms (at most 4,000, about 10 minutes), each with its own Message-ID, written
  # beside the inbox and moved in, so the service never sees half a file.
  for n in $(seq 1 4000); do
    [ -e "$work/stop-producer" ] && break
    sample=${samples[$(( n % ${#samples[@]} ))]}
    awk -v id="<proof-$n@fleetmanager.test>" 'BEGIN{h=1} h && /^[Mm]essage-[Ii][Dd]:/ {next} h && /^\r?$/ {print "Message-ID: " id; h=0} {print}' \
      "$sample" > "$volume_dir/.incoming/proof-$n.eml"
    chown 1654:1654 "$volume_dir/.incoming/proof-$n.eml"
    mv "$volume_dir/.incoming/proof-$n.eml" "$volume_dir/inbox/proof-$n.eml"
    echo "$n $(( n % ${#samples[@]} ))" >> "$work/delivered"
    sleep 0.15
  done
) &
producer_pid=$!
# A single curl sending one request every 50 ms (20/s) to the front, one line per request, bounded to
# 12,000 requests (10 minutes); stopped by its process id when the proof ends. The lines go to stderr,
# which is not buffered: on stdout curl writes them in 4 KiB blocks, so the windows below would see
# whole blocks late and the last block would be lost when curl is stopped.
client_started=$(date +%s)
curl -s --rate 20/s --max-time 5 -o /dev/null -w '%{stderr}%{http_code} %{time_total}\n' \
  "http://127.0.0.1:$front_port/healthz/live?n=[1-12000]" 2> "$work/client.log" &
client_pid=$!
sleep 3

# The slowest complete request between two line counts of the client log (a deploy's window).
mark() { client_count; }
slowest_between() { awk -v a="$1" -v b="$2" 'NF == 2 {n++; if (n > a && n <= b && $2 > m) m = $2} END {printf "%.3f", m + 0}' "$work/client.log"; }
# Complete lines only: the line curl is writing may be half there ("20").
client_failures() { awk 'NF == 2 && $1 != "200" {f++} END {print f + 0}' "$work/client.log"; }
client_count() { awk 'NF == 2' "$work/client.log" | wc -l; }

# ---- 3. v2 -----------------------------------------------------------------------------------------
say "3. deploy v2"
t0=$(date +%s%3N); m0=$(mark)
check "deploy v2 succeeds" deploy deploy staging localhost/fm-proof:v2
v2_ms=$(( $(date +%s%3N) - t0 )); m1=$(mark)
windows="deploy v2: $((m1 - m0)) requests, slowest $(slowest_between "$m0" "$m1") s"
check "v2 serves through the front" test "$(serving_version)" = 2.0.0
check "history records v2 succeeded" history_has '"version":"2.0.0".*"result":"succeeded"'
check "one app container runs" test "$(app_containers)" = 1
check "0 failed client requests so far ($(client_count) sent)" test "$(client_failures)" = 0

# ---- 4. v3 never becomes ready -------------------------------------------------------------------
say "4. deploy v3 (never ready)"
t0=$(date +%s%3N); m0=$(mark)
if deploy deploy staging localhost/fm-proof:v3; then v3_rc=0; else v3_rc=$?; fi
v3_ms=$(( $(date +%s%3N) - t0 )); m1=$(mark)
windows+="; failed deploy v3: $((m1 - m0)) requests, slowest $(slowest_between "$m0" "$m1") s"
check "deploy v3 exits non-zero (rc $v3_rc)" test "$v3_rc" -ne 0
check "history records v3 rolled-back after 6 tries" history_has '"version":"3.0.0".*"result":"rolled-back","gate_tries":6'
saved_log=$(find "$work/state/logs" -name "*.log" 2> /dev/null | sort | tail -n 1)
check "green's last log lines were saved ($saved_log)" test -s "$saved_log"
check "the saved log says why it was not ready" grep -q "archive" "$saved_log"
check "v2 kept serving" test "$(serving_version)" = 2.0.0
check "one app container runs after the rollback" test "$(app_containers)" = 1
check "0 failed client requests so far ($(client_count) sent)" test "$(client_failures)" = 0

# ---- 5. rollback to v1 -----------------------------------------------------------------------------
say "5. rollback to v1"
m0=$(mark)
check "rollback to v1 succeeds" deploy rollback staging v1
m1=$(mark); windows+="; rollback v1: $((m1 - m0)) requests, slowest $(slowest_between "$m0" "$m1") s"
check "v1 serves through the front" test "$(serving_version)" = 1.0.0
check "history records the rollback" history_has '"kind":"rollback","version":"1.0.0".*"result":"succeeded"'

# ---- 6. kill -9 of deploy.sh during the switch ------------------------------------------------------
say "6. kill -9 during the switch"
"$repo_root/deploy/deploy.sh" deploy staging localhost/fm-proof:v2 > "$work/killed-deploy.log" 2>&1 &
killed_pid=$!
stage=""
for _ in $(seq 1 600); do
  stage=$(sed -n 's/^stage=//p' "$work/state/deploy-in-progress" 2> /dev/null || true)
  [ "$stage" = switched ] && break
  kill -0 "$killed_pid" 2> /dev/null || break
  sleep 0.05
done
kill -9 "$killed_pid" 2> /dev/null || true
wait "$killed_pid" 2> /dev/null || true
check "deploy.sh was killed at stage 'switched'" test "$stage" = switched
check "it left two app containers running" test "$(app_containers)" = 2
m0=$(mark)
check "the next deploy recovers and succeeds" deploy deploy staging localhost/fm-proof:v2
m1=$(mark); windows+="; recovering deploy v2: $((m1 - m0)) requests, slowest $(slowest_between "$m0" "$m1") s"
check "history records the interrupted deploy" grep -q '"result":"interrupted"' "$work/state/history.jsonl"
check "exactly one app container runs" test "$(app_containers)" = 1
check "the front serves that container (v2)" test "$(serving_version)" = 2.0.0
check "status says what serves" deploy status staging

# ---- 7. non-root, read-only root, healthy -------------------------------------------------------
say "7. the serving container"
name=$(serving_name)
check "runs as user 1654" test "$(docker inspect --format '{{.Config.User}}' "$name")" = 1654:1654
check "read-only root file system" test "$(docker inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$name")" = true
check "has no shell" bash -c "! docker exec $name /bin/sh -c true > /dev/null 2>&1"
check "the image's HEALTHCHECK says healthy" podman healthcheck run "$name"
check "docker inspect reports healthy" test "$(docker inspect --format '{{.State.Health.Status}}' "$name")" = healthy
check "the secrets folder is mounted read-only" test "$(docker inspect --format '{{range .Mounts}}{{if eq .Destination "/run/secrets"}}{{.RW}}{{end}}{{end}}' "$name")" = false
check "the image beyond the last 2 (v3) was pruned" bash -c "! podman image exists localhost/fm-proof:v3"

# ---- the ledger: every message exactly once -------------------------------------------------------
touch "$work/stop-producer"
wait "$producer_pid" 2> /dev/null || true; producer_pid=""
delivered=$(wc -l < "$work/delivered")
say "waiting for the ledger to hold all $delivered messages"
rows=0
for _ in $(seq 1 120); do
  rows=$(sqlite3 -cmd '.timeout 5000' "file:$db?mode=ro" 'SELECT count(*) FROM ledger;' 2> /dev/null || echo 0)
  [ "$rows" -ge "$delivered" ] && break
  sleep 0.5
done
sleep 2
kill "$client_pid" 2> /dev/null || true; wait "$client_pid" 2> /dev/null || true; client_pid=""
q() { sqlite3 -cmd '.timeout 5000' "file:$db?mode=ro" "$1"; }
check "the ledger has one row per delivered message ($delivered)" test "$(q 'SELECT count(*) FROM ledger;')" = "$delivered"
check "no message twice in the ledger" test "$(q 'SELECT count(DISTINCT message_id) FROM ledger;')" = "$delivered"
check "every delivered Message-ID is in the ledger" test "$(q "SELECT count(*) FROM ledger WHERE message_id LIKE 'proof-%@fleetmanager.test' OR message_id LIKE '<proof-%@fleetmanager.test>';")" = "$delivered"
# Copies of one sample must have the same number of orders: no message's orders were stored twice.
q "SELECT l.message_id, (SELECT count(*) FROM orders o WHERE o.ledger_id = l.id) FROM ledger l;" \
  | sed -n 's/^<\{0,1\}proof-\([0-9]*\)@[^|]*|\([0-9]*\)$/\1 \2/p' > "$work/orders-per-message"
awk -v n="${#samples[@]}" '{ s = $1 % n; if (s in c && c[s] != $2) bad++; c[s] = $2 } END { exit bad > 0 }' "$work/orders-per-message" \
  && consistent=yes || consistent=no
check "every copy of a sample has the same order count" test "$consistent" = yes
total=$(client_count); fails=$(client_failures)
longest=$(awk 'BEGIN{m=0} {if ($2 > m) m = $2} END {printf "%.3f", m}' "$work/client.log")
check "0 failed client requests in all ($total sent, longest $longest s)" test "$fails" = 0

say "figures: deploy v2 ${v2_ms} ms, failed deploy v3 ${v3_ms} ms, client requests $total, failed $fails, longest ${longest} s"
say "client during each deploy: $windows"
say "client: $total requests in $(( $(date +%s) - client_started )) s (one every 50 ms asked; a loaded machine may send fewer)"
say "client, all requests: median $(awk 'NF == 2 {print $2}' "$work/client.log" | sort -n | awk '{a[NR] = $1} END {printf "%.3f", a[int((NR + 1) / 2)]}') s per request"
deploy history staging
idle_name=$(serving_name)
say "serving container memory: $(podman stats --no-stream --format '{{.MemUsage}}' "$idle_name" 2> /dev/null || echo '?')"

if [ -n "${PROOF_RESULTS:-}" ]; then printf 'passed=%s\nfailed=%s\n' "$passed" "$failed" > "$PROOF_RESULTS"; fi
say "proof: $passed of $((passed + failed)) checks passed"
[ "$failed" -eq 0 ]
