// notary-server and notary-signer (the stand-in images: Debian's notary 0.7.0) started with every
// rendered configuration variant, over MariaDB set up by the rendered migration job: each pair
// becomes healthy and works (notary-server has the signer create a timestamp key of the configured
// algorithm for each accepted repository prefix; another prefix is refused). Certificates from
// another CA are refused both ways: with a signer certificate or a client certificate another CA
// signed, the same request fails.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** `openssl` in the test's directory. */
function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA (EC P-256, one day) named `name`: `<name>.crt`, `<name>.key`. */
function makeCa(name: string): void {
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-subj',
    `/CN=${name}`,
    '-days',
    '1',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

/** A leaf `<name>.crt`/`.key` signed by `ca`, for `dns`, usable as a TLS server or client only. */
function makeLeaf(name: string, ca: string, dns: string, usage: 'serverAuth' | 'clientAuth'): void {
  openssl([
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${dns}`,
  ]);
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=DNS:${dns}\nextendedKeyUsage=${usage}\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  ]);
}

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
  makeCa('internal');
  makeCa('other');
  makeLeaf('signer', 'internal', 'notary-signer', 'serverAuth');
  makeLeaf('client', 'internal', 'notary-server', 'clientAuth');
  makeLeaf('public', 'other', 'localhost', 'serverAuth');
  makeLeaf('signer-other', 'other', 'notary-signer', 'serverAuth');
  makeLeaf('client-other', 'other', 'notary-server', 'clientAuth');
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

test('notary-server refuses a signer whose certificate another CA signed', async () => {
  await startPair(base, {
    signer: 'signer-other',
    client: 'client',
    signerCa: 'internal',
    clientCa: 'internal',
  });
  try {
    expect(await waitForCommand('np-server', HEALTH, 60)).toBe(true);
    expect(await timestampKey('localhost:5460/e2e/app')).toMatchObject({ ok: false });
    expect(await logsOf('np-server')).toMatch(/certificate signed by unknown authority/);
  } finally {
    await stopPair();
  }
});

test('notary-signer refuses notary-server when its client certificate comes from another CA', async () => {
  await startPair(base, {
    signer: 'signer',
    client: 'client-other',
    signerCa: 'internal',
    clientCa: 'internal',
  });
  try {
    expect(await waitForCommand('np-server', HEALTH, 60)).toBe(true);
    expect(await timestampKey('localhost:5460/e2e/app')).toMatchObject({ ok: false });
    // The signer ends the TLS handshake: the gRPC call fails (the same pair with the right client certificate works, above).
    expect(await logsOf('np-server')).toMatch(/timestamp key: rpc error: code = Unavailable/);
  } finally {
    await stopPair();
  }
});
