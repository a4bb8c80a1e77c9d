#!/bin/sh
# Stand-in for nginx's /docker-entrypoint.sh: runs the given command (no template processing).
set -e
exec "$@"
