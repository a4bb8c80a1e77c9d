import { AuthSpec, ResolvedAuth, resolveAuth } from './auth';
import { checkBool, checkImage, checkInt, checkNoNull, checkOneOf, checkSection } from './checks';
import { checkImageMatchesDialect, dialectFor, RegistryDialect, RegistryVersion } from './dialect';
import { SpecError } from './errors';
import { HealthSpec, ResolvedHealth, resolveHealth } from './health';
import { HttpSpec, ResolvedHttp, resolveHttp } from './http';
import {
  ManifestValidationSpec,
  ResolvedManifestValidation,
  resolveManifestValidation,
} from './manifest-validation';
import {
  NotificationEndpointSpec,
  ResolvedNotificationEndpoint,
  resolveNotifications,
} from './notifications';
import { ProxySpec, ResolvedProxy, resolveProxy } from './proxy';
import { RedisSpec, ResolvedRedis, resolveRedis } from './redis';
import { ResolvedStorage, resolveStorage, StorageSpec } from './storage';

/** Registry log settings. */
export interface LogSpec {
  /** @default 'info' */
  readonly level?: 'error' | 'warn' | 'info' | 'debug';
  /** @default 'text' */
  readonly formatter?: 'text' | 'json' | 'logstash';
  /** Write one access-log line per request. @default true */
  readonly accessLog?: boolean;
}

/** Everything that decides one registry deployment's `config.yml`. */
export interface RegistrySpec {
  /** Registry major version: selects the configuration dialect. @default 2 */
  readonly version?: RegistryVersion;
  /** Image reference. @default 'registry:2.8.3' for version 2, 'registry:3.0.0' for version 3 */
  readonly image?: string;
  /** Log settings. @default level info, text, access log on */
  readonly log?: LogSpec;
  /** Storage. @default filesystem on the data volume, delete off, in-memory cache, upload purging on */
  readonly storage?: StorageSpec;
  /** HTTP listener. @default port 5000, no TLS, debug/metrics on 5001 (never published) */
  readonly http?: HttpSpec;
  /** Authentication. @default { type: 'none' } */
  readonly auth?: AuthSpec;
  /** Storage-driver health check, or `false` to turn it off. @default on, every 10s, threshold 3 */
  readonly health?: HealthSpec | false;
  /** Webhooks for registry events. @default none */
  readonly notifications?: readonly NotificationEndpointSpec[];
  /** Manifest URL validation. @default no rules */
  readonly validation?: ManifestValidationSpec;
  /** Pull-through cache of an upstream registry. @default not a proxy */
  readonly proxy?: ProxySpec;
  /** Redis connection for the blob-descriptor cache. @default none */
  readonly redis?: RedisSpec;
  /** Most repositories `/v2/_catalog` returns per page (unbounded was CVE-2023-2253). @default 1000 */
  readonly catalogMaxEntries?: number;
}

/** A registry spec with every default filled in and every field validated. */
export interface ResolvedRegistrySpec {
  readonly dialect: RegistryDialect;
  readonly image: string;
  readonly log: Required<LogSpec>;
  readonly storage: ResolvedStorage;
  readonly http: ResolvedHttp;
  readonly auth: ResolvedAuth;
  readonly health: ResolvedHealth;
  readonly notifications: ResolvedNotificationEndpoint[];
  readonly validation: ResolvedManifestValidation;
  readonly proxy?: ResolvedProxy;
  readonly redis?: ResolvedRedis;
  readonly catalogMaxEntries: number;
}

/**
 * Validates a registry spec and fills in its defaults. `path` prefixes every property name in
 * error messages (for example the construct id).
 * @throws SpecError naming the property, showing the value and saying what is allowed
 */
export function resolveRegistrySpec(given: RegistrySpec = {}, path = 'registry'): ResolvedRegistrySpec {
  checkNoNull(path, given);
  const spec = checkSection(path, given) ?? {};
  const dialect = dialectFor(`${path}.version`, spec.version ?? 2);
  const image = checkImage(`${path}.image`, spec.image ?? dialect.defaultImage);
  checkImageMatchesDialect(`${path}.image`, image, dialect);
  const storage = resolveStorage(`${path}.storage`, spec.storage);
  const redisSpec = checkSection(`${path}.redis`, spec.redis);
  const redis = redisSpec !== undefined ? resolveRedis(`${path}.redis`, redisSpec, dialect) : undefined;
  if (storage.cache === 'redis' && redis === undefined) {
    throw new SpecError(
      `${path}.storage.cache`,
      storage.cache,
      'a redis cache needs the redis section (addresses)',
    );
  }
  const proxySpec = checkSection(`${path}.proxy`, spec.proxy);
  const proxy = proxySpec !== undefined ? resolveProxy(`${path}.proxy`, proxySpec, dialect) : undefined;
  const log = checkSection(`${path}.log`, spec.log) ?? {};
  return {
    dialect,
    image,
    log: {
      level: checkOneOf(`${path}.log.level`, log.level ?? 'info', [
        'error',
        'warn',
        'info',
        'debug',
      ] as const),
      formatter: checkOneOf(`${path}.log.formatter`, log.formatter ?? 'text', [
        'text',
        'json',
        'logstash',
      ] as const),
      accessLog: checkBool(`${path}.log.accessLog`, log.accessLog ?? true),
    },
    storage,
    http: resolveHttp(`${path}.http`, spec.http),
    auth: resolveAuth(`${path}.auth`, checkSection(`${path}.auth`, spec.auth) ?? { type: 'none' }),
    health: resolveHealth(`${path}.health`, spec.health),
    notifications: resolveNotifications(`${path}.notifications`, spec.notifications),
    validation: resolveManifestValidation(
      `${path}.validation`,
      checkSection(`${path}.validation`, spec.validation),
    ),
    ...(proxy ? { proxy } : {}),
    ...(redis ? { redis } : {}),
    catalogMaxEntries: checkInt(`${path}.catalogMaxEntries`, spec.catalogMaxEntries ?? 1000, 1, 100000),
  };
}
