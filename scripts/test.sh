#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or a developer's: installs what the tests
# need (Chromium for the board tests, redis-server for the cluster tests; npm packages through the build), builds once, runs every
# test project, then the load harness in quick mode. Prints one closing summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null || missing+=(docker-compose)
# The cluster tests start a real redis-server and two node processes on loopback ports.
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)…"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# kubectl is not in Debian's archive (its kubernetes-client is 1.20, whose kustomize cannot read
# deploy/k8s); the machine image ships kubectl from Google's Cloud SDK packages.
command -v kubectl >/dev/null || { echo "kubectl (1.21 or later) is needed to validate deploy/k8s"; exit 1; }

echo "== deployment files (docker-compose config, kubectl kustomize; offline)"
CHECKOUTWATCH_INGEST_KEY=validation-only-not-a-key docker-compose -f docker-compose.yml config -q
for k in deploy/k8s/base deploy/k8s/overlays/*/; do kubectl kustomize "$k" >/dev/null; done
echo "deployment files: ok"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CheckoutWatch.sln -c Release -warnaserror -nologo -v quiet

results=$(mktemp -d)
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  set +e
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" >"$results/$name.log" 2>&1
  code=$?
  set -e
  # Failures with their messages, then the runner's own summary line.
  grep -E '^\s+Failed |Error Message|^\s+at CheckoutWatch' -A3 "$results/$name.log" | head -60 || true
  grep -E '^(Passed|Failed)!' "$results/$name.log" || tail -5 "$results/$name.log"
  [ "$code" -eq 0 ] || status=1
done

echo "== backtest (generate a log with incidents, replay it: every incident must be found)"
cli=src/CheckoutWatch.Cli/bin/Release/net10.0/checkoutwatch.dll
if dotnet "$cli" generate --seed 7 --minutes 20 --incident all --out "$results/events.ndjson" >/dev/null \
   && dotnet "$cli" backtest "$results/events.ndjson" --out "$results/backtest" >"$results/backtest.txt" \
   && grep -q payment_failure_spike "$results/backtest.txt" && grep -q traffic_drop "$results/backtest.txt" \
   && grep -q stuck_sessions "$results/backtest.txt"; then
  echo "backtest: ok ($(ls "$results/backtest" | wc -l) charts)"
else
  cat "$results/backtest.txt" 2>/dev/null | tail -20
  status=1
fi

echo "== load harness (quick smoke: no request may fail)"
if dotnet run --project loadtests/CheckoutWatch.LoadTests -c Release --no-build -- baseline --quick >"$results/loadtests.log" 2>&1; then
  echo "load harness quick run: ok"
else
  tail -20 "$results/loadtests.log"
  status=1
fi

passed=0 failed=0
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$failed" -eq 0 ] || status=1
echo "Tests: $passed passed, $failed failed"
exit $status
