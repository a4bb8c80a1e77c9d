#!/bin/sh
# Stand-in for the mariadb image's docker-entrypoint.sh (written here, POSIX sh). For mariadbd
# (or a first argument that is a flag): drops from root to mysql (999), and on an empty data
# directory initializes it from the environment, then runs /docker-entrypoint-initdb.d/*.sql and
# *.sh once. Any other command runs as given.
set -eu
case "${1:-}" in -*) set -- mariadbd "$@" ;; esac
case "$1" in mariadbd|mysqld) ;; *) exec "$@" ;; esac

datadir=/var/lib/mysql
if [ "$(id -u)" = 0 ]; then
  chown -R 999:999 "$datadir" /run/mysqld
  exec setpriv --reuid=999 --regid=999 --clear-groups "$0" "$@"
fi

# VAR or the content of VAR_FILE, whichever is set.
file_env() {
  eval "v=\${$1:-}; f=\${$1_FILE:-}"
  if [ -n "$f" ]; then
    [ -z "$v" ] || { echo "entrypoint: both $1 and $1_FILE are set" >&2; exit 1; }
    v="$(cat "$f")"
  fi
  eval "$1=\$v"
}

if [ ! -d "$datadir/mysql" ]; then
  file_env MARIADB_ROOT_PASSWORD
  file_env MARIADB_PASSWORD
  if [ -z "$MARIADB_ROOT_PASSWORD" ] && [ -z "${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:-}" ] && [ -z "${MARIADB_RANDOM_ROOT_PASSWORD:-}" ]; then
    echo "entrypoint: database is uninitialized and no MARIADB_ROOT_PASSWORD(_FILE), MARIADB_ALLOW_EMPTY_ROOT_PASSWORD or MARIADB_RANDOM_ROOT_PASSWORD is set" >&2
    exit 1
  fi
  echo "entrypoint: initializing $datadir"
  mariadb-install-db --datadir="$datadir" --auth-root-authentication-method=normal --skip-test-db \
    --skip-name-resolve --rpm >/dev/null
  sock=/run/mysqld/init.sock
  mariadbd --datadir="$datadir" --skip-networking --socket="$sock" --skip-log-error >/dev/null 2>&1 &
  pid=$!
  i=0
  until mariadb-admin --socket="$sock" -uroot ping >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -lt 60 ] || { echo "entrypoint: server did not start within 60 s" >&2; exit 1; }
    sleep 1
  done
  sql_string() { printf "'%s'" "$(printf '%s' "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/\\\\'/g")"; }
  if [ -n "${MARIADB_RANDOM_ROOT_PASSWORD:-}" ]; then
    MARIADB_ROOT_PASSWORD="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    echo "entrypoint: GENERATED ROOT PASSWORD: $MARIADB_ROOT_PASSWORD"
  fi
  root_host="${MARIADB_ROOT_HOST:-%}"
  {
    echo "SET @@SESSION.SQL_LOG_BIN=0;"
    # Anonymous users would shadow named users for local connections.
    echo "DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost'));"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$MARIADB_ROOT_PASSWORD");"
    if [ "$root_host" != localhost ]; then
      echo "CREATE USER 'root'@$(sql_string "$root_host") IDENTIFIED BY $(sql_string "$MARIADB_ROOT_PASSWORD");"
      echo "GRANT ALL ON *.* TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
    fi
    if [ -n "${MARIADB_DATABASE:-}" ]; then echo "CREATE DATABASE IF NOT EXISTS \`$MARIADB_DATABASE\`;"; fi
    if [ -n "${MARIADB_USER:-}" ]; then
      echo "CREATE USER $(sql_string "$MARIADB_USER")@'%' IDENTIFIED BY $(sql_string "$MARIADB_PASSWORD");"
      if [ -n "${MARIADB_DATABASE:-}" ]; then echo "GRANT ALL ON \`$MARIADB_DATABASE\`.* TO $(sql_string "$MARIADB_USER")@'%';"; fi
    fi
    echo "FLUSH PRIVILEGES;"
  } | mariadb --socket="$sock" -uroot
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sql) echo "entrypoint: running $f"; MYSQL_PWD="$MARIADB_ROOT_PASSWORD" mariadb --socket="$sock" -uroot < "$f" ;;
      *.sh) echo "entrypoint: running $f"; . "$f" ;;
      *) echo "entrypoint: ignoring $f" ;;
    esac
  done
  MYSQL_PWD="$MARIADB_ROOT_PASSWORD" mariadb-admin --socket="$sock" -uroot shutdown
  wait "$pid" || true
  echo "entrypoint: initialized"
fi
exec "$@"
