/**
 * The real registry programs accept every rendered config.yml variant: Debian's docker-registry
 * (distribution 2.8.2) for the 2.x dialect and distribution 3.0.0 built from its Go module for
 * the 3.x dialect (scripts/install-test-programs.sh installs both). Each test starts the program
 * with the rendered file (test-made certificates and htpasswd) and talks to it on 127.0.0.1.
 */
import { RegistrySpec, RegistryVersion } from '../../lib/model';
import { Lab, RegistryProcess } from '../helpers/lab';
import { get } from '../helpers/net';

interface Running extends RegistryProcess {
  readonly caPem: string;
  readonly user: string;
  readonly password: string;
  readonly debugUrl: string;
}

/** Starts the real registry with the rendered config in a fresh lab; `stop` ends the lab too. */
async function startRegistry(version: RegistryVersion, spec: RegistrySpec): Promise<Running> {
  const lab = new Lab();
  try {
    const r = await lab.registry(version, spec);
    return {
      ...r,
      caPem: lab.certs.caPem,
      user: lab.user,
      password: lab.password,
      debugUrl: `http://127.0.0.1:${r.debugPort}`,
      stop: () => lab.close(),
    };
  } catch (e) {
    await lab.close();
    throw e;
  }
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
