/**
 * Every other spec the library takes, fuzzed (fixed seed, counted): any value in any field gives
 * the resolved spec or a SpecError naming a property under the one that was changed, never
 * another exception, and an error never shows a literal secret.
 */
import fc from 'fast-check';
import {
  resolveBasicRegistry,
  resolveNotary,
  resolveTrustedRegistry,
  resolveClassLabs,
  resolveGeneratedTls,
  resolveHaRegistry,
  resolveLoadBalancer,
  resolveMirrorRegistry,
  resolvePublish,
  resolveRoles,
  resolveRedisCache,
  resolveSecureRegistry,
  resolveSuppliedTls,
  resolveTokenRegistry,
  resolveTokenServer,
  resolveUsers,
  SpecError,
} from '../../lib/model';

const SEED = 20261124;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const tally: Record<string, number> = {};
afterAll(() => console.log(`other specs fuzzed (seed ${SEED}): ${JSON.stringify(tally)}`));

type Resolver = (path: string, spec: never) => unknown;
const SPECS: [string, Resolver, Record<string, unknown>][] = [
  [
    'token server',
    resolveTokenServer as Resolver,
    {
      registryVersion: 2,
      port: 5001,
      issuer: 'i',
      service: 's',
      tokenLifetimeSeconds: 900,
      tlsMinimumVersion: 'tls1.2',
      roles: [{ name: 'r', grants: [{ repositories: ['*'], actions: ['pull'] }] }],
      users: [{ name: 'u', roles: ['r'] }],
    },
  ],
  [
    'load balancer',
    resolveLoadBalancer as Resolver,
    {
      serverName: 'lb',
      httpsPort: 8443,
      httpPort: 8080,
      tlsMinimumVersion: 'tls1.2',
      maxFails: 2,
      failTimeoutSeconds: 10,
      keepalive: 32,
      timeoutSeconds: 900,
      connectTimeoutSeconds: 3,
      image: 'nginx:1.27-alpine',
      plainHttp: 'redirect',
    },
  ],
  ['redis cache', resolveRedisCache as Resolver, { maxMemoryMb: 256, port: 6379, image: 'redis:7.0-alpine' }],
  ['publish', resolvePublish as Resolver, { port: 5000, bindAddress: '127.0.0.1' }],
  [
    'generated tls',
    resolveGeneratedTls as Resolver,
    {
      hostnames: ['a.lab'],
      serviceNames: ['r'],
      keyAlgorithm: 'ECDSA',
      caValidityDays: 3650,
      serverValidityDays: 397,
      organization: 'Lab',
    },
  ],
  [
    'supplied tls',
    resolveSuppliedTls as Resolver,
    { certificatePem: '-----BEGIN CERTIFICATE-----\nx', privateKeyPem: 'S3cr3tLiteralKey' },
  ],
  [
    'basic pattern',
    ((p: string, s: never) => resolveBasicRegistry(p, s, 'b')) as Resolver,
    { namePrefix: 'b', port: 5000, bindAddress: '127.0.0.1', registryVersion: 2, deleteEnabled: false },
  ],
  [
    'secure pattern',
    ((p: string, s: never) => resolveSecureRegistry(p, s, 's')) as Resolver,
    {
      hostname: 'h',
      extraHostnames: ['x'],
      port: 5443,
      uiPort: 8080,
      users: [{ name: 'admin' }],
      uiImage: 'joxit/docker-registry-ui:2.5.7',
      tlsMinimumVersion: 'tls1.2',
      deleteEnabled: true,
      ui: true,
    },
  ],
  [
    'ha pattern',
    ((p: string, s: never) => resolveHaRegistry(p, s, 'h')) as Resolver,
    {
      hostname: 'h',
      port: 5443,
      httpPort: 5080,
      replicas: 3,
      users: [{ name: 'admin' }],
      redisMaxMemoryMb: 256,
      notifications: [{ name: 'n', url: 'http://x/' }],
      ui: true,
    },
  ],
  [
    'mirror pattern',
    ((p: string, s: never) => resolveMirrorRegistry(p, s, 'm')) as Resolver,
    {
      remoteUrl: 'https://u.lab',
      remoteUsername: 'bot',
      remotePassword: 'S3cr3tLiteralPassword',
      remoteNetwork: 'n',
      ttl: '1h',
      hostname: 'h',
      port: 5444,
      users: [{ name: 'admin' }],
    },
  ],
  [
    'token pattern',
    ((p: string, s: never) => resolveTokenRegistry(p, s, 't')) as Resolver,
    {
      hostname: 'h',
      port: 5446,
      tokenPort: 5447,
      uiPort: 8081,
      roles: [{ name: 'r', grants: [{ repositories: ['*'], actions: ['pull'] }] }],
      users: [{ name: 'u', roles: ['r'] }],
      tokenLifetimeSeconds: 900,
      ui: true,
    },
  ],
  [
    'notary',
    ((p: string, s: never) => resolveNotary(p, s, 'h:5460/')) as Resolver,
    {
      port: 4443,
      logLevel: 'info',
      keyAlgorithm: 'ecdsa',
      passphraseAlias: 'primary',
      gunPrefixes: ['h:5460/'],
      images: { server: 'notary:server-0.7.0' },
      databaseWaitSeconds: 60,
    },
  ],
  [
    'trust pattern',
    ((p: string, s: never) => resolveTrustedRegistry(p, s, 't')) as Resolver,
    { hostname: 'h', port: 5460, uiPort: 8083, notary: { port: 4443 }, users: [{ name: 'admin' }], ui: true },
  ],
  [
    'labs pattern',
    ((p: string, s: never) => resolveClassLabs(p, s, 'c')) as Resolver,
    {
      students: ['ana', 'ben'],
      components: { auth: 'token', ui: true, monitoring: { grafana: false } },
      portRange: { from: 20000, to: 20100 },
      portsPerLab: 5,
      hostname: 'h',
      mirror: { remoteUrl: 'https://u.lab', remoteUsername: 'bot', remotePassword: 'S3cr3tLiteralPassword' },
    },
  ],
];

describe.each(SPECS)('%s', (name, resolve, base) => {
  test('any value in any field: the spec or a SpecError under that field; secrets never shown', () => {
    const fields = [...Object.keys(base), '(whole)'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything({ withNullPrototype: true }), (field, value) => {
        tally[name] = (tally[name] ?? 0) + 1;
        const spec = field === '(whole)' ? value : { ...base, [field]: value };
        try {
          resolve('p', spec as never);
        } catch (e) {
          expect(e).toBeInstanceOf(SpecError);
          const err = e as SpecError;
          expect(err.property.startsWith('p')).toBe(true);
          expect(err.message).not.toMatch(/S3cr3tLiteral/);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('user and role lists', () => {
  test('any list, any entry: resolved or a SpecError under the list', () => {
    const entry = fc.oneof(
      fc.anything({ withNullPrototype: true }),
      fc.record({ name: fc.oneof(fc.string(), fc.anything()), roles: fc.anything() }),
      fc.record({ name: fc.constantFrom('r', 'admin'), grants: fc.anything() }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(entry, { maxLength: 3 }), fc.anything()), (list) => {
        tally.lists = (tally.lists ?? 0) + 1;
        for (const resolve of [
          () => resolveUsers('users', list as never),
          () => resolveRoles('roles', list as never),
        ]) {
          try {
            resolve();
          } catch (e) {
            expect(e).toBeInstanceOf(SpecError);
            expect((e as SpecError).property).toMatch(/^(users|roles)/);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
