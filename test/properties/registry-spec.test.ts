/**
 * Property tests over every registry spec the library takes (fixed seed, counted cases): valid
 * specs render deterministic configs that Go's yaml.v2 reads as written and the real registries
 * start with; every broken spec is refused with a SpecError naming the property; no input crashes
 * the library; no error shows a secret. Durations and regexes are checked against Go itself.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  formatGoDuration,
  parseGoDuration,
  RegistrySpec,
  resolveManifestValidation,
  resolveRegistrySpec,
  resolveTokenServer,
  SpecError,
} from '../../lib/model';
import { registryConfigObject, renderDockerAuthConfig, renderRegistryConfig } from '../../lib/render';
import { Lab } from '../helpers/lab';
import { gocheckBinary } from '../helpers/programs';
import { filled, testSecret } from '../helpers/secrets';
import { breakage, expectedProperty, goDuration, setAt, validSpec, YAML11_WORDS } from './arbitraries';

const SEED = 20261124;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const tally = { valid: 0, broken: 0, junk: 0, goYaml: 0, durations: 0, regexes: 0, started: 0 };
const defects = { crashes: 0, invalidAccepted: 0, validRefused: 0, secretsEchoed: 0, startFailures: 0 };

afterAll(() => {
  console.log(`property run (seed ${SEED}): ${JSON.stringify(tally)}; defects ${JSON.stringify(defects)}`);
});

const httpSecret = testSecret('http-secret-value');

describe('valid specs', () => {
  test('resolve, render the same bytes twice, and read back as written under YAML 1.1', () => {
    fc.assert(
      fc.property(validSpec(), (spec) => {
        tally.valid++;
        let resolved;
        try {
          resolved = resolveRegistrySpec(spec);
        } catch (e) {
          defects.validRefused++;
          throw e;
        }
        const a = renderRegistryConfig(resolved, { httpSecret });
        const b = renderRegistryConfig(resolveRegistrySpec(spec), { httpSecret });
        expect(b.content).toBe(a.content);
        // Read as Go's yaml.v2 reads (YAML 1.1): every value is what the object says.
        expect(parse(a.content, { version: '1.1' })).toEqual(
          JSON.parse(JSON.stringify(registryConfigObject(resolved, { httpSecret }))),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test("Go's yaml.v2 reads a sample of rendered configs (YAML 1.1 words in realm, bucket, service, issuer) as written", () => {
    const dir = mkdtempSync(join(tmpdir(), 'goyaml-'));
    const samples = fc.sample(validSpec(), { seed: SEED, numRuns: 60 });
    // Make sure the YAML 1.1 words are among them.
    for (const w of YAML11_WORDS) {
      samples.push({ auth: { type: 'token', realm: 'https://a.lab/auth', service: w, issuer: w } });
      if (/^[A-Za-z0-9 ._-]+$/.test(w)) samples.push({ auth: { type: 'htpasswd', realm: w } });
    }
    samples.forEach((spec, i) => {
      const file = renderRegistryConfig(resolveRegistrySpec(spec), { httpSecret });
      const path = join(dir, `config-${i}.yml`);
      writeFileSync(path, filled(file));
      const goRead = JSON.parse(execFileSync(gocheckBinary(), ['yaml', path], { encoding: 'utf8' }));
      expect(goRead).toEqual(parse(filled(file), { version: '1.1' }));
      tally.goYaml++;
    });
  });
  test("Go's yaml.v2 reads docker_auth's config as written (users, service and issuer named like YAML 1.1 words)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'goyaml-auth-'));
    const words = ['yes', 'no', 'on', 'off', 'y', 'n', 'null', '1_000'];
    const spec = resolveTokenServer('t', {
      service: 'yes',
      issuer: 'on',
      roles: [{ name: 'admin', grants: [{ repositories: ['*'], actions: ['pull', 'push'] }], catalog: true }],
      users: words.map((name) => ({ name, roles: ['admin'] })),
    });
    const file = renderDockerAuthConfig(spec, {
      passwordHashes: Object.fromEntries(words.map((w) => [w, testSecret(`$2y$05$${w}`)])),
    });
    const path = join(dir, 'auth_config.yml');
    writeFileSync(path, filled(file));
    const goRead = JSON.parse(execFileSync(gocheckBinary(), ['yaml', path], { encoding: 'utf8' }));
    expect(Object.keys(goRead.users).sort()).toEqual([...words].sort());
    expect([goRead.token.issuer, goRead.acl[0].match.account]).toEqual(['on', 'yes']);
    expect(goRead).toEqual(parse(filled(file), { version: '1.1' }));
    tally.goYaml++;
  });
});

describe('broken specs', () => {
  test('each is refused with a SpecError naming the broken property, never showing a secret', () => {
    fc.assert(
      fc.property(validSpec(), breakage, (spec, b) => {
        tally.broken++;
        const broken = setAt(spec, b.path, b.value);
        let error: unknown;
        try {
          renderRegistryConfig(resolveRegistrySpec(broken), { httpSecret });
        } catch (e) {
          error = e;
        }
        if (error === undefined) defects.invalidAccepted++;
        else if (!(error instanceof SpecError)) defects.crashes++;
        expect(error).toBeInstanceOf(SpecError);
        const e = error as SpecError;
        expect(e.property).toMatch(expectedProperty(b));
        if (b.secret !== undefined && e.message.includes(b.secret)) defects.secretsEchoed++;
        if (b.secret !== undefined) expect(e.message).not.toContain(b.secret);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

const FIELDS: (string | number)[][] = [
  [],
  ['version'],
  ['image'],
  ['log'],
  ['log', 'level'],
  ['storage'],
  ['storage', 'driver'],
  ['storage', 'driver', 'driver'],
  ['storage', 'cache'],
  ['storage', 'uploadPurging'],
  ['http'],
  ['http', 'tls'],
  ['http', 'tls', 'minimumVersion'],
  ['http', 'debug'],
  ['http', 'headers'],
  ['http', 'host'],
  ['auth'],
  ['auth', 'type'],
  ['auth', 'realm'],
  ['health'],
  ['notifications'],
  ['notifications', 0],
  ['notifications', 0, 'headers'],
  ['validation'],
  ['validation', 'allowUrls'],
  ['proxy'],
  ['proxy', 'remoteUrl'],
  ['redis'],
  ['redis', 'addresses'],
  ['catalogMaxEntries'],
];

describe('any value anywhere', () => {
  test('never crashes: the result is a config or a SpecError', () => {
    fc.assert(
      fc.property(
        validSpec(),
        fc.constantFrom(...FIELDS),
        fc.anything({ withNullPrototype: true }),
        (spec, path, value) => {
          tally.junk++;
          const junk = path.length === 0 ? (value as RegistrySpec) : setAt(spec, path, value);
          try {
            renderRegistryConfig(resolveRegistrySpec(junk), { httpSecret });
          } catch (e) {
            if (!(e instanceof SpecError)) defects.crashes++;
            expect(e).toBeInstanceOf(SpecError);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** Go's answers for a list of inputs, one line each. */
