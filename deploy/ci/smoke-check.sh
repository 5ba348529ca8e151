#!/usr/bin/env bash
# Run by release.yml after a deploy: the environment reports a serving color (deploy.sh status), the
# service inside answers ready (fleetmanager healthcheck --ready through the container), and, when
# SMOKE_URL is set (the environment's public address), /healthz/ready answers through the front proxy.
#
# Usage: smoke-check.sh staging|production   (DEPLOY_HOST, DEPLOY_USER, DEPLOY_PORT as for push-config.sh)
set -euo pipefail

environment=${1:?usage: smoke-check.sh staging|production}
: "${DEPLOY_HOST:?DEPLOY_HOST is not set}" "${DEPLOY_USER:?DEPLOY_USER is not set}"
port=${DEPLOY_PORT:-22}
remote=(ssh -i "$HOME/.ssh/deploy_key" -p "$port" -o BatchMode=yes "$DEPLOY_USER@$DEPLOY_HOST")

"${remote[@]}" "/opt/fleetmanager/deploy/deploy.sh status $environment"

if [ -n "${SMOKE_URL:-}" ]; then
  for attempt in 1 2 3 4 5 6; do
    if curl -fsS --max-time 5 "${SMOKE_URL%/}/healthz/ready" > /dev/null; then
      echo "smoke check: ${SMOKE_URL%/}/healthz/ready is ready (attempt $attempt)"
      exit 0
    fi
    sleep 10
  done
  echo "smoke check: ${SMOKE_URL%/}/healthz/ready did not answer ready after 6 tries" >&2
  exit 1
fi
