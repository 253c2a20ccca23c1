#!/usr/bin/env bash
# Installs (when missing) and starts RabbitMQ and PostgreSQL on 127.0.0.1 for tests and local runs,
# for machines without a Docker engine. Idempotent: services already answering are left alone.
# Prints the connection settings as shell exports on its last lines (eval-able).
set -euo pipefail

readonly WAIT_SECONDS="${SERVICES_WAIT_SECONDS:-90}"
readonly PG_PASSWORD="${PROVISIONINGBUS_PG_PASSWORD:-provisioningbus}"

log() { printf '[start-services] %s\n' "$*" >&2; }

wait_until() {
  local what="$1"; shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      log "$what did not become ready within ${WAIT_SECONDS}s"; return 1
    fi
    sleep 1
  done
  log "$what is ready"
}

apt_updated=0
ensure_package() {
  local command_name="$1" package="$2"
  if command -v "$command_name" >/dev/null 2>&1 || [[ -x "$command_name" ]]; then return 0; fi
  if (( apt_updated == 0 )); then
    log "apt-get update"; DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; apt_updated=1
  fi
  log "installing $package"
  # An install interrupted earlier leaves dpkg half-configured; finishing it first keeps the machine usable.
  DEBIAN_FRONTEND=noninteractive dpkg --configure -a >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >&2
}

start_rabbitmq() {
  ensure_package rabbitmq-server rabbitmq-server
  if rabbitmq-diagnostics -q check_running >/dev/null 2>&1; then log "rabbitmq already running"; return 0; fi
  # Bind to loopback only: nothing outside this machine should reach a test broker.
  mkdir -p /etc/rabbitmq
  if [[ ! -f /etc/rabbitmq/rabbitmq.conf ]] || ! grep -q 'listeners.tcp.default' /etc/rabbitmq/rabbitmq.conf; then
    printf 'listeners.tcp.default = 127.0.0.1:5672\nmanagement.tcp.ip = 127.0.0.1\nloopback_users = none\n' >> /etc/rabbitmq/rabbitmq.conf
  fi
  # The management API lets tests create a virtual host each (isolation) and lets operators see queue depths.
  rabbitmq-plugins --offline enable rabbitmq_management >&2
  log "starting rabbitmq-server"
  rabbitmq-server -detached >&2
  wait_until "rabbitmq" rabbitmq-diagnostics -q check_running
  wait_until "rabbitmq amqp port" bash -c 'exec 3<>/dev/tcp/127.0.0.1/5672'
  wait_until "rabbitmq management api" bash -c 'exec 3<>/dev/tcp/127.0.0.1/15672'
}

start_postgresql() {
  ensure_package pg_ctlcluster postgresql
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  if [[ -z "$version" ]]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
  fi
  if ! pg_isready -h 127.0.0.1 -q 2>/dev/null; then
    log "starting postgresql $version"
    pg_ctlcluster "$version" main start >&2 || true
  fi
  wait_until "postgresql" pg_isready -h 127.0.0.1 -q
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD '${PG_PASSWORD}';\"" >/dev/null
}

start_rabbitmq
start_postgresql

echo "export RABBITMQ_URI=amqp://guest:guest@127.0.0.1:5672/"
echo "export RABBITMQ_MANAGEMENT_URI=http://guest:guest@127.0.0.1:15672/"
echo "export POSTGRES_CONNECTION='Host=127.0.0.1;Port=5432;Username=postgres;Password=${PG_PASSWORD}'"