function askGo(kind: 'duration' | 'regexp', inputs: readonly string[]): string[] {
  const out = execFileSync(gocheckBinary(), [kind], {
    input: inputs.map((s) => JSON.stringify(s)).join('\n') + '\n',
    encoding: 'utf8',
  });
  return out.trimEnd().split('\n');
}

describe('the same answers as Go', () => {
  test("durations: parseGoDuration accepts and refuses what Go's time.ParseDuration does; formatGoDuration prints as Go does", () => {
    const parts = fc.oneof(
      goDuration,
      fc.stringMatching(/^[+-]?[0-9]{0,21}(\.[0-9]{0,12})?(ns|us|µs|μs|ms|s|m|h|d|x|)?$/),
      fc.constantFrom('2562047h47m16.854775807s', '2562047h47m16.854775808s', '-2562047h47m16.854775808s'),
    );
    const inputs = fc.sample(
      fc.array(parts, { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
      { seed: SEED, numRuns: 2000 },
    );
    const go = askGo('duration', inputs);
    inputs.forEach((d, i) => {
      const mine = parseGoDuration(d);
      const theirs = go[i]!;
      expect([d, mine.ok]).toEqual([d, theirs.startsWith('ok')]);
      if (mine.ok) {
        const [, nanoseconds, printed] = theirs.split(' ');
        expect([d, mine.nanoseconds.toString()]).toEqual([d, nanoseconds]);
        // formatGoDuration prints it as Go's Duration.String does (health check read-backs).
        expect([d, formatGoDuration(mine.nanoseconds)]).toEqual([d, printed]);
      }
      tally.durations++;
    });
  });

  test("regexes: the model accepts and refuses what Go's regexp.Compile does", () => {
    const atoms = fc.constantFrom(
      'a',
      '.',
      '\\d',
      '\\pN',
      '[a-z]',
      '[[:alpha:]]',
      '(?i)',
      '(?s)',
      '(?P<n>x)',
      '\\cA',
      '\\e',
      '\\1',
      '(?=x)',
      '{1001}',
      '{2,3}',
      '*',
      '+?',
      '(',
      ')',
      '|',
      '\\z',
      '\\C',
      '\\Q.\\E',
      'x{1000}',
    );
    const inputs = fc.sample(
      fc.array(atoms, { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
      { seed: SEED, numRuns: 1000 },
    );
    const go = askGo('regexp', inputs);
    inputs.forEach((r, i) => {
      let mine = true;
      try {
        resolveManifestValidation('v', { allowUrls: [r] });
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError);
        mine = false;
      }
      // `(?<name>` compiles in Go 1.22+, not in the Go that registry 2.8 is built with: refused here.
      const goOk = go[i]!.startsWith('ok') && !r.includes('(?<');
      expect([r, mine]).toEqual([r, goOk]);
      tally.regexes++;
    });
  });
});

describe('the real registries start with a sample of valid configs', () => {
  const lab = new Lab();
  afterAll(() => lab.close());
  // Startable on their own: filesystem storage, no upstream, no Redis (the lab supplies ports,
  // storage, certificates and the htpasswd file).
  const startable = validSpec().map((s) => ({
    ...s,
    storage: { ...s.storage, driver: undefined, cache: undefined },
    proxy: undefined,
    redis: undefined,
  }));
  const sample: RegistrySpec[] = [
    ...fc.sample(startable, { seed: SEED, numRuns: 4 }),
    { auth: { type: 'htpasswd', realm: 'yes' }, health: false, storage: { uploadPurging: false } },
    {
      auth: { type: 'token', realm: 'https://a.lab/auth', service: 'on', issuer: 'off' },
      http: { tls: false },
    },
    {
      validation: { allowUrls: ['(?i)^https://cdn\\.lab/', '(?P<h>[a-z]+)\\.lab'] },
      http: { drainTimeout: '.5s' },
    },
  ];

  test.each([2, 3] as const)(
    'registry %i.x starts with each and answers /v2/',
    async (version) => {
      copyFileSync(lab.certs.certFile, join(lab.dir, 'token.crt'));
      for (const spec of sample) {
        try {
          const r = await lab.registry(version, spec);
          await r.stop();
          tally.started++;
        } catch (e) {
          defects.startFailures++;
          throw new Error(`registry ${version} refused ${JSON.stringify(spec)}: ${String(e)}`);
        }
      }
    },
    180000,
  );
});
