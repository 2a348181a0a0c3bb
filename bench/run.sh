#!/usr/bin/env bash
# Measures the speed targets of the issues on this machine. Not part of the test run: the figures
# go into the issue notes and the README. Every server it starts is on 127.0.0.1 and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
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

start_app() { # $1 = database file, $2 = port
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
  ConnectionStrings__Sms="Data Source=$1" Twilio__AuthToken="$token" Demo__SeedConversations=false Security__RequireHttps=false \
  Logging__LogLevel__Default=Warning \
    dotnet Winnerr.Sms.App/bin/Release/net10.0/Winnerr.Sms.App.dll >"$work/app-$2.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$2/phone/sms"
}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version) SDK"

echo "== 1. bare endpoint (Kestrel + form read, no signature, no database): the ceiling"
$bench bare http://127.0.0.1:5302 & pids+=($!)
wait_for http://127.0.0.1:5302/
$bench webhooks http://127.0.0.1:5302 "$token"

echo "== 2. signed inbound webhooks into the app, durable in SQLite (WAL, synchronous=FULL)"
start_app "$work/webhooks.db" 5301
$bench webhooks http://127.0.0.1:5301 "$token"

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
