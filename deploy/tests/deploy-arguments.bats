#!/usr/bin/env bats
# deploy/deploy.sh's answers to mistakes before it touches any container: usage, unknown verbs, missing or invalid
# environment files. (The deploys themselves are proved with real containers by deploy/tests/proof.sh.)

setup() {
  script="$BATS_TEST_DIRNAME/../deploy.sh"
  env_dir=$(mktemp -d)
  export FLEETMANAGER_DEPLOY_ENV_DIR=$env_dir
}

teardown() {
  rm -rf "$env_dir"
}

@test "--help prints the header and no code" {
  run "$script" --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"deploy.sh deploy ENV IMAGE"* ]]
  [[ "${lines[-1]}" == "running (try again later)." ]]
  [[ "$output" != *"set -euo"* ]]
}

@test "no arguments: the usage and exit 2" {
  run "$script"
  [ "$status" -eq 2 ]
  [[ "$output" == *"deploy.sh deploy ENV IMAGE"* ]]
  [[ "$output" != *"script_dir"* ]]
}

@test "an unknown verb is one line naming the verbs, exit 2" {
  run "$script" frob
  [ "$status" -eq 2 ]
  [ "$output" = "deploy: unknown verb 'frob' (deploy, rollback, status, history; see --help)" ]
}

@test "a missing environment file is one line, exit 3" {
  run "$script" deploy qa localhost/fm:1
  [ "$status" -eq 3 ]
  [ "$output" = "deploy: no environment file $env_dir/qa.env (copy deploy/env/staging.env and edit it)" ]
}

@test "an environment setting that is not a number is one line naming it, exit 5" {
  printf 'GATE_TRIES=six\n' > "$env_dir/qa.env"
  run "$script" status qa
  [ "$status" -eq 5 ]
  [ "$output" = "deploy: $env_dir/qa.env: GATE_TRIES must be a whole number (is 'six')" ]
}

@test "history with anything but --json after ENV is the usage, exit 2" {
  run "$script" history staging --jsn
  [ "$status" -eq 2 ]
  [ "$output" = "deploy: usage: deploy.sh history ENV [--json]" ]
}
