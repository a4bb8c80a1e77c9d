#!/bin/sh
# Stand-in for redis's docker-entrypoint.sh: a *.conf argument starts redis-server with it.
set -e
case "$1" in
  *.conf) exec redis-server "$@" ;;
esac
exec "$@"
