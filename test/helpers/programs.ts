import { existsSync } from 'node:fs';
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
