/**
 * Both dialects' rendered `redis` block is really read: registry 2.8.2 (`addr` + `pool`) and
 * 3.0.0 (go-redis `addrs` + pool sizes) with the Redis blob-descriptor cache against the real
 * redis-server, with a password. A block the registry ignored would leave Redis empty.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSecret } from '../helpers/secrets';
import { Lab } from '../helpers/lab';
import { makeOciImage } from '../helpers/oci';

const PASSWORD = 'DialectRedisPassw0rd0123456789';

describe.each([2, 3] as const)('registry %i.x with the Redis cache (real programs)', (version) => {
  const lab = new Lab();
  const work = mkdtempSync(join(tmpdir(), 'redis-dialect-'));
  afterAll(async () => {
    await lab.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('a push fills Redis with blob descriptors', async () => {
    const redis = await lab.redis(PASSWORD);
    const registry = await lab.registry(version, {
      auth: { type: 'htpasswd' },
      http: { tls: {} },
      storage: { cache: 'redis' },
      redis: { addresses: [`127.0.0.1:${redis.port}`], password: testSecret(PASSWORD) },
    });
    makeOciImage(join(work, 'img'), 'v1', 2048);
    const push = await lab.push(join(work, 'img'), 'v1', `localhost:${registry.port}/lab/cached:v1`);
    expect(push.output).toMatch(/Writing manifest/);
    const pull = await lab.pull(`localhost:${registry.port}/lab/cached:v1`, join(work, 'out'), 'v1');
    expect(pull.ok).toBe(true);
    const keys = execFileSync(
      'redis-cli',
      ['-p', String(redis.port), '--no-auth-warning', '-a', PASSWORD, '--scan'],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean);
    expect(keys.some((k) => k.startsWith('blobs::sha256:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('repository::lab/cached::blobs::sha256:'))).toBe(true);
    expect(registry.output()).not.toMatch(/NOAUTH|WRONGPASS|invalid password/i);
  });
});
