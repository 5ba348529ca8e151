#!/usr/bin/env bash
# Blue-green deploys of FleetManager on one server, behind a Caddy front that owns the public port.
#
#   deploy.sh deploy ENV IMAGE        migrate, start the new color beside the serving one, gate it on
#                                     /healthz/ready, switch the front, stop the old color (SIGTERM)
#   deploy.sh rollback ENV [VERSION]  the same, with the image kept as ENV-previous (or IMAGE_REPO:VERSION)
#   deploy.sh status ENV              what serves, what runs, the last deploy
#   deploy.sh history ENV [--json]    every deploy of ENV, oldest first
#
# ENV is a file deploy/env/ENV.env (or $FLEETMANAGER_DEPLOY_ENV_DIR/ENV.env): names, ports, limits,
# gate settings, data volume (docs/deployment.md lists them). Only the docker CLI is used (run, stop,
# rm, rmi, inspect, ps, images, tag, logs), so this works with Docker or with Podman's socket
# (DOCKER_HOST=unix:///run/podman/podman.sock); plus curl for the front's admin API and the gate.
#
# Exit codes: 0 done; 1 the deploy failed (gate, migration) and the serving color was kept; 2 bad
# arguments; 3 unknown image or env file; 5 invalid environment settings; 7 another deploy of ENV is
# running (try again later).
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
env_dir=${FLEETMANAGER_DEPLOY_ENV_DIR:-$script_dir/env}

# The header above, up to its first line that is not a comment.
usage() { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; }
die() { local code=$1; shift; echo "deploy: $*" >&2; exit "$code"; }
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

# ---- environment -------------------------------------------------------------------------------

load_env() {
  env_name=$1
  [[ $env_name =~ ^[a-z][a-z0-9-]{0,30}$ ]] || die 2 "environment '$env_name' is not a plain name (staging, production)"
  local file=$env_dir/$env_name.env
  [ -r "$file" ] || die 3 "no environment file $file (copy deploy/env/staging.env and edit it)"
  # Defaults: the ancestor's gate (6 tries, 10 s apart) and sizes measured in docs/benchmarks.md.
  APP_NAME=fleetmanager-$env_name
  IMAGE_REPO=ghcr.io/fleetmanager/fleetmanager
  STATE_DIR=/srv/fleetmanager/$env_name
  APP_ENV_FILE=/etc/fleetmanager/$env_name.env
  SECRETS_DIR=""
  DATA_VOLUME=fleetmanager-$env_name-data
  BLUE_PORT=18081
  GREEN_PORT=18082
  FRONT_IMAGE=docker.io/library/caddy:2
  FRONT_ADMIN=127.0.0.1:2019
  FRONT_LISTEN=:80
  SITE_HOST=""
  MEMORY_LIMIT=256m
  CPU_LIMIT=1.0
  TMPFS_SIZE=64m
  GATE_TRIES=6
  GATE_INTERVAL=10
  STOP_TIMEOUT=40
  SWITCH_SETTLE_SECONDS=2
  KEEP_IMAGES=3
  LOG_MAX_SIZE=10m
  LOG_MAX_FILE=5
  # shellcheck disable=SC1090 # the environment file is chosen at run time
  . "$file"
  local n
  for n in BLUE_PORT GREEN_PORT GATE_TRIES GATE_INTERVAL STOP_TIMEOUT SWITCH_SETTLE_SECONDS KEEP_IMAGES; do
    [[ ${!n} =~ ^[0-9]+$ ]] || die 5 "$file: $n must be a whole number (is '${!n}')"
  done
  [ "$GATE_TRIES" -ge 1 ] || die 5 "$file: GATE_TRIES must be at least 1"
  [ "$BLUE_PORT" != "$GREEN_PORT" ] || die 5 "$file: BLUE_PORT and GREEN_PORT must differ"
  [[ $APP_NAME =~ ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ ]] || die 5 "$file: APP_NAME '$APP_NAME' is not a valid container name"
  history_file=$STATE_DIR/history.jsonl
  logs_dir=$STATE_DIR/logs
  front_dir=$STATE_DIR/front
  marker=$STATE_DIR/deploy-in-progress
  front_name=$APP_NAME-front
}

