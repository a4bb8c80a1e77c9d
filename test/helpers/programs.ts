import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the real registry programs are; the tests fail (never skip) when one is missing. */
export function registryBinary(version: 2 | 3): string {
  const path =
    version === 2
      ? (process.env.REGISTRY2_BIN ?? '/usr/bin/docker-registry')
      : (process.env.REGISTRY3_BIN ??
        join(
          process.env.REGISTRY_PLATFORM_CACHE ?? join(homedir(), '.cache', 'registry-platform'),
          'registry-3.0.0',
          'registry',
        ));
  if (!existsSync(path)) {
    throw new Error(
      `registry ${version}.x program not found at ${path}: run scripts/install-test-programs.sh`,
    );
  }
  return path;
}

/** Where the docker_auth auth_server built by scripts/install-test-programs.sh is. */
export function dockerAuthBinary(): string {
  if (process.env.DOCKER_AUTH_BIN !== undefined) return process.env.DOCKER_AUTH_BIN;
  const cache = process.env.REGISTRY_PLATFORM_CACHE ?? join(homedir(), '.cache', 'registry-platform');
  const dir = existsSync(cache)
    ? readdirSync(cache)
        .filter((d) => d.startsWith('docker_auth-1.14.0-'))
        .sort()[0]
    : undefined;
  const path =
    dir !== undefined ? join(cache, dir, 'auth_server') : join(cache, 'docker_auth-1.14.0-*', 'auth_server');
  if (!existsSync(path)) {
    throw new Error(`docker_auth program not found at ${path}: run scripts/install-test-programs.sh`);
  }
  return path;
}

/**
 * Where scripts/gocheck (Go's time.ParseDuration, regexp.Compile and yaml.v2, built by
 * scripts/install-test-programs.sh) is: keyed by its sources' checksum, as the script builds it.
 */
export function gocheckBinary(): string {
  const src = join(__dirname, '..', '..', 'scripts', 'gocheck');
  const sum = createHash('sha256')
    .update(Buffer.concat(['main.go', 'go.mod', 'go.sum'].map((f) => readFileSync(join(src, f)))))
    .digest('hex')
    .slice(0, 16);
  const cache = process.env.REGISTRY_PLATFORM_CACHE ?? join(homedir(), '.cache', 'registry-platform');
  const path = join(cache, `gocheck-${sum}`, 'gocheck');
  if (!existsSync(path)) {
    throw new Error(`gocheck program not found at ${path}: run scripts/install-test-programs.sh`);
  }
  return path;
}

/** Where cosign (built by scripts/install-test-programs.sh from its Go module, v2.6.5) is. */
export function cosignBinary(): string {
  const path =
    process.env.COSIGN_BIN ??
    join(
      process.env.REGISTRY_PLATFORM_CACHE ?? join(homedir(), '.cache', 'registry-platform'),
      'cosign-v2.6.5',
      'cosign',
    );
  if (!existsSync(path)) throw new Error(`cosign not found at ${path}: run scripts/install-test-programs.sh`);
  return path;
}
