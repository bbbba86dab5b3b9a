#!/usr/bin/env bash
# Runs the reference server's test suite against a real PostgreSQL server instead of embedded PGlite.
#
#   DATABASE_URL=postgres://user:pass@host/db examples/server/test/run-postgres.sh   # an existing server
#   sudo examples/server/test/run-postgres.sh                                        # Debian, as root
#
# Without DATABASE_URL, as root on Debian: installs the `postgresql` package when it is missing, starts
# the cluster (and stops it again afterwards if it was down), creates the role and database `portal_test`,
# and runs the suite with DATABASE_URL pointing there. Each test file works in a schema of its own, so the
# files may run in parallel and leave nothing behind.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$repo_root"

role=portal_test
database=portal_test
password=portal_test
started_cluster=""

stop_cluster() {
  if [ -n "$started_cluster" ]; then
    echo "run-postgres: stopping the cluster it started ($started_cluster)"
    pg_ctlcluster $started_cluster stop || true
  fi
}
trap stop_cluster EXIT

if [ -z "${DATABASE_URL:-}" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v pg_isready >/dev/null 2>&1 && pg_isready -q; then
      echo "run-postgres: a PostgreSQL server is running, but creating a role needs root; set DATABASE_URL" >&2
    else
      echo "run-postgres: no PostgreSQL server found, and installing one needs root." >&2
      echo "run-postgres: run as root on Debian, or set DATABASE_URL to a server you can use." >&2
    fi
    exit 1
  fi

  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "run-postgres: PostgreSQL is missing and this is not Debian (no apt-get); set DATABASE_URL" >&2
      exit 1
    fi
    echo "run-postgres: installing PostgreSQL (apt-get install postgresql)"
    install_started=$(date +%s)
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    echo "run-postgres: installed in $(($(date +%s) - install_started)) s"
  fi

  read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
  if [ "$status" != "online" ]; then
    echo "run-postgres: starting cluster $version/$cluster on port $port"
    pg_ctlcluster "$version" "$cluster" start
    started_cluster="$version $cluster"
  fi

  as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
    as_postgres -c "CREATE ROLE $role LOGIN PASSWORD '$password'"
  fi
  if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    as_postgres -c "CREATE DATABASE $database OWNER $role"
  fi
  export DATABASE_URL="postgres://$role:$password@127.0.0.1:$port/$database"
fi

echo "run-postgres: running the server suite on postgres://…@${DATABASE_URL##*@}"
suite_started=$(date +%s)
status=0
# postgres/*.test.ts need a PostgreSQL server (two server processes on one database): only here.
npx tsx --test examples/server/test/*.test.ts examples/server/test/postgres/*.test.ts || status=$?
echo "run-postgres: suite finished in $(($(date +%s) - suite_started)) s (exit $status)"
exit $status
