#!/bin/sh
# Stand-in for registry:2's entrypoint: a config file argument starts the registry with it.
set -e
case "$1" in
  *.yml|*.yaml) exec /bin/registry serve "$@" ;;
esac
exec "$@"
