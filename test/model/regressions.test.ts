/* eslint-disable @typescript-eslint/no-explicit-any -- parsed YAML is walked freely in assertions */
/**
 * One named regression test per defect class a property run found (issue 10): crashes on wrong
 * types, invalid input accepted, valid input refused, YAML the Go programs misread, secrets
 * echoed in errors. The property tests in test/properties search for more of each class.
 */
import { parse } from 'yaml';
import { RegistrySpec, resolveRegistrySpec, SecretRef, SpecError } from '../../lib/model';
import { renderRegistryConfig } from '../../lib/render';

function refusal(spec: unknown): SpecError {
  try {
    resolveRegistrySpec(spec as RegistrySpec);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw new Error(`not a SpecError: ${String(e)}`);
  }
  throw new Error(`accepted: ${JSON.stringify(spec)}`);
}

function config(spec: RegistrySpec): Record<string, any> {
  return parse(renderRegistryConfig(resolveRegistrySpec(spec)).content, { version: '1.1' }) as Record<
    string,
    any
  >;
}

describe('crashes are SpecErrors that name the property', () => {
  test.each<[string, unknown, string]>([
    ['redis: null', { redis: null }, 'registry.redis'],
    ['proxy: null', { proxy: null }, 'registry.proxy'],
    ['http.tls: null', { http: { tls: null } }, 'registry.http.tls'],
    ['notifications: [null]', { notifications: [null] }, 'registry.notifications[0]'],
    [
      'rootDirectory: 5',
      { storage: { driver: { driver: 'filesystem', rootDirectory: 5 } } },
      'registry.storage.driver.rootDirectory',
    ],
    ['the spec itself null', null, 'registry'],
    ['http: a string', { http: 'https' }, 'registry.http'],
    ['auth.realm: a number', { auth: { type: 'htpasswd', realm: 5 } }, 'registry.auth.realm'],
  ])('%s', (_name, spec, property) => {
    expect(refusal(spec).property).toBe(property);
  });
});

describe('false means off where a section can be turned off, and is refused elsewhere', () => {
  test('http.tls: false renders no TLS block', () => {
    expect(config({ http: { tls: false } }).http.tls).toBeUndefined();
  });
  test('health: false turns the storage-driver check off', () => {
    expect(config({ health: false }).health.storagedriver.enabled).toBe(false);
  });
  test('storage.uploadPurging: false turns purging off', () => {
    expect(config({ storage: { uploadPurging: false } }).storage.maintenance.uploadpurging.enabled).toBe(
      false,
    );
  });
  test("http.debug: 'off' is refused (false turns it off)", () => {
    expect(refusal({ http: { debug: 'off' } }).property).toBe('registry.http.debug');
    expect(config({ http: { debug: false } }).http.debug).toBeUndefined();
  });
  test('a section that cannot be off refuses false', () => {
    expect(refusal({ storage: false }).property).toBe('registry.storage');
  });
});

describe('invalid input the real programs refuse is refused here', () => {
  test.each<[string, unknown, string]>([
    [
      "a duration past Go's time.Duration",
      { http: { drainTimeout: '2562048h' } },
      'registry.http.drainTimeout',
    ],
    ['a negative duration', { health: { interval: '-1s' } }, 'registry.health.interval'],
    [
      'an RE2 repeat over 1000',
      { validation: { allowUrls: ['a{1001}'] } },
      'registry.validation.allowUrls[0]',
    ],
    ['\\cA (not RE2)', { validation: { allowUrls: ['\\cA'] } }, 'registry.validation.allowUrls[0]'],
    ['\\e (not RE2)', { validation: { denyUrls: ['\\e'] } }, 'registry.validation.denyUrls[0]'],
    ['a Redis port out of range', { redis: { addresses: ['redis:70000'] } }, 'registry.redis.addresses[0]'],
    [
      'an S3 endpoint that is not a URL',
      { storage: { driver: { driver: 's3', bucket: 'b', region: 'r', regionEndpoint: 'minio' } } },
      'registry.storage.driver.regionEndpoint',
    ],
    ['a malformed image reference', { image: 'registry::2' }, 'registry.image'],
    [
      'a NUL byte in a path',
      { storage: { driver: { driver: 'filesystem', rootDirectory: '/data\u0000x' } } },
      'registry.storage.driver.rootDirectory',
    ],
  ])('%s', (_name, spec, property) => {
    expect(refusal(spec).property).toBe(property);
  });
});

describe('valid input the real programs accept is accepted here', () => {
  test.each<[string, RegistrySpec]>([
    ['RE2 flags (?i) and (?s)', { validation: { allowUrls: ['(?i)^https://CDN\\.lab/', '(?s)a.b'] } }],
    ['an RE2 named group (?P<name>...)', { validation: { denyUrls: ['(?P<host>[a-z]+)\\.lab'] } }],
    ['the Go duration "0"', { http: { drainTimeout: '0' } }],
    ['the Go duration ".5s"', { health: { interval: '.5s' } }],
  ])('%s', (_name, spec) => {
    expect(() => resolveRegistrySpec(spec)).not.toThrow();
  });
});

describe('YAML 1.1 words are quoted, so Go reads them as the strings they are', () => {
  test.each(['yes', 'no', 'on', 'off', 'y'])('htpasswd realm %s', (realm) => {
    const text = renderRegistryConfig(resolveRegistrySpec({ auth: { type: 'htpasswd', realm } })).content;
    expect(text).toContain(`realm: "${realm}"`);
  });
  test.each(['yes', '1_000', '0b101'])('token service and issuer %s, S3 bucket %s', (w) => {
    const c = config({
      auth: { type: 'token', realm: 'https://a.lab/auth', service: w, issuer: w },
      storage: { driver: { driver: 's3', bucket: w, region: w } },
    });
    expect([c.auth.token.service, c.auth.token.issuer, c.storage.s3.bucket, c.storage.s3.region]).toEqual([
      w,
      w,
      w,
      w,
    ]);
  });
});

describe('secrets are never echoed', () => {
  test.each<[string, unknown]>([
    [
      'a literal proxy password',
      { proxy: { remoteUrl: 'https://u.lab', username: 'bot', password: 'Hunter2Hunter2' } },
    ],
    [
      'a literal S3 secret key',
      {
        storage: {
          driver: { driver: 's3', bucket: 'b', region: 'r', accessKey: 'AK', secretKey: 'Hunter2Hunter2' },
        },
      },
    ],
    ['a section shown whole', { proxy: { remoteUrl: 5, username: 'bot', password: 'Hunter2Hunter2' } }],
    ['a wrong-type section holding a secret', { redis: [{ password: 'Hunter2Hunter2' }] }],
  ])('%s', (_name, spec) => {
    const e = refusal(spec);
    expect(e.message).not.toContain('Hunter2Hunter2');
  });
  test('a secret reference is accepted', () => {
    expect(() =>
      resolveRegistrySpec({
        proxy: { remoteUrl: 'https://u.lab', username: 'bot', password: SecretRef.fromEngine('x') },
      }),
    ).not.toThrow();
  });
});
