/**
 * The real programs accept the rendered nginx.conf and redis.conf: `nginx -t` (Debian nginx
 * 1.22) on every variant, and redis-server 7.0 started with the rendered file.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveLoadBalancer, resolveRedisCache } from '../../lib/model';
import { renderNginxConf, renderRedisConf } from '../../lib/render';
import { filled, testSecret } from '../helpers/secrets';
import { makeTestCerts } from '../helpers/certs';
import { freePort, get, waitFor } from '../helpers/net';
import { start } from '../helpers/processes';
import { Lab } from '../helpers/lab';

function nginxTest(content: string, dir: string): string {
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, content);
  try {
    return execFileSync('nginx', ['-t', '-c', file], { stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const err = e as { stderr?: string };
    throw new Error(`nginx -t refused the rendered file:\n${err.stderr ?? String(e)}\n---\n${content}`);
  }
}

describe('nginx -t accepts every rendered nginx.conf variant', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-t-'));
  chmodSync(dir, 0o755);
  const certs = makeTestCerts(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const variants: [
    string,
    Parameters<typeof resolveLoadBalancer>[1],
    number,
    string | undefined,
    string | undefined,
  ][] = [
    ['one replica, defaults', {}, 1, undefined, undefined],
    ['three replicas, UI, worker user', { serverName: 'registry.lab' }, 3, 'http://ui:80', 'www-data'],
    ['two replicas, the registry served on plain HTTP too', { plainHttp: 'serve' }, 2, undefined, undefined],
    [
      'sixteen replicas, TLS 1.3 only, tuned failover',
      {
        tlsMinimumVersion: 'tls1.3',
        maxFails: 5,
        failTimeoutSeconds: 30,
        keepalive: 8,
        timeoutSeconds: 1800,
      },
      16,
      undefined,
      undefined,
    ],
  ];

  test.each(variants)('%s', (_name, spec, replicas, ui, user) => {
    const file = renderNginxConf(resolveLoadBalancer('lb', spec), {
      path: '/etc/nginx/lb/nginx.conf',
      // nginx resolves upstream names when it loads the file: use addresses that resolve here.
      upstreams: Array.from({ length: replicas }, (_, i) => `127.0.0.1:${15000 + i}`),
      publicHttpsPort: 443,
      certificate: certs.certFile,
      key: certs.keyFile,
      tempDir: dir,
      accessLog: join(dir, 'access.log'),
      ...(ui !== undefined ? { uiUpstream: ui.replace('ui', '127.0.0.1') } : {}),
      ...(user !== undefined ? { user } : {}),
    });
    const out = nginxTest(file.content, dir);
    expect(out).toBe('');
    expect(file.content).toMatch(/^\s+client_max_body_size 0;$/m);
  });
});

describe('redis-server starts with the rendered redis.conf', () => {
  test('password required, allkeys-lru under the memory cap, no persistence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-'));
    const port = await freePort();
    const password = 'RedisPassw0rdForTheTest0123456789';
    const conf = renderRedisConf(resolveRedisCache('redis', { port, maxMemoryMb: 64 }), {
      path: join(dir, 'redis.conf'),
      password: testSecret(password),
    });
    writeFileSync(
      conf.path,
      filled(conf).replace('dir /data', `dir ${dir}`).replace('bind 0.0.0.0', 'bind 127.0.0.1'),
    );
    const redis = start('redis-server', [conf.path]);
    const cli = (...args: string[]): string =>
      execFileSync('redis-cli', ['-p', String(port), '--no-auth-warning', ...args], {
        encoding: 'utf8',
        timeout: 5000,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    try {
      await waitFor('redis', 10000, async () => cli('-a', password, 'ping') === 'PONG');
      expect(cli('ping')).toMatch(/NOAUTH/);
      expect(cli('-a', password, 'config', 'get', 'maxmemory-policy')).toBe('maxmemory-policy\nallkeys-lru');
      expect(cli('-a', password, 'config', 'get', 'maxmemory')).toBe(`maxmemory\n${64 * 1024 * 1024}`);
      expect(cli('-a', password, 'config', 'get', 'save')).toBe('save');
      expect(cli('-a', password, 'config', 'get', 'appendonly')).toBe('appendonly\nno');
    } finally {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("nginx's plain HTTP listener with the rendered file, in front of a real registry", () => {
  const lab = new Lab();
  afterAll(() => lab.close());

  test("plainHttp: 'serve' reaches the registry there (its 401, then 200 with the user); the default redirects", async () => {
    const replica = await lab.registry(2, { auth: { type: 'htpasswd' } });
    const serving = await lab.nginx([`127.0.0.1:${replica.port}`], undefined, { plainHttp: 'serve' });
    const denied = await get(`http://127.0.0.1:${serving.httpPort}/v2/`);
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(denied.headers['docker-distribution-api-version']).toBe('registry/2.0');
    const allowed = await get(`http://127.0.0.1:${serving.httpPort}/v2/`, {
      auth: { user: lab.user, password: lab.password },
    });
    expect(allowed.status).toBe(200);

    const redirecting = await lab.nginx([`127.0.0.1:${replica.port}`]);
    const moved = await get(`http://127.0.0.1:${redirecting.httpPort}/v2/`);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe(`https://127.0.0.1:${redirecting.httpsPort}/v2/`);
  });
});
