import { SpecError } from './errors';

/** The registry major versions this library renders configuration for. */
export type RegistryVersion = 2 | 3;

/** Every supported registry version, in order. */
export const REGISTRY_VERSIONS: readonly RegistryVersion[] = [2, 3];

/**
 * What differs between the `registry:2` and `registry:3` configuration dialects. A file mounted
 * at the other dialect's path is silently ignored by the image, so the path lives here and
 * nowhere else.
 */
export interface RegistryDialect {
  /** The major version. */
  readonly version: RegistryVersion;
  /** Directory the image reads its configuration from. */
  readonly configDir: string;
  /** Full path of the configuration file inside the container. */
  readonly configPath: string;
  /** The official image the dialect is pinned to by default. */
  readonly defaultImage: string;
  /** `redis` block shape: 2.x `addr` + `pool`, 3.x go-redis `addrs` + pool sizes. */
  readonly redisShape: 'v2' | 'v3';
  /** Whether `proxy.ttl` is understood (3.x only). */
  readonly supportsProxyTtl: boolean;
  /** Environment the container needs for this dialect (3.x turns OTEL tracing on by default). */
  readonly environment: Readonly<Record<string, string>>;
}

const DIALECTS: Readonly<Record<RegistryVersion, RegistryDialect>> = {
  2: {
    version: 2,
    configDir: '/etc/docker/registry',
    configPath: '/etc/docker/registry/config.yml',
    defaultImage: 'registry:2.8.3',
    redisShape: 'v2',
    supportsProxyTtl: false,
    environment: {},
  },
  3: {
    version: 3,
    configDir: '/etc/distribution',
    configPath: '/etc/distribution/config.yml',
    defaultImage: 'registry:3.0.0',
    redisShape: 'v3',
    supportsProxyTtl: true,
    environment: { OTEL_TRACES_EXPORTER: 'none' },
  },
};

/** Returns the dialect of a registry version, or throws a {@link SpecError} naming `path`. */
export function dialectFor(path: string, version: unknown): RegistryDialect {
  if (version !== 2 && version !== 3) {
    throw new SpecError(path, version, 'allowed: 2 (registry:2.x) or 3 (registry:3.x)');
  }
  return DIALECTS[version];
}

/**
 * Checks that an image reference names a registry of the dialect's major version when it is
 * recognisably the official `registry` image (for example `registry:2.8.3` with version 3 would
 * read its config from the wrong path and silently run with the image's default config).
 */
export function checkImageMatchesDialect(path: string, image: string, dialect: RegistryDialect): void {
  const match = /(^|\/)registry:(\d+)(\.|$)/.exec(image);
  if (match && Number(match[2]) !== dialect.version) {
    throw new SpecError(
      path,
      image,
      `the image is a registry ${match[2]}.x but version is ${dialect.version}; use a registry:${dialect.version}.x image or set version: ${match[2]}`,
    );
  }
}
