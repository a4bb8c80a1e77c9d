import { ResolvedRedisCache } from '../model/redis-cache';
import { SecretRef } from '../model/secret';
import { renderRedisConf } from '../render/redis-conf';
import { ServicePlan } from './service-plan';

/** Where the Redis plan keeps its configuration. */
export const REDIS_CONFIG_DIR = '/usr/local/etc/redis';

/**
 * Plans Redis as the registries' shared cache: the rendered redis.conf (with the password, an
 * engine-supplied value), the image's `redis` user, no persistence (`/data` is a tmpfs), a
 * read-only root, never published; healthy when an authenticated PING answers.
 */
export function redisPlan(input: {
  readonly name: string;
  readonly spec: ResolvedRedisCache;
  readonly aliases: readonly string[];
  readonly password: SecretRef;
}): ServicePlan {
  const file = renderRedisConf(input.spec, {
    path: `${REDIS_CONFIG_DIR}/redis.conf`,
    password: input.password,
  });
  return {
    name: input.name,
    image: input.spec.image,
    user: '999:999',
    command: ['redis-server', file.path],
    environment: {},
    aliases: input.aliases,
    extraNetworks: [],
    ports: [],
    configDir: REDIS_CONFIG_DIR,
    files: [file],
    volumes: [],
    tmpfs: { '/data': 'rw,noexec,nosuid,size=16m', '/tmp': 'rw,noexec,nosuid,size=16m' },
    rootFilesystem: { readOnly: true },
    capabilities: [],
    // maxmemory plus room for Redis itself and its connections.
    memoryMb: input.spec.maxMemoryMb + 64,
    healthCheck: {
      test: [
        'CMD-SHELL',
        `redis-cli -p ${input.spec.port} --no-auth-warning -a "$(sed -n 's/^requirepass //p' ${file.path})" ping | grep -q PONG`,
      ],
      startPeriod: '5s',
      waitForHealthy: false,
    },
  };
}
