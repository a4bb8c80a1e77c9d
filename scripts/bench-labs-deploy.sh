#!/usr/bin/env bash
# Times a class of N labs (registry only: the e2e app as the class alone, E2E_APP=class, with
# E2E_CLASS_SIZE=N) on the real engine, in the e2e working directory (.e2e, written by `npm run e2e`, whose toolchain must have
# run): `cdktf deploy` to all healthy (cdktf returns once every container with a health check is
# healthy), the same deploy again with no change, then `cdktf destroy` and the kept data volumes
# removed (untimed).
#   LAYOUT  stacks: a stack per lab (`class-<student>`, deployed as 'class-*'; the default),
#           one: the class in one stack (`class`)
#   INTERVAL  the health check interval (the context key registry-platform:healthcheck), such
#           as 1s; default the library's 10s
# Prints one line: `labs <N> deploy <s> redeploy <s> destroy <s>`.
#
#   scripts/bench-labs-deploy.sh N [LAYOUT [INTERVAL]]
set -euo pipefail
n="${1:?usage: scripts/bench-labs-deploy.sh N (1 to 10) [stacks|one [INTERVAL]]}"
layout="${2:-stacks}"
interval="${3:-}"
case "$layout" in
  stacks) pattern='class-*' ;;
  one) pattern='class' ;;
  *) echo "LAYOUT: got '$layout'; allowed: stacks or one" >&2; exit 2 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}/toolchain.env"
[ -f "$root/.e2e/cdktf.json" ] || { echo "no .e2e/cdktf.json: run npm run e2e once first (it writes the e2e app)" >&2; exit 2; }
cd "$root/.e2e"
export E2E_APP=class E2E_CLASS_SIZE="$n" E2E_CLASS_LAYOUT="$layout" E2E_HEALTHCHECK_INTERVAL="$interval"
cdktf="$root/node_modules/.bin/cdktf"
# Untimed, as the e2e harness does: synthesize, and put the toolchain's provider lock file beside
# every stack (the providers come from the local mirror; cdktf would otherwise lock them online).
node "$root/dist/test/e2e/app.js"
for dir in cdktf.out/stacks/*/; do cp "$REGISTRY_PLATFORM_LOCK_FILE" "$dir.terraform.lock.hcl"; done
now() { date +%s.%N; }
t0=$(now)
"$cdktf" deploy "$pattern" --auto-approve >/dev/null
t1=$(now)
"$cdktf" deploy "$pattern" --auto-approve >/dev/null
t2=$(now)
"$cdktf" destroy "$pattern" --auto-approve >/dev/null
t3=$(now)
docker volume ls -q | grep '^class-' | xargs -r docker volume rm >/dev/null
awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
  'BEGIN { printf "labs %d deploy %.1f redeploy %.1f destroy %.1f\n", n, b - a, c - b, d - c }'