check_app_env_file() {
  [ -f "$APP_ENV_FILE" ] || die 3 "the app's env file $APP_ENV_FILE is missing (deploy/setup-server.sh writes a template; docs/deployment.md)"
  local mode
  mode=$(stat -c %a "$APP_ENV_FILE")
  [ "$mode" = 600 ] || [ "$mode" = 400 ] || die 5 "$APP_ENV_FILE has mode $mode and holds secrets: chmod 600 $APP_ENV_FILE"
}

container_name() { echo "$APP_NAME-$1"; }
color_port() { if [ "$1" = blue ]; then echo "$BLUE_PORT"; else echo "$GREEN_PORT"; fi; }
other_color() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }
is_running() { [ "$(docker inspect --type container --format '{{.State.Running}}' "$1" 2>/dev/null || true)" = true ]; }
exists() { docker inspect --type container --format '{{.Id}}' "$1" > /dev/null 2>&1; }
image_label() { docker inspect --type image --format "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }
image_id() { docker inspect --type image --format '{{.Id}}' "$1" 2>/dev/null; }
image_digest() {
  local digest
  digest=$(docker inspect --type image --format '{{range .RepoDigests}}{{.}} {{end}}' "$1" 2>/dev/null | awk '{print $1}')
  if [ -n "$digest" ]; then echo "${digest#*@}"; else image_id "$1"; fi
}
json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

# ---- the front (Caddy, admin API on loopback) ------------------------------------------------------

# The whole front configuration for one upstream port. Written to STATE_DIR/front/caddy.json (the
# front reads it when it starts, so a restarted front serves the current color) and loaded through
# the admin API, which applies it as a graceful reload: no connection is dropped.
front_config() {
  local port=$1 routes server
  routes="[{\"handle\":[{\"@id\":\"${APP_NAME}_proxy\",\"handler\":\"reverse_proxy\",\"upstreams\":[{\"dial\":\"127.0.0.1:$port\"}]}]"
  if [ -n "$SITE_HOST" ]; then
    routes+=",\"match\":[{\"host\":[$(json_string "$SITE_HOST")]}]}]"
    server="{\"listen\":[\":443\"],\"routes\":$routes}"
  else
    routes+="}]"
    server="{\"listen\":[$(json_string "$FRONT_LISTEN")],\"automatic_https\":{\"disable\":true},\"routes\":$routes}"
  fi
  printf '{"admin":{"listen":%s},"apps":{"http":{"servers":{"front":%s}}}}\n' "$(json_string "$FRONT_ADMIN")" "$server"
}

front_upstream_port() {
  curl -fsS --max-time 5 "http://$FRONT_ADMIN/id/${APP_NAME}_proxy/upstreams" 2>/dev/null \
    | sed -n 's/.*"dial":"[^"]*:\([0-9]*\)".*/\1/p' | head -n 1
}

serving_color() {
  local port
  port=$(front_upstream_port || true)
  if [ "$port" = "$BLUE_PORT" ]; then echo blue
  elif [ "$port" = "$GREEN_PORT" ]; then echo green
  fi
}

ensure_front() {
  mkdir -p "$front_dir"
  if is_running "$front_name" && curl -fsS --max-time 3 -o /dev/null "http://$FRONT_ADMIN/config/"; then
    return 0
  fi
  if exists "$front_name"; then docker rm -f "$front_name" > /dev/null; fi
  if [ ! -f "$front_dir/caddy.json" ]; then
    # No color yet: the first deploy's gate decides. Until then the front answers 502.
    front_config "$BLUE_PORT" > "$front_dir/caddy.json"
  fi
  chmod 644 "$front_dir/caddy.json"
  log "starting the front $front_name ($FRONT_IMAGE, admin on $FRONT_ADMIN)"
  # Host network: the front owns the public port and reaches the colors on loopback ports.
  docker run -d --name "$front_name" --network host --restart unless-stopped \
    --read-only --tmpfs /tmp --tmpfs /config -v "$APP_NAME-front-data:/data" \
    -v "$front_dir:/etc/fleetmanager-front:ro" \
    --log-opt max-size="$LOG_MAX_SIZE" --log-opt max-file="$LOG_MAX_FILE" \
    --label fleetmanager.environment="$env_name" --label fleetmanager.role=front \
    "$FRONT_IMAGE" caddy run --config /etc/fleetmanager-front/caddy.json > /dev/null
  local _
  for _ in $(seq 1 50); do
    curl -fsS --max-time 2 -o /dev/null "http://$FRONT_ADMIN/config/" 2>/dev/null && return 0
    sleep 0.2
  done
  docker logs --tail 20 "$front_name" >&2 || true
  die 1 "the front $front_name did not answer on its admin address $FRONT_ADMIN"
}

switch_front() {
  local port=$1
  front_config "$port" > "$front_dir/caddy.json.new"
  chmod 644 "$front_dir/caddy.json.new"
  curl -fsS --max-time 10 -X POST -H 'Content-Type: application/json' \
    --data-binary "@$front_dir/caddy.json.new" "http://$FRONT_ADMIN/load" > /dev/null \
    || die 1 "the front refused the new configuration ($front_dir/caddy.json.new); nothing was switched"
  mv "$front_dir/caddy.json.new" "$front_dir/caddy.json"
  [ "$(front_upstream_port)" = "$port" ] || die 1 "the front does not report the new upstream 127.0.0.1:$port after the switch"
}

# ---- lock, marker and recovery ------------------------------------------------------------------

# The lock is a directory (mkdir is atomic) holding its owner's pid and process start time. A deploy
# killed with kill -9 leaves it behind: the next deploy sees that the owner is gone (no such process,
# or the pid now belongs to another process) and takes the lock over. (flock would free itself, but
# the killed deploy's children, a sleep or a docker stop, inherit and hold it for a while.)
process_start() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null || true; }

