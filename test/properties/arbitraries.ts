/**
 * Random registry specs for the property tests: valid ones (with the edge cases the real
 * programs accept: Go durations such as "0" and ".5s", RE2 flags and named groups, words that
 * YAML 1.1 reads as booleans or numbers), and valid ones broken in one known place, each with the
 * property its error must name.
 */
import fc from 'fast-check';
import { RegistrySpec, SecretRef } from '../../lib/model';
import { testSecret } from '../helpers/secrets';

/** Words YAML 1.1 (Go's yaml.v2) reads as another type when unquoted. */
export const YAML11_WORDS = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'NO',
  'true',
  'null',
  '1_000',
  '0b101',
  '012',
  '0x1F',
  '1e3',
  '.inf',
];

const word = fc.oneof(fc.constantFrom(...YAML11_WORDS), fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/));
const realmWord = fc.oneof(
  fc.constantFrom('yes', 'on', 'off', 'no', 'y', 'Registry'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,20}$/),
);

/** Durations Go's time.ParseDuration accepts, non-negative, within range. */
export const goDuration = fc.oneof(
  fc.constantFrom('0', '.5s', '1.s', '1h30m', '2562047h', '1.5h', '300ms', '10us', '5µs', '1h1m1s1ms'),
  fc
    .tuple(fc.integer({ min: 0, max: 100000 }), fc.constantFrom('ns', 'us', 'ms', 's', 'm', 'h'))
    .map(([n, u]) => `${n}${u}`),
);

/** Regexes Go's RE2 compiles. */
export const re2 = fc.constantFrom(
  '^https://cdn\\.lab/',
  '(?i)^HTTPS://',
  '(?s)a.b',
  '(?P<host>[a-z]+)\\.lab',
  '\\pN+',
  '[[:alpha:]]+',
  'a{1000}',
  '.*',
);

