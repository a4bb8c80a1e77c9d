#!/usr/bin/env bash
# Sets up everything an offline `cdktf deploy` and `npm run e2e` need, on a fresh Debian machine
# or again on a warm one (idempotent; every build is cached under $HOME, keyed by version and
# checksum):
#   1. packages   Debian's Docker engine, debootstrap, chromium, skopeo (+ the test programs);
#   2. engine     reuses a Docker engine that answers, else starts dockerd (vfs) and waits for it;
#   3. terraform  `terraform` from the PATH, else OpenTofu built from its Go module;
#   4. providers  kreuzwerker/docker 3.6.2, hashicorp/tls 4.1.0 and hashicorp/random 3.7.2 built
#                 from the vendored release sources (checksums verified) into a filesystem mirror;
#   5. config     a Terraform CLI config that installs only from that mirror, and a provider lock
#                 file made from it, so cdktf never asks a registry;
#   6. images     the stand-in images under the official names and tags (scripts/standins).
# Writes $CACHE/toolchain.env (shell `export` lines) for the e2e and for your own shell:
#   source ~/.cache/registry-platform/toolchain.env && npx cdktf deploy basic
# Fails with the step's name and the reason; never skips a step.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}"
VENDOR="${REGISTRY_PLATFORM_VENDOR:-$ROOT/../shared/vendor}"
TOFU_VERSION="v1.12.6"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
started=$(date +%s)

fail() { echo "toolchain: step $1: $2" >&2; exit 1; }
tmpdirs=()
cleanup() { [ "${#tmpdirs[@]}" -eq 0 ] || rm -rf "${tmpdirs[@]}"; }
trap cleanup EXIT
step() { echo "== toolchain: $* ($(($(date +%s) - started)) s)"; }
mkdir -p "$CACHE"

# --- 1. packages -------------------------------------------------------------------------------
step "packages"
need=()
for pair in dockerd:docker.io debootstrap:debootstrap chromium:chromium skopeo:skopeo; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing ${need[*]}"
  $SUDO apt-get update -qq || fail packages "'apt-get update' failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || fail packages "'apt-get install ${need[*]}' failed"
fi
command -v go >/dev/null 2>&1 || fail packages "Go is needed to build the providers (the machine's toolchain, not Debian's older golang-go)"
"$ROOT/scripts/install-test-programs.sh" || fail packages "scripts/install-test-programs.sh failed"

# --- 2. engine ---------------------------------------------------------------------------------
step "engine"
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null || fail engine "dockerd is not installed"
  echo "starting dockerd --storage-driver=vfs (log: $CACHE/dockerd.log)"
  $SUDO sh -c "nohup setsid dockerd --storage-driver=vfs >'$CACHE/dockerd.log' 2>&1 &"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || fail engine "dockerd did not answer within 60 s; see $CACHE/dockerd.log"
fi
echo "engine: $(docker version --format 'server {{.Server.Version}}, storage {{.Server.Os}}' 2>/dev/null) ($(docker info --format '{{.Driver}}'))"

# --- 3. terraform ------------------------------------------------------------------------------
step "terraform"
tf_name="terraform"
tf_path=""
if [ "${REGISTRY_PLATFORM_TERRAFORM:-}" != "tofu" ] && command -v terraform >/dev/null 2>&1; then
  tf_path="$(dirname "$(command -v terraform)")"
else
  tf_name="tofu"
  tofu="$CACHE/tofu-${TOFU_VERSION#v}/tofu"
  if [ ! -x "$tofu" ]; then
    echo "building OpenTofu $TOFU_VERSION from its Go module (a few minutes)"
    meta="$(go mod download -json "github.com/opentofu/opentofu@$TOFU_VERSION")" \
      || fail terraform "go mod download github.com/opentofu/opentofu@$TOFU_VERSION failed"
    dir="$(printf '%s\n' "$meta" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
    [ -n "$dir" ] || fail terraform "go mod download gave no module directory"
    work="$(mktemp -d)"; tmpdirs+=("$work")
    cp -r "$dir/." "$work/" && chmod -R u+w "$work"
    mkdir -p "$(dirname "$tofu")"
    (cd "$work" && CGO_ENABLED=0 go build -trimpath -o "$tofu.tmp" ./cmd/tofu) || fail terraform "go build ./cmd/tofu failed"
    mv "$tofu.tmp" "$tofu"
  fi
  tf_path="$(dirname "$tofu")"
fi
echo "$tf_name: $("$tf_path/$tf_name" version 2>/dev/null | head -n1)"

