#!/usr/bin/env bash
# Measures the speed targets of the issues on this machine. Not part of the test run: the figures
# go into the issue notes and the README. Every server it starts is on 127.0.0.1 and is stopped at the end.
# `bench/run.sh` runs every step; `bench/run.sh outbox` only the send pipeline's (issue 8): the webhook
# load (2) again, then 7-9; `bench/run.sh inbox` only the inbox's (issue 9): 4, then 10-12;
# `bench/run.sh history` only History's (issue 12): 13-15; `bench/run.sh campaign` only bulk SMS (issue 10): 16-18;
# `bench/run.sh dialer` only the power dialer's (issue 13): 19; `bench/run.sh suggest` only the suggested replies' (issue 11): 20-22.
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-all}"
case "$steps" in all|outbox|inbox|history|campaign|dialer|suggest) ;; *) echo "usage: bench/run.sh [all|outbox|inbox|history|campaign|dialer|suggest]" >&2; exit 2 ;; esac
step() { [ "$steps" = all ] || [[ ",$1," == *",$steps,"* ]]; } # $1 = the selections a step belongs to

if { step inbox || step campaign || step dialer || step suggest; } && ! command -v chromium >/dev/null 2>&1; then
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
  env Ai__Enabled=false "${@:3}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
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

fi

if step inbox; then
echo "== 4. opening the inbox with 10,000 conversations and 200,000 messages (fresh page, signed in; n = 30 after 2 warm-ups)"
$bench seed "$work/inbox.db" 10000 200000
start_app "$work/inbox.db" 5303
$bench open http://127.0.0.1:5303 30
echo "== 4b. inbox search over those 10,000 conversations in Chromium: search input → every shown thread matches (n = 40, nine last names)"
$bench inbox-typing http://127.0.0.1:5303 40
stop_app "$app_pid"
fi

if step all; then

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

if step inbox; then
# Issue 9. Server CPU is the app process's utime + stime (/proc/PID/stat); heap figures come from dotnet-gcdump and
# dotnet-counters (installed into the scratch folder; without them only RSS is read).
tools="$work/tools"
for tool in dotnet-gcdump dotnet-counters; do
  dotnet tool install --tool-path "$tools" "$tool" --version 10.0.750501 >/dev/null || echo "   ($tool could not be installed: RSS only)"
done

echo "== 10. opening the inbox with 200 conversations (thread 1 has 5,000 messages, the others 20)"
$bench seed "$work/small.db" 200 4000 5000
start_app "$work/small.db" 5310
$bench open http://127.0.0.1:5310 30
echo "== 11. opening the 5,000-message conversation: click in the open inbox, and a fresh page at its address (n = 20 each)"
$bench open-thread http://127.0.0.1:5310 20 5000
stop_app "$app_pid"

echo "== 12. live updates: 10 agents (made with the app's \`agents add\`), 2 inbox pages each, 20 signed webhooks/s for 30 s; then 20 pages of one agent"
agents=10
for i in $(seq 1 $agents); do
  env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Sms="Data Source=$work/live.db" Demo__SeedConversations=false Logging__LogLevel__Default=Warning \
    dotnet Winnerr.Sms.App/bin/Release/net10.0/Winnerr.Sms.App.dll agents add --email "agent$i@bench.test" --name "Bench Agent $i" \
    --number "+1500555$(printf %04d $((100 + i)))" --password winnerr-bench-2026 >/dev/null
done
start_app "$work/live.db" 5311 Auth__SignInPermitLimit=100
$bench inbox-live http://127.0.0.1:5311 "$token" "$app_pid" $agents 2 20 30 30 50 "$tools" || missed
stop_app "$app_pid"

echo "== 12b. the floor under that memory: bench/CircuitFloor, a Blazor Server page with one line of text, measured the same way (10 → 20 pages)"
dotnet build -c Release bench/CircuitFloor >/dev/null
ASPNETCORE_URLS="http://127.0.0.1:5312" dotnet bench/CircuitFloor/bin/Release/net10.0/CircuitFloor.dll >"$work/floor.log" 2>&1 &
floor_pid=$!; pids+=($floor_pid)
wait_for http://127.0.0.1:5312/
$bench circuit-floor http://127.0.0.1:5312 "$floor_pid" 10 "$tools"
stop_app "$floor_pid"
fi

if step campaign; then
echo "== 16. the plan for 10,000 recipients (mixed consent, zones from area codes), in Chromium; n = 20 edits after the first"
$bench campaign-seed "$work/plan.db" 10000
start_app "$work/plan.db" 5320
$bench campaign-plan http://127.0.0.1:5320 20 || missed
stop_app "$app_pid"

echo "== 17. a 5,000-recipient campaign paced at 50/s, confirmed in Chromium, with 200 signed inbound webhooks/s meanwhile: 30 s of replies from recipients, then 30 s from unknown numbers"
echo "   (warm-up first, as a running server has had: 20 s of webhooks from unknown numbers, a 100-recipient campaign sent to the end"
echo "   and 10 s of replies to it;"
echo "   the first campaign after a start JIT-compiles ~15,000 methods in its first ~12 s)"
$bench campaign-seed "$work/pace.db" 5000 daytime
start_app "$work/pace.db" 5321 Sms__MessagesPerSecond=50 Simulator__StatusDelayMilliseconds=500
$bench campaign-inbound http://127.0.0.1:5321 "$token" 200 20 warm-up || true
$bench campaign-confirm http://127.0.0.1:5321 "$work/warm.id" bench-warm-up
$bench campaign-check "$work/pace.db" "$(cat "$work/warm.id")" 60 || missed
$bench campaign-inbound http://127.0.0.1:5321 "$token" 200 10 warm-up-replies || true
$bench campaign-confirm http://127.0.0.1:5321 "$work/pace.id"
$bench campaign-inbound http://127.0.0.1:5321 "$token" 200 30 recipients || missed
$bench campaign-inbound http://127.0.0.1:5321 "$token" 200 30 new || missed
$bench outbox-pace "$work/pace.db" 50 90 200 "$(cat "$work/pace.id")" || missed
$bench campaign-check "$work/pace.db" "$(cat "$work/pace.id")" 120 || missed
stop_app "$app_pid"

