/* eslint-disable @typescript-eslint/no-explicit-any -- recorded inputs are walked freely */
/**
 * The Pulumi components under Pulumi's own mock runtime (no engine): the component tree (types,
 * names, parents), the container settings, secrets marked secret everywhere they go, a failed
 * job failing the update, and errors that name the prop.
 */
import * as pulumi from '@pulumi/pulumi';
import { SpecError } from '../../lib/model/errors';
import { readNotaryMigrations } from '../../lib/model/notary-migrations-reader';
import { ServicePlan } from '../../lib/plans/service-plan';
import { HardeningPolicyError } from '../../lib/policy';
import * as pl from '../../lib/pulumi';
import { defaultNotaryMigrationsDir } from '../../stacks/trust';
import { thrown } from '../helpers/errors';
import { isSecretValue, plain, runMocked, settled, urn } from '../helpers/pulumi-mocks';

// A migration job that exits 1 failing the program is shown in test/integration/pulumi-package.test.ts,
// in a process of its own: the failure is an unhandled rejection there, as the engine would see it.

const T = (name: string): string => `registry-platform:index:${name}`;

/** Every generated secret ever handed over outside a secret wrapper, as `<where>: <value>`. */
function secretsInClear(value: unknown, where: string, inSecret = false): string[] {
  if (isSecretValue(value)) return secretsInClear((value as { value: unknown }).value, where, true);
  if (typeof value === 'string') {
    return !inSecret && /mock:[^:]+:(result|bcrypt_hash|private_key_pem)/.test(value)
      ? [`${where}: ${value}`]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => secretsInClear(v, `${where}[${i}]`, inSecret));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => secretsInClear(v, `${where}.${k}`, inSecret));
  }
  return [];
}

