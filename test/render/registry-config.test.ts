/* eslint-disable @typescript-eslint/no-explicit-any -- parsed YAML is walked freely in assertions */
import { parse } from 'yaml';
import { resolveRegistrySpec, RegistrySpec, SecretRef } from '../../lib/model';
import { fillSecrets, registryPaths, renderRegistryConfig } from '../../lib/render';
import { filled, testSecret } from '../helpers/secrets';

const TOKEN = testSecret('reference-42');

function render(
  spec: RegistrySpec,
  secret?: SecretRef,
): { path: string; mode: string; doc: Record<string, any> } {
  const file = renderRegistryConfig(
    resolveRegistrySpec(spec),
    secret !== undefined ? { httpSecret: secret } : {},
  );
  return { path: file.path, mode: file.mode, doc: parse(filled(file)) as Record<string, any> };
}

describe.each([2, 3] as const)('config.yml, dialect %i', (version) => {
  const dir = version === 2 ? '/etc/docker/registry' : '/etc/distribution';

  test('goes to the dialect path with mode 0640', () => {
    const r = render({ version });
    expect(r.path).toBe(`${dir}/config.yml`);
    expect(r.mode).toBe('0640');
    expect(r.doc.version).toBe('0.1');
  });

  test('default storage, http, health and catalog sections', () => {
    const { doc } = render({ version });
    expect(doc.storage).toEqual({
      filesystem: { rootdirectory: '/var/lib/registry', maxthreads: 100 },
      delete: { enabled: false },
      cache: { blobdescriptor: 'inmemory' },
      maintenance: {
        uploadpurging: { enabled: true, age: '168h', interval: '24h', dryrun: false },
        readonly: { enabled: false },
      },
    });
    expect(doc.http.addr).toBe(':5000');
    expect(doc.http.tls).toBeUndefined();
    expect(doc.http.headers).toEqual({ 'X-Content-Type-Options': ['nosniff'] });
    expect(doc.http.debug).toEqual({ addr: ':5001', prometheus: { enabled: true, path: '/metrics' } });
    expect(doc.health).toEqual({ storagedriver: { enabled: true, interval: '10s', threshold: 3 } });
    expect(doc.catalog).toEqual({ maxentries: 1000 });
    expect(doc.auth).toBeUndefined();
    expect(doc.notifications).toBeUndefined();
    expect(doc.validation).toBeUndefined();
    expect(doc.proxy).toBeUndefined();
    expect(doc.redis).toBeUndefined();
  });

  test('TLS, htpasswd, host and secret', () => {
    const { doc } = render(
      {
        version,
        http: { tls: { minimumVersion: 'tls1.3' }, host: 'https://r.lab:5443' },
        auth: { type: 'htpasswd', realm: 'Lab' },
      },
      TOKEN,
    );
    expect(doc.http.tls).toEqual({
      certificate: `${dir}/certs/server.crt`,
      key: `${dir}/certs/server.key`,
      minimumtls: 'tls1.3',
    });
    expect(doc.http.host).toBe('https://r.lab:5443');
    expect(doc.http.secret).toBe('reference-42');
    expect(doc.http.headers['Strict-Transport-Security']).toEqual(['max-age=31536000; includeSubDomains']);
    expect(doc.auth).toEqual({ htpasswd: { realm: 'Lab', path: `${dir}/auth/htpasswd` } });
  });

  test('a secret is a placeholder written as a plain scalar, so a JSON-encoded value lands as one YAML string', () => {
    const file = renderRegistryConfig(resolveRegistrySpec({ version }), { httpSecret: TOKEN });
    expect(file.content).toContain('  secret: ((secret:http.secret))\n');
    expect(file.secrets).toEqual([
      { placeholder: '((secret:http.secret))', secret: TOKEN, encoding: 'yaml-string' },
    ]);
    // What an engine writes there: the value JSON-encoded (Terraform: jsonencode), whatever its characters.
    const applied = fillSecrets(file, () => JSON.stringify('a: #"b\'c'));
    expect(parse(applied).http.secret).toBe('a: #"b\'c');
  });

  test('token auth', () => {
    const { doc } = render({
      version,
      auth: { type: 'token', realm: 'https://auth.lab/token', service: 'registry', issuer: 'lab-auth' },
    });
    expect(doc.auth.token).toEqual({
      realm: 'https://auth.lab/token',
      service: 'registry',
      issuer: 'lab-auth',
      rootcertbundle: `${dir}/auth/token-ca.crt`,
      autoredirect: false,
    });
  });

  test('notifications, validation, proxy, S3 and a disabled cache', () => {
    const { doc } = render({
      version,
      notifications: [
        {
          name: 'hook',
          url: 'http://hook/events',
          headers: { Authorization: [TOKEN], 'X-Source': ['registry'] },
          ignoredActions: ['pull'],
          ignoredMediaTypes: ['application/octet-stream'],
        },
      ],
      validation: { allowUrls: ['^https://cdn\\.lab/'], denyUrls: ['.*'] },
      proxy: { remoteUrl: 'https://upstream.lab' },
      storage: {
        cache: 'none',
        driver: {
          driver: 's3',
          bucket: 'images',
          region: 'us-east-1',
          regionEndpoint: 'http://minio:9000',
          accessKey: 'AK',
          secretKey: TOKEN,
          redirect: false,
        },
      },
    });
    expect(doc.notifications).toEqual({
      events: { includereferences: true },
      endpoints: [
        {
          name: 'hook',
          disabled: false,
          url: 'http://hook/events',
          headers: { Authorization: ['reference-42'], 'X-Source': ['registry'] },
          timeout: '1s',
          threshold: 10,
          backoff: '1s',
          ignore: { mediatypes: ['application/octet-stream'], actions: ['pull'] },
        },
      ],
    });
    expect(doc.validation).toEqual({ manifests: { urls: { allow: ['^https://cdn\\.lab/'], deny: ['.*'] } } });
    expect(doc.proxy).toEqual({ remoteurl: 'https://upstream.lab' });
    expect(doc.storage.s3).toEqual({
      region: 'us-east-1',
      bucket: 'images',
      regionendpoint: 'http://minio:9000',
      accesskey: 'AK',
      secretkey: 'reference-42',
      encrypt: true,
      secure: true,
      v4auth: true,
      chunksize: 10485760,
    });
    expect(doc.storage.filesystem).toBeUndefined();
    expect(doc.storage.redirect).toEqual({ disable: true });
    expect(doc.storage.cache).toBeUndefined();
  });

  test('ignored actions alone still activate the filter (distribution skips it without a media type)', () => {
    const { doc } = render({
      version,
      notifications: [{ name: 'h', url: 'http://h/', ignoredActions: ['pull', 'mount'] }],
    });
    expect(doc.notifications.endpoints[0].ignore).toEqual({
      mediatypes: ['application/vnd.registry-platform.never+json'],
      actions: ['pull', 'mount'],
    });
    expect(
      render({ version, notifications: [{ name: 'h', url: 'http://h/' }] }).doc.notifications.endpoints[0]
        .ignore,
    ).toBeUndefined();
  });

  test('debug off removes the debug listener', () => {
    expect(render({ version, http: { debug: false } }).doc.http.debug).toBeUndefined();
  });

  test('rendering is deterministic', () => {
    const spec: RegistrySpec = {
      version,
      http: { tls: {} },
      auth: { type: 'htpasswd' },
      notifications: [{ name: 'a', url: 'http://a/' }],
    };
    expect(renderRegistryConfig(resolveRegistrySpec(spec)).content).toBe(
      renderRegistryConfig(resolveRegistrySpec(spec)).content,
    );
  });
});

