#!/usr/bin/env bash
# Installs the real programs the tests run, on a fresh Debian machine; idempotent and cached.
#  - from Debian: docker-registry (distribution 2.8.2), nginx (1.22), redis-server and redis-cli
#    (7.0), skopeo (1.9, the registry client), openssl (test certificates) and curl (the
#    load balancer benchmark's client);
#  - distribution 3.0.0 built from its Go module, cached under $HOME/.cache/registry-platform;
#  - docker_auth 1.14.0 (the token server) built from its vendored release source
#    ($REGISTRY_PLATFORM_VENDOR, default ../shared/vendor beside the project; the Go module proxy
#    refuses that module), checksum verified, cached under a key of version and tarball checksum;
#  - cosign v2.6.5 built from its Go module (github.com/sigstore/cosign/v2), cached by version;
#  - Notary's migrations unpacked from the vendored notary v0.7.0 release (scripts/notary-migrations.sh);
#  - the npm cache warmed with what a user project installs beside this package (its dependencies
#    and its peers at the tested versions), so the pack-and-install test runs offline.
# Prints where each program is; fails with a message naming the step that failed.
set -euo pipefail

CACHE="${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}"
REGISTRY3_VERSION="v3.0.0"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

fail() { echo "install-test-programs: $*" >&2; exit 1; }

need_apt=()
for pair in docker-registry:docker-registry nginx:nginx redis-server:redis-server redis-cli:redis-tools \
  skopeo:skopeo openssl:openssl curl:curl promtool:prometheus amtool:prometheus-alertmanager; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need_apt+=("${pair#*:}")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "step apt: installing ${need_apt[*]}"
  $SUDO apt-get update -qq || fail "step apt: 'apt-get update' failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || fail "step apt: 'apt-get install ${need_apt[*]}' failed"
fi

# Debian's docker-registry package starts a registry service on :5000 where systemd runs; the tests
# and the basic stack need that port (where no systemd runs, nothing was started).
if [ -d /run/systemd/system ] && systemctl is-active --quiet docker-registry 2>/dev/null; then
  echo "step apt: stopping and disabling Debian's docker-registry service (it holds port 5000)"
  $SUDO systemctl disable --now docker-registry >/dev/null 2>&1 || fail "step apt: cannot stop the docker-registry service"
fi

reg3="$CACHE/registry-${REGISTRY3_VERSION#v}/registry"
if [ ! -x "$reg3" ]; then
  command -v go >/dev/null 2>&1 || fail "step registry3: Go is needed to build distribution $REGISTRY3_VERSION"
  echo "step registry3: building github.com/distribution/distribution/v3/cmd/registry@$REGISTRY3_VERSION (a few minutes)"
  mkdir -p "$(dirname "$reg3")"
  GOBIN="$(dirname "$reg3")" GOFLAGS=-mod=mod go install \
    "github.com/distribution/distribution/v3/cmd/registry@$REGISTRY3_VERSION" \
    || fail "step registry3: go install failed"
fi

