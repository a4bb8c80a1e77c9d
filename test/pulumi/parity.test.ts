/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON and recorded inputs are walked freely */
/**
 * Parity: for the same props, every file the Pulumi components hand to a container is
 * byte-identical to what the cdktf constructs synthesize, and every container gets the same
 * settings (image, command, user, environment, networks, ports, volumes, limits, capabilities,
 * health check, restart policy, label names). Engine references are the only difference: in
 * cdktf a Terraform expression (`${jsonencode(random_password.x.result)}`), under Pulumi's mocks a
 * resolved stand-in (`"mock:x:result"`); both are reduced to the attribute they read and how it
 * is encoded (`<json:result>`, `<raw:cert_pem>`) before comparing.
 */
import * as pulumi from '@pulumi/pulumi';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { configureProviders } from '../../lib/constructs/providers';
import { terraformSecret } from '../../lib/constructs/secrets';
import { readNotaryMigrations } from '../../lib/model/notary-migrations-reader';
import * as cdk from '../../lib/patterns';
import * as pl from '../../lib/pulumi';
import { defaultNotaryMigrationsDir } from '../../stacks/trust';
import { plain, runMocked } from '../helpers/pulumi-mocks';
import { TfJson } from '../helpers/synth';

/** One pattern with the same props on both engines. */
interface Case {
  readonly cdktf: (scope: Construct) => void;
  readonly pulumi: () => void;
}

const migrations = readNotaryMigrations(defaultNotaryMigrationsDir());

/** The upstream password: a sensitive variable in cdktf, a secret output under Pulumi. */
function cdkUpstreamPassword(scope: Construct) {
  const v = new TerraformVariable(scope, 'upstream_password', { type: 'string', sensitive: true });
  return terraformSecret(v.stringValue);
}

const CASES: Record<string, Case> = {
  basic: {
    cdktf: (s) => new cdk.BasicRegistry(s, 'basic', { port: 5000 }),
    pulumi: () => new pl.BasicRegistry('basic', { port: 5000 }),
  },
  'basic (registry 3)': {
    cdktf: (s) => new cdk.BasicRegistry(s, 'basic3', { registryVersion: 3 }),
    pulumi: () => new pl.BasicRegistry('basic3', { registryVersion: 3 }),
  },
  secure: {
    cdktf: (s) => new cdk.SecureRegistry(s, 'secure', { users: [{ name: 'admin' }, { name: 'ops' }] }),
    pulumi: () => new pl.SecureRegistry('secure', { users: [{ name: 'admin' }, { name: 'ops' }] }),
  },
  'secure with monitoring (the monitoring stack)': {
    cdktf: (s) => new cdk.SecureRegistry(s, 'mon', { port: 5450, ui: false, monitoring: {} }),
    pulumi: () => new pl.SecureRegistry('mon', { port: 5450, ui: false, monitoring: {} }),
  },
  token: {
    cdktf: (s) => new cdk.TokenRegistry(s, 'token', {}),
    pulumi: () => new pl.TokenRegistry('token', {}),
  },
  'token (registry 3, monitoring)': {
    cdktf: (s) => new cdk.TokenRegistry(s, 'token3', { registryVersion: 3, monitoring: {} }),
    pulumi: () => new pl.TokenRegistry('token3', { registryVersion: 3, monitoring: {} }),
  },
  ha: {
    cdktf: (s) => new cdk.HaRegistry(s, 'ha', { replicas: 3 }),
    pulumi: () => new pl.HaRegistry('ha', { replicas: 3 }),
  },
  'ha with monitoring': {
    cdktf: (s) => new cdk.HaRegistry(s, 'ham', { monitoring: {}, ui: false }),
    pulumi: () => new pl.HaRegistry('ham', { monitoring: {}, ui: false }),
  },
  mirror: {
    cdktf: (s) =>
      new cdk.MirrorRegistry(s, 'mirror', {
        remoteUsername: 'bot',
        remotePassword: cdkUpstreamPassword(s),
        ttl: '24h',
      }),
    pulumi: () =>
      new pl.MirrorRegistry('mirror', {
        remoteUsername: 'bot',
        remotePassword: pl.pulumiSecret(pulumi.secret('mock:user:upstream_password')),
        ttl: '24h',
      }),
  },
  'labs (token auth, monitoring, a shared mirror)': {
    cdktf: (s) =>
      new cdk.ClassLabs(s, 'class', {
        students: ['ana', 'ben'],
        components: { auth: 'token', monitoring: {} },
        mirror: {},
      }),
    pulumi: () =>
      new pl.ClassLabs('class', {
        students: ['ana', 'ben'],
        components: { auth: 'token', monitoring: {} },
        mirror: {},
      }),
  },
  labs: {
    cdktf: (s) => new cdk.ClassLabs(s, 'labs', { students: ['ana', 'ben', 'cy'] }),
    pulumi: () => new pl.ClassLabs('labs', { students: ['ana', 'ben', 'cy'] }),
  },
  trust: {
    cdktf: (s) =>
      new cdk.TrustedRegistry(s, 'trust', { port: 5460, uiPort: 8083, notaryMigrations: migrations }),
    pulumi: () => new pl.TrustedRegistry('trust', { port: 5460, uiPort: 8083, notaryMigrations: migrations }),
  },
};