take_lock() {
  mkdir -p "$STATE_DIR" "$logs_dir" "$front_dir"
  lock_dir=$STATE_DIR/lock
  local _ owner owner_pid owner_start
  for _ in 1 2 3; do
    if mkdir "$lock_dir" 2>/dev/null; then
      printf '%s %s %s\n' "$$" "$(process_start $$)" "$(hostname)" > "$lock_dir/owner"
      lock_held=yes
      return 0
    fi
    owner=$(cat "$lock_dir/owner" 2>/dev/null || true)
    owner_pid=${owner%% *}; owner_start=$(awk '{print $2}' <<<"$owner")
    if [ -z "$owner" ]; then
      # Being created this instant, or left empty by a deploy killed right then: give it a moment.
      sleep 1
      [ -s "$lock_dir/owner" ] && continue
      [ -n "$(find "$lock_dir" -maxdepth 0 -mmin +1 2>/dev/null)" ] || continue
    elif [ -n "$(process_start "$owner_pid")" ] && [ "$(process_start "$owner_pid")" = "$owner_start" ]; then
      die 7 "another deploy of $env_name is running (pid $owner_pid; $(tr '\n' ' ' < "$marker" 2>/dev/null)); try again when it ends"
    fi
    log "recovering the lock left by a deploy that no longer runs (${owner:-no owner recorded})"
    # Moved aside first, so two deploys recovering at once cannot both take it.
    if mv "$lock_dir" "$lock_dir.stale.$$" 2>/dev/null; then rm -rf "$lock_dir.stale.$$"; fi
  done
  die 7 "could not take the lock $lock_dir; try again"
}

release_lock() {
  if [ "${lock_held:-no}" = yes ]; then rm -rf "$lock_dir"; lock_held=no; fi
}

# A deploy that was killed (kill -9, lost SSH session, reboot) left its marker and maybe two colors.
# The truth is what the front serves: the other color is stopped (SIGTERM, it releases its leases).
recover_if_interrupted() {
  [ -f "$marker" ] || return 0
  local old_pid old_kind old_image old_ref old_stage old_started
  old_pid=$(sed -n 's/^pid=//p' "$marker"); old_image=$(sed -n 's/^image=//p' "$marker")
  old_kind=$(sed -n 's/^kind=//p' "$marker"); old_ref=$(sed -n 's/^ref=//p' "$marker")
  old_stage=$(sed -n 's/^stage=//p' "$marker"); old_started=$(sed -n 's/^started=//p' "$marker")
  log "recovering: the deploy of $old_image started $old_started by pid $old_pid stopped at stage '$old_stage' without finishing"
  reconcile
  append_history "$old_started" "${old_kind:-deploy}" "$old_image" "${old_ref:-$old_image}" interrupted 0 0 0 "stopped at $old_stage; recovered by pid $$"
  rm -f "$marker"
}