describe('SecureRegistry under mocks', () => {
  let run: Awaited<ReturnType<typeof runMocked<pl.SecureRegistry>>>;
  beforeAll(async () => {
    run = await runMocked(() => new pl.SecureRegistry('lab', { users: [{ name: 'admin' }] }));
  });

  test('the component tree: types, names and parents are pinned (they are public API)', () => {
    expect(run.urns).toEqual(
      [
        urn([T('SecureRegistry')], 'lab'),
        urn([T('SecureRegistry'), T('PlatformNetwork')], 'lab-network'),
        urn([T('PlatformNetwork'), 'docker:index/network:Network'], 'lab-network-network'),
        urn([T('SecureRegistry'), T('RegistryCertificates')], 'lab-tls'),
        urn([T('RegistryCertificates'), 'tls:index/privateKey:PrivateKey'], 'lab-tls-ca-key'),
        urn([T('RegistryCertificates'), 'tls:index/selfSignedCert:SelfSignedCert'], 'lab-tls-ca'),
        urn([T('RegistryCertificates'), 'tls:index/privateKey:PrivateKey'], 'lab-tls-server-key'),
        urn([T('RegistryCertificates'), 'tls:index/certRequest:CertRequest'], 'lab-tls-server-csr'),
        urn([T('RegistryCertificates'), 'tls:index/locallySignedCert:LocallySignedCert'], 'lab-tls-server'),
        urn([T('SecureRegistry'), T('HtpasswdUsers')], 'lab-users'),
        urn([T('HtpasswdUsers'), 'random:index/randomPassword:RandomPassword'], 'lab-users-password-admin'),
        urn([T('SecureRegistry'), T('Registry')], 'lab-registry'),
        urn([T('Registry'), 'random:index/randomPassword:RandomPassword'], 'lab-registry-http-secret'),
        urn([T('Registry'), 'docker:index/remoteImage:RemoteImage'], 'lab-registry-image'),
        urn([T('Registry'), 'docker:index/volume:Volume'], 'lab-registry-config'),
        urn([T('Registry'), 'docker:index/container:Container'], 'lab-registry-config-carrier'),
        urn([T('Registry'), 'docker:index/container:Container'], 'lab-registry-container'),
        urn([T('SecureRegistry'), T('RegistryUi')], 'lab-ui'),
        urn([T('RegistryUi'), 'docker:index/remoteImage:RemoteImage'], 'lab-ui-image'),
        urn([T('RegistryUi'), 'docker:index/container:Container'], 'lab-ui-container'),
      ].sort(),
    );
  });

  test('the registry container: hardened, read-only, published on 127.0.0.1 only, debug port not published', () => {
    const c = plain(run.mocks.containers().get('lab-registry')!.inputs) as any;
    expect(c.readOnly).toBe(true);
    expect(c.capabilities).toEqual({ drops: ['ALL'] });
    expect(c.securityOpts).toEqual(['no-new-privileges:true']);
    expect(c.restart).toBe('unless-stopped');
    expect(c.ports).toEqual([{ internal: 5000, external: 5443, ip: '127.0.0.1', protocol: 'tcp' }]);
    expect(c.memory).toBe(1024);
    expect(c.memorySwap).toBe(1024);
    expect(c.uploads).toBeUndefined();
    expect(c.networksAdvanced).toEqual([{ name: 'lab-net', aliases: ['registry'] }]);
    expect(c.healthcheck.tests).toEqual([
      'CMD',
      'wget',
      '-q',
      '-O',
      '/dev/null',
      'http://127.0.0.1:5001/debug/health',
    ]);
    expect(c.wait).toBe(true);
    expect(c.volumes).toEqual([
      { volumeName: 'lab-registry-config', containerPath: '/etc/docker/registry', readOnly: true },
      { volumeName: 'lab-registry-data', containerPath: '/var/lib/registry' },
    ]);
    expect(c.labels).toEqual([
      { label: 'org.registry-platform.started-with', value: 'lab-registry-config-carrier-id' },
    ]);
  });

  test('the config carrier is never started, has no network and holds the files', () => {
    const carrier = run.mocks.containers().get('lab-registry-config')!.inputs as any;
    const c = plain(carrier) as any;
    expect(c.start).toBe(false);
    expect(c.networkMode).toBe('none');
    expect(c.capabilities).toEqual({ drops: ['ALL'] });
    expect(c.uploads.map((u: any) => [u.file, u.permissions])).toEqual([
      ['/etc/docker/registry/config.yml', '0640'],
      ['/etc/docker/registry/auth/htpasswd', '0640'],
      ['/etc/docker/registry/certs/server.crt', '0644'],
      ['/etc/docker/registry/certs/server.key', '0600'],
    ]);
    // The files carry the http secret, the bcrypt hashes and the key: the uploads are secret.
    expect(isSecretValue(carrier.uploads)).toBe(true);
    expect(c.uploads[0].content).toContain('secret: "mock:lab-registry-http-secret:result"');
  });

  test('no generated secret is ever handed to a resource outside a secret', () => {
    const leaks = run.mocks.registered.flatMap((r) => secretsInClear(r.inputs, `${r.type} ${r.name}`));
    expect(leaks).toEqual([]);
    // The check sees secrets where they are: the carrier's files hold some.
    const all = run.mocks.registered.flatMap((r) => secretsInClear(plain(r.inputs), r.name));
    expect(all.length).toBeGreaterThan(0);
  });

  test("the pattern's outputs: credentials secret, URLs and paths plain", () => {
    const out = run.outputsOf(urn([T('SecureRegistry')], 'lab'));
    expect(isSecretValue(out.credentials)).toBe(true);
    expect(plain(out.credentials)).toEqual({ admin: 'mock:lab-users-password-admin:result' });
    expect(out.registry_url).toBe('https://localhost:5443');
    expect(out.ui_url).toBe('http://127.0.0.1:8080');
    expect(out.ca_trust_path).toBe('/etc/docker/certs.d/localhost:5443/ca.crt');
    expect(out.data_volume).toBe('lab-registry-data');
  });

  test('generated passwords are secret outputs', async () => {
    expect(await pulumi.isSecret(run.result.users.passwords.admin!)).toBe(true);
    expect(await pulumi.isSecret(run.result.registry.uploads[0]!.content)).toBe(true);
  });
});

describe('HaRegistry under mocks', () => {
  test('replicas share one http secret, Redis password reaches the replicas as a secret, nginx starts after them', async () => {
    const run = await runMocked(() => new pl.HaRegistry('ha', { replicas: 2 }));
    const types = run.urns
      .filter((u) => u.includes(`${T('HaRegistry')}$`))
      .map((u) => u.split('::').pop())
      .sort();
    expect(types).toEqual(
      [
        'ha-http-secret',
        'ha-lb',
        'ha-network',
        'ha-redis',
        'ha-registry-1',
        'ha-registry-2',
        'ha-tls',
        'ha-ui',
        'ha-users',
      ].sort(),
    );
    const passwords = run.mocks.ofType('random:index/randomPassword:RandomPassword').map((r) => r.name);
    expect(passwords.filter((n) => n.includes('http-secret'))).toEqual(['ha-http-secret']);
    const config = (n: number): string =>
      (plain(run.mocks.containers().get(`ha-registry-${n}-config`)!.inputs) as any).uploads[0].content;
    for (const n of [1, 2]) {
      expect(config(n)).toContain('secret: "mock:ha-http-secret:result"');
      expect(config(n)).toContain('password: "mock:ha-redis-password:result"');
    }
    const lb = plain(run.mocks.containers().get('ha-lb')!.inputs) as any;
    expect(lb.labels[0].value).toBe(
      'ha-lb-config-carrier-id,ha-registry-1-container-id,ha-registry-2-container-id,ha-ui-container-id',
    );
    expect(lb.capabilities).toEqual({ drops: ['ALL'], adds: ['CAP_CHOWN', 'CAP_SETGID', 'CAP_SETUID'] });
    expect(run.mocks.registered.flatMap((r) => secretsInClear(r.inputs, r.name))).toEqual([]);
  });
});