const port = fc.integer({ min: 1, max: 65535 });
const secret: fc.Arbitrary<SecretRef> = fc
  .stringMatching(/^[A-Za-z0-9!#:"' ]{1,20}$/)
  .map((v) => testSecret(v));

/** A valid spec for either dialect. */
export function validSpec(): fc.Arbitrary<RegistrySpec> {
  return fc
    .record({
      version: fc.constantFrom(2 as const, 3 as const),
      httpPort: port,
      debug: fc.oneof(fc.constant(false as const), fc.constant(undefined), port),
      tls: fc.oneof(fc.constant(undefined), fc.constant(false as const), fc.constantFrom('tls1.2', 'tls1.3')),
      drain: fc.option(goDuration, { nil: undefined }),
      auth: fc.oneof(
        fc.constant({ type: 'none' as const }),
        realmWord.map((realm) => ({ type: 'htpasswd' as const, realm })),
        fc.tuple(word, word).map(([service, issuer]) => ({
          type: 'token' as const,
          realm: 'https://auth.lab/auth',
          service,
          issuer,
        })),
      ),
      health: fc.oneof(
        fc.constant(undefined),
        fc.constant(false as const),
        fc.record({ interval: goDuration, threshold: fc.integer({ min: 1, max: 100 }) }),
      ),
      purging: fc.oneof(
        fc.constant(undefined),
        fc.constant(false as const),
        fc.record({ age: goDuration, interval: goDuration, dryRun: fc.boolean() }),
      ),
      s3: fc.option(fc.tuple(word, word, fc.boolean(), secret), { nil: undefined }),
      deleteEnabled: fc.boolean(),
      validation: fc.record({
        allowUrls: fc.array(re2, { maxLength: 2 }),
        denyUrls: fc.array(re2, { maxLength: 2 }),
      }),
      notifications: fc.array(fc.tuple(goDuration, fc.boolean()), { maxLength: 2 }),
      redis: fc.option(fc.tuple(port, secret, goDuration), { nil: undefined }),
      proxy: fc.option(fc.tuple(fc.option(goDuration, { nil: undefined }), secret), { nil: undefined }),
      logLevel: fc.constantFrom('error', 'warn', 'info', 'debug' as const),
    })
    .map((r) => {
      const debugPort =
        typeof r.debug === 'number' ? (r.debug === r.httpPort ? (r.debug % 65535) + 1 : r.debug) : r.debug;
      const spec: RegistrySpec = {
        version: r.version,
        log: { level: r.logLevel as 'info' },
        http: {
          port: r.httpPort,
          ...(debugPort === false
            ? { debug: false as const }
            : debugPort !== undefined
              ? { debug: { port: debugPort } }
              : {}),
          ...(r.tls === false
            ? { tls: false as const }
            : r.tls !== undefined
              ? { tls: { minimumVersion: r.tls as 'tls1.2' } }
              : {}),
          ...(r.drain !== undefined ? { drainTimeout: r.drain } : {}),
        },
        auth: r.auth,
        ...(r.health !== undefined ? { health: r.health } : {}),
        storage: {
          deleteEnabled: r.deleteEnabled,
          ...(r.purging !== undefined ? { uploadPurging: r.purging } : {}),
          ...(r.redis !== undefined ? { cache: 'redis' as const } : {}),
          ...(r.s3 !== undefined
            ? {
                driver: {
                  driver: 's3' as const,
                  bucket: r.s3[0],
                  region: r.s3[1],
                  secure: r.s3[2],
                  regionEndpoint: 'http://minio.lab:9000',
                  accessKey: 'AKIA',
                  secretKey: r.s3[3],
                },
              }
            : {}),
        },
        validation: r.validation,
        notifications: r.notifications.map(([timeout, disabled], i) => ({
          name: `hook-${i}`,
          url: `http://127.0.0.1:9/hook-${i}`,
          timeout,
          disabled,
          headers: { Authorization: [testSecret(`Bearer t${i}`)] },
        })),
        ...(r.redis !== undefined
          ? { redis: { addresses: [`redis:${r.redis[0]}`], password: r.redis[1], dialTimeout: r.redis[2] } }
          : {}),
        ...(r.proxy !== undefined
          ? {
              proxy: {
                remoteUrl: 'https://upstream.lab',
                username: 'bot',
                password: r.proxy[1],
                ...(r.version === 3 && r.proxy[0] !== undefined ? { ttl: r.proxy[0] } : {}),
              },
            }
          : {}),
      };
      return spec;
    });
}

/** Sets a value at a dotted path in a copy of a spec (creating objects on the way). */
export function setAt(spec: RegistrySpec, path: readonly (string | number)[], value: unknown): RegistrySpec {
  const copy = structuredCloneSpec(spec) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null)
      node[key] = typeof path[path.indexOf(key) + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy as RegistrySpec;
}

function structuredCloneSpec(v: unknown): unknown {
  if (SecretRef.isSecretRef(v)) return v;
  if (Array.isArray(v)) return v.map(structuredCloneSpec);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCloneSpec(x)]));
  }
  return v;
}

/** One way to break a valid spec, and the property the error must name. */
export interface Breakage {
  readonly name: string;
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  /** A literal secret the message must not show. */
  readonly secret?: string;
}

const WRONG_TYPES: unknown[] = [null, 5, 'x', true, []];
const SECTIONS = [
  ['redis'],
  ['proxy'],
  ['http'],
  ['http', 'tls'],
  ['http', 'debug'],
  ['health'],
  ['storage'],
  ['storage', 'uploadPurging'],
  ['storage', 'driver'],
  ['auth'],
  ['log'],
  ['validation'],
  ['http', 'headers'],
];
const DURATIONS = [
  ['http', 'drainTimeout'],
  ['health', 'interval'],
  ['storage', 'uploadPurging', 'age'],
  ['storage', 'uploadPurging', 'interval'],
];

