#!/usr/bin/env bash
# Builds local stand-ins for the official images the stacks pin, from Debian bookworm packages,
# under the same names and tags (no image registry is reachable on these machines). Idempotent:
# each image carries a label with the checksum of its build context, and an image whose label
# matches is kept unless --rebuild is given. See docs/standin-images.md for how each differs from
# the official image. The UI image is built from the vendored Joxit release ($REGISTRY_PLATFORM_VENDOR,
# default ../shared/vendor beside the project), its checksum verified first.
#
#   scripts/standins/build-images.sh [--rebuild]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rebuild="${1:-}"
DOCKER="${DOCKER:-docker}"
CACHE="${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}"
fail() { echo "build-images: $*" >&2; exit 1; }
VENDOR="${REGISTRY_PLATFORM_VENDOR:-$here/../../../shared/vendor}"
have() { [ "$rebuild" != "--rebuild" ] && $DOCKER image inspect "$1" >/dev/null 2>&1; }
# The checksum of a build context: every file's path, mode and content.
context_sum() { (cd "$1" && find . -type f -printf '%p %m\n' | sort && find . -type f -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-16; }

# The Debian mirror this machine's apt already uses (never a hard-coded host).
mirror="$( (sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null || true) | (grep -v security || true) | head -n1)"
[ -n "$mirror" ] || mirror="$(awk '/^deb / && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
[ -n "$mirror" ] || fail "step base: no Debian mirror found in the apt configuration"

if ! have regplat-base:bookworm; then
  command -v debootstrap >/dev/null || fail "step base: debootstrap is not installed"
  root="$(mktemp -d)"
  echo "step base: debootstrap bookworm from $mirror"
  debootstrap --variant=minbase --include=ca-certificates,busybox bookworm "$root" "$mirror" >/dev/null \
    || fail "step base: debootstrap failed"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  chmod 0755 "$root" # mktemp made it 0700: it becomes the image's /, which every user must traverse
  tar -C "$root" -c . | $DOCKER import -c 'CMD ["/bin/sh"]' - regplat-base:bookworm >/dev/null \
    || fail "step base: docker import failed"
  rm -rf "$root"
fi

build() { # tag dir: the key is the context's checksum and the id of the image it starts FROM
  local tag="$1" dir="$2" sum current parent
  parent="$(sed -n 's/^FROM  *\([^ ]*\).*/\1/p' "$dir/Dockerfile" | head -n1)"
  sum="$( (context_sum "$dir"; $DOCKER image inspect -f '{{.Id}}' "$parent" 2>/dev/null || echo "no $parent") | sha256sum | cut -c1-16)"
  current="$($DOCKER image inspect -f '{{index .Config.Labels "org.registry-platform.context"}}' "$tag" 2>/dev/null || true)"
  if [ "$rebuild" != "--rebuild" ] && [ "$current" = "$sum" ]; then echo "image $tag: present (context $sum)"; return; fi
  echo "step $tag: docker build (context $sum)"
  DOCKER_BUILDKIT=0 $DOCKER build -q --label "org.registry-platform.context=$sum" -t "$tag" "$dir" >/dev/null \
    || fail "step $tag: docker build failed"
}

build registry:2.8.3 "$here/registry2"
reg3="$CACHE/registry-3.0.0/registry"
if [ -x "$reg3" ]; then
  ctx="$(mktemp -d)"; cp -r "$here/registry3/." "$ctx/"; cp "$reg3" "$ctx/registry"
  build registry:3.0.0 "$ctx"; rm -rf "$ctx"
else
  fail "step registry:3.0.0: $reg3 is missing; run scripts/install-test-programs.sh first"
fi
build nginx:1.27-alpine "$here/nginx"
auth_server="$(ls -d "$CACHE"/docker_auth-1.14.0-*/auth_server 2>/dev/null | head -n1 || true)"
[ -n "$auth_server" ] && [ -x "$auth_server" ] \
  || fail "step cesanta/docker_auth:1.14.0: no auth_server under $CACHE; run scripts/install-test-programs.sh first"
ctx="$(mktemp -d)"; cp -r "$here/docker_auth/." "$ctx/"; cp "$auth_server" "$ctx/auth_server"
build cesanta/docker_auth:1.14.0 "$ctx"; rm -rf "$ctx"
build redis:7.0-alpine "$here/redis"
build prom/prometheus:v2.42.0 "$here/prometheus"
build prom/alertmanager:v0.25.0 "$here/alertmanager"
build prom/node-exporter:v1.5.0 "$here/node-exporter"
build oliver006/redis_exporter:v1.45.0 "$here/redis-exporter"

ui_tar="docker-registry-ui-2.5.7.tar.gz"
[ -f "$VENDOR/SHA256SUMS" ] || fail "step ui: no $VENDOR/SHA256SUMS (set REGISTRY_PLATFORM_VENDOR)"
(cd "$VENDOR" && grep " \*\?$ui_tar\$" SHA256SUMS | sha256sum -c --quiet -) || fail "step ui: checksum of $ui_tar does not match"
ctx="$(mktemp -d)"
tar -xzf "$VENDOR/$ui_tar" -C "$ctx" --strip-components=1
cp "$here/ui/Dockerfile" "$ctx/Dockerfile"
build joxit/docker-registry-ui:2.5.7 "$ctx"; rm -rf "$ctx"

for role in server signer; do build "notary:$role-0.7.0" "$here/notary-$role"; done
build mariadb:10.11 "$here/mariadb"