describe('TrustedRegistry under mocks', () => {
  const notaryMigrations = readNotaryMigrations(defaultNotaryMigrationsDir());

  test('Notary: the signer never published, the migration job runs once, secrets stay secret', async () => {
    const run = await runMocked(
      () => new pl.TrustedRegistry('trust', { port: 5460, uiPort: 8083, notaryMigrations }),
    );
    const containers = run.mocks.containers();
    expect((plain(containers.get('trust-notary-signer')!.inputs) as any).ports).toBeUndefined();
    expect((plain(containers.get('trust-notary-server')!.inputs) as any).ports).toEqual([
      { internal: 4443, external: 4443, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
    const job = plain(containers.get('trust-notary-migrate')!.inputs) as any;
    expect(job).toMatchObject({ restart: 'no', mustRun: false, attach: true, logs: false });
    expect(job.labels).toContainEqual({ label: 'org.registry-platform.job', value: 'run once' });
    expect(await settled(run.result.notary.migrated)).toBe(0);
    expect(run.urns).toContain(urn([T('TrustedRegistry'), T('SecureRegistry')], 'trust-secure'));
    expect(run.urns).toContain(urn([T('TrustedRegistry'), T('Notary')], 'trust-notary'));
    expect(run.mocks.registered.flatMap((r) => secretsInClear(r.inputs, r.name))).toEqual([]);
  });
});

describe('errors name the prop the user set', () => {
  test('a bad port names <name>.port and shows the value', async () => {
    await runMocked(() => {
      const e = thrown(() => new pl.SecureRegistry('lab', { port: 70000 }));
      expect(e).toBeInstanceOf(SpecError);
      expect(e.message).toContain('lab.port');
      expect(e.message).toContain('70000');
    });
  });

  test('pulumiSecret refuses a literal and never shows it', () => {
    const e = thrown(() =>
      pl.pulumiSecret('hunter2-literal' as unknown as pulumi.Output<string>, 'mirror.remotePassword'),
    );
    expect(e).toBeInstanceOf(SpecError);
    expect(e.message).toContain('mirror.remotePassword');
    expect(e.message).not.toContain('hunter2-literal');
  });

  test('a literal upstream password is refused by the model', async () => {
    await runMocked(() => {
      const e = thrown(
        () => new pl.MirrorRegistry('m', { remoteUsername: 'bot', remotePassword: 'plain' as never }),
      );
      expect(e.message).toContain('m.remotePassword');
      expect(e.message).toContain('pulumiSecret');
      expect(e.message).not.toContain('plain"');
    });
  });
});

describe('the hardening policy under Pulumi', () => {
  const plan = (over: Partial<ServicePlan>): ServicePlan => ({
    name: 'p-svc',
    image: 'registry:2.8.3',
    environment: {},
    aliases: [],
    extraNetworks: [],
    ports: [],
    configDir: '/etc/svc',
    files: [],
    volumes: [],
    tmpfs: {},
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 64,
    healthCheck: { test: ['CMD', 'true'], startPeriod: '5s', waitForHealthy: false },
    ...over,
  });
  const realize = (p: ServicePlan): void => {
    const parent = new pulumi.ComponentResource('test:index:Parent', 'parent');
    const network = new pl.PlatformNetwork('net', { name: 'p-net' }, { parent });
    pl.realizeService(parent, 'svc', p, { network });
  };

  test('a container that breaks a rule is refused, naming the rule and the container', async () => {
    await runMocked(() => {
      let e: Error | undefined;
      try {
        realize(plan({ capabilities: ['SYS_ADMIN'] }));
      } catch (err) {
        e = err as Error;
      }
      expect(e).toBeInstanceOf(HardeningPolicyError);
      if (e === undefined) return;
      expect(e.message).toContain('docker_container "p-svc" (svc-container) breaks RP-5.3');
      expect(e.message).toContain('capabilities.add has SYS_ADMIN');
    });
  });

  test('a writable root without a plan that says why cannot exist; with the reason it passes', async () => {
    await runMocked(() => {
      expect(() =>
        realize(
          plan({ rootFilesystem: { readOnly: false, reason: 'the image rewrites its own files at start' } }),
        ),
      ).not.toThrow();
    });
  });

  test('ports on every interface pass only because the plan asked for them (RP-5.13 stated)', async () => {
    const run = await runMocked(() => new pl.BasicRegistry('open', { bindAddress: '0.0.0.0', port: 5999 }));
    expect((plain(run.mocks.containers().get('open-registry')!.inputs) as any).ports).toEqual([
      { internal: 5000, external: 5999, ip: '0.0.0.0', protocol: 'tcp' },
    ]);
  });
});
