#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu server for FleetManager. Idempotent: a second run changes nothing and
# says so; --dry-run prints the plan and touches nothing; --root DIR applies everything under DIR
# (the tests do that) instead of /.
#
# What it does: checks Docker; creates the deploy user (in the docker group) and the directories
#   /opt/fleetmanager            deploy scripts (the release workflow copies deploy/ here)   0750
#   /etc/fleetmanager            per-environment env files, 0600, from a template           0700
#   /etc/fleetmanager/secrets/ENV  credential files mounted read-only into the container   0700
#   /var/backups/fleetmanager/ENV  nightly backups (fleetmanager db backup --keep N)       0750
#   /srv/fleetmanager/ENV        deploy.sh's state: lock, history, saved logs, front config 0750
# (the paths deploy/env/ENV.env names, so deploy.sh runs as the deploy user without creating any of them).
# installs a systemd timer per environment that runs `fleetmanager db backup` in the serving container's
# image beside it, and prints the firewall note. Nothing is started or enabled in --root mode.
#
# Usage: setup-server.sh [--dry-run] [--root DIR] [--user NAME] [--keep N] [--environments "staging production"]
set -euo pipefail

root=""
dry_run=false
deploy_user=fleetmanager
keep=7
environments="staging production"

# The value of option $1, or the usage error (exit 2) when it has none.
value_of() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then
    echo "setup-server.sh: $1 needs a value (see --help)" >&2
    exit 2
  fi
  printf '%s' "$2"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true ;;
    --root) root=$(value_of "$@"); shift ;;
    --user) deploy_user=$(value_of "$@"); shift ;;
    --keep) keep=$(value_of "$@"); shift ;;
    --environments) environments=$(value_of "$@"); shift ;;
    -h | --help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "setup-server.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

case "$keep" in '' | *[!0-9]* | 0) echo "setup-server.sh: --keep must be a number of 1 or more" >&2; exit 2 ;; esac
if [ -n "$root" ]; then
  [ -d "$root" ] || { echo "setup-server.sh: --root $root is not a directory" >&2; exit 2; }
  root=$(cd "$root" && pwd)
elif [ "$(id -u)" -ne 0 ] && [ "$dry_run" = false ]; then
  echo "setup-server.sh: run as root (sudo), or give --dry-run to see the plan" >&2
  exit 2
fi

changes=0
say() { printf '%s\n' "$*"; }
# Runs a change, or only prints it with --dry-run; counts it either way.
change() {
  changes=$((changes + 1))
  if [ "$dry_run" = true ]; then
    say "would: $1"
  else
    say "do:    $1"
    shift
    "$@"
  fi
}

# --- Docker ---------------------------------------------------------------------------------------
if command -v docker > /dev/null 2>&1 && docker version --format '{{.Server.Version}}' > /dev/null 2>&1; then
  say "ok:    docker $(docker version --format '{{.Server.Version}}') answers"
elif [ -n "$root" ]; then
  say "note:  docker is not checked under --root"
else
  say "FAIL:  docker is not installed or its daemon does not answer: install Docker Engine (https://docs.docker.com/engine/install/debian/) and run this again" >&2
  exit 1
fi

# --- deploy user ----------------------------------------------------------------------------------
passwd_file="$root/etc/passwd"
if [ -n "$root" ]; then
  # Under --root the user is recorded in the root's own passwd file, so tests need no real accounts.
  if ! grep -q "^$deploy_user:" "$passwd_file" 2> /dev/null; then
    change "add user $deploy_user" bash -c "mkdir -p '$root/etc' && echo '$deploy_user:x:10001:10001:FleetManager deploy:/home/$deploy_user:/bin/bash' >> '$passwd_file'"
  else
    say "ok:    user $deploy_user exists"
  fi
elif ! id "$deploy_user" > /dev/null 2>&1; then
  change "add user $deploy_user (in group docker)" useradd --create-home --shell /bin/bash --groups docker "$deploy_user"
else
  say "ok:    user $deploy_user exists"
fi

# Owner for files: the real user, or (under --root) the current user, since tests do not run as root.
owner=$deploy_user
[ -n "$root" ] && owner=$(id -un)

# ensure_dir PATH MODE: creates it, or corrects its mode and owner; silent when already right.
ensure_dir() {
  local path="$root$1" mode=$2
  if [ ! -d "$path" ]; then
    change "create $1 (mode $mode)" install -d -m "$mode" -o "$owner" "$path"
    return
  fi
  local actual
  actual=$(stat -c '%a' "$path")
  if [ "$actual" != "${mode#0}" ]; then
    change "chmod $mode $1 (was $actual)" chmod "$mode" "$path"
  fi
  if [ "$(stat -c '%U' "$path")" != "$owner" ]; then
    change "chown $owner $1" chown "$owner" "$path"
  fi
}

# write_file PATH MODE CONTENT: created private (umask 077) and then given its mode, never briefly readable.
write_file() {
  (umask 077 && printf '%s' "$3" > "$1")
  chmod "$2" "$1"
}