reconcile() {
  ensure_front
  local serving color
  serving=$(serving_color)
  for color in blue green; do
    [ "$color" = "$serving" ] && continue
    if exists "$(container_name "$color")"; then
      log "stopping $(container_name "$color"), which the front does not serve"
      docker stop --time "$STOP_TIMEOUT" "$(container_name "$color")" > /dev/null || true
      docker rm -f "$(container_name "$color")" > /dev/null || true
    fi
  done
  if [ -n "$serving" ] && ! is_running "$(container_name "$serving")"; then
    log "warning: the front serves $serving but $(container_name "$serving") is not running"
  fi
}

set_stage() {
  printf 'pid=%s\nkind=%s\nstarted=%s\nimage=%s\nref=%s\nstage=%s\n' "$$" "$deploy_kind" "$started_iso" "$image" "$image_ref" "$1" > "$marker.new"
  mv "$marker.new" "$marker"
}

append_history() {
  # time, kind, image (as named), image ID, result, gate_tries, duration_ms, switch_ms, note. The
  # version and digest come from the ID: a moving tag (ENV-previous) may name another image by now.
  local time=$1 kind=$2 name=$3 ref=$4 result=$5 tries=$6 duration=$7 switch=$8 note=$9 version digest user
  version=$(image_label "$ref" org.opencontainers.image.version)
  digest=$(image_digest "$ref" || true)
  user=${SUDO_USER:-${USER:-$(id -un)}}
  printf '{"time":%s,"user":%s,"environment":%s,"kind":%s,"version":%s,"image":%s,"digest":%s,"result":%s,"gate_tries":%s,"duration_ms":%s,"switch_ms":%s,"note":%s}\n' \
    "$(json_string "$time")" "$(json_string "$user")" "$(json_string "$env_name")" "$(json_string "$kind")" \
    "$(json_string "${version:-unknown}")" "$(json_string "$name")" "$(json_string "${digest:-unknown}")" \
    "$(json_string "$result")" "$tries" "$duration" "$switch" "$(json_string "$note")" >> "$history_file"
}

# ---- deploy -------------------------------------------------------------------------------------

# A deploy that fails on its own (not killed) repairs what it can before it exits: whatever the front
# serves stays, the other color is stopped, the history says at which stage it failed.
on_deploy_exit() {
  local rc=$?
  trap - EXIT
  if [ "$rc" -ne 0 ] && [ -f "$marker" ] && [ "${lock_held:-no}" = yes ]; then
    local stage
    stage=$(sed -n 's/^stage=//p' "$marker")
    log "the deploy failed at stage '$stage'; keeping what the front serves"
    (reconcile) || true
    append_history "$started_iso" "$deploy_kind" "$image" "$image_ref" failed "${gate_tries:-0}" "$(( $(now_ms) - t0 ))" 0 "failed at $stage" || true
    rm -f "$marker"
  fi
  release_lock
  exit "$rc"
}

run_color() {
  local color=$1 name port
  name=$(container_name "$color"); port=$(color_port "$color")
  local -a args=(run -d --name "$name" --restart unless-stopped
    --read-only --tmpfs "/tmp:rw,size=$TMPFS_SIZE"
    --env-file "$APP_ENV_FILE" -v "$DATA_VOLUME:/data"
    -p "127.0.0.1:$port:8080"
    --memory "$MEMORY_LIMIT" --cpus "$CPU_LIMIT" --stop-timeout "$STOP_TIMEOUT"
    --log-opt max-size="$LOG_MAX_SIZE" --log-opt max-file="$LOG_MAX_FILE"
    --label fleetmanager.environment="$env_name" --label fleetmanager.color="$color" --label fleetmanager.role=app)
  if [ -n "$SECRETS_DIR" ]; then args+=(-v "$SECRETS_DIR:/run/secrets:ro"); fi
  docker "${args[@]}" "$image_ref" run > /dev/null
}

# /healthz/ready on the color's loopback port, GATE_TRIES times GATE_INTERVAL seconds apart.
gate() {
  local name=$1 port=$2 try
  gate_tries=0
  for try in $(seq 1 "$GATE_TRIES"); do
    gate_tries=$try
    if curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$port/healthz/ready" 2>/dev/null; then
      log "gate: $name ready at try $try of $GATE_TRIES"
      return 0
    fi
    if ! is_running "$name"; then
      log "gate: $name is not running any more (try $try)"
      return 1
    fi
    log "gate: $name not ready (try $try of $GATE_TRIES)"
    [ "$try" -lt "$GATE_TRIES" ] && sleep "$GATE_INTERVAL"
  done
  return 1
}

