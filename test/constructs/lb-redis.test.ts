/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Container } from '@cdktf/provider-docker/lib/container';
import {
  HtpasswdUsers,
  LoadBalancer,
  LoadBalancerProps,
  PlatformNetwork,
  RedisCache,
  Registry,
  RegistryCertificates,
  SpecError,
} from '../../lib';
import { parse } from 'yaml';
import {
  containerByName,
  containerKey,
  expectConfigDelivery,
  only,
  synthWith,
  startedWithOf,
  uploadOf,
  uploadsOf,
} from '../helpers/synth';

function lab(lbProps: Partial<LoadBalancerProps> = {}, replicas = 2, version: 2 | 3 = 2): string {
  return synthWith((s) => {
    const network = new PlatformNetwork(s, 'network', { name: 'lab-net' });
    const tls = new RegistryCertificates(s, 'tls', { hostnames: ['registry.lab'], serviceNames: ['lb'] });
    const users = new HtpasswdUsers(s, 'users', { users: [{ name: 'admin' }] });
    const redis = new RedisCache(s, 'redis', { name: 'lab-redis', network });
    const rs = Array.from(
      { length: replicas },
      (_, i) =>
        new Registry(s, `registry-${i + 1}`, {
          name: `lab-registry-${i + 1}`,
          network,
          version,
          aliases: [`registry-${i + 1}`],
          publish: false,
          dataVolumeName: 'lab-registry-data',
          storage: { cache: 'redis' },
          redis: redis.registrySpec(),
          htpasswd: users,
        }),
    );
    new LoadBalancer(s, 'lb', {
      name: 'lab-lb',
      network,
      replicas: rs,
      tls,
      publish: { port: 5443 },
      redirectPublish: { port: 5080 },
      ...lbProps,
    });
  });
}

