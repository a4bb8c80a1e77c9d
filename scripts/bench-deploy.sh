#!/usr/bin/env bash
# Times one stack's life with the real cdktf CLI in the e2e working directory (.e2e, written by
# `npm run e2e`, whose toolchain must have run): `cdktf deploy` (it returns once the containers
# with health checks are healthy), `cdktf diff` (which must say "No changes."), `cdktf destroy`.
# Prints one line: `<stack> deploy <s> diff <s> destroy <s>`. Leaves the kept data volumes, unless
# `--fresh` is given: then it removes them after the destroy (untimed), so that every run starts
# empty (the `trust` stack needs that: a kept Notary database is tied to the secrets of the state
# that created it).
#
#   scripts/bench-deploy.sh basic|secure|ha|trust [--fresh]
set -euo pipefail
stack="${1:?usage: scripts/bench-deploy.sh STACK [--fresh]}"
fresh="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}/toolchain.env"
cd "$root/.e2e"
cdktf="$root/node_modules/.bin/cdktf"
now() { date +%s.%N; }
t0=$(now)
"$cdktf" deploy "$stack" --auto-approve >/dev/null
t1=$(now)
plan="$("$cdktf" diff "$stack")" # read whole: cdktf dies of EPIPE when its reader stops early
grep -q "No changes\." <<<"$plan" || { echo "the plan after deploy is not empty:" >&2; echo "$plan" >&2; exit 1; }
t2=$(now)
"$cdktf" destroy "$stack" --auto-approve >/dev/null
t3=$(now)
if [ "$fresh" = "--fresh" ]; then
  docker volume ls -q | grep "^$stack-" | xargs -r docker volume rm >/dev/null
fi
awk -v s="$stack" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
  'BEGIN { printf "%s deploy %.1f diff %.1f destroy %.1f\n", s, b - a, c - b, d - c }'
