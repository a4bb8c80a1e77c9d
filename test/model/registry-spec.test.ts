import { resolveRegistrySpec, SecretRef, SpecError } from '../../lib/model';
import { testSecret } from '../helpers/secrets';

const TOKEN = testSecret('reference-1');

describe('resolveRegistrySpec defaults', () => {
  const spec = resolveRegistrySpec();

  test('dialect 2 with the pinned official image and its config path', () => {
    expect(spec.dialect.version).toBe(2);
    expect(spec.image).toBe('registry:2.8.3');
    expect(spec.dialect.configPath).toBe('/etc/docker/registry/config.yml');
    expect(spec.dialect.environment).toEqual({});
  });

  test('log: info, text, access log on', () => {
    expect(spec.log).toEqual({ level: 'info', formatter: 'text', accessLog: true });
  });

  test('storage: filesystem on /var/lib/registry, delete off, in-memory cache, upload purging 168h/24h, not read-only', () => {
    expect(spec.storage).toEqual({
      driver: { driver: 'filesystem', rootDirectory: '/var/lib/registry', maxThreads: 100 },
      deleteEnabled: false,
      cache: 'inmemory',
      uploadPurging: { enabled: true, age: '168h', interval: '24h', dryRun: false },
      readOnly: false,
    });
  });

  test('http: port 5000, no TLS, nosniff header, debug on 5001 with metrics, drain 30s', () => {
    expect(spec.http).toEqual({
      port: 5000,
      headers: { 'X-Content-Type-Options': ['nosniff'] },
      debug: { port: 5001, prometheus: true },
      relativeUrls: false,
      drainTimeout: '30s',
    });
  });

  test('auth none, health on every 10s with threshold 3, no notifications, no validation rules, no proxy/redis, catalog 1000', () => {
    expect(spec.auth).toEqual({ type: 'none' });
    expect(spec.health).toEqual({ storageDriver: true, interval: '10s', threshold: 3 });
    expect(spec.notifications).toEqual([]);
    expect(spec.validation).toEqual({ allowUrls: [], denyUrls: [] });
    expect(spec.proxy).toBeUndefined();
    expect(spec.redis).toBeUndefined();
    expect(spec.catalogMaxEntries).toBe(1000);
  });

  test('dialect 3: registry:3.0.0, /etc/distribution/config.yml, OTEL tracing off', () => {
    const v3 = resolveRegistrySpec({ version: 3 });
    expect(v3.image).toBe('registry:3.0.0');
    expect(v3.dialect.configPath).toBe('/etc/distribution/config.yml');
    expect(v3.dialect.environment).toEqual({ OTEL_TRACES_EXPORTER: 'none' });
  });

  test('TLS adds HSTS and defaults to tls1.2', () => {
    const tls = resolveRegistrySpec({ http: { tls: {} } });
    expect(tls.http.tls).toEqual({ minimumVersion: 'tls1.2' });
    expect(tls.http.headers['Strict-Transport-Security']).toEqual(['max-age=31536000; includeSubDomains']);
  });

  test('htpasswd realm defaults to Registry; token autoRedirect to false', () => {
    expect(resolveRegistrySpec({ auth: { type: 'htpasswd' } }).auth).toEqual({
      type: 'htpasswd',
      realm: 'Registry',
    });
    expect(
      resolveRegistrySpec({
        auth: { type: 'token', realm: 'https://auth.local/token', service: 'registry', issuer: 'auth' },
      }).auth,
    ).toEqual({
      type: 'token',
      realm: 'https://auth.local/token',
      service: 'registry',
      issuer: 'auth',
      autoRedirect: false,
    });
  });

  test('notification endpoint defaults', () => {
    const n = resolveRegistrySpec({
      notifications: [{ name: 'hook', url: 'http://hook:8080/events' }],
    }).notifications;
    expect(n).toEqual([
      {
        name: 'hook',
        url: 'http://hook:8080/events',
        headers: {},
        timeout: '1s',
        threshold: 10,
        backoff: '1s',
        ignoredMediaTypes: [],
        ignoredActions: [],
        disabled: false,
      },
    ]);
  });

  test('redis defaults', () => {
    expect(resolveRegistrySpec({ redis: { addresses: ['redis:6379'] } }).redis).toEqual({
      addresses: ['redis:6379'],
      db: 0,
      dialTimeout: '5s',
      readTimeout: '1s',
      writeTimeout: '1s',
      maxIdle: 16,
      maxActive: 64,
      idleTimeout: '300s',
    });
  });

  test('s3 defaults', () => {
    const s = resolveRegistrySpec({
      storage: { driver: { driver: 's3', bucket: 'images', region: 'eu-west-1' } },
    });
    expect(s.storage.driver).toEqual({
      driver: 's3',
      bucket: 'images',
      region: 'eu-west-1',
      encrypt: true,
      secure: true,
      chunkSize: 10485760,
      redirect: true,
    });
  });
});

