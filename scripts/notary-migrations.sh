#!/usr/bin/env bash
# Unpacks Notary's MySQL migrations (migrations/{server,signer}/mysql) from the vendored notary
# v0.7.0 release ($REGISTRY_PLATFORM_VENDOR, default ../shared/vendor beside the project), its
# checksum verified first, into $CACHE/notary-0.7.0/migrations: where the `trust` stack reads them
# unless NOTARY_MIGRATIONS_DIR says otherwise. The library does not ship Notary's files.
# Idempotent: an unpacked copy is kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
CACHE="${REGISTRY_PLATFORM_CACHE:-$HOME/.cache/registry-platform}"
VENDOR="${REGISTRY_PLATFORM_VENDOR:-$here/../../shared/vendor}"
tarball="notary-0.7.0.tar.gz"
dest="$CACHE/notary-0.7.0"
fail() { echo "notary-migrations: $*" >&2; exit 1; }
if [ -f "$dest/migrations/server/mysql/0005_changefeed.up.sql" ] && [ -f "$dest/migrations/signer/mysql/0002_gun_role_on_keys.up.sql" ]; then
  echo "notary migrations: present in $dest/migrations"
  exit 0
fi
[ -f "$VENDOR/SHA256SUMS" ] || fail "no $VENDOR/SHA256SUMS (set REGISTRY_PLATFORM_VENDOR to the folder holding $tarball)"
(cd "$VENDOR" && grep " \*\?$tarball\$" SHA256SUMS | sha256sum -c --quiet -) || fail "checksum of $VENDOR/$tarball does not match"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$VENDOR/$tarball" -C "$tmp" --strip-components=1 notary-0.7.0/migrations notary-0.7.0/LICENSE
mkdir -p "$CACHE"
rm -rf "$dest"
mkdir -p "$dest"
mv "$tmp/migrations" "$tmp/LICENSE" "$dest/"
echo "notary migrations: unpacked into $dest/migrations"