echo "== 18. kill -9 twice during a 1,000-recipient campaign at 50/s, restart on the same database each time"
$bench campaign-seed "$work/kill.db" 1000 daytime
start_app "$work/kill.db" 5322 Sms__MessagesPerSecond=50
$bench campaign-confirm http://127.0.0.1:5322 "$work/kill.id"
for round in 1 2; do
  sleep 4
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  echo "   kill -9 #$round after $(sqlite3 "$work/kill.db" 'select count(*) from SimulatedProviderMessages' 2>/dev/null || echo '?') texts accepted"
  start_app "$work/kill.db" 5322 Sms__MessagesPerSecond=50
done
$bench campaign-check "$work/kill.db" "$(cat "$work/kill.id")" 120 || missed
stop_app "$app_pid"
fi

if step history; then
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y --no-install-recommends chromium
fi
echo "== 13. History: 1,000,000 messages of one agent (20,000 threads) + 1,000,000 of ten others; the migration, its size, search (first page of 50, in-process, n = 50)"
$bench history "$work/history.db" 50
echo "== 14. History in the browser on that database: search input → first highlighted row visible (n = 40), then signed inbound webhooks into it (FTS5 triggers on)"
start_app "$work/history.db" 5313
$bench history-typing http://127.0.0.1:5313 40
$bench webhooks http://127.0.0.1:5313 "$token"
stop_app "$app_pid"
echo "== 15. what the index costs ingest: 20,000 inbound texts through the writer into a fresh database, without and with the FTS5 triggers, 3 rounds"
$bench history-ingest "$work" 20000 3
fi

if step dialer; then
echo "== 19. power dialer on the simulator (issue 13): 20 calls after 2 warm-ups, each to a busy number; load: $(uptime)"
# The agent's phone rings after the simulator's 150 ms (part of the first figure; DIALER_RING_MS=0 leaves the app's own
# time); the later steps are shortened so calls end fast.
start_app "$work/dialer.db" 5312 Simulator__Calls__RingMilliseconds="${DIALER_RING_MS:-150}" \
  Simulator__Calls__AgentAnswerMilliseconds=100 Simulator__Calls__ContactRingMilliseconds=100
$bench dialer http://127.0.0.1:5312 "$work/dialer.db" 20 || missed
stop_app "$app_pid"
echo "   load after: $(uptime)"
fi
if step suggest; then
# Issue 11. Every other step runs with suggestions off (Ai__Enabled=false in start_app); these turn them on.
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
ms() { date +%s%3N; }
serve_ms() { # $1 = port, $2 = launch time; prints ms until the app answers
  until curl -s -o /dev/null "http://127.0.0.1:$1/login"; do sleep 0.05; done; echo $(( $(ms) - $2 ))
}

echo "== 20. suggestion quality on the labelled set (bench/suggestions/eval.jsonl): tune and held-out splits; latency per text in-process"
$bench suggest-eval || missed

echo "== 21. start-up: time to serve and to suggestions ready, and the memory the model adds (app RSS, suggestions off vs on)"
launched=$(ms); start_app "$work/start-off.db" 5320; echo "   suggestions off: serving after $(serve_ms 5320 "$launched") ms"
curl -s -o /dev/null http://127.0.0.1:5320/login; echo "   suggestions off: RSS $(rss "$app_pid") after start-up"
stop_app "$app_pid"
launched=$(ms); start_app "$work/start-on.db" 5321 Ai__Enabled=true Logging__LogLevel__Winnerr.Sms.Core.Suggestions=Information
echo "   suggestions on: serving after $(serve_ms 5321 "$launched") ms, RSS $(rss "$app_pid") while the model loads"
until grep -q "Suggestion model ready" "$work/app-5321.log"; do sleep 0.05; done
echo "   suggestions on: model ready $(( $(ms) - launched )) ms after launch ($(grep -o 'ready in [0-9]* ms' "$work/app-5321.log")), RSS $(rss "$app_pid")"
stop_app "$app_pid"

echo "== 22. inbound text → suggestions visible in an open page (embedded engine); then ingest with suggestions on"
start_app "$work/suggest.db" 5322 Ai__Enabled=true
$bench suggest-live http://127.0.0.1:5322 "$token" 50 || { missed; tail -20 "$work/app-5322.log"; }
echo "   signed webhooks into the same app (model loaded) while an open page gets suggestions for 30 more texts:"
$bench suggest-live http://127.0.0.1:5322 "$token" 30 > "$work/suggest-under-load.txt" 2>&1 & probe=$!
$bench webhooks http://127.0.0.1:5322 "$token"
wait "$probe" || true
sed 's/^/   under load: /' "$work/suggest-under-load.txt"
echo "   app RSS after the load: $(rss "$app_pid")"
stop_app "$app_pid"
fi