/** Each row: a spec, the property the error must name, a fragment of what is allowed. */
const BAD: [string, unknown, string, RegExp][] = [
  ['registry version 4', { version: 4 }, 'registry.version', /got 4; allowed: 2 \(registry:2\.x\) or 3/],
  [
    'image of the other dialect',
    { version: 3, image: 'registry:2.8.3' },
    'registry.image',
    /registry 2\.x but version is 3/,
  ],
  ['image with a space', { image: 'registry 2' }, 'registry.image', /allowed: an image reference/],
  [
    'unknown storage driver',
    { storage: { driver: { driver: 'gcs' } } },
    'registry.storage.driver.driver',
    /got "gcs"; allowed: "filesystem", "s3"/,
  ],
  [
    'relative filesystem root',
    { storage: { driver: { driver: 'filesystem', rootDirectory: 'data' } } },
    'registry.storage.driver.rootDirectory',
    /absolute path/,
  ],
  [
    's3 literal secret key',
    {
      storage: { driver: { driver: 's3', bucket: 'b', region: 'r', accessKey: 'AK', secretKey: 'literal' } },
    },
    'registry.storage.driver.secretKey',
    /secret reference/,
  ],
  [
    's3 access key without secret',
    { storage: { driver: { driver: 's3', bucket: 'b', region: 'r', accessKey: 'AK' } } },
    'registry.storage.driver.secretKey',
    /together/,
  ],
  [
    's3 chunk size below 5 MiB',
    { storage: { driver: { driver: 's3', bucket: 'b', region: 'r', chunkSize: 1024 } } },
    'registry.storage.driver.chunkSize',
    /5242880 to/,
  ],
  [
    'unknown cache',
    { storage: { cache: 'memcached' } },
    'registry.storage.cache',
    /"inmemory", "redis", "none"/,
  ],
  [
    'redis cache without redis',
    { storage: { cache: 'redis' } },
    'registry.storage.cache',
    /needs the redis section/,
  ],
  [
    'bad purge age',
    { storage: { uploadPurging: { age: '7 days' } } },
    'registry.storage.uploadPurging.age',
    /Go duration/,
  ],
  [
    'port 0',
    { http: { port: 0 } },
    'registry.http.port',
    /got 0; a port must be a whole number from 1 to 65535/,
  ],
  ['port 70000', { http: { port: 70000 } }, 'registry.http.port', /got 70000; a port must be/],
  [
    'debug port equal to http port',
    { http: { port: 5000, debug: { port: 5000 } } },
    'registry.http.debug.port',
    /other than http.port/,
  ],
  [
    'TLS 1.1 minimum',
    { http: { tls: { minimumVersion: 'tls1.1' } } },
    'registry.http.tls.minimumVersion',
    /got "tls1.1"; allowed: "tls1.2" or "tls1.3"/,
  ],
  [
    'TLS 1.0 minimum',
    { http: { tls: { minimumVersion: 'tls1.0' } } },
    'registry.http.tls.minimumVersion',
    /insecure and refused/,
  ],
  [
    'host without scheme',
    { http: { host: 'registry.local:5000' } },
    'registry.http.host',
    /absolute URL with scheme http or https/,
  ],
  [
    'header with newline',
    { http: { headers: { 'X-A': ['a\nb'] } } },
    'registry.http.headers.X-A[0]',
    /single-line/,
  ],
  ['bad header name', { http: { headers: { 'X A': ['b'] } } }, 'registry.http.headers', /header names/],
  [
    'token auth without issuer',
    { auth: { type: 'token', realm: 'https://a/token', service: 'registry' } },
    'registry.auth.issuer',
    /needs the issuer/,
  ],
  [
    'token auth with a relative realm',
    { auth: { type: 'token', realm: '/token', service: 's', issuer: 'i' } },
    'registry.auth.realm',
    /absolute URL/,
  ],
  ['unknown auth type', { auth: { type: 'ldap' } }, 'registry.auth.type', /"none", "htpasswd", "token"/],
  [
    'htpasswd realm with quotes',
    { auth: { type: 'htpasswd', realm: 'a"b' } },
    'registry.auth.realm',
    /letters, digits/,
  ],
  ['health threshold 0', { health: { threshold: 0 } }, 'registry.health.threshold', /from 1 to 100/],
  [
    'duplicate endpoint names',
    {
      notifications: [
        { name: 'a', url: 'http://x/' },
        { name: 'a', url: 'http://y/' },
      ],
    },
    'registry.notifications[1].name',
    /unique/,
  ],
  [
    'endpoint with ftp url',
    { notifications: [{ name: 'a', url: 'ftp://x/' }] },
    'registry.notifications[0].url',
    /scheme http or https/,
  ],
  [
    'endpoint ignoring an unknown action',
    { notifications: [{ name: 'a', url: 'http://x/', ignoredActions: ['fetch'] }] },
    'registry.notifications[0].ignoredActions[0]',
    /"pull", "push", "mount", "delete"/,
  ],
  [
    'validation with look-ahead',
    { validation: { denyUrls: ['^(?!https)'] } },
    'registry.validation.denyUrls[0]',
    /RE2/,
  ],
  [
    'proxy ttl on 2.x',
    { proxy: { remoteUrl: 'https://upstream', ttl: '1h' } },
    'registry.proxy.ttl',
    /needs registry version 3/,
  ],
  [
    'proxy literal password',
    { proxy: { remoteUrl: 'https://upstream', username: 'u', password: 'p' } },
    'registry.proxy.password',
    /secret reference/,
  ],
  [
    'redis 2.x with two addresses',
    { redis: { addresses: ['a:1', 'b:2'] } },
    'registry.redis.addresses',
    /exactly one address/,
  ],
  [
    'redis address without port',
    { redis: { addresses: ['redis'] } },
    'registry.redis.addresses[0]',
    /host:port/,
  ],
  [
    'redis literal password',
    { redis: { addresses: ['redis:6379'], password: 'x' } },
    'registry.redis.password',
    /secret reference/,
  ],
  [
    'a literal Authorization header on a notification endpoint',
    {
      notifications: [
        { name: 'a', url: 'http://x/', headers: { Authorization: ['Bearer s3cr3t-hook-token'] } },
      ],
    },
    'registry.notifications[0].headers.Authorization[0]',
    /must be a secret reference, not a literal/,
  ],
  [
    'a literal bearer credential under any header name',
    { notifications: [{ name: 'a', url: 'http://x/', headers: { 'X-Hook': ['Bearer s3cr3t-hook-token'] } }] },
    'registry.notifications[0].headers.X-Hook[0]',
    /must be a secret reference/,
  ],
  [
    'a literal API key header',
    { notifications: [{ name: 'a', url: 'http://x/', headers: { 'X-Api-Key': ['s3cr3t-hook-token'] } }] },
    'registry.notifications[0].headers.X-Api-Key[0]',
    /must be a secret reference/,
  ],
  ['catalog 0', { catalogMaxEntries: 0 }, 'registry.catalogMaxEntries', /from 1 to 100000/],
  [
    'unknown log level',
    { log: { level: 'trace' } },
    'registry.log.level',
    /"error", "warn", "info", "debug"/,
  ],
];

