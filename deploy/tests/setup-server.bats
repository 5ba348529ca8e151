#!/usr/bin/env bats
# deploy/setup-server.sh against a temporary root: what it creates, with which modes, that a second run
# changes nothing, that --dry-run changes nothing, and that it repairs modes and keeps existing secrets.

setup() {
  script="$BATS_TEST_DIRNAME/../setup-server.sh"
  root=$(mktemp -d)
}

teardown() {
  rm -rf "$root"
}

mode() { stat -c '%a' "$root$1"; }

# Every path under the root with its mode and content hash: equal snapshots mean nothing changed.
snapshot() {
  (cd "$root" && find . -printf '%p %m %s\n' | sort && find . -type f -exec sha256sum {} + | sort)
}

@test "first run creates the directories, env templates and backup timers with safe modes" {
  run "$script" --root "$root"
  [ "$status" -eq 0 ]
  [ "$(mode /etc/fleetmanager)" = 700 ]
  [ "$(mode /etc/fleetmanager/secrets/staging)" = 700 ]
  [ "$(mode /etc/fleetmanager/staging.env)" = 600 ]
  [ "$(mode /etc/fleetmanager/production.env)" = 600 ]
  [ "$(mode /opt/fleetmanager)" = 750 ]
  [ "$(mode /var/backups/fleetmanager/production)" = 750 ]
  grep -q '^GEMINI_API_KEY=$' "$root/etc/fleetmanager/staging.env"
  grep -q '^GOOGLE_SHEETS_SPREADSHEET_ID=$' "$root/etc/fleetmanager/production.env"
  grep -q '^fleetmanager:' "$root/etc/passwd"
  grep -q 'db backup --to /backups --keep 7' "$root/etc/systemd/system/fleetmanager-backup-staging.service"
  grep -q '^OnCalendar=' "$root/etc/systemd/system/fleetmanager-backup-production.timer"
  [[ "$output" == *"firewall"* ]]
}

@test "a second run changes nothing and says so" {
  "$script" --root "$root"
  before=$(snapshot)

  run "$script" --root "$root"

  [ "$status" -eq 0 ]
  [[ "$output" == *"Nothing to change: the server is set up."* ]]
  [[ "$output" != *"do: "* ]]
  [ "$(snapshot)" = "$before" ]
}

@test "--dry-run prints the plan and changes nothing" {
  run "$script" --root "$root" --dry-run

  [ "$status" -eq 0 ]
  [[ "$output" == *"would: create /etc/fleetmanager (mode 0700)"* ]]
  [[ "$output" == *"would: write /etc/fleetmanager/staging.env (mode 0600)"* ]]
  [[ "$output" == *"(dry run: nothing was changed)"* ]]
  [ -z "$(ls -A "$root")" ]
}

@test "a loosened mode is repaired and an edited env file is kept" {
  "$script" --root "$root"
  echo "GEMINI_API_KEY=real-key" > "$root/etc/fleetmanager/staging.env"
  chmod 644 "$root/etc/fleetmanager/staging.env"
  chmod 755 "$root/etc/fleetmanager"

  run "$script" --root "$root"

  [ "$status" -eq 0 ]
  [[ "$output" == *"chmod 0600 /etc/fleetmanager/staging.env (was 644)"* ]]
  [ "$(mode /etc/fleetmanager/staging.env)" = 600 ]
  [ "$(mode /etc/fleetmanager)" = 700 ]
  [ "$(cat "$root/etc/fleetmanager/staging.env")" = "GEMINI_API_KEY=real-key" ]
}

@test "--keep and --environments shape the timers" {
  run "$script" --root "$root" --keep 14 --environments staging

  [ "$status" -eq 0 ]
  grep -q -- '--keep 14' "$root/etc/systemd/system/fleetmanager-backup-staging.service"
  [ ! -e "$root/etc/systemd/system/fleetmanager-backup-production.service" ]
}

@test "bad arguments exit 2 with one line" {
  run "$script" --root "$root" --keep 0
  [ "$status" -eq 2 ]
  [[ "$output" == *"--keep must be a number of 1 or more"* ]]

  run "$script" --bogus
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown argument '--bogus'"* ]]
}

@test "every path deploy/env/ENV.env names is created, owned by the deploy user, so deploy.sh creates none" {
  run "$script" --root "$root"
  [ "$status" -eq 0 ]

  for environment in staging production; do
    paths=$(
      # shellcheck disable=SC1090 # the environment files are the subject of the test
      . "$BATS_TEST_DIRNAME/../env/$environment.env"
      printf '%s\n' "$STATE_DIR" "$SECRETS_DIR" "$(dirname "$APP_ENV_FILE")" "$APP_ENV_FILE"
    )
    while read -r path; do
      [ -n "$path" ]
      [ -e "$root$path" ] || { echo "$environment: $path is not created by setup-server.sh"; return 1; }
      [ "$(stat -c '%U' "$root$path")" = "$(id -un)" ]
    done <<< "$paths"
  done
  [ "$(mode /srv/fleetmanager/production)" = 750 ]
}

@test "the release workflow writes credential files where the environment mounts them" {
  for environment in staging production; do
    # shellcheck disable=SC1090 # the environment files are the subject of the test
    secrets=$(. "$BATS_TEST_DIRNAME/../env/$environment.env" && echo "$SECRETS_DIR")
    [ "$secrets" = "/etc/fleetmanager/secrets/$environment" ]
  done
  # shellcheck disable=SC2016 # the script's own text, with its variable unexpanded
  grep -qF 'cat > /etc/fleetmanager/secrets/$environment/gmail-credentials.json' "$BATS_TEST_DIRNAME/../ci/push-config.sh"
}

@test "--help prints the header and the usage line, no code" {
  run "$script" --help
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == "Usage: setup-server.sh "* ]]
  [[ "$output" != *"set -euo"* ]]
}

@test "an option without its value, or a --root that is no directory, is one line and exit 2" {
  run "$BATS_TEST_DIRNAME/../setup-server.sh" --root
  [ "$status" -eq 2 ]
  [ "$output" = "setup-server.sh: --root needs a value (see --help)" ]
  run "$BATS_TEST_DIRNAME/../setup-server.sh" --root /nonexistent --dry-run
  [ "$status" -eq 2 ]
  [ "$output" = "setup-server.sh: --root /nonexistent is not a directory" ]
}
