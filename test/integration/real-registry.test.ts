/**
 * The real registry programs accept every rendered config.yml variant: Debian's docker-registry
 * (distribution 2.8.2) for the 2.x dialect and distribution 3.0.0 built from its Go module for
 * the 3.x dialect (scripts/install-test-programs.sh installs both). Each test starts the program
 * with the rendered file (test-made certificates and htpasswd) and talks to it on 127.0.0.1.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { RegistrySpec, RegistryVersion, resolveRegistrySpec } from '../../lib/model';
import { renderHtpasswd, renderRegistryConfig } from '../../lib/render';
import { makeTestCerts } from '../helpers/certs';
import { freePort, get, waitFor } from '../helpers/net';
import { registryBinary } from '../helpers/programs';

interface Running {
  readonly url: string;
  readonly debugUrl: string;
  readonly caPem: string;
  readonly user: string;
  readonly password: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

async function startRegistry(version: RegistryVersion, spec: RegistrySpec): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), `registry-${version}-`));
  const certs = makeTestCerts(dir);
  const user = 'admin';
  const password = randomBytes(18).toString('base64url');
  const port = await freePort();
  const debugPort = await freePort();
  const data = join(dir, 'data');
  mkdirSync(data);
  const resolved = resolveRegistrySpec(
    {
      ...spec,
      version,
      http: { ...spec.http, port, debug: { port: debugPort } },
      storage: { ...spec.storage, driver: { driver: 'filesystem', rootDirectory: data } },
    },
    'test',
  );
  const paths = {
    config: join(dir, 'config.yml'),
    configDir: dir,
    tlsCertificate: certs.certFile,
    tlsKey: certs.keyFile,
    htpasswd: join(dir, 'htpasswd'),
    tokenRootCertBundle: join(dir, 'token.crt'),
  };
  const config = renderRegistryConfig(resolved, { httpSecret: 'testsecret0123456789', paths });
  writeFileSync(config.path, config.content);
  writeFileSync(
    paths.htpasswd,
    renderHtpasswd(paths.htpasswd, [{ name: user, bcryptHash: hashSync(password, 10) }]).content,
  );

  const proc: ChildProcess = spawn(registryBinary(version), ['serve', config.path], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', OTEL_TRACES_EXPORTER: 'none' },
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const scheme = resolved.http.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`registry ${version} on ${url}`, 15000, async () => {
      if (proc.exitCode !== null) throw new Error(`registry exited with ${proc.exitCode}:\n${out}`);
      await get(`${url}/v2/`, { ca: certs.caPem });
      return true;
    });
  } catch (e) {
    await stop();
    throw new Error(`${String(e)}\n--- registry output ---\n${out}\n--- config ---\n${config.content}`);
  }
  return {
    url,
    debugUrl: `http://127.0.0.1:${debugPort}`,
    caPem: certs.caPem,
    user,
    password,
    output: () => out,
    stop,
  };
}

const SECURE: RegistrySpec = {
  http: { tls: {} },
  auth: { type: 'htpasswd' },
  storage: { deleteEnabled: true },
};

const FULL: RegistrySpec = {
  ...SECURE,
  log: { level: 'debug', formatter: 'json', accessLog: false },
  http: {
    tls: { minimumVersion: 'tls1.2' },
    host: 'https://localhost:5443',
    headers: { 'X-Frame-Options': ['DENY'] },
  },
  storage: {
    deleteEnabled: true,
    cache: 'inmemory',
    uploadPurging: { enabled: true, age: '2h', interval: '30m', dryRun: true },
    readOnly: false,
  },
  health: { storageDriver: true, interval: '5s', threshold: 2 },
  notifications: [
    {
      name: 'audit',
      url: 'http://127.0.0.1:9/events',
      timeout: '500ms',
      threshold: 3,
      backoff: '2s',
      ignoredActions: ['pull'],
    },
  ],
  validation: { denyUrls: ['^https?://evil\\.example/'] },
  catalogMaxEntries: 200,
};

describe.each([2, 3] as const)('registry %i.x runs with the rendered config.yml', (version) => {
  test('basic (no TLS, no auth): /v2/ answers 200 and the debug port serves health and metrics', async () => {
    const r = await startRegistry(version, {});
    try {
      const res = await get(`${r.url}/v2/`);
      expect(res.status).toBe(200);
      expect(res.headers['docker-distribution-api-version']).toBe('registry/2.0');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect((await get(`${r.debugUrl}/debug/health`)).status).toBe(200);
      const metrics = await get(`${r.debugUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.body).toMatch(/^registry_http_/m);
    } finally {
      await r.stop();
    }
  });

  test('secure (TLS + htpasswd): 401 without credentials, 401 with a wrong password, 200 with the user, verified against the CA', async () => {
    const r = await startRegistry(version, SECURE);
    try {
      const anonymous = await get(`${r.url}/v2/`, { ca: r.caPem });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toBe('Basic realm="Registry"');
      expect((await get(`${r.url}/v2/_catalog`, { ca: r.caPem })).status).toBe(401);
      const wrong = await get(`${r.url}/v2/`, {
        ca: r.caPem,
        auth: { user: r.user, password: `${r.password}x` },
      });
      expect(wrong.status).toBe(401);
      const ok = await get(`${r.url}/v2/`, { ca: r.caPem, auth: { user: r.user, password: r.password } });
      expect(ok.status).toBe(200);
      expect(ok.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const catalog = await get(`${r.url}/v2/_catalog`, {
        ca: r.caPem,
        auth: { user: r.user, password: r.password },
      });
      expect(JSON.parse(catalog.body)).toEqual({ repositories: [] });
      // The registry never fell back to making its own htpasswd with a logged password.
      expect(r.output()).not.toMatch(/password for user "docker"|htpasswd.*does not exist/i);
      // An untrusted client is refused by TLS verification itself.
      await expect(get(`${r.url}/v2/`)).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    } finally {
      await r.stop();
    }
  });

  test('full (every section the model renders) starts and serves authenticated requests', async () => {
    const r = await startRegistry(version, FULL);
    try {
      const ok = await get(`${r.url}/v2/`, { ca: r.caPem, auth: { user: r.user, password: r.password } });
      expect(ok.status).toBe(200);
      expect(ok.headers['x-frame-options']).toBe('DENY');
      expect(r.output()).toMatch(/"level":"(info|debug)"/); // the json formatter was read
    } finally {
      await r.stop();
    }
  });

  test('TLS minimum tls1.3 is enforced: a TLS 1.2-only client is refused', async () => {
    const r = await startRegistry(version, { ...SECURE, http: { tls: { minimumVersion: 'tls1.3' } } });
    try {
      await expect(get(`${r.url}/v2/`, { ca: r.caPem, maxVersion: 'TLSv1.2' })).rejects.toThrow(
        /version|alert|handshake/i,
      );
      const ok = await get(`${r.url}/v2/`, { ca: r.caPem, auth: { user: r.user, password: r.password } });
      expect(ok.status).toBe(200);
    } finally {
      await r.stop();
    }
  });
});
