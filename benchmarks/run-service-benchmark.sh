#!/usr/bin/env bash
# Whole-process benchmark of the service, `fleetmanager run`, with the published (Release) executable:
#   1. time from process start to /healthz/ready = 200 (three folder sources, SQLite);
#   2. idle cost of that process over IDLE_SECONDS: CPU (user + system) and resident memory (RSS);
#   3. messages/s through IMAP -> PostgreSQL with the rules reader: a PostgreSQL server (initdb, own
#      port) and a Dovecot (own config, own port) are started here, MESSAGES messages from
#      benchmarks/generate-mbox.cs are dropped into the mailbox at once while the service idles on
#      it, and the clock runs until the service's poll lines account for all of them.
#
#   benchmarks/run-service-benchmark.sh [IDLE_SECONDS=180] [MESSAGES=2000]
#
# Needs: the .NET 10 SDK, curl, Debian's postgresql and dovecot-imapd (as .ci/run installs them).
# FM_APP=DIR reuses a folder published as below instead of publishing again.
set -euo pipefail
cd "$(dirname "$0")/.."
idle_seconds=${1:-180}
messages=${2:-2000}
work=$(mktemp -d /tmp/fm-svc-bench.XXXXXX)
chmod 755 "$work" # PostgreSQL and Dovecot run as their own users and must reach their folders
pids=()
pg_data=""
pg_bin=""
as_root=$([ "$(id -u)" = 0 ] && echo yes || echo no)

