#!/usr/bin/env bash
# Compatibility check against the official Losant JavaScript REST client (clients/js).
#
# Assumes the Maven build already ran (CI runs `mvn -B verify` first). Starts the server with
# `mvn liberty:run` in the background (liberty:start alone would create the server but not deploy
# the EAR), on a free port in 9380-9399, with a generated owner token and a fresh H2 database;
# waits for /health/ready; runs `npm ci` and clients/js/compat.js; always stops the server and
# exits with the compat script's exit code.
#
# Environment (optional): JS_CHECK_PORT (else the first free port in 9380-9399),
# JS_CHECK_START_TIMEOUT (seconds, default 180), MVN (default mvn).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN="${MVN:-mvn}"
START_TIMEOUT="${JS_CHECK_START_TIMEOUT:-180}"
WLP="$ROOT/devices-ear/target/liberty/wlp"
SERVER_NAME=devices

log() { echo "[js-client-check] $*"; }

port_free() {
  # Nothing listens and nothing answers on the port.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

PORT="${JS_CHECK_PORT:-}"
if [[ -z "$PORT" ]]; then
  for p in $(seq 9380 9399); do
    if port_free "$p"; then PORT=$p; break; fi
  done
fi
[[ -n "$PORT" ]] || { log "no free port in 9380-9399"; exit 1; }
# HTTPS port: the matching port in 9480-9499 (not served by the check, but must not clash).
HTTPS_PORT=$((PORT + 100))

WORK="$(mktemp -d "${TMPDIR:-/tmp}/js-client-check.XXXXXX")"
OWNER_TOKEN="js-check-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
SERVER_LOG="$WORK/liberty-run.log"
MVN_PID=""

stop_server() {
  local rc=$?
  set +e
  if [[ -n "$MVN_PID" ]]; then
    log "stopping the server"
    if [[ -x "$WLP/bin/server" && -d "$WLP/usr/servers/$SERVER_NAME" ]]; then
      timeout 60 "$WLP/bin/server" stop "$SERVER_NAME" >>"$SERVER_LOG" 2>&1
    fi
    # liberty:run returns once its server stopped; give it a moment, then end the whole group.
    for _ in $(seq 1 30); do
      kill -0 "$MVN_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$MVN_PID" 2>/dev/null; then
      kill -TERM -- "-$MVN_PID" 2>/dev/null
      sleep 5
      kill -KILL -- "-$MVN_PID" 2>/dev/null
    fi
    wait "$MVN_PID" 2>/dev/null
    log "server stopped"
    # Any Liberty JVM of this server still alive (it may have left the process group)?
    local left
    left="$(pgrep -f -- "-jar $WLP/bin/tools/ws-server\\.jar $SERVER_NAME( |\$)" || true)"
    if [[ -n "$left" ]]; then
      log "killing leftover Liberty process(es): $left"
      kill -KILL $left 2>/dev/null
    fi
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

log "starting the server on port $PORT (mvn liberty:run; its log is shown on failure)"
# setsid: mvn and the Liberty JVM it launches get their own process group, so they can be ended
# together whatever happens.
DEVICES_HTTP_PORT="$PORT" \
DEVICES_HTTPS_PORT="$HTTPS_PORT" \
DEVICES_BOOTSTRAP_TOKEN="$OWNER_TOKEN" \
DEVICES_DB_URL="jdbc:h2:$WORK/js/devices" \
  setsid "$MVN" -B -DskipTests -DskipITs liberty:run </dev/null >"$SERVER_LOG" 2>&1 &
MVN_PID=$!

READY_URL="http://localhost:$PORT/health/ready"
deadline=$((SECONDS + START_TIMEOUT))
until curl -fsS -m 5 "$READY_URL" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$MVN_PID" 2>/dev/null; then
    log "liberty:run exited before the server was ready; its log:"
    tail -n 80 "$SERVER_LOG"
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    log "server not ready after ${START_TIMEOUT}s; its log:"
    tail -n 80 "$SERVER_LOG"
    exit 1
  fi
  sleep 2
done
log "server ready at http://localhost:$PORT/"

cd "$ROOT/clients/js"
CI=true npm ci --no-audit --no-fund --loglevel=error </dev/null

set +e
BASE_URL="http://localhost:$PORT" OWNER_TOKEN="$OWNER_TOKEN" node compat.js </dev/null
status=$?
set -e
if ((status != 0)); then
  log "compat.js failed (exit $status); the server log's last lines:"
  tail -n 60 "$SERVER_LOG"
fi
exit "$status"
