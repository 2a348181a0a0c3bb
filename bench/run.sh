#!/usr/bin/env bash
# Measures the speed targets of the issues on this machine. Not part of the test run: the figures
# go into the issue notes and the README. Every server it starts is on 127.0.0.1 and is stopped at the end.
# `bench/run.sh` runs every step; `bench/run.sh outbox` only the send pipeline's (issue 8): the webhook
# load (2) again, then 7-9.
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-all}"
case "$steps" in all|outbox) ;; *) echo "usage: bench/run.sh [all|outbox]" >&2; exit 2 ;; esac
step() { [ "$steps" = all ] || [[ ",$1," == *",$steps,"* ]]; } # $1 = the selections a step belongs to

if step browser && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y --no-install-recommends chromium
fi

dotnet build -c Release Winnerr.Sms.App >/dev/null
dotnet build -c Release bench/Winnerr.Sms.Bench >/dev/null
bench="dotnet bench/Winnerr.Sms.Bench/bin/Release/net10.0/Winnerr.Sms.Bench.dll"
work="$(mktemp -d)"
token="bench-auth-token"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

wait_for() { for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }

start_app() { # $1 = database file, $2 = port, then extra VAR=value settings; sets app_pid
  env "${@:3}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
  ConnectionStrings__Sms="Data Source=$1" Twilio__AuthToken="$token" Demo__SeedConversations=false Security__RequireHttps=false \
  Logging__LogLevel__Default=Warning \
    dotnet Winnerr.Sms.App/bin/Release/net10.0/Winnerr.Sms.App.dll >"$work/app-$2.log" 2>&1 &
  app_pid=$!
  pids+=($app_pid)
  wait_for "http://127.0.0.1:$2/phone/sms"
}
stop_app() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
missed() { echo "!! the step above reported a target not met (exit $?)"; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version) SDK; load average $(cut -d" " -f1-3 /proc/loadavg)"

if step all; then
echo "== 1. bare endpoint (Kestrel + form read, no signature, no database): the ceiling"
$bench bare http://127.0.0.1:5302 & pids+=($!)
wait_for http://127.0.0.1:5302/
$bench webhooks http://127.0.0.1:5302 "$token"
fi

if step outbox; then
echo "== 2. signed inbound webhooks into the app, durable in SQLite (WAL, synchronous=FULL)"
start_app "$work/webhooks.db" 5301
$bench webhooks http://127.0.0.1:5301 "$token"
[ "$steps" = all ] || stop_app "$app_pid"
fi

if step all; then
echo "== 3. webhook accepted → thread visible in an open inbox page"
$bench live http://127.0.0.1:5301 "$token" 300

echo "== 4. opening the inbox with 10,000 conversations and 200,000 messages"
$bench seed "$work/inbox.db" 10000 200000
start_app "$work/inbox.db" 5303
$bench open http://127.0.0.1:5303 30

echo "== 5. People search with 50,000 contacts (the page's query, in-process)"
$bench people "$work/people.db" 50000

echo "== 6. One template rendered for 10,000 contacts (the bulk path)"
$bench templates 10000
fi

if step outbox; then
# Status callbacks are held back 10 minutes in 7 and 8 so they do not compete with the sends being measured.
quiet=(Simulator__StatusDelayMilliseconds=600000)

echo "== 7. outbox dispatcher → simulator, pacing off: durable texts/s"
echo "   5,000 texts queued in the database while the app is stopped (queued message + pending outbox row, due now, one sender,"
echo "   5,000 contacts); the figure is the app draining them: simulator accepted (SimulatedProviderMessages row) and SID committed on the message"
$bench outbox-seed "$work/outbox.db" 5000
launched=$(date +%s%3N)
start_app "$work/outbox.db" 5306 Sms__MessagesPerSecond=0 "${quiet[@]}"
$bench outbox-drain "$work/outbox.db" 5000 "$launched" 300 || missed
stop_app "$app_pid"

echo "== 8. pacing at 20/s from one sender for 60 s (1,500 texts queued; stamps = the simulator's accept times)"
$bench outbox-seed "$work/pace.db" 1500
start_app "$work/pace.db" 5307 Sms__MessagesPerSecond=20 "${quiet[@]}"
$bench outbox-pace "$work/pace.db" 20 60 120 || missed
stop_app "$app_pid"

echo "== 9. kill -9 in the middle of 2,000 signed webhooks, restart on the same database, replay all 2,000"
start_app "$work/crash.db" 5308
$bench crash http://127.0.0.1:5308 "$token" 2000 1000 "$app_pid" "$work/acked.txt" || missed
wait "$app_pid" 2>/dev/null || true
start_app "$work/crash.db" 5308
$bench replay http://127.0.0.1:5308 "$token" 2000 "$work/crash.db" "$work/acked.txt" || missed
stop_app "$app_pid"
fi
