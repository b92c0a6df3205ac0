# Shared shell helpers for the project scripts. Source, don't run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
: "${DATABASE_URL:=postgres://postgres@127.0.0.1:5432}"
export DATABASE_URL

# V8 flags every service runs with (ADR 0019): a 64 MB young-generation semi-space, so
# short-lived per-event objects die in fewer scavenges. deploy/docker/Dockerfile sets the
# same. Appended to NODE_OPTIONS by the scripts that start services or benches.
SERVICE_NODE_OPTIONS="--max-semi-space-size=64"
use_service_node_options() {
  export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }$SERVICE_NODE_OPTIONS"
}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs npm dependencies when node_modules is missing or older than the lock file.
ensure_node_modules() {
  cd "$ROOT"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Makes sure the Postgres server answers; starts the machine's cluster if it is installed but down.
ensure_postgres() {
  if node -e "
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.env.DATABASE_URL + '/postgres', connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));" 2>/dev/null; then
    return 0
  fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    sleep 2
  fi
  node -e "
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.env.DATABASE_URL + '/postgres', connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { console.error('PostgreSQL at', process.env.DATABASE_URL, 'does not answer:', e.message); process.exit(1); });"
}
