#!/usr/bin/env bash
# Times a class of N labs (a stack each, registry only: the e2e app's `class-*` stacks with
# E2E_CLASS_SIZE=N) on the real engine, in the e2e working directory (.e2e, written by
# `npm run e2e`, whose toolchain must have run): `cdktf deploy 'class-*'` to all healthy (cdktf
# returns once every container with a health check is healthy), the same deploy again with no
# change, then `cdktf destroy 'class-*'` and the kept data volumes removed (untimed).
# Prints one line: `labs <N> deploy <s> redeploy <s> destroy <s>`.
#
#   scripts/bench-labs-deploy.sh N
set -euo pipefail
n="${1:?usage: scripts/bench-labs-deploy.sh N (1 to 10)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}/toolchain.env"
[ -f "$root/.e2e/cdktf.json" ] || { echo "no .e2e/cdktf.json: run npm run e2e once first (it writes the e2e app)" >&2; exit 2; }
cd "$root/.e2e"
export E2E_CLASS_SIZE="$n"
cdktf="$root/node_modules/.bin/cdktf"
now() { date +%s.%N; }
t0=$(now)
"$cdktf" deploy 'class-*' --auto-approve >/dev/null
t1=$(now)
"$cdktf" deploy 'class-*' --auto-approve >/dev/null
t2=$(now)
"$cdktf" destroy 'class-*' --auto-approve >/dev/null
t3=$(now)
docker volume ls -q | grep '^class-' | xargs -r docker volume rm >/dev/null
awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
  'BEGIN { printf "labs %d deploy %.1f redeploy %.1f destroy %.1f\n", n, b - a, c - b, d - c }'
