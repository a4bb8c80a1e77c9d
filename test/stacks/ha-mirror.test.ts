/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { HaStack, MirrorStack } from '../../stacks';
import { TfJson } from '../helpers/synth';

const synthHa = (props = {}): TfJson =>
  JSON.parse(Testing.synth(new HaStack(Testing.app(), 'ha', props))) as TfJson;
const synthMirror = (props = {}): TfJson =>
  JSON.parse(Testing.synth(new MirrorStack(Testing.app(), 'mirror', props))) as TfJson;
const containers = (tf: TfJson): any[] => Object.values(tf.resource.docker_container!);
const byName = (tf: TfJson, name: string): any => containers(tf).find((c) => c.name === name);
const config = (c: any): any =>
  parse((c.upload[0].content as string).replace(/\$\{jsonencode\([^)]*\)\}/g, '"x"'));

describe('ha stack', () => {
  const tf = synthHa();

  test('containers: 3 replicas, redis, UI and the load balancer; only the LB is published', () => {
    expect(
      containers(tf)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['ha-lb', 'ha-redis', 'ha-registry-1', 'ha-registry-2', 'ha-registry-3', 'ha-ui']);
    for (const c of containers(tf)) {
      if (c.name === 'ha-lb') expect(c.ports.map((p: any) => p.external)).toEqual([5443, 5080]);
      else expect(c.ports ?? []).toEqual([]);
    }
  });

  test('replicas share one http.secret, one data volume and Redis, and carry the public http.host', () => {
    const replicas = [1, 2, 3].map((i) => byName(tf, `ha-registry-${i}`));
    const secrets = new Set(replicas.map((r) => /secret: (\$\{[^}]+\})/.exec(r.upload[0].content)![1]));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toMatch(/^\$\{jsonencode\(random_password\.http-secret\.result\)\}$/);
    for (const r of replicas) {
      expect(r.volumes[1].volume_name).toBe('ha-registry-data');
      expect(config(r).storage.cache).toEqual({ blobdescriptor: 'redis' });
      expect(config(r).http.host).toBe('https://localhost:5443');
      expect(config(r).http.tls).toBeUndefined();
      expect(config(r).auth.htpasswd).toBeDefined();
    }
  });

  test('the UI is served at / of the load balancer, same origin as /v2/', () => {
    const lb = byName(tf, 'ha-lb');
    expect(lb.upload[0].content).toMatch(/location \/ \{\n\s+proxy_pass http:\/\/ha-ui:80;/);
    expect(byName(tf, 'ha-ui').env).toContain('NGINX_PROXY_PASS_URL=https://lb:8443');
    expect(lb.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^docker_container\.ui_container_/)]),
    );
  });

  test('Terraform addresses of the replicas are stable per index', () => {
    const names = Object.keys(tf.resource.docker_container!)
      .map((k) => k.replace(/_[A-F0-9]{8}$/, ''))
      .sort();
    expect(names).toEqual([
      'lb_container',
      'redis_container',
      'registry-1_container',
      'registry-2_container',
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
      expect(config(byName(n, `ha-registry-${i}`)).notifications.endpoints[0].url).toBe(
        'http://hook:8080/events',
      );
  });
});

describe('mirror stack', () => {
  const tf = synthMirror();

  test('a 3.x pull-through cache of Docker Hub over TLS with users, on its own volume', () => {
    const m = byName(tf, 'mirror-mirror');
    const c = config(m);
    expect(m.upload[0].file).toBe('/etc/distribution/config.yml');
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
      remotePassword: '${TfToken[TOKEN.3]}',
      ttl: '72h',
    });
    expect(config(byName(withCreds, 'mirror-mirror')).proxy).toEqual({
      remoteurl: 'https://upstream.lab',
      username: 'bot',
      password: 'x',
      ttl: '72h',
    });
    expect(() => synthMirror({ registryVersion: 2, ttl: '72h' })).toThrow(
      /mirror\.proxy\.ttl: got "72h"; proxy\.ttl needs registry version 3/,
    );
    expect(() => synthMirror({ remoteUsername: 'bot', remotePassword: 'hunter2' })).toThrow(
      /mirror\.proxy\.password: got "hunter2"; an upstream password must be a Terraform reference/,
    );
  });
});