DOCKER_AUTH_VERSION="1.14.0"
VENDOR="${REGISTRY_PLATFORM_VENDOR:-$(cd "$(dirname "$0")/../.." && pwd)/shared/vendor}"
da_tar="docker_auth-$DOCKER_AUTH_VERSION.tar.gz"
[ -f "$VENDOR/SHA256SUMS" ] || fail "step docker_auth: no $VENDOR/SHA256SUMS (set REGISTRY_PLATFORM_VENDOR)"
da_sum="$(cd "$VENDOR" && grep " \*\?$da_tar\$" SHA256SUMS | cut -c1-64)"
[ -n "$da_sum" ] || fail "step docker_auth: $da_tar is not listed in $VENDOR/SHA256SUMS"
(cd "$VENDOR" && echo "$da_sum  $da_tar" | sha256sum -c --quiet -) || fail "step docker_auth: checksum of $da_tar does not match"
auth_server="$CACHE/docker_auth-$DOCKER_AUTH_VERSION-${da_sum:0:16}/auth_server"
if [ ! -x "$auth_server" ]; then
  command -v go >/dev/null 2>&1 || fail "step docker_auth: Go is needed to build docker_auth $DOCKER_AUTH_VERSION"
  echo "step docker_auth: building auth_server $DOCKER_AUTH_VERSION from $da_tar (about a minute)"
  src="$(mktemp -d)"
  tar -xzf "$VENDOR/$da_tar" -C "$src" --strip-components=1
  mkdir -p "$(dirname "$auth_server")"
  (cd "$src/auth_server" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath \
    -ldflags "-X main.Version=$DOCKER_AUTH_VERSION -X main.BuildID=vendored-${da_sum:0:16}" \
    -o "$auth_server.tmp" .) || fail "step docker_auth: go build failed"
  mv "$auth_server.tmp" "$auth_server"
  rm -rf "$src"
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
gc_src="$root/scripts/gocheck"
gc_sum="$(cat "$gc_src/main.go" "$gc_src/go.mod" "$gc_src/go.sum" | sha256sum | cut -c1-16)"
gocheck="$CACHE/gocheck-$gc_sum/gocheck"
if [ ! -x "$gocheck" ]; then
  command -v go >/dev/null 2>&1 || fail "step gocheck: Go is needed to build scripts/gocheck"
  echo "step gocheck: building scripts/gocheck (Go's duration, regexp and yaml.v2, for the tests)"
  mkdir -p "$(dirname "$gocheck")"
  (cd "$gc_src" && CGO_ENABLED=0 go build -trimpath -o "$gocheck.tmp" .) || fail "step gocheck: go build failed"
  mv "$gocheck.tmp" "$gocheck"
fi
COSIGN_VERSION="v2.6.5"
cosign="$CACHE/cosign-$COSIGN_VERSION/cosign"
if [ ! -x "$cosign" ]; then
  command -v go >/dev/null 2>&1 || fail "step cosign: Go is needed to build cosign"
  echo "step cosign: building github.com/sigstore/cosign/v2/cmd/cosign@$COSIGN_VERSION (about 3 minutes)"
  mkdir -p "$(dirname "$cosign")"
  GOBIN="$(dirname "$cosign")" CGO_ENABLED=0 go install -trimpath "github.com/sigstore/cosign/v2/cmd/cosign@$COSIGN_VERSION" \
    || fail "step cosign: go install failed"
fi
"$root/scripts/notary-migrations.sh" || fail "step notary-migrations: see the message above"

user_deps="$(node -e '
  const p = require(process.argv[1]);
  const all = { ...p.dependencies, ...Object.fromEntries(Object.keys(p.peerDependencies || {}).map((n) => [n, p.devDependencies[n]])) };
  console.log(Object.entries(all).map(([n, v]) => n + "@" + v).join(" "));
' "$root/package.json")" || fail "step npm-cache: cannot read package.json"
stamp="$CACHE/npm-user-project-$(echo "$user_deps" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "step npm-cache: resolving a user project's install ($user_deps) into the npm cache"
  proj="$(mktemp -d)"
  (cd "$proj" && echo '{"name":"cache-warm","private":true}' > package.json \
    && npm install --no-audit --no-fund --ignore-scripts $user_deps >/dev/null) \
    || fail "step npm-cache: npm install of $user_deps failed"
  rm -rf "$proj"; mkdir -p "$CACHE"; touch "$stamp"
fi

echo "registry 2: $(command -v docker-registry) ($(docker-registry --version 2>&1 | head -n1))"
echo "registry 3: $reg3 ($("$reg3" --version 2>&1 | head -n1))"
echo "openssl: $(openssl version)"
echo "docker_auth: $auth_server"
echo "gocheck: $gocheck"
echo "nginx: $(nginx -v 2>&1)"
echo "redis: $(redis-server --version)"
echo "skopeo: $(skopeo --version)"
echo "promtool: $(promtool --version 2>&1 | head -n1)"
echo "amtool: $(amtool --version 2>&1 | head -n1)"
echo "cosign: $cosign ($("$cosign" version 2>&1 | sed -n 's/^GitVersion: *//p'))"