describe('LoadBalancer construct', () => {
  const json = lab();

  test('nginx.conf lists every replica over plain HTTP with keepalive and failover settings', () => {
    const conf: string = uploadOf(json, 'lab-lb', '/etc/nginx/lb/nginx.conf').content;
    expect(conf).toContain('server registry-1:5000 max_fails=2 fail_timeout=10s;');
    expect(conf).toContain('server registry-2:5000 max_fails=2 fail_timeout=10s;');
    expect(conf).toMatch(/keepalive 32;/);
    expect(conf).toMatch(/proxy_next_upstream error timeout http_502 http_503 http_504;/);
    expect(conf).toMatch(/proxy_next_upstream_tries 2;/);
    // A shared retry budget equal to the connect timeout defeated failover to the next replica
    // when a container was gone (connect timed out instead of being refused).
    expect(conf).not.toMatch(/^\s*proxy_next_upstream_timeout/m);
    expect(conf).toMatch(/proxy_connect_timeout 3s;/);
    for (const directive of [
      'client_max_body_size 0;',
      'chunked_transfer_encoding on;',
      'proxy_http_version 1.1;',
      'proxy_request_buffering off;',
      'proxy_buffering off;',
      'proxy_buffer_size 256k;',
      'proxy_set_header X-Forwarded-Proto $forwarded_proto;',
      'proxy_read_timeout 900s;',
      'proxy_send_timeout 900s;',
      'add_header Docker-Distribution-Api-Version $docker_distribution_api_version always;',
      'ssl_protocols TLSv1.2 TLSv1.3;',
      'return 301 https://$host:5443$request_uri;',
      'user nginx;',
      'pid /tmp/nginx.pid;',
    ]) {
      expect(conf).toContain(directive);
    }
    expect(conf).not.toContain('${');
  });

  test("plainHttp: 'serve' proxies the registry API on the HTTP listener too; the default only redirects", () => {
    const serving = uploadOf(lab({ plainHttp: 'serve' }), 'lab-lb', '/etc/nginx/lb/nginx.conf').content;
    const httpServer = (conf: string): string =>
      conf.slice(conf.indexOf('listen 8080;'), conf.indexOf('listen 8443 ssl;'));
    expect(httpServer(serving)).toContain('location /v2/ {');
    expect(httpServer(serving)).toContain('proxy_pass http://registry;');
    expect(httpServer(serving)).not.toContain('return 301');
    const redirecting = uploadOf(json, 'lab-lb', '/etc/nginx/lb/nginx.conf').content;
    expect(httpServer(redirecting)).not.toContain('location /v2/');
    expect(httpServer(redirecting)).toContain('return 301 https://$host:5443$request_uri;');
    // Both listeners share one /v2/ block: the same directives on each.
    const block = (conf: string, from: number): string =>
      conf.slice(conf.indexOf('location /v2/ {', from), conf.indexOf('proxy_next_upstream_tries', from));
    expect(block(serving, serving.indexOf('listen 8080;'))).toBe(
      block(serving, serving.indexOf('listen 8443 ssl;')),
    );
    expect(() => lab({ plainHttp: 'open' as never })).toThrow(
      /lb\.plainHttp: got "open"; allowed: "redirect" \(the default\) or "serve"/,
    );
  });

  test('hardened: unprivileged ports inside, read-only root, tmpfs, only CHOWN/SETGID/SETUID, key 0600', () => {
    const lb = containerByName(json, 'lab-lb');
    expect(lb.ports).toEqual([
      { internal: 8443, external: 5443, ip: '127.0.0.1', protocol: 'tcp' },
      { internal: 8080, external: 5080, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
    expect(lb.read_only).toBe(true);
    expect(lb.tmpfs).toEqual({ '/tmp': 'rw,noexec,nosuid,size=64m' });
    expect(lb.capabilities).toEqual({ drop: ['ALL'], add: ['CAP_CHOWN', 'CAP_SETGID', 'CAP_SETUID'] });
    expect(uploadOf(json, 'lab-lb', '/etc/nginx/lb/server.key').permissions).toBe('0600');
    expect(lb.healthcheck.test).toEqual([
      'CMD',
      'wget',
      '-q',
      '-O',
      '/dev/null',
      'http://127.0.0.1:8080/healthz',
    ]);
    // cdktf deploy returns only once nginx is healthy, and gives it two minutes.
    expect(lb).toMatchObject({ wait: true, wait_timeout: 120, memory: 256, memory_swap: 256 });
  });

  test('config files go through the never-started carrier lab-lb-config; nginx restarts with its upstreams', () => {
    expectConfigDelivery(json, 'lab-lb', '/etc/nginx/lb');
    expect(uploadsOf(json, 'lab-lb').map((u) => [u.file, u.permissions])).toEqual([
      ['/etc/nginx/lb/nginx.conf', '0644'],
      ['/etc/nginx/lb/server.crt', '0644'],
      ['/etc/nginx/lb/server.key', '0600'],
    ]);
    // nginx resolves upstream names once at start: a new replica container replaces the load balancer.
    const lb = containerByName(json, 'lab-lb');
    for (const name of ['lab-registry-1', 'lab-registry-2']) {
      expect(startedWithOf(json, 'lab-lb')).toContain(`docker_container.${containerKey(json, name)}`);
      expect(lb.depends_on).toContain(`docker_container.${containerKey(json, name)}`);
    }
    expect(startedWithOf(json, 'lab-lb')).toHaveLength(3);
  });

  test('replicas are not published, share the data volume and Redis, and get the redis password via jsonencode', () => {
    for (const name of ['lab-registry-1', 'lab-registry-2']) {
      const r = containerByName(json, name);
      expect(r.ports ?? []).toEqual([]);
      expect(r.volumes[1]).toEqual({ volume_name: 'lab-registry-data', container_path: '/var/lib/registry' });
      const content = uploadsOf(json, name)[0]!.content;
      const config = parse(content.replace(/\$\{jsonencode\([^)]*\)\}/g, '"x"'));
      expect(config.redis.addr).toBe('redis:6379');
      expect(config.storage.cache).toEqual({ blobdescriptor: 'redis' });
      expect(content).toMatch(
        /password: \$\{jsonencode\(random_password\.redis_password_[A-F0-9]+\.result\)\}/,
      );
    }
  });

  test('errors: replicas with TLS, privileged ports, no replicas', () => {
    expect(() =>
      synthWith((s) => {
        const network = new PlatformNetwork(s, 'n', { name: 'n' });
        const tls = new RegistryCertificates(s, 'tls', { hostnames: ['a'] });
        const r = new Registry(s, 'r', { name: 'r', network, tls, publish: false });
        new LoadBalancer(s, 'lb', { name: 'lb', network, replicas: [r], tls, publish: { port: 443 } });
      }),
    ).toThrow(/lb\.replicas: got "registry"; replicas behind the load balancer speak plain HTTP/);
    expect(() => lab({ httpsPort: 443 })).toThrow(/lb\.httpsPort: got 443; allowed: an unprivileged port/);
    expect(() => lab({}, 0)).toThrow(SpecError);
  });
});

describe('RedisCache construct', () => {
  const json = lab({}, 1, 3);

  test('generated password, allkeys-lru under the cap, runs as redis (999) read-only with no capabilities', () => {
    expect(json).toHaveResourceWithProperties(Container, {
      name: 'lab-redis',
      user: '999:999',
      read_only: true,
      capabilities: { drop: ['ALL'] },
      command: ['redis-server', '/usr/local/etc/redis/redis.conf'],
    });
    const redis = containerByName(json, 'lab-redis');
    expect(redis.ports).toBeUndefined();
    const conf: string = uploadsOf(json, 'lab-redis')[0]!.content;
    expect(conf).toMatch(/^requirepass \$\{random_password\.redis_password_[A-F0-9]+\.result\}$/m);
    expect(conf).toMatch(/^maxmemory 256mb$/m);
    expect(conf).toMatch(/^maxmemory-policy allkeys-lru$/m);
    // Debian's redis-server turns protected mode on by default, which refuses the registries on
    // the network; the password is what protects it.
    expect(conf).toMatch(/^protected-mode no$/m);
    // Healthy only when an authenticated PING answers PONG, with the password from redis.conf.
    expect(redis.healthcheck.test).toEqual([
      'CMD-SHELL',
      `redis-cli -p 6379 --no-auth-warning -a "$(sed -n 's/^requirepass //p' /usr/local/etc/redis/redis.conf)" ping | grep -q PONG`,
    ]);
    const pw = Object.entries(JSON.parse(json).resource.random_password).find(([k]) =>
      k.startsWith('redis_password'),
    )![1] as any;
    expect(pw).toMatchObject({ length: 40, special: false });
  });

  test('redis.conf goes through the never-started carrier lab-redis-config, mounted read-only', () => {
    expectConfigDelivery(json, 'lab-redis', '/usr/local/etc/redis');
    expect(uploadsOf(json, 'lab-redis').map((u) => [u.file, u.permissions])).toEqual([
      ['/usr/local/etc/redis/redis.conf', '0644'],
    ]);
    expect(startedWithOf(json, 'lab-redis')).toHaveLength(1);
  });

  test('3.x replicas get the go-redis shape', () => {
    const config = parse(
      uploadsOf(json, 'lab-registry-1')[0]!.content.replace(/\$\{jsonencode\([^)]*\)\}/g, '"x"'),
    );
    expect(config.redis).toMatchObject({ addrs: ['redis:6379'], poolsize: 64, maxidleconns: 16 });
    expect(config.redis.addr).toBeUndefined();
  });

  test('a memory cap below 16 MiB is refused', () => {
    expect(() =>
      synthWith(
        (s) =>
          new RedisCache(s, 'redis', {
            name: 'r',
            network: new PlatformNetwork(s, 'n', { name: 'n' }),
            maxMemoryMb: 8,
          }),
      ),
    ).toThrow(/redis\.maxMemoryMb: got 8; allowed: a whole number from 16 to 65536/);
  });
});

describe('only()', () => {
  test('helper sanity', () => {
    expect(() => only('{"resource":{}}', 'docker_container')).toThrow(
      /expected one docker_container, found 0/,
    );
  });
});
