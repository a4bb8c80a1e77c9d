import { ResolvedRedisCache } from '../model/redis-cache';
import { SecretRef } from '../model/secret';
import { RenderedFile } from './file';
import { SecretSlots } from './secret-slots';

/** Inputs of {@link renderRedisConf} that do not come from the spec. */
export interface RedisConfInputs {
  /** Where the file goes. */
  readonly path: string;
  /** The password, a secret that resolves to letters and digits (written as is). */
  readonly password: SecretRef;
}

/**
 * Renders redis.conf for a cache: password required, `allkeys-lru` under a memory cap (the
 * registry sets no TTLs, so any other policy fills up and fails writes), no persistence.
 * Uses only directives Redis 7.0 understands.
 */
export function renderRedisConf(spec: ResolvedRedisCache, inputs: RedisConfInputs): RenderedFile {
  const slots = new SecretSlots();
  const lines = [
    '# Redis as the registry blob-descriptor cache (generated).',
    'bind 0.0.0.0',
    `port ${spec.port}`,
    // Reached only on the platform network, and a password is always required.
    'protected-mode no',
    `requirepass ${slots.place('requirepass', inputs.password, 'raw')}`,
    `maxmemory ${spec.maxMemoryMb}mb`,
    'maxmemory-policy allkeys-lru',
    'save ""',
    'appendonly no',
    'dir /data',
    'loglevel notice',
    '',
  ];
  return slots.file(inputs.path, lines.join('\n'), '0644');
}
