import { checkDuration, checkHostname, checkInt, checkList, checkPort } from './checks';
import { checkSecret, SecretRef } from './secret';
import { RegistryDialect } from './dialect';
import { SpecError } from './errors';

/** The Redis server the registry uses as its blob-descriptor cache. */
export interface RedisSpec {
  /** `host:port` of the server (registry 2.x takes exactly one; 3.x takes several). */
  readonly addresses: readonly string[];
  /** Password, a secret reference (a literal would reach the synthesized output). @default none */
  readonly password?: SecretRef;
  /** Database number. @default 0 */
  readonly db?: number;
  /** @default '5s' */
  readonly dialTimeout?: string;
  /** @default '1s' */
  readonly readTimeout?: string;
  /** @default '1s' */
  readonly writeTimeout?: string;
  /** Idle connections kept open. @default 16 */
  readonly maxIdle?: number;
  /** Connections at most (2.x `pool.maxactive`, 3.x `poolsize`). @default 64 */
  readonly maxActive?: number;
  /** Close connections idle this long. @default '300s' */
  readonly idleTimeout?: string;
}

/** Redis settings with defaults filled in. */
export type ResolvedRedis = Required<Omit<RedisSpec, 'password'>> & { readonly password?: SecretRef };

/** Validates the Redis section against the dialect. */
export function resolveRedis(path: string, spec: RedisSpec, dialect: RegistryDialect): ResolvedRedis {
  const addresses = checkList(`${path}.addresses`, spec.addresses, (p, v) => {
    const m = typeof v === 'string' ? /^([^:]+):(\d{1,5})$/.exec(v) : null;
    if (m === null) throw new SpecError(p, v, 'allowed: "host:port", for example "redis:6379"');
    checkHostname(p, m[1]);
    checkPort(p, Number(m[2]));
    return v as string;
  });
  if (addresses.length === 0 || (dialect.redisShape === 'v2' && addresses.length > 1)) {
    throw new SpecError(
      `${path}.addresses`,
      addresses,
      dialect.redisShape === 'v2'
        ? 'registry 2.x takes exactly one address'
        : 'allowed: one or more addresses',
    );
  }
  if (spec.password !== undefined) checkSecret(`${path}.password`, spec.password, 'a Redis password');
  return {
    addresses,
    ...(spec.password !== undefined ? { password: spec.password } : {}),
    db: checkInt(`${path}.db`, spec.db ?? 0, 0, 15),
    dialTimeout: checkDuration(`${path}.dialTimeout`, spec.dialTimeout ?? '5s'),
    readTimeout: checkDuration(`${path}.readTimeout`, spec.readTimeout ?? '1s'),
    writeTimeout: checkDuration(`${path}.writeTimeout`, spec.writeTimeout ?? '1s'),
    maxIdle: checkInt(`${path}.maxIdle`, spec.maxIdle ?? 16, 0, 10000),
    maxActive: checkInt(`${path}.maxActive`, spec.maxActive ?? 64, 1, 10000),
    idleTimeout: checkDuration(`${path}.idleTimeout`, spec.idleTimeout ?? '300s'),
  };
}
