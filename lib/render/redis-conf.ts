import { ResolvedRedisCache } from '../model/redis-cache';
import { RenderedFile } from './file';

/** Inputs of {@link renderRedisConf} that do not come from the spec. */
export interface RedisConfInputs {
  /** Where the file goes. */
  readonly path: string;
  /** The password (a Terraform token that resolves to a letters-and-digits value). */
  readonly password: string;
}

/**
 * Renders redis.conf for a cache: password required, `allkeys-lru` under a memory cap (the
 * registry sets no TTLs, so any other policy fills up and fails writes), no persistence.
 * Uses only directives Redis 7.0 understands.
 */
export function renderRedisConf(spec: ResolvedRedisCache, inputs: RedisConfInputs): RenderedFile {
  const lines = [
    '# Redis as the registry blob-descriptor cache (generated).',
    'bind 0.0.0.0',
    `port ${spec.port}`,
    // Reached only on the platform network, and a password is always required.
    'protected-mode no',
    `requirepass ${inputs.password}`,
    `maxmemory ${spec.maxMemoryMb}mb`,
    'maxmemory-policy allkeys-lru',
    'save ""',
    'appendonly no',
    'dir /data',
    'loglevel notice',
    '',
  ];
  return { path: inputs.path, content: lines.join('\n'), mode: '0644' };
}