migrate() {
  local -a args=(run --rm --read-only --tmpfs /tmp --env-file "$APP_ENV_FILE" -v "$DATA_VOLUME:/data"
    --label fleetmanager.environment="$env_name" --label fleetmanager.role=migrate)
  if [ -n "$SECRETS_DIR" ]; then args+=(-v "$SECRETS_DIR:/run/secrets:ro"); fi
  docker "${args[@]}" "$image_ref" db migrate
}

do_deploy() {
  local kind=$1
  deploy_kind=$1
  image=$2
  check_app_env_file
  # Run and tag by ID: a moving tag (ENV-previous during a rollback) must not change under the deploy.
  image_ref=$(image_id "$image") || die 3 "no image $image here (pull it first: docker pull $image)"
  started_iso=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  local t_switch0 switch_ms=0 blue green blue_name green_name blue_image_id=""
  t0=$(now_ms)
  gate_tries=0
  trap on_deploy_exit EXIT
  take_lock
  recover_if_interrupted
  set_stage starting
  reconcile

  blue=$(serving_color)
  if [ -n "$blue" ] && is_running "$(container_name "$blue")"; then
    green=$(other_color "$blue")
    blue_name=$(container_name "$blue")
    blue_image_id=$(docker inspect --type container --format '{{.Image}}' "$blue_name")
  else
    blue=""; blue_name=""; green=blue
  fi
  green_name=$(container_name "$green")
  log "$kind $env_name: $image as $green_name${blue_name:+ beside $blue_name}"

  set_stage migrating
  if ! migrate; then
    append_history "$started_iso" "$kind" "$image" "$image_ref" migrate-failed 0 "$(( $(now_ms) - t0 ))" 0 "db migrate failed; nothing started"
    rm -f "$marker"
    die 1 "db migrate from $image failed; $env_name still serves ${blue_name:-nothing}"
  fi

  set_stage starting-green
  if exists "$green_name"; then docker rm -f "$green_name" > /dev/null; fi
  run_color "$green"

  set_stage gating
  if ! gate "$green_name" "$(color_port "$green")"; then
    local saved
    saved=$logs_dir/$(date -u +%Y%m%dT%H%M%SZ)-$green_name.log
    docker logs --tail 100 "$green_name" > "$saved" 2>&1 || true
    docker stop --time "$STOP_TIMEOUT" "$green_name" > /dev/null || true
    docker rm -f "$green_name" > /dev/null || true
    append_history "$started_iso" "$kind" "$image" "$image_ref" rolled-back "$gate_tries" "$(( $(now_ms) - t0 ))" 0 "gate failed; last 100 log lines in $saved"
    rm -f "$marker"
    die 1 "$green_name never became ready after $gate_tries tries; rolled back: $env_name still serves ${blue_name:-nothing}. Its last 100 log lines: $saved"
  fi

  set_stage switching
  t_switch0=$(now_ms)
  switch_front "$(color_port "$green")"
  switch_ms=$(( $(now_ms) - t_switch0 ))
  log "front switched to $green_name in ${switch_ms} ms"

  set_stage switched
  if [ -n "$blue_name" ]; then
    # Requests that entered through the old configuration finish first; then SIGTERM: blue finishes
    # its batch and releases its leases, and green (standing by) takes the sources over.
    sleep "$SWITCH_SETTLE_SECONDS"
    set_stage stopping-blue
    docker stop --time "$STOP_TIMEOUT" "$blue_name" > /dev/null
    docker rm "$blue_name" > /dev/null
    docker tag "$blue_image_id" "$IMAGE_REPO:$env_name-previous"
  fi
  docker tag "$image_ref" "$IMAGE_REPO:$env_name-current"

  append_history "$started_iso" "$kind" "$image" "$image_ref" succeeded "$gate_tries" "$(( $(now_ms) - t0 ))" "$switch_ms" "serving $green_name"
  rm -f "$marker"
  prune_images
  log "$kind $env_name done: $green_name serves $image ($(image_label "$image_ref" org.opencontainers.image.version))"
}