# ensure_file PATH MODE CONTENT: writes it when missing (an existing file is never overwritten: it may hold
# secrets), and corrects its mode.
ensure_file() {
  local path="$root$1" mode=$2 content=$3
  if [ ! -e "$path" ]; then
    change "write $1 (mode $mode)" write_file "$path" "$mode" "$content"
    return
  fi
  local actual
  actual=$(stat -c '%a' "$path")
  if [ "$actual" != "${mode#0}" ]; then
    change "chmod $mode $1 (was $actual)" chmod "$mode" "$path"
  fi
}

# ensure_content PATH MODE CONTENT: a file this script owns (units): rewritten when its content differs.
ensure_content() {
  local path="$root$1" mode=$2 content=$3
  # The x keeps the trailing newline that $(...) would strip.
  if [ -e "$path" ] && [ "$(cat "$path"; echo x)" = "${content}x" ]; then
    ensure_file "$1" "$mode" "$content"
    return
  fi
  change "write $1" write_file "$path" "$mode" "$content"
}

# --- directories ----------------------------------------------------------------------------------
ensure_dir /opt/fleetmanager 0750
ensure_dir /etc/fleetmanager 0700
ensure_dir /etc/fleetmanager/secrets 0700
ensure_dir /var/backups/fleetmanager 0750
ensure_dir /srv/fleetmanager 0750
[ -d "$root/etc/systemd/system" ] || change "create /etc/systemd/system" mkdir -p "$root/etc/systemd/system"

for environment in $environments; do
  ensure_dir "/etc/fleetmanager/secrets/$environment" 0700
  ensure_dir "/var/backups/fleetmanager/$environment" 0750
  ensure_dir "/srv/fleetmanager/$environment" 0750

  # The env template: the original tool's variable names, empty; the release workflow overwrites it
  # from the environment's GitHub secrets (mode 0600 as well).
  ensure_file "/etc/fleetmanager/$environment.env" 0600 "# FleetManager $environment settings (mode 0600: it holds secrets). docs/configuration.md lists every variable.
# Written once by setup-server.sh; the release workflow replaces it from the environment's secrets.
GEMINI_API_KEY=
GOOGLE_MAPS_API_KEY=
GOOGLE_SHEETS_SPREADSHEET_ID=
GOOGLE_SHEETS_RANGE_NAME=
# GMAIL_CREDENTIALS_FILE=/run/secrets/gmail-credentials.json
# FLEETMANAGER__STORAGE__CONNECTIONSTRING=postgres://USER:PASSWORD@HOST:5432/fleetmanager
"

  # Nightly backup: `fleetmanager db backup` run from the serving container's image with its volumes, so
  # it reads the same store (SQLite file or PostgreSQL) while the service keeps running. ($$ is systemd's
  # literal dollar; the serving container is found by the label deploy.sh sets: fleetmanager.environment.)
  ensure_content "/etc/systemd/system/fleetmanager-backup-$environment.service" 0644 "[Unit]
Description=FleetManager $environment: back up the order book (fleetmanager db backup)
After=docker.service
Requires=docker.service

[Service]
Type=oneshot
User=$deploy_user
ExecStart=/bin/sh -c 'c=\$\$(docker ps --quiet --filter label=fleetmanager.environment=$environment --filter status=running | head -n 1); test -n \"\$\$c\" || { echo \"no running $environment container\" >&2; exit 1; }; exec docker run --rm --volumes-from \"\$\$c\" --network container:\$\$c --env-file /etc/fleetmanager/$environment.env --read-only --tmpfs /tmp -v /var/backups/fleetmanager/$environment:/backups \$\$(docker inspect --format {{.Config.Image}} \"\$\$c\") db backup --to /backups --keep $keep'
"
  ensure_content "/etc/systemd/system/fleetmanager-backup-$environment.timer" 0644 "[Unit]
Description=FleetManager $environment: nightly backup

[Timer]
OnCalendar=*-*-* 03:15:00
RandomizedDelaySec=15m
Persistent=true

[Install]
WantedBy=timers.target
"
  if [ -z "$root" ] && [ "$dry_run" = false ]; then
    if ! systemctl is-enabled --quiet "fleetmanager-backup-$environment.timer" 2> /dev/null; then
      change "enable fleetmanager-backup-$environment.timer" bash -c "systemctl daemon-reload && systemctl enable --now fleetmanager-backup-$environment.timer"
    fi
  fi
done

# --- firewall -------------------------------------------------------------------------------------
say "note:  firewall: only 22 (SSH), 80 and 443 (the front proxy) need to be open; the service ports stay on loopback."
if [ -z "$root" ] && command -v ufw > /dev/null 2>&1; then
  ufw status 2> /dev/null | sed 's/^/       ufw: /' || true
fi

if [ "$changes" -eq 0 ]; then
  say "Nothing to change: the server is set up."
elif [ "$dry_run" = true ]; then
  say "$changes change(s) planned (dry run: nothing was changed)."
else
  say "$changes change(s) made."
fi