describe('resolveRegistrySpec errors name the property, show the value and say what is allowed', () => {
  test.each(BAD)('%s', (_name, spec, property, allowed) => {
    let error: unknown;
    try {
      resolveRegistrySpec(spec as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    const e = error as SpecError;
    expect(e.property).toBe(property);
    expect(e.message.startsWith(`${property}: got `)).toBe(true);
    expect(e.message).toMatch(allowed);
    expect(e.message).not.toContain('s3cr3t');
  });

  test('secret references are accepted where literals are refused', () => {
    expect(() =>
      resolveRegistrySpec({
        version: 3,
        proxy: { remoteUrl: 'https://upstream', username: 'u', password: TOKEN, ttl: '24h' },
        redis: { addresses: ['a:1', 'b:2'], password: TOKEN },
        notifications: [
          { name: 'h', url: 'http://x/', headers: { Authorization: [TOKEN], 'X-Source': ['registry'] } },
        ],
        storage: {
          cache: 'redis',
          driver: { driver: 's3', bucket: 'b', region: 'r', accessKey: 'AK', secretKey: TOKEN },
        },
      }),
    ).not.toThrow();
  });

  test('a literal private key or bcrypt hash is never echoed in a message', () => {
    expect(() =>
      resolveRegistrySpec({
        proxy: {
          remoteUrl: 'https://u',
          username: 'u',
          password: '$2y$10$abcdefghijklmnopqrstuv' as unknown as SecretRef,
        },
      }),
    ).toThrow(/<a bcrypt hash \(not shown\)>/);
  });
});