/** Every kind of breakage the issue lists, with the property each must be refused under. */
export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...SECTIONS), fc.constantFrom(...WRONG_TYPES.filter((v) => v !== true)))
    .map(([p, v]) => ({ name: `section ${p.join('.')} = ${JSON.stringify(v)}`, path: p, value: v })),
  fc
    .constantFrom(['notifications', 0], ['notifications', 1])
    .map((p) => ({ name: 'notification entry null', path: p, value: null })),
  fc.constantFrom(...WRONG_TYPES).map((v) => ({
    name: `rootDirectory ${JSON.stringify(v)}`,
    path: ['storage', 'driver'],
    value: { driver: 'filesystem', rootDirectory: v },
  })),
  fc
    .tuple(
      fc.constantFrom(...DURATIONS),
      fc.constantFrom('2562048h', '9999999999h', '5', '-1s', '1 h', '1d', '.s', ''),
    )
    .map(([p, d]) => ({ name: `duration ${p.join('.')} = ${d}`, path: p, value: d })),
  fc
    .constantFrom('a{1001}', '\\cA', '\\e', '(?=x)', '\\1', '(?<n>x)', '[', '')
    .map((r) => ({ name: `regex ${r}`, path: ['validation', 'allowUrls', 0], value: r })),
  fc
    .constantFrom('redis:70000', 'redis:0', 'redis', ':6379', 'red is:1', 5)
    .map((a) => ({ name: `redis address ${String(a)}`, path: ['redis'], value: { addresses: [a] } })),
  fc.constantFrom('not a url', 'ftp://x', 5).map((u) => ({
    name: `regionEndpoint ${String(u)}`,
    path: ['storage', 'driver'],
    value: { driver: 's3', bucket: 'b', region: 'r', regionEndpoint: u },
  })),
  fc
    .constantFrom('registry::2', 'Registry:2', 'registry:2 ', 'a/b:c:d', '')
    .map((i) => ({ name: `image ${i}`, path: ['image'], value: i })),
  fc.constantFrom('/var/lib/\u0000registry', '/var/lib/re gistry', 'relative/dir').map((d) => ({
    name: `rootDirectory ${JSON.stringify(d)}`,
    path: ['storage', 'driver'],
    value: { driver: 'filesystem', rootDirectory: d },
  })),
  fc
    .constantFrom(['http', 'tls'], ['health'], ['storage', 'uploadPurging'], ['http', 'debug'])
    .map((p) => ({ name: `section ${p.join('.')} = true`, path: p, value: true })),
  fc
    .constantFrom(['http', 'port'], ['catalogMaxEntries'], ['health', 'threshold'])
    .chain((p) =>
      fc
        .constantFrom('5000', 0, -1, 1.5, null, 1e9)
        .map((v) => ({ name: `number ${p.join('.')} = ${JSON.stringify(v)}`, path: p, value: v })),
    ),
  fc.stringMatching(/^[A-Za-z0-9]{8,24}$/).chain((pw) =>
    fc.constantFrom<Breakage>(
      {
        name: 'literal proxy password',
        path: ['proxy'],
        value: { remoteUrl: 'https://u.lab', username: 'bot', password: `S3cr3t${pw}` },
        secret: `S3cr3t${pw}`,
      },
      {
        name: 'literal S3 secret key',
        path: ['storage', 'driver'],
        value: { driver: 's3', bucket: 'b', region: 'r', accessKey: 'AK', secretKey: `S3cr3t${pw}` },
        secret: `S3cr3t${pw}`,
      },
      {
        name: 'literal redis password',
        path: ['redis'],
        value: { addresses: ['redis:6379'], password: `S3cr3t${pw}` },
        secret: `S3cr3t${pw}`,
      },
      {
        name: 'literal bearer header',
        path: ['notifications'],
        value: [{ name: 'h', url: 'http://h.lab/', headers: { Authorization: [`Bearer S3cr3t${pw}`] } }],
        secret: `S3cr3t${pw}`,
      },
    ),
  ),
);

/** The property a breakage's error must name: the deepest path that the library can blame. */
export function expectedProperty(b: Breakage): RegExp {
  const base = ['registry', ...b.path].join('.').replace(/\.(\d+)/g, '[$1]');
  return new RegExp(`^${base.replace(/[.[\]]/g, (c) => `\\${c}`)}`);
}
