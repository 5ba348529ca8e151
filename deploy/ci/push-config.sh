#!/usr/bin/env bash
# Run by release.yml on the GitHub runner: copies deploy/ to the server and writes the environment's
# secret settings there with mode 0600 (from the job's environment secrets, never from arguments, so
# they appear in no process list and no log).
#
#   DEPLOY_HOST, DEPLOY_USER, DEPLOY_PORT   where to connect (key in ~/.ssh/deploy_key)
#   GEMINI_API_KEY, GOOGLE_MAPS_API_KEY, GOOGLE_SHEETS_SPREADSHEET_ID, GOOGLE_SHEETS_RANGE_NAME
#                                           the original tool's secret names, written as they are
#   GMAIL_CREDENTIALS_FILE                  the CONTENT of the Gmail OAuth client file; written to
#                                           /etc/fleetmanager/secrets/ENV/gmail-credentials.json (0600)
#
# Usage: push-config.sh staging|production
set -euo pipefail

environment=${1:?usage: push-config.sh staging|production}
case "$environment" in staging | production) ;; *) echo "unknown environment: $environment" >&2; exit 2 ;; esac
: "${DEPLOY_HOST:?DEPLOY_HOST is not set}" "${DEPLOY_USER:?DEPLOY_USER is not set}"
port=${DEPLOY_PORT:-22}
remote=(ssh -i "$HOME/.ssh/deploy_key" -p "$port" -o BatchMode=yes "$DEPLOY_USER@$DEPLOY_HOST")
repo_root=$(cd "$(dirname "$0")/../.." && pwd)

# The scripts, compose file and per-environment settings (deploy/env/*.env hold no secrets).
tar -C "$repo_root" -czf - deploy | "${remote[@]}" 'tar -C /opt/fleetmanager -xzf - && chmod 0750 /opt/fleetmanager/deploy'

umask 077
env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
{
  echo "# Written by the release workflow from the '$environment' environment's secrets. Do not edit here."
  for name in GEMINI_API_KEY GOOGLE_MAPS_API_KEY GOOGLE_SHEETS_SPREADSHEET_ID GOOGLE_SHEETS_RANGE_NAME; do
    if [ -n "${!name:-}" ]; then
      printf '%s=%s\n' "$name" "${!name}"
    fi
  done
  if [ -n "${GMAIL_CREDENTIALS_FILE:-}" ]; then
    # The path inside the container, where compose and deploy.sh mount the secrets folder read-only.
    echo "GMAIL_CREDENTIALS_FILE=/run/secrets/gmail-credentials.json"
  fi
} > "$env_file"

"${remote[@]}" "umask 077 && cat > /etc/fleetmanager/$environment.env.new && mv /etc/fleetmanager/$environment.env.new /etc/fleetmanager/$environment.env" < "$env_file"
if [ -n "${GMAIL_CREDENTIALS_FILE:-}" ]; then
  printf '%s\n' "$GMAIL_CREDENTIALS_FILE" | "${remote[@]}" \
    "umask 077 && mkdir -p /etc/fleetmanager/secrets/$environment && cat > /etc/fleetmanager/secrets/$environment/gmail-credentials.json"
fi
echo "deploy/ copied and /etc/fleetmanager/$environment.env written (0600) on $DEPLOY_HOST"
