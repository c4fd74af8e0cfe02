#!/usr/bin/env bash
# Starts one CheckoutWatch node on loopback for the load tests and prints its pid.
# Usage: loadtests/scripts/node.sh [port] [silo-port] [gateway-port]
#   NODE_DIR   the built server folder (default src/CheckoutWatch.Server/bin/Release/net10.0;
#              copy it elsewhere first if others rebuild the tree while you measure)
#   STUCK_FIX  1 sets the stuck-payment timeouts to 2 h (the workaround for the timer spin in
#              docs/performance.md, fixed since); 0 (default) keeps the defaults (1 min / 15 min).
# The node logs to $LOG (default /tmp/checkoutwatch-node-<port>.log). Stop it with: kill <pid>.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${1:-5411}"; silo="${2:-11411}"; gateway="${3:-30411}"
dir="${NODE_DIR:-$root/src/CheckoutWatch.Server/bin/Release/net10.0}"
log="${LOG:-/tmp/checkoutwatch-node-$port.log}"
extra=()
if [[ "${STUCK_FIX:-0}" == "1" ]]; then
  extra=(CheckoutWatch__Sessions__PaymentSubmittedTimeout=02:00:00 CheckoutWatch__Sessions__PaymentActionRequiredTimeout=02:00:00)
fi
cd "$dir"
env ASPNETCORE_ENVIRONMENT=Development CheckoutWatch__Demo__Enabled=false \
  CheckoutWatch__Auth__SignInAttemptsPerMinute=1000000 CheckoutWatch__Orleans__SiloPort="$silo" CheckoutWatch__Orleans__GatewayPort="$gateway" \
  CheckoutWatch__Ingest__Keys__0__RequestsPerSecond="${KEY_RPS:-100000}" CheckoutWatch__Ingest__Keys__0__Burst="${KEY_BURST:-100000}" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
  "${extra[@]}" \
  nohup dotnet CheckoutWatch.Server.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if curl -fsS --max-time 2 "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then echo "$pid"; exit 0; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "node exited; see $log" >&2; exit 1; fi
  sleep 1
done
echo "node not ready after 60 s; see $log (pid $pid still running)" >&2; exit 1