/** An engine reference reduced to the attribute it reads and its encoding. */
function cdktfText(text: string): string {
  return text
    .replace(/(?<!\$)\$\{jsonencode\(([^}]*)\)\}/g, (_m, ref: string) => `<json:${ref.split('.').pop()}>`)
    .replace(/(?<!\$)\$\{([^}]*)\}/g, (_m, ref: string) => `<raw:${ref.split('.').pop()}>`)
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}
function pulumiText(text: string): string {
  return text
    .replace(/"mock:[^:"\s]+:([a-z_]+)"/g, (_m, attr: string) => `<json:${attr}>`)
    .replace(/mock:[^:"\s]+:([a-z_]+)/g, (_m, attr: string) => `<raw:${attr}>`);
}

/** The settings compared, in one shape for both engines. */
interface Settings {
  image: string;
  command?: string[];
  user?: string;
  env: string[];
  networks: { aliases?: string[] }[];
  ports?: unknown[];
  volumes: unknown[];
  readOnly: boolean;
  memory?: number;
  memorySwap?: number;
  tmpfs?: unknown;
  capabilities: { add: string[]; drop: string[] };
  securityOpts?: string[];
  healthcheck?: unknown;
  wait?: boolean;
  restart?: string;
  mustRun?: boolean;
  start?: boolean;
  networkMode?: string;
  labels: string[];
  files: Record<string, { content: string; permissions: string }>;
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function fromCdktf(c: any): Settings {
  return defined({
    image: cdktfText(c.image),
    command: c.command,
    user: c.user,
    env: (c.env ?? []).map(cdktfText),
    networks: (c.networks_advanced ?? []).map((n: any) => defined({ aliases: n.aliases })),
    ports: c.ports,
    volumes: (c.volumes ?? []).map((v: any) =>
      defined({
        containerPath: v.container_path,
        readOnly: v.read_only,
        volumeName: cdktfText(v.volume_name),
      }),
    ),
    readOnly: c.read_only ?? false,
    memory: c.memory,
    memorySwap: c.memory_swap,
    tmpfs: c.tmpfs,
    capabilities: { add: c.capabilities?.add ?? [], drop: c.capabilities?.drop ?? [] },
    securityOpts: c.security_opts,
    healthcheck:
      c.healthcheck &&
      defined({
        test: c.healthcheck.test,
        interval: c.healthcheck.interval,
        timeout: c.healthcheck.timeout,
        retries: c.healthcheck.retries,
        startPeriod: c.healthcheck.start_period,
      }),
    wait: c.wait,
    restart: c.restart,
    mustRun: c.must_run,
    start: c.start,
    networkMode: c.network_mode,
    labels: (c.labels ?? []).map((l: any) => l.label).sort(),
    files: Object.fromEntries(
      (c.upload ?? []).map((u: any) => [
        u.file,
        { content: cdktfText(u.content), permissions: u.permissions },
      ]),
    ),
  });
}

function fromPulumi(c: any): Settings {
  return defined({
    image: pulumiText(c.image),
    command: c.command,
    user: c.user,
    env: (c.envs ?? []).map(pulumiText),
    networks: (c.networksAdvanced ?? []).map((n: any) => defined({ aliases: n.aliases })),
    ports: c.ports,
    volumes: (c.volumes ?? []).map((v: any) =>
      defined({
        containerPath: v.containerPath,
        readOnly: v.readOnly,
        volumeName: volumeNames.get(v.volumeName) ?? v.volumeName,
      }),
    ),
    readOnly: c.readOnly ?? false,
    memory: c.memory,
    memorySwap: c.memorySwap,
    tmpfs: c.tmpfs,
    capabilities: { add: c.capabilities?.adds ?? [], drop: c.capabilities?.drops ?? [] },
    securityOpts: c.securityOpts,
    healthcheck:
      c.healthcheck &&
      defined({
        test: c.healthcheck.tests,
        interval: c.healthcheck.interval,
        timeout: c.healthcheck.timeout,
        retries: c.healthcheck.retries,
        startPeriod: c.healthcheck.startPeriod,
      }),
    wait: c.wait,
    restart: c.restart,
    mustRun: c.mustRun,
    start: c.start,
    networkMode: c.networkMode,
    labels: (c.labels ?? []).map((l: any) => l.label).sort(),
    files: Object.fromEntries(
      (c.uploads ?? []).map((u: any) => [
        u.file,
        { content: pulumiText(u.content), permissions: u.permissions },
      ]),
    ),
  });
}

/**
 * cdktf mounts a managed volume by reference (`${docker_volume.x.name}`), Pulumi by its resolved
 * name; both are reduced to `<raw:name>` for managed volumes.
 */
const volumeNames = new Map<string, string>();

function cdktfContainers(build: (scope: Construct) => void): Map<string, Settings> {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'parity');
  configureProviders(stack);
  build(stack);
  const tf = JSON.parse(Testing.synth(stack)) as TfJson;
  return new Map(
    Object.values(tf.resource.docker_container ?? {}).map((c) => [c.name as string, fromCdktf(c)]),
  );
}

async function pulumiContainers(build: () => void): Promise<Map<string, Settings>> {
  const { mocks } = await runMocked(build);
  volumeNames.clear();
  for (const v of mocks.ofType('docker:index/volume:Volume')) {
    volumeNames.set(plain(v.inputs.name) as string, '<raw:name>');
  }
  return new Map([...mocks.containers()].map(([name, c]) => [name, fromPulumi(plain(c.inputs))]));
}

describe.each(Object.entries(CASES))('parity: %s', (_name, c) => {
  test('the same containers, each with the same settings and byte-identical files', async () => {
    const fromTf = cdktfContainers(c.cdktf);
    const fromPl = await pulumiContainers(c.pulumi);
    expect([...fromPl.keys()].sort()).toEqual([...fromTf.keys()].sort());
    expect(fromTf.size).toBeGreaterThan(0);
    for (const [name, settings] of fromTf) {
      expect({ name, ...fromPl.get(name) }).toEqual({ name, ...settings });
    }
    // Files were compared, not two empty sets: every pattern hands files to some container.
    const files = [...fromTf.values()].flatMap((s) => Object.keys(s.files));
    expect(files.length).toBeGreaterThan(0);
  });
});
