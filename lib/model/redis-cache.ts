import { checkInt, checkPort, checkImage, checkSpec } from './checks';

/** A Redis server run as the registry's blob-descriptor cache. */
export interface RedisCacheSpec {
  /** Memory cap in MiB; keys are evicted least-recently-used beyond it. @default 256 */
  readonly maxMemoryMb?: number;
  /** Port inside the container. @default 6379 */
  readonly port?: number;
  /** Image reference. @default 'redis:7.0-alpine' */
  readonly image?: string;
}

/** A Redis cache spec with defaults filled in. */
export type ResolvedRedisCache = Required<RedisCacheSpec>;

/** Validates a Redis cache spec and fills in its defaults. */
export function resolveRedisCache(path: string, given?: RedisCacheSpec): ResolvedRedisCache {
  const spec = checkSpec(path, given) as RedisCacheSpec;
  return {
    maxMemoryMb: checkInt(`${path}.maxMemoryMb`, spec.maxMemoryMb ?? 256, 16, 65536),
    port: checkPort(`${path}.port`, spec.port ?? 6379),
    image: checkImage(`${path}.image`, spec.image ?? 'redis:7.0-alpine'),
  };
}