as_postgres() { if [ "$as_root" = yes ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ -n "$pg_data" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mib() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
wait_ready() { # PID PORT: prints the milliseconds until /healthz/ready answers 200
  local start=$2 code
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$3/healthz/ready" || true)
    [ "$code" = 200 ] && { echo $(( $(now_ms) - start )); return; }
    kill -0 "$1" 2>/dev/null || { echo "error: the service exited before it was ready" >&2; exit 1; }
    sleep 0.05
  done
}

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)"
echo "# dotnet: $(dotnet --version); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
app=${FM_APP:-$work/app}
if [ -z "${FM_APP:-}" ]; then
  dotnet publish src/FleetManager -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$app" -v quiet -nologo >/dev/null
fi

# --- 1 and 2: three folder sources on SQLite, each polled every 30 s; one holds the 15 samples.
mkdir -p "$work/idle/a" "$work/idle/b" "$work/idle/c"
cp samples/mailbox/*.eml "$work/idle/c/"
port=$(free_port)
start=$(now_ms)
env -u DATA_DIR -u FLEETMANAGER__STORAGE__CONNECTIONSTRING \
  FLEETMANAGER__SERVICE__URLS="http://127.0.0.1:$port" \
  FLEETMANAGER__SOURCES__0__NAME=a FLEETMANAGER__SOURCES__0__KIND=folder FLEETMANAGER__SOURCES__0__FOLDER__PATH="$work/idle/a" FLEETMANAGER__SOURCES__0__INTERVAL=00:00:30 \
  FLEETMANAGER__SOURCES__1__NAME=b FLEETMANAGER__SOURCES__1__KIND=folder FLEETMANAGER__SOURCES__1__FOLDER__PATH="$work/idle/b" FLEETMANAGER__SOURCES__1__INTERVAL=00:00:30 \
  FLEETMANAGER__SOURCES__2__NAME=c FLEETMANAGER__SOURCES__2__KIND=folder FLEETMANAGER__SOURCES__2__FOLDER__PATH="$work/idle/c" FLEETMANAGER__SOURCES__2__INTERVAL=00:00:30 \
  "$app/fleetmanager" run --db "$work/idle/fm.db" > "$work/idle.log" 2>&1 &
pid=$!
pids+=("$pid")
ready_ms=$(wait_ready "$pid" "$start" "$port")
echo "start to /healthz/ready = 200 (three folder sources, SQLite, 15 samples in one): $ready_ms ms"
sleep 10 # let the first polls' garbage be collected before the idle window
ticks0=$(cpu_ticks "$pid"); rss0=$(rss_mib "$pid")
sleep "$idle_seconds"
ticks1=$(cpu_ticks "$pid"); rss1=$(rss_mib "$pid")
hz=$(getconf CLK_TCK)
awk -v d=$((ticks1 - ticks0)) -v hz="$hz" -v s="$idle_seconds" -v r0="$rss0" -v r1="$rss1" -v hwm="$(hwm_mib "$pid")" 'BEGIN {
  printf "idle over %d s (three sources polled every 30 s): CPU %.2f s = %.2f %% of one core; RSS %d MiB at the start, %d MiB at the end, peak %d MiB\n", s, d / hz, 100 * d / hz / s, r0, r1, hwm }'
kill -TERM "$pid"; wait "$pid" || true

# --- 3: IMAP -> PostgreSQL.
pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin | sort -V | tail -n 1)
pg_port=$(free_port)
mkdir -p "$work/pg"
[ "$as_root" = yes ] && chown postgres: "$work/pg"
pg_data="$work/pg/data"
as_postgres "$pg_bin/initdb" -D "$pg_data" -U fm --auth=trust --encoding=UTF8 --no-locale >/dev/null
# Server defaults (fsync on, as a deployment would run), on loopback and its own port only.
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
psql -q -h 127.0.0.1 -p "$pg_port" -U fm -d postgres -c "CREATE DATABASE fm"
connection="Host=127.0.0.1;Port=$pg_port;Username=fm;Database=fm"

imap_port=$(free_port)
mkdir -p "$work/dovecot/run" "$work/dovecot/state" "$work/dovecot/home"
if [ "$as_root" = yes ]; then internal=dovecot; login=dovenull; mail_user=dovecot; else internal=$(id -un); login=$internal; mail_user=$internal; fi
mail_group=$(id -gn "$mail_user")
[ "$as_root" = yes ] && chown "$mail_user:$mail_group" "$work/dovecot/home"
echo "bench:{PLAIN}bench-password::::::" > "$work/dovecot/passwd"
cat > "$work/dovecot/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $work/dovecot/run
state_dir = $work/dovecot/state
log_path = $work/dovecot/dovecot.log
default_internal_user = $internal
default_login_user = $login
first_valid_uid = 1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/dovecot/passwd
}
userdb {
  driver = static
  args = uid=$mail_user gid=$mail_group home=$work/dovecot/home/%u
}
EOF
/usr/sbin/dovecot -F -c "$work/dovecot/dovecot.conf" > "$work/dovecot/stdout.log" 2>&1 &
pids+=("$!")
until (exec 3<>"/dev/tcp/127.0.0.1/$imap_port") 2>/dev/null; do sleep 0.1; done

# The workload: generated mbox split into one file per message (mboxrd unquoted).
dotnet run benchmarks/generate-mbox.cs -- --count "$messages" --out "$work/bench.mbox" --seed 42 >/dev/null 2>&1
mkdir -p "$work/split"
awk -v dir="$work/split" '
  /^From / { if (out) close(out); n++; out = sprintf("%s/%d.M%dP1.bench", dir, 1764200000 + n, n); next }
  { sub(/^>From /, "From "); print > out }' "$work/bench.mbox"

port=$(free_port)
start=$(now_ms)
env -u DATA_DIR \
  FLEETMANAGER__STORAGE__CONNECTIONSTRING="$connection" \
  FLEETMANAGER__SERVICE__URLS="http://127.0.0.1:$port" \
  FLEETMANAGER__SOURCES__0__NAME=bench FLEETMANAGER__SOURCES__0__KIND=imap FLEETMANAGER__SOURCES__0__READER=rules \
  FLEETMANAGER__SOURCES__0__IMAP__HOST=127.0.0.1 FLEETMANAGER__SOURCES__0__IMAP__PORT="$imap_port" \
  FLEETMANAGER__SOURCES__0__IMAP__SECURITY=None FLEETMANAGER__SOURCES__0__IMAP__USERNAME=bench \
  FLEETMANAGER__SOURCES__0__IMAP__PASSWORD=bench-password \
  "$app/fleetmanager" run > "$work/imap.log" 2>&1 &
pid=$!
pids+=("$pid")
ready_ms=$(wait_ready "$pid" "$start" "$port")
echo "start to /healthz/ready = 200 (one IMAP source, PostgreSQL, empty mailbox; migrations applied): $ready_ms ms"

# Deliver everything at once (a rename into Maildir/new is how a local delivery agent does it); the
# service's IDLE connection sees it within Dovecot's 1 s check interval.
maildir="$work/dovecot/home/bench/Maildir"
mkdir -p "$maildir/tmp" "$maildir/new" "$maildir/cur"
mv "$work/split/"* "$maildir/tmp/"
[ "$as_root" = yes ] && chown -R "$mail_user:$mail_group" "$work/dovecot/home/bench"
ticks0=$(cpu_ticks "$pid")
delivered=$(now_ms)
mv "$maildir/tmp/"* "$maildir/new/"
polled() { grep -o 'Poll of bench done in [0-9]* ms: [0-9]* messages' "$work/imap.log" | awk '{ n += $(NF - 1) } END { print n + 0 }'; }
while [ "$(polled)" -lt "$messages" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "error: the service exited" >&2; tail -n 20 "$work/imap.log" >&2; exit 1; }
  sleep 0.2
done
done_ms=$(( $(now_ms) - delivered ))
ticks1=$(cpu_ticks "$pid")
counts=$(psql -tA -h 127.0.0.1 -p "$pg_port" -U fm -d fm -c "SELECT count(*), count(*) FILTER (WHERE status = 'quarantined'), (SELECT count(*) FROM orders) FROM ledger")
awk -v n="$messages" -v t="$done_ms" -v d=$((ticks1 - ticks0)) -v hz="$hz" -v c="$counts" -v hwm="$(hwm_mib "$pid")" 'BEGIN {
  split(c, f, "|")
  printf "IMAP -> PostgreSQL, rules reader: %d messages in %.2f s from delivery to the last commit = %.0f messages/s (service CPU %.2f s = %.1f ms per message; peak RSS %d MiB)\n", n, t / 1000, n * 1000 / t, d / hz, 1000 * d / hz / n, hwm
  printf "  ledger rows %d (%d quarantined; duplicate Message-IDs share a row), orders %d\n", f[1], f[2], f[3] }'
kill -TERM "$pid"; wait "$pid" || true
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
