import {
  resolveLoadBalancer,
  resolveRedisCache,
  resolveRegistrySpec,
  resolveTokenServer,
} from '../../lib/model';
import {
  loadBalancerPlan,
  redisPlan,
  registryPlan,
  ServicePlan,
  tokenServerPlan,
  uiPlan,
} from '../../lib/plans';
import { testSecret } from '../helpers/secrets';

const PEM = { certificatePem: 'CERT', privateKeyPem: testSecret('KEY') };
const PUBLISH = { port: 5443, bindAddress: '127.0.0.1' };

const PLANS: [string, ServicePlan][] = [
  [
    'registry (TLS, htpasswd)',
    registryPlan({
      name: 'r',
      spec: resolveRegistrySpec({ http: { tls: {} }, auth: { type: 'htpasswd' } }),
      aliases: ['registry'],
      extraNetworks: [],
      publish: PUBLISH,
      dataVolumeName: 'r-data',
      httpSecret: testSecret('S'),
      tls: PEM,
      htpasswd: [{ name: 'admin', bcryptHash: testSecret('H') }],
    }),
  ],
  [
    'registry 3 (token)',
    registryPlan({
      name: 'r3',
      spec: resolveRegistrySpec({
        version: 3,
        auth: { type: 'token', realm: 'https://t/auth', service: 's', issuer: 'i' },
      }),
      aliases: ['registry'],
      extraNetworks: ['upstream-net'],
      dataVolumeName: 'r3-data',
      httpSecret: testSecret('S'),
      tokenRootCertBundle: 'BUNDLE',
    }),
  ],
  [
    'redis',
    redisPlan({ name: 'c', spec: resolveRedisCache('c', {}), aliases: ['redis'], password: testSecret('P') }),
  ],
  [
    'load balancer',
    loadBalancerPlan({
      name: 'lb',
      spec: resolveLoadBalancer('lb', {}),
      aliases: ['lb'],
      replicas: [{ host: 'registry-1', port: 5000 }],
      ui: { host: 'ui', port: 80 },
      https: PUBLISH,
      http: { port: 5080, bindAddress: '127.0.0.1' },
      tls: PEM,
    }),
  ],
  [
    'ui (token)',
    uiPlan({
      name: 'ui',
      image: 'joxit/docker-registry-ui:2.5.7',
      settings: { title: 'T', registryUrl: 'https://registry:5000', secured: true, deleteEnabled: true },
      tokenServerUrl: 'https://token-server:5001',
      publish: { port: 8080, bindAddress: '127.0.0.1' },
    }),
  ],
  [
    'token server',
    tokenServerPlan({
      name: 't',
      image: 'cesanta/docker_auth:1.14.0',
      spec: resolveTokenServer('t'),
      aliases: ['token-server'],
      publish: { port: 5447, bindAddress: '127.0.0.1' },
      passwordHashes: {
        admin: testSecret('A'),
        developer: testSecret('D'),
        readonly: testSecret('R'),
        ci: testSecret('C'),
      },
      tls: PEM,
      signing: PEM,
    }),
  ],
];

/** Capabilities any plan may add back (what an nginx master needs to drop to its workers). */
const ALLOWED_CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'];

describe.each(PLANS)('the %s plan', (_name, plan) => {
  test('a read-only root with its files under the config directory, or a stated reason', () => {
    if (plan.rootFilesystem.readOnly) {
      for (const f of plan.files) expect(f.path.startsWith(`${plan.configDir}/`)).toBe(true);
      expect(Object.keys(plan.tmpfs)).toContain('/tmp');
    } else {
      expect(plan.rootFilesystem.reason.length).toBeGreaterThan(20);
    }
  });

  test('adds back only allowed capabilities; publishes only on the given address; keys are 0600', () => {
    for (const c of plan.capabilities) expect(ALLOWED_CAPABILITIES).toContain(c);
    for (const p of plan.ports) expect(p.bindAddress).toBe('127.0.0.1');
    for (const f of plan.files.filter((x) => /\.key$/.test(x.path))) expect(f.mode).toBe('0600');
  });
});

describe('plans decide what the constructs used to', () => {
  const [, registry] = PLANS[0]!;
  const [, registry3] = PLANS[1]!;
  test('registry: the dialect path, every delivered file, data volume, debug health check only inside', () => {
    expect(registry.files.map((f) => f.path)).toEqual([
      '/etc/docker/registry/config.yml',
      '/etc/docker/registry/auth/htpasswd',
      '/etc/docker/registry/certs/server.crt',
      '/etc/docker/registry/certs/server.key',
    ]);
    expect(registry.volumes).toEqual([{ name: 'r-data', containerPath: '/var/lib/registry' }]);
    expect(registry.ports).toEqual([{ containerPort: 5000, hostPort: 5443, bindAddress: '127.0.0.1' }]);
    expect(registry.healthCheck).toEqual({
      test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:5001/debug/health'],
      startPeriod: '10s',
      waitForHealthy: true,
    });
    expect(registry3.files.map((f) => f.path)).toEqual([
      '/etc/distribution/config.yml',
      '/etc/distribution/auth/token-ca.crt',
    ]);
    expect(registry3.environment).toEqual({ OTEL_TRACES_EXPORTER: 'none' });
    expect(registry3.extraNetworks).toEqual(['upstream-net']);
    expect(registry3.ports).toEqual([]);
  });

  test('ui with token auth: its own server configuration and no proxy settings for the start script', () => {
    const [, ui] = PLANS[4]!;
    expect(ui.files.map((f) => f.path)).toEqual(['/etc/nginx/conf.d/default.conf']);
    expect(ui.environment.NGINX_PROXY_PASS_URL).toBeUndefined();
    expect(ui.rootFilesystem.readOnly).toBe(false);
  });
});