# --- 4. providers ------------------------------------------------------------------------------
step "providers"
MIRROR="$CACHE/terraform-mirror"
PLATFORM="$(go env GOOS)_$(go env GOARCH)"   # the providers are built for this machine
# name tarball-prefix namespace version
providers=(
  "docker terraform-provider-docker kreuzwerker 3.6.2"
  "tls terraform-provider-tls hashicorp 4.1.0"
  "random terraform-provider-random hashicorp 3.7.2"
)
[ -f "$VENDOR/SHA256SUMS" ] || fail providers "no $VENDOR/SHA256SUMS (set REGISTRY_PLATFORM_VENDOR to the vendored sources)"
# Registries a provider address may name: Terraform's, and OpenTofu's for the same providers.
hosts=(registry.terraform.io registry.opentofu.org)
for p in "${providers[@]}"; do
  read -r type prefix ns version <<<"$p"
  tarball="$prefix-$version.tar.gz"
  sum="$(awk -v f="$tarball" '$2 == f || $2 == "*"f {print $1}' "$VENDOR/SHA256SUMS")"
  [ -n "$sum" ] || fail providers "$tarball is not listed in $VENDOR/SHA256SUMS"
  echo "$sum  $VENDOR/$tarball" | sha256sum -c --quiet - || fail providers "checksum of $tarball does not match"
  bin="$CACHE/providers/$type-$version-$PLATFORM-${sum:0:16}/terraform-provider-${type}_v$version"
  if [ ! -x "$bin" ]; then
    echo "building $ns/$type $version from $tarball"
    work="$(mktemp -d)"; tmpdirs+=("$work")
    tar -xzf "$VENDOR/$tarball" -C "$work" || fail providers "cannot unpack $tarball"
    src="$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n1)"
    mkdir -p "$(dirname "$bin")"
    (cd "$src" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$bin.tmp" .) \
      || fail providers "go build of $tarball failed"
    mv "$bin.tmp" "$bin"
  fi
  for host in "${hosts[@]}"; do
    dest="$MIRROR/$host/$ns/$type/$version/$PLATFORM/terraform-provider-${type}_v$version"
    if ! cmp -s "$bin" "$dest" 2>/dev/null; then
      mkdir -p "$(dirname "$dest")" && cp "$bin" "$dest"
    fi
  done
  echo "$ns/$type $version: $bin"
done

# --- 5. CLI config and lock file ---------------------------------------------------------------
step "config"
CLI_CONFIG="$CACHE/terraform.rc"
includes=""
for p in "${providers[@]}"; do
  read -r type _ ns _ <<<"$p"
  for host in "${hosts[@]}"; do includes+="\"$host/$ns/$type\", "; done
done
cat >"$CLI_CONFIG.tmp" <<EOF
# Written by scripts/toolchain.sh: the platform's providers come only from the local mirror.
disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = [${includes%, }]
  }
  direct {
    exclude = [${includes%, }]
  }
}
EOF
mv "$CLI_CONFIG.tmp" "$CLI_CONFIG"
LOCK="$CACHE/terraform.lock.hcl"
lock_work="$(mktemp -d)"; tmpdirs+=("$lock_work")
cat >"$lock_work/main.tf.json" <<'EOF'
{ "terraform": { "required_providers": {
  "docker": { "source": "kreuzwerker/docker", "version": "3.6.2" },
  "tls": { "source": "hashicorp/tls", "version": "4.1.0" },
  "random": { "source": "hashicorp/random", "version": "3.7.2" } } } }
EOF
(cd "$lock_work" && TF_CLI_CONFIG_FILE="$CLI_CONFIG" "$tf_path/$tf_name" providers lock \
  -fs-mirror="$MIRROR" -platform="$PLATFORM" >/dev/null) || fail config "$tf_name providers lock failed"
cp "$lock_work/.terraform.lock.hcl" "$LOCK"
echo "CLI config: $CLI_CONFIG; lock file: $LOCK"

# --- 6. images ---------------------------------------------------------------------------------
step "images"
REGISTRY_PLATFORM_VENDOR="$VENDOR" "$ROOT/scripts/standins/build-images.sh" || fail images "scripts/standins/build-images.sh failed"

cat >"$CACHE/toolchain.env" <<EOF
# Written by scripts/toolchain.sh: source it to run cdktf offline against the local engine.
export TF_CLI_CONFIG_FILE="$CLI_CONFIG"
export TERRAFORM_BINARY_NAME="$tf_name"
export PATH="$tf_path:\$PATH"
export CHECKPOINT_DISABLE=1
export DISABLE_VERSION_CHECK=1
export REGISTRY_PLATFORM_LOCK_FILE="$LOCK"
EOF
step "done: $CACHE/toolchain.env"
