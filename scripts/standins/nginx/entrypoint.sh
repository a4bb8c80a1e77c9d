#!/bin/sh
# Stand-in for the official nginx image's /docker-entrypoint.sh: when the command is nginx, runs
# the executable /docker-entrypoint.d/*.sh scripts in order first (as the official image does; no
# template or envsubst processing), then runs the command.
set -e
if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
  for f in $(find /docker-entrypoint.d/ -follow -type f -name '*.sh' 2>/dev/null | sort); do
    if [ -x "$f" ]; then
      echo "$0: running $f"
      "$f"
    else
      echo "$0: ignoring $f, not executable"
    fi
  done
fi
exec "$@"
