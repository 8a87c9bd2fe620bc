#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL cluster, then removes it.
#   bash scripts/with-postgres.sh COMMAND [ARG ...]
# The cluster lives in a fresh temporary folder, listens on a Unix socket
# there only (no TCP port), runs as the `postgres` user when started by root
# (as the caller otherwise), and holds two databases; the command gets:
#   EXPE_CT_REGISTER_URL              postgresql+psycopg://…/expe_ct  (the register)
#   EXPE_CT_PREFECT_DATABASE_URL      postgresql+asyncpg://…/prefect  (a Prefect server's database)
# Works whether Debian's postgresql was there before or was just installed
# by scripts/install-system.sh; never touches the machine's own clusters.
set -euo pipefail
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "PostgreSQL absent : lancez scripts/install-system.sh" >&2
    exit 1
fi
as_owner=()
dir=$(mktemp -d /tmp/expe-ct-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
    as_owner=(runuser -u postgres --)
    chown postgres: "$dir"
fi
stop() {
    "${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
"${as_owner[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log"
"${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null
for db in expe_ct prefect; do
    "${as_owner[@]}" "$pgbin/createdb" -h "$dir" -U postgres "$db"
done
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') de test démarré (socket dans $dir)" >&2
export EXPE_CT_REGISTER_URL="postgresql+psycopg://postgres@/expe_ct?host=$dir"
export EXPE_CT_PREFECT_DATABASE_URL="postgresql+asyncpg://postgres@/prefect?host=$dir"
"$@"
