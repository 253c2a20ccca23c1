#!/usr/bin/env bash
# The README's second command: installs and starts what the tests need (RabbitMQ, PostgreSQL), checks the
# compose file, runs every test project and ends with one line `N passed, N failed`.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"
results_dir="$repo_root/artifacts/test-results"
rm -rf "$results_dir" && mkdir -p "$results_dir"

log() { printf '[test] %s\n' "$*" >&2; }

# A broker named by the caller (or a Docker engine for Testcontainers) needs nothing installed here.
if [[ -z "${RABBITMQ_URI:-}" ]] && ! docker info >/dev/null 2>&1; then
  exports="$(bash infra/scripts/start-services.sh)" || { log "could not start RabbitMQ/PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
  eval "$exports"
fi
export RABBITMQ_URI RABBITMQ_MANAGEMENT_URI POSTGRES_CONNECTION 2>/dev/null || true

if ! command -v docker-compose >/dev/null 2>&1; then
  log "installing docker-compose to validate docker-compose.yml"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1; }
fi
# The status-page test renders the page in Debian's headless Chromium.
if [[ ! -x /usr/bin/chromium ]]; then
  log "installing chromium for the status-page test"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; } \
    || log "chromium could not be installed; the status-page test will say so"
fi

compose_failed=0
if command -v docker-compose >/dev/null 2>&1; then
  if docker-compose -f docker-compose.yml config -q; then log "docker-compose.yml is valid"; else log "docker-compose.yml is invalid"; compose_failed=1; fi
else
  log "docker-compose is not installable here; compose file not validated"; compose_failed=1
fi

# The Helm chart is rendered and every object validated offline against the Kubernetes (and KEDA) schemas.
manifests_failed=0
if bash infra/scripts/validate-kubernetes.sh </dev/null; then log "Kubernetes manifests are valid"; else log "Kubernetes manifests are invalid"; manifests_failed=1; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
test_exit=0
if dotnet build ProvisioningBus.sln --configuration Release -nologo -clp:ErrorsOnly; then
  # The list is read up front and each run gets no stdin: a test that runs a tool reading stdin (rabbitmqctl in the
  # broker drills) would otherwise swallow the rest of the list and the run would end early, green.
  mapfile -t projects < <(dotnet sln ProvisioningBus.sln list | grep -E '^tests/.*Tests\.csproj$' | sort)
  # One run per test project with its own TRX file: a shared results folder lets concurrent runs overwrite each other.
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    log "running $name"
    dotnet test "$project" --configuration Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results_dir" \
      </dev/null || test_exit=1
  done
  trx_count=$(find "$results_dir" -name '*.trx' | wc -l)
  if (( trx_count != ${#projects[@]} )); then
    log "expected ${#projects[@]} test result files, found $trx_count"; test_exit=1
  fi
else
  log "build failed"; test_exit=1
fi

passed=0; failed=0
shopt -s nullglob
for trx in "$results_dir"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
  a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
failed=$((failed + compose_failed + manifests_failed))
# A build break or a crashed test host fails `dotnet test` without a failed test in any TRX: count it.
if (( test_exit != 0 && failed == 0 )); then failed=1; fi

echo "${passed} passed, ${failed} failed"
(( failed == 0 )) || exit 1
