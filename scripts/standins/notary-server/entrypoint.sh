#!/bin/sh
# Stand-in for the notary image's entrypoint.sh (written for POSIX sh): a `-flag` first argument
# runs the image's program with the arguments; anything else runs as given.
set -e
case "${1:-}" in
  -*) exec notary-server "$@" ;;
esac
exec "$@"
