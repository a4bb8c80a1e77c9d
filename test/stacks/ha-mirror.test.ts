/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Fn, Testing } from 'cdktf';
import { parse } from 'yaml';
import { HaStack, MirrorStack } from '../../stacks';
import { SecretRef, terraformSecret } from '../../lib';
import {
  containerByName,
  containerKey,
  expectConfigDelivery,
  startedWithOf,
  TfJson,
  uploadsOf,
} from '../helpers/synth';

const synthHa = (props = {}): TfJson =>
  JSON.parse(Testing.synth(new HaStack(Testing.app(), 'ha', props))) as TfJson;
const synthMirror = (props = {}): TfJson =>
  JSON.parse(Testing.synth(new MirrorStack(Testing.app(), 'mirror', props))) as TfJson;
const containers = (tf: TfJson): any[] => Object.values(tf.resource.docker_container!);
const byName = containerByName;
/** The first file delivered to a service (its config.yml), parsed with references as "x". */
const config = (tf: TfJson, name: string): any =>
  parse(uploadsOf(tf, name)[0]!.content.replace(/\$\{jsonencode\([^)]*\)\}/g, '"x"'));

describe('ha stack', () => {
  const tf = synthHa();

  test('containers: 3 replicas, redis, UI and the load balancer (+ config carriers); only the LB is published', () => {
    expect(
      containers(tf)
        .map((c) => c.name)
        .sort(),
    ).toEqual([
      'ha-lb',
      'ha-lb-config',
      'ha-redis',
      'ha-redis-config',
      'ha-registry-1',
      'ha-registry-1-config',
      'ha-registry-2',
      'ha-registry-2-config',
      'ha-registry-3',
      'ha-registry-3-config',
      'ha-ui',
    ]);
    for (const c of containers(tf)) {
      if (c.name === 'ha-lb') expect(c.ports.map((p: any) => p.external)).toEqual([5443, 5080]);
      else expect(c.ports ?? []).toEqual([]);
    }
  });

  test('replicas share one http.secret, one data volume and Redis, and carry the public http.host', () => {
    const names = [1, 2, 3].map((i) => `ha-registry-${i}`);
    const secrets = new Set(names.map((n) => /secret: (\$\{[^}]+\})/.exec(uploadsOf(tf, n)[0]!.content)![1]));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toMatch(/^\$\{jsonencode\(random_password\.http-secret\.result\)\}$/);
    for (const n of names) {
      expect(byName(tf, n).volumes[1].volume_name).toBe('ha-registry-data');
      expect(config(tf, n).storage.cache).toEqual({ blobdescriptor: 'redis' });
      expect(config(tf, n).http.host).toBe('https://localhost:5443');
      expect(config(tf, n).http.tls).toBeUndefined();
      expect(config(tf, n).auth.htpasswd).toBeDefined();
    }
  });

  test('the UI is served at / of the load balancer, same origin as /v2/', () => {
    const lb = byName(tf, 'ha-lb');
    expect(uploadsOf(tf, 'ha-lb')[0]!.content).toMatch(/location \/ \{\n\s+proxy_pass http:\/\/ha-ui:80;/);
    expect(byName(tf, 'ha-ui').env).toContain('NGINX_PROXY_PASS_URL=https://lb:8443');
    expect(lb.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^docker_container\.ui_container_/)]),
    );
  });

  test('every service gets its files through a carrier; nginx is replaced with any replica or the UI', () => {
    for (const name of ['ha-registry-1', 'ha-registry-2', 'ha-registry-3'])
      expectConfigDelivery(tf, name, '/etc/docker/registry');
    expectConfigDelivery(tf, 'ha-redis', '/usr/local/etc/redis');
    expectConfigDelivery(tf, 'ha-lb', '/etc/nginx/lb');
    const upstreams = ['ha-registry-1', 'ha-registry-2', 'ha-registry-3', 'ha-ui'].map(
      (n) => `docker_container.${containerKey(tf, n)}`,
    );
    const carrier = `docker_container.${containerKey(tf, 'ha-lb-config')}`;
    expect(startedWithOf(tf, 'ha-lb').sort()).toEqual([carrier, ...upstreams].sort());
    expect([...byName(tf, 'ha-lb').depends_on].sort()).toEqual([carrier, ...upstreams].sort());
    // The UI is the stated exception: its start script rewrites files, so its root stays writable.
    const ui = byName(tf, 'ha-ui');
    expect(ui.read_only).toBe(false);
    expect(ui.healthcheck.test).toEqual(['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:80/']);
    expect(ui.wait).toBe(true);
    expect(ui.upload).toBeUndefined();
    expect(ui.lifecycle).toBeUndefined();
    expect(ui.labels).toBeUndefined();
  });

  test('Terraform addresses of the replicas are stable per index', () => {
    const names = Object.keys(tf.resource.docker_container!)
      .map((k) => k.replace(/_[A-F0-9]{8}$/, ''))
      .sort();
    expect(names).toEqual([
      'lb_config-carrier',
      'lb_container',
      'redis_config-carrier',
      'redis_container',
      'registry-1_config-carrier',
      'registry-1_container',
      'registry-2_config-carrier',
      'registry-2_container',
      'registry-3_config-carrier',
      'registry-3_container',
      'ui_container',
    ]);
  });

  test('replicas: 1 and 16 are accepted, 0 and 17 refused', () => {
    expect(containers(synthHa({ replicas: 1 })).filter((c) => /registry-\d+$/.test(c.name))).toHaveLength(1);
    expect(
      containers(synthHa({ replicas: 16, ui: false })).filter((c) => /registry-\d+$/.test(c.name)),
    ).toHaveLength(16);
    expect(() => synthHa({ replicas: 0 })).toThrow(
      /ha\.replicas: got 0; allowed: a whole number from 1 to 16/,
    );
    expect(() => synthHa({ replicas: 17 })).toThrow(/ha\.replicas: got 17/);
  });

  test('notifications reach every replica', () => {
    const n = synthHa({ notifications: [{ name: 'hook', url: 'http://hook:8080/events' }] });
    for (const i of [1, 2, 3])
      expect(config(n, `ha-registry-${i}`).notifications.endpoints[0].url).toBe('http://hook:8080/events');
  });
});

