// notary-server and notary-signer (the stand-in images: Debian's notary 0.7.0) started with every
// rendered configuration variant, over MariaDB set up by the rendered migration job: each pair
// becomes healthy and works (notary-server has the signer create a timestamp key of the configured
// algorithm for each accepted repository prefix; another prefix is refused). Certificates from
// another CA are refused both ways: with a signer certificate or a client certificate another CA
// signed, the same request fails.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotarySpec, resolveNotary, ResolvedNotary } from '../../lib/model/notary';
import { resolveNotaryMigrations } from '../../lib/model/notary-migrations';
import { readNotaryMigrations } from '../../lib/constructs/notary-migrations';
import {
  notaryDatabasePlan,
  notaryMigrationPlan,
  notaryServerPlan,
  notarySignerPlan,
} from '../../lib/plans/notary-plans';
import { defaultNotaryMigrationsDir } from '../../stacks/trust';
import { makeTestCa, makeTestLeaf } from '../helpers/certs';
import { testSecret } from '../helpers/secrets';
import { run } from './harness';
import { logsOf, runPlan, RunningPlan, waitForCommand } from './plan-runner';

const NET = 'np-notary-net';
const VOLUME = 'np-notary-db';
const dir = mkdtempSync(join(tmpdir(), 'notary-programs-'));
const secret = (): ReturnType<typeof testSecret> => testSecret(randomBytes(24).toString('hex'));
const passwords = { root: secret(), server: secret(), signer: secret() };
const database = { host: 'notary-db', port: 3306 };
const signer = { host: 'notary-signer', port: 7899 };
let db: RunningPlan | undefined;
const started: RunningPlan[] = [];

/** A certificate and key as the plans take them (the key a test secret). */
function material(name: string): { certificatePem: string; privateKeyPem: ReturnType<typeof testSecret> } {
  return {
    certificatePem: readFileSync(join(dir, `${name}.crt`), 'utf8'),
    privateKeyPem: testSecret(readFileSync(join(dir, `${name}.key`), 'utf8')),
  };
}

async function clean(): Promise<void> {
  await run('docker', ['rm', '-f', 'np-db', 'np-migrate', 'np-signer', 'np-server']);
  await run('docker', ['network', 'rm', NET]);
  await run('docker', ['volume', 'rm', '-f', VOLUME]);
}

/** Starts a signer and a server with `spec` and the given certificates; resolves to both. */
async function startPair(
  spec: ResolvedNotary,
  certs: { signer: string; client: string; signerCa: string; clientCa: string },
): Promise<{ signer: RunningPlan; server: RunningPlan }> {
  const s = await runPlan(
    notarySignerPlan({
      name: 'np-signer',
      spec,
      aliases: [signer.host],
      database,
      databasePassword: passwords.signer,
      passphrase: secret(),
      tls: material(certs.signer),
      internalCaPem: readFileSync(join(dir, `${certs.clientCa}.crt`), 'utf8'),
    }),
    NET,
  );
  started.push(s);
  const v = await runPlan(
    notaryServerPlan({
      name: 'np-server',
      spec,
      aliases: ['notary-server'],
      publish: { port: 4443, bindAddress: '127.0.0.1' },
      signer,
      database,
      databasePassword: passwords.server,
      tls: material('public'),
      client: material(certs.client),
      internalCaPem: readFileSync(join(dir, `${certs.signerCa}.crt`), 'utf8'),
    }),
    NET,
  );
  started.push(v);
  return { signer: s, server: v };
}

/**
 * Asks notary-server for the timestamp key of `gun`: the server has the signer create it (gRPC
 * over mutual TLS), so the answer proves the pair works. Resolves to the key type, or the error.
 */
async function timestampKey(gun: string): Promise<{ ok: boolean; keytype?: string; detail: string }> {
  const url = `https://127.0.0.1:4443/v2/${gun}/_trust/tuf/timestamp.key`;
  const r = await run(
    'docker',
    ['exec', 'np-server', 'wget', '--no-check-certificate', '-q', '-O', '-', url],
    {
      timeoutMs: 30_000,
    },
  );
  if (r.code !== 0) return { ok: false, detail: r.output };
  const key = JSON.parse(r.output) as { keytype: string };
  return { ok: true, keytype: key.keytype, detail: r.output };
}

const HEALTH = [
  'wget',
  '--no-check-certificate',
  '-q',
  '-O',
  '/dev/null',
  'https://127.0.0.1:4443/_notary_server/health',
];

async function stopPair(): Promise<void> {
  for (const p of started.splice(0)) await p.remove();
}

