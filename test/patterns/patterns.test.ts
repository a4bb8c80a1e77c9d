import { Testing, TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import {
  addPatternOutputs,
  BasicRegistry,
  configureProviders,
  HaRegistry,
  MirrorRegistry,
  SecretRef,
  SecureRegistry,
  SpecError,
  TokenRegistry,
} from '../../lib';
import { BasicStack, HaStack, MirrorStack, SecureStack, TokenStack } from '../../stacks';
import { addresses, containerByName, TfJson, uploadOf } from '../helpers/synth';

/** A user's own stack holding two patterns and a resource of their own. */
function userStack(): { tf: TfJson; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'platform');
  configureProviders(stack);
  const secure = new SecureRegistry(stack, 'prod', { hostname: 'registry.lab', port: 7443, uiPort: 7080 });
  const basic = new BasicRegistry(stack, 'scratch', { port: 7000 });
  addPatternOutputs(stack, secure, 'prod_');
  addPatternOutputs(stack, basic, 'scratch_');
  return { tf: JSON.parse(Testing.synth(stack)) as TfJson, stack };
}

describe('patterns compose in a user stack', () => {
  const { tf } = userStack();

  test('two patterns side by side: their own names, networks and ports, no clash', () => {
    expect(containerByName(tf, 'prod-registry').ports).toEqual([
      { internal: 5000, external: 7443, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
    expect(containerByName(tf, 'prod-ui').ports[0].external).toBe(7080);
    expect(containerByName(tf, 'scratch-registry').ports[0].external).toBe(7000);
    const networks = Object.values(tf.resource.docker_network!).map((n) => n.name);
    expect(networks.sort()).toEqual(['prod-net', 'scratch-net']);
    expect(parse(uploadOf(tf, 'prod-registry', '/etc/docker/registry/config.yml').content).http.host).toBe(
      'https://registry.lab:7443',
    );
  });

  test("addresses carry the pattern's id (a stack's Default child carries none)", () => {
    const all = addresses(tf);
    expect(all.some((a) => a.startsWith('docker_container.prod_registry_container_'))).toBe(true);
    expect(all.some((a) => a.startsWith('docker_container.scratch_registry_container_'))).toBe(true);
    const stackTf = JSON.parse(Testing.synth(new SecureStack(Testing.app(), 'secure'))) as TfJson;
    expect(addresses(stackTf).some((a) => a.startsWith('docker_container.registry_container_'))).toBe(true);
  });

  test('outputs under the prefix the user gave; the passwords stay sensitive', () => {
    expect(Object.keys(tf.output!).sort()).toEqual([
      'prod_ca_certificate',
      'prod_ca_trust_path',
      'prod_credentials',
      'prod_data_volume',
      'prod_registry_url',
      'prod_ui_url',
      'scratch_data_volume',
      'scratch_registry_url',
    ]);
    expect(tf.output!.prod_credentials!.sensitive).toBe(true);
    expect(tf.output!.scratch_registry_url!.value).toBe('http://localhost:7000');
  });
});

/** One bad value per prop, for each pattern as a stack (errors name `<stack>.<prop>`). */
const CASES: [string, () => unknown, string][] = [
  ['basic', () => new BasicStack(Testing.app(), 'basic', { port: 0 }), 'basic.port'],
  ['basic', () => new BasicStack(Testing.app(), 'basic', { bindAddress: 'any' }), 'basic.bindAddress'],
  [
    'basic',
    () => new BasicStack(Testing.app(), 'basic', { registryVersion: 4 as 2 }),
    'basic.registryVersion',
  ],
  [
    'basic',
    () => new BasicStack(Testing.app(), 'basic', { registryVersion: 3, registryImage: 'registry:2.8.3' }),
    'basic.registryImage',
  ],
  ['basic', () => new BasicStack(Testing.app(), 'basic', { namePrefix: '-x' }), 'basic.namePrefix'],
  [
    'basic',
    () => new BasicStack(Testing.app(), 'basic', { deleteEnabled: 'yes' as never }),
    'basic.deleteEnabled',
  ],
  ['secure', () => new SecureStack(Testing.app(), 'secure', { hostname: 'a b' }), 'secure.hostname'],
  [
    'secure',
    () => new SecureStack(Testing.app(), 'secure', { extraHostnames: ['x y'] }),
    'secure.extraHostnames[0]',
  ],
  ['secure', () => new SecureStack(Testing.app(), 'secure', { uiPort: 5443 }), 'secure.uiPort'],
  [
    'secure',
    () => new SecureStack(Testing.app(), 'secure', { users: [{ name: 'a:b' }] }),
    'secure.users[0].name',
  ],
  [
    'secure',
    () => new SecureStack(Testing.app(), 'secure', { tlsMinimumVersion: 'tls1.1' as 'tls1.2' }),
    'secure.tlsMinimumVersion',
  ],
  ['secure', () => new SecureStack(Testing.app(), 'secure', { uiImage: 'a b' }), 'secure.uiImage'],
  [
    'secure',
    () =>
      new SecureStack(Testing.app(), 'secure', {
        tls: { certificatePem: 'not a certificate', privateKeyPem: SecretRef.fromEngine('k') },
      }),
    'secure.tls.certificatePem',
  ],
  ['ha', () => new HaStack(Testing.app(), 'ha', { replicas: 0 }), 'ha.replicas'],
  ['ha', () => new HaStack(Testing.app(), 'ha', { httpPort: 5443 }), 'ha.httpPort'],
  ['ha', () => new HaStack(Testing.app(), 'ha', { redisMaxMemoryMb: 1 }), 'ha.redisMaxMemoryMb'],
  [
    'ha',
    () => new HaStack(Testing.app(), 'ha', { notifications: [{ name: 'h', url: 'ftp://x' }] }),
    'ha.notifications[0].url',
  ],
  [
    'ha',
    () => new HaStack(Testing.app(), 'ha', { users: [{ name: 'ro', roles: ['readonly'] }] }),
    'ha.users[0].roles',
  ],
  ['mirror', () => new MirrorStack(Testing.app(), 'mirror', { remoteUrl: 'upstream' }), 'mirror.remoteUrl'],
  [
    'mirror',
    () => new MirrorStack(Testing.app(), 'mirror', { remoteUsername: 'bot' }),
    'mirror.remotePassword',
  ],
  ['mirror', () => new MirrorStack(Testing.app(), 'mirror', { ttl: 'a week' }), 'mirror.ttl'],
  ['mirror', () => new MirrorStack(Testing.app(), 'mirror', { registryVersion: 2, ttl: '1h' }), 'mirror.ttl'],
  [
    'mirror',
    () => new MirrorStack(Testing.app(), 'mirror', { remoteNetwork: 'a b' }),
    'mirror.remoteNetwork',
  ],
  ['token', () => new TokenStack(Testing.app(), 'token', { tokenPort: 5446 }), 'token.tokenPort'],
  ['token', () => new TokenStack(Testing.app(), 'token', { uiPort: 5447 }), 'token.uiPort'],
  [
    'token',
    () => new TokenStack(Testing.app(), 'token', { users: [{ name: 'x', roles: ['root'] }] }),
    'token.users[0].roles[0]',
  ],
  [
    'token',
    () => new TokenStack(Testing.app(), 'token', { roles: [{ name: 'r', grants: [] }] }),
    'token.roles[0].grants',
  ],
  [
    'token',
    () => new TokenStack(Testing.app(), 'token', { tokenLifetimeSeconds: 1 }),
    'token.tokenLifetimeSeconds',
  ],
  ['token', () => new TokenStack(Testing.app(), 'token', { tokenServerImage: '' }), 'token.tokenServerImage'],
];

describe('a bad prop fails at synth with an error that names the prop the user set', () => {
  test.each(CASES.map(([pattern, make, property]) => [pattern, property, make] as const))(
    '%s: %s',
    (_pattern, property, make) => {
      let error: unknown;
      try {
        make();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).property).toBe(property);
    },
  );

  test('in a user stack the path starts with the pattern id', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => new HaRegistry(stack, 'edge', { port: 70000 })).toThrow(/^edge\.port: got 70000/);
    expect(() => new MirrorRegistry(stack, 'cache', { hostname: '' })).toThrow(/^cache\.hostname: got ""/);
    expect(() => new TokenRegistry(stack, 'auth', { port: 5447 })).toThrow(/^auth\.tokenPort: got 5447/);
  });
});