describe('mirror stack', () => {
  const tf = synthMirror();

  test('a 3.x pull-through cache of Docker Hub over TLS with users, on its own volume', () => {
    const m = byName(tf, 'mirror-mirror');
    const c = config(tf, 'mirror-mirror');
    expect(uploadsOf(tf, 'mirror-mirror')[0]!.file).toBe('/etc/distribution/config.yml');
    expect(c.proxy).toEqual({ remoteurl: 'https://registry-1.docker.io' });
    expect(c.http.tls.minimumtls).toBe('tls1.2');
    expect(c.auth.htpasswd).toBeDefined();
    expect(m.volumes[1]).toEqual({ volume_name: 'mirror-mirror-data', container_path: '/var/lib/registry' });
    expect(m.ports).toEqual([{ internal: 5000, external: 5444, ip: '127.0.0.1', protocol: 'tcp' }]);
  });

  test('upstream credentials as references and ttl on 3.x; ttl on 2.x or a literal password is refused', () => {
    const withCreds = synthMirror({
      remoteUrl: 'https://upstream.lab',
      remoteUsername: 'bot',
      remotePassword: terraformSecret(Fn.file('upstream.password')),
      ttl: '72h',
    });
    expect(config(withCreds, 'mirror-mirror').proxy).toEqual({
      remoteurl: 'https://upstream.lab',
      username: 'bot',
      // The secret is a Terraform reference, quoted for YAML by jsonencode at apply time.
      password: '${jsonencode(file("upstream.password"))}',
      ttl: '72h',
    });
    expect(() => synthMirror({ registryVersion: 2, ttl: '72h' })).toThrow(
      /^mirror\.ttl: got "72h"; a cache ttl needs registryVersion 3/,
    );
    const literal = (): unknown =>
      synthMirror({ remoteUsername: 'bot', remotePassword: 'hunter2' as unknown as SecretRef });
    expect(literal).toThrow(
      /^mirror\.remotePassword: got <a literal 7-character value \(not shown\)>; the upstream password must be a secret reference/,
    );
    expect(literal).not.toThrow(/hunter2/);
  });

  test('remoteNetwork: the mirror also joins an existing network to reach its upstream by name', () => {
    const joined = byName(
      synthMirror({ remoteUrl: 'http://upstream:5000', remoteNetwork: 'upstream-net' }),
      'mirror-mirror',
    );
    expect(joined.networks_advanced).toEqual([
      { name: '${docker_network.network_C8AC2FB3.name}', aliases: ['mirror'] },
      { name: 'upstream-net' },
    ]);
    expect(byName(tf, 'mirror-mirror').networks_advanced).toHaveLength(1);
    expect(() => synthMirror({ remoteNetwork: 'bad name' })).toThrow(
      /^mirror\.remoteNetwork: got "bad name"/,
    );
  });
});