beforeAll(async () => {
  await clean();
  makeTestCa(dir, 'internal');
  makeTestCa(dir, 'other');
  makeTestLeaf(dir, 'signer', 'internal', 'DNS:notary-signer', 'serverAuth');
  makeTestLeaf(dir, 'client', 'internal', 'DNS:notary-server', 'clientAuth');
  makeTestLeaf(dir, 'public', 'other', 'DNS:localhost', 'serverAuth');
  makeTestLeaf(dir, 'signer-other', 'other', 'DNS:notary-signer', 'serverAuth');
  makeTestLeaf(dir, 'client-other', 'other', 'DNS:notary-server', 'clientAuth');
  await run('docker', ['network', 'create', NET]);
});

afterAll(async () => {
  await stopPair();
  await db?.remove();
  await clean();
  rmSync(dir, { recursive: true, force: true });
});

const base = resolveNotary('notary', {}, 'localhost:5460/');

test('MariaDB starts with the rendered root password file and the migration job sets it up', async () => {
  db = await runPlan(
    notaryDatabasePlan({
      name: 'np-db',
      spec: base,
      aliases: [database.host],
      dataVolumeName: VOLUME,
      rootPassword: passwords.root,
    }),
    NET,
  );
  expect(await waitForCommand('np-db', ['mariadb-admin', 'ping', '-h', '127.0.0.1', '--silent'], 90)).toBe(
    true,
  );
  const job = await runPlan(
    notaryMigrationPlan({
      name: 'np-migrate',
      spec: base,
      database,
      passwords,
      migrations: resolveNotaryMigrations('m', readNotaryMigrations(defaultNotaryMigrationsDir())),
      dataVolumeName: VOLUME,
    }),
    NET,
  );
  expect(job.output).toMatch(/notaryserver is at version 5/);
  expect(job.output).toMatch(/notarysigner is at version 2/);
});

const VARIANTS: [string, NotarySpec, string][] = [
  ['defaults', {}, 'ecdsa'],
  [
    'ecdsa keys, debug logs, another passphrase alias',
    { keyAlgorithm: 'ecdsa', logLevel: 'debug', passphraseAlias: 'rotated_2' },
    'ecdsa',
  ],
  [
    'ed25519 keys, warn logs, two GUN prefixes',
    {
      keyAlgorithm: 'ed25519',
      logLevel: 'warn',
      gunPrefixes: ['registry.example.com:5000/', 'localhost:5460/'],
    },
    'ed25519',
  ],
];

test.each(VARIANTS)(
  'notary-signer and notary-server start and work together: %s',
  async (_, given, keytype) => {
    const spec = resolveNotary('notary', given, 'localhost:5460/');
    await startPair(spec, { signer: 'signer', client: 'client', signerCa: 'internal', clientCa: 'internal' });
    try {
      const healthy = await waitForCommand('np-server', HEALTH, 60);
      if (!healthy)
        throw new Error(`not healthy:\n${await logsOf('np-server')}\n${await logsOf('np-signer')}`);
      // Each accepted prefix gets a key of the configured algorithm from the signer; others are refused.
      for (const prefix of spec.gunPrefixes) {
        const key = await timestampKey(`${prefix}e2e/app`);
        if (!key.ok) throw new Error(`no timestamp key: ${key.detail}\n${await logsOf('np-server')}`);
        expect(key.keytype).toBe(keytype);
      }
      expect((await timestampKey('elsewhere.example.com/e2e/app')).ok).toBe(false);
    } finally {
      await stopPair();
    }
  },
);

/**
 * Starts a pair with one certificate from the other CA: notary-server is up, but asking it for a
 * timestamp key fails, and its log says why (`because`).
 */
async function expectRefused(certs: { signer: string; client: string }, because: RegExp): Promise<void> {
  await startPair(base, { ...certs, signerCa: 'internal', clientCa: 'internal' });
  try {
    expect(await waitForCommand('np-server', HEALTH, 60)).toBe(true);
    expect(await timestampKey('localhost:5460/e2e/app')).toMatchObject({ ok: false });
    expect(await logsOf('np-server')).toMatch(because);
  } finally {
    await stopPair();
  }
}

test('notary-server refuses a signer whose certificate another CA signed', () =>
  expectRefused({ signer: 'signer-other', client: 'client' }, /certificate signed by unknown authority/));

// The signer ends the TLS handshake, so the gRPC call fails; the same pair with the right client
// certificate works (above).
test('notary-signer refuses notary-server when its client certificate comes from another CA', () =>
  expectRefused(
    { signer: 'signer', client: 'client-other' },
    /timestamp key: rpc error: code = Unavailable/,
  ));