# Keeps the images of the last KEEP_IMAGES deploys of this environment (and ENV-current/-previous);
# removes the tags of older ones that this environment deployed. An image still used by a container
# (or tagged for another environment) is left alone.
prune_images() {
  [ -f "$history_file" ] || return 0
  local current previous id img count=0 ref
  current=$(image_id "$IMAGE_REPO:$env_name-current" || true)
  previous=$(image_id "$IMAGE_REPO:$env_name-previous" || true)
  # This environment's images, newest deploy first, each once.
  while IFS= read -r img; do
    id=$(image_id "$img" || true)
    [ -n "$id" ] || continue
    count=$((count + 1))
    if [ "$count" -le "$KEEP_IMAGES" ] || [ "$id" = "$current" ] || [ "$id" = "$previous" ]; then continue; fi
    [ -z "$(docker ps -a -q --filter "ancestor=$id")" ] || continue
    while IFS= read -r ref; do
      case "$ref" in *-current|*-previous) continue ;; esac
      if docker rmi "$ref" > /dev/null 2>&1; then log "pruned $ref"; fi
    done < <(docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' | awk -v id="${id#sha256:}" 'index(id, $2) == 1 {print $1}')
  done < <(sed -n 's/.*"image":"\([^"]*\)".*/\1/p' "$history_file" | tac | awk '!seen[$0]++')
}

# ---- status and history -------------------------------------------------------------------------

do_status() {
  local serving color name
  serving=$(serving_color || true)
  echo "environment: $env_name"
  if is_running "$front_name"; then
    echo "front:       $front_name running, admin $FRONT_ADMIN, upstream port $(front_upstream_port || echo '?')"
  else
    echo "front:       $front_name not running"
  fi
  echo "serving:     ${serving:-nothing}"
  for color in blue green; do
    name=$(container_name "$color")
    if exists "$name"; then
      local img ready=no
      img=$(docker inspect --type container --format '{{.Config.Image}}' "$name")
      curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:$(color_port "$color")/healthz/ready" 2>/dev/null && ready=yes
      echo "$color:       $name $(docker inspect --type container --format '{{.State.Status}}' "$name"), image $img (version $(image_label "$img" org.opencontainers.image.version)), ready: $ready"
    fi
  done
  if [ -f "$marker" ]; then echo "in progress: $(tr '\n' ' ' < "$marker")"; fi
  if [ -f "$history_file" ]; then echo "last deploy: $(tail -n 1 "$history_file")"; fi
  [ -n "$serving" ] && is_running "$(container_name "$serving")"
}

do_history() {
  [ -f "$history_file" ] || { echo "no deploys of $env_name yet" >&2; return 0; }
  if [ "${1:-}" = --json ]; then cat "$history_file"; return 0; fi
  printf '%-24s %-8s %-10s %-14s %-6s %-9s %s\n' TIME KIND VERSION RESULT TRIES SECONDS USER
  local line
  while IFS= read -r line; do
    field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" <<<"$line"; }
    printf '%-24s %-8s %-10s %-14s %-6s %-9s %s\n' "$(field time)" "$(field kind)" "$(field version)" "$(field result)" \
      "$(field gate_tries)" "$(awk -v ms="$(field duration_ms)" 'BEGIN{printf "%.1f", ms/1000}')" "$(field user)"
  done < "$history_file"
}

# ---- main ---------------------------------------------------------------------------------------

[ $# -ge 1 ] || { usage >&2; exit 2; }
verb=$1; shift
case "$verb" in
  deploy)
    [ $# -eq 2 ] || die 2 "usage: deploy.sh deploy ENV IMAGE"
    load_env "$1"; do_deploy deploy "$2" ;;
  rollback)
    if [ $# -lt 1 ] || [ $# -gt 2 ]; then die 2 "usage: deploy.sh rollback ENV [VERSION]"; fi
    load_env "$1"
    if [ $# -eq 2 ]; then
      case "$2" in */*|*:*) target=$2 ;; *) target=$IMAGE_REPO:$2 ;; esac
    else
      target=$IMAGE_REPO:$env_name-previous
    fi
    # Deploy the image itself (by its name, not the moving -previous tag, so history names it).
    do_deploy rollback "$target" ;;
  status)
    [ $# -eq 1 ] || die 2 "usage: deploy.sh status ENV"
    load_env "$1"; do_status ;;
  history)
    if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ $# -eq 2 ] && [ "$2" != --json ]; }; then die 2 "usage: deploy.sh history ENV [--json]"; fi
    load_env "$1"; do_history "${2:-}" ;;
  -h|--help|help) usage ;;
  *) echo "deploy: unknown verb '$verb' (deploy, rollback, status, history; see --help)" >&2; exit 2 ;;
esac