describe('redis block per dialect', () => {
  test('2.x: addr, password, timeouts and pool', () => {
    const { doc } = render({
      version: 2,
      storage: { cache: 'redis' },
      redis: { addresses: ['redis:6379'], password: TOKEN },
    });
    expect(doc.storage.cache).toEqual({ blobdescriptor: 'redis' });
    expect(doc.redis).toEqual({
      addr: 'redis:6379',
      password: 'reference-42',
      db: 0,
      dialtimeout: '5s',
      readtimeout: '1s',
      writetimeout: '1s',
      pool: { maxidle: 16, maxactive: 64, idletimeout: '300s' },
    });
  });

  test('3.x: go-redis addrs, poolsize, maxidleconns, connmaxidletime; no 2.x keys', () => {
    const { doc } = render({
      version: 3,
      storage: { cache: 'redis' },
      redis: { addresses: ['r1:6379', 'r2:6379'] },
    });
    expect(doc.redis).toEqual({
      addrs: ['r1:6379', 'r2:6379'],
      db: 0,
      dialtimeout: '5s',
      readtimeout: '1s',
      writetimeout: '1s',
      poolsize: 64,
      maxidleconns: 16,
      connmaxidletime: '300s',
    });
    expect(doc.redis.addr).toBeUndefined();
    expect(doc.redis.pool).toBeUndefined();
  });

  test('3.x proxy ttl', () => {
    expect(render({ version: 3, proxy: { remoteUrl: 'https://u.lab', ttl: '72h' } }).doc.proxy).toEqual({
      remoteurl: 'https://u.lab',
      ttl: '72h',
    });
  });
});

describe('registryPaths', () => {
  test('every file lives under the dialect config dir', () => {
    for (const version of [2, 3] as const) {
      const p = registryPaths(resolveRegistrySpec({ version }).dialect);
      for (const f of [p.config, p.tlsCertificate, p.tlsKey, p.htpasswd, p.tokenRootCertBundle])
        expect(f.startsWith(`${p.configDir}/`)).toBe(true);
    }
  });
});
