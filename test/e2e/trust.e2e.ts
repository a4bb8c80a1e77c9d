// `trust` for real: the secure registry plus Notary (server, signer, MariaDB, a run-once migration
// job). The docker CLI signs a push with Docker Content Trust, `docker trust inspect` shows the
// signature, a pull with content trust takes the signed tag and refuses an unsigned one; restarting
// the database and notary-server keeps the trust data; the signer refuses a client certificate from
// another CA (and a server certificate offered as a client one); cosign signs and verifies an image
// in the same registry.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cosignBinary } from '../helpers/programs';
import { DockerCli, removeImages, tlsHandshake } from './clients';
import { docker, run as runProgram, waitHealthy } from './harness';
import { StackRun } from './stack-run';

const run = new StackRun({
  stack: 'trust',
  services: 5,
  keptVolumes: ['trust-notary-db', 'trust-registry-data'],
  writableRoot: ['trust-ui'],
});
const HOST = 'localhost:5460';
const NOTARY = 'localhost:4443';
const REPO = 'e2e/trusted';
/** Passphrases of the client's root and repository keys: generated for this run, never literals. */
const PASSPHRASES = {
  DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE: randomBytes(18).toString('base64url'),
  DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE: randomBytes(18).toString('base64url'),
};
const clients: DockerCli[] = [];
const refs: string[] = [];
let signedDigest = '';
let unsignedDigest = '';
const work = mkdtempSync(join(tmpdir(), 'e2e-trust-'));

/**
 * A docker CLI of its own (a new config directory: no trust data cached from an earlier client),
 * logged in, trusting the stack's CA for the registry (certs.d) and for Notary (the path the
 * `notary_ca_trust_path` output names, under this client's config directory).
 */
async function trustingClient(): Promise<DockerCli> {
  const cli = new DockerCli(
    { host: HOST, ca: run.output('ca_certificate') },
    run.output('ca_trust_path'),
  ).trust();
  clients.push(cli);
  const notaryCa = run.output('notary_ca_trust_path').replace(/^~\/\.docker/, cli.configDir);
  mkdirSync(dirname(notaryCa), { recursive: true });
  writeFileSync(notaryCa, run.output('ca_certificate'));
  const login = await cli.login('admin', run.password('admin'));
  expect(login.output).toMatch(/Login Succeeded/);
  return cli;
}

/** The environment that turns Docker Content Trust on against the stack's Notary. */
function contentTrust(): NodeJS.ProcessEnv {
  return {
    DOCKER_CONTENT_TRUST: '1',
    DOCKER_CONTENT_TRUST_SERVER: run.output('content_trust_server'),
    ...PASSPHRASES,
  };
}

/** `docker trust inspect` of the repository as JSON: each signed tag and its digest. */
async function signedTags(cli: DockerCli): Promise<{ SignedTag: string; Digest: string }[]> {
  const r = await cli.run(['trust', 'inspect', `${HOST}/${REPO}`], undefined, {
    DOCKER_CONTENT_TRUST_SERVER: run.output('content_trust_server'),
  });
  if (r.code !== 0) throw new Error(`docker trust inspect failed: ${r.output}`);
  const [repo] = JSON.parse(r.output) as { SignedTags: { SignedTag: string; Digest: string }[] }[];
  return repo!.SignedTags;
}

/** The sha256 digest `docker push` printed. */
function pushedDigest(output: string): string {
  const m = /digest: (sha256:[0-9a-f]{64})/.exec(output);
  if (!m) throw new Error(`no digest in: ${output}`);
  return m[1]!;
}

beforeAll(() => run.setup());
afterAll(async () => {
  for (const c of clients) c.close();
  if (refs.length > 0) await removeImages(...refs);
  rmSync(work, { recursive: true, force: true });
  await run.teardown();
});

test('deploys: registry, UI, database, signer and notary-server healthy, the migration job exited 0', () =>
  run.deploy('deploy'));

test('the outputs tell a client everything it needs', () => {
  expect(run.output('content_trust_server')).toBe(`https://${NOTARY}`);
  expect(run.output('notary_ca_trust_path')).toBe(`~/.docker/tls/${NOTARY}/ca.crt`);
  expect(run.output('ca_trust_path')).toBe(`/etc/docker/certs.d/${HOST}/ca.crt`);
  expect(run.output('ca_certificate')).toMatch(/^-----BEGIN CERTIFICATE-----/);
});

test('the plan after deploy is empty', () => run.expectNoChanges('diff'));

test('the migration job applied every migration of both databases', async () => {
  const log = await docker(['logs', 'trust-notary-migrate']);
  expect(log.match(/applied \S+/g)).toEqual([
    'applied 0001_initial.up.sql',
    'applied 0002_role_on_keys.up.sql',
    'applied 0003_add_sha256_tuf_files.up.sql',
    'applied 0004_drop_timestamp_key.up.sql',
    'applied 0005_changefeed.up.sql',
    'applied 0001_initial.up.sql',
    'applied 0002_gun_role_on_keys.up.sql',
  ]);
});

test('docker push with content trust signs the tag; docker trust inspect shows the signature', async () => {
  const cli = await trustingClient();
  const signed = await cli.build(REPO, 'signed');
  const unsigned = await cli.build(REPO, 'unsigned');
  refs.push(signed, unsigned);
  const plain = await cli.run(['push', unsigned]);
  expect(plain.code).toBe(0);
  unsignedDigest = pushedDigest(plain.output);
  const push = await cli.run(['push', signed], undefined, contentTrust());
  expect(push.output).toMatch(/Signing and pushing trust metadata/);
  expect(push.output).toMatch(new RegExp(`Successfully signed ${HOST}/${REPO}:signed`));
  expect(push.code).toBe(0);
  signedDigest = pushedDigest(push.output);
  expect(await signedTags(cli)).toEqual([
    expect.objectContaining({ SignedTag: 'signed', Digest: signedDigest.replace('sha256:', '') }),
  ]);
});

test('with content trust on, the signed tag pulls and the unsigned one is refused', async () => {
  const cli = await trustingClient();
  await removeImages(...refs);
  const pulled = await cli.run(['pull', `${HOST}/${REPO}:signed`], undefined, contentTrust());
  expect(pulled.output).toMatch(new RegExp(`Tagging ${HOST}/${REPO}@${signedDigest}`));
  expect(pulled.code).toBe(0);
  const refused = await cli.run(['pull', `${HOST}/${REPO}:unsigned`], undefined, contentTrust());
  expect(refused.code).not.toBe(0);
  expect(refused.output).toMatch(/No valid trust data for unsigned|does not have trust data/);
});

test('notary-server speaks TLS 1.2 and 1.3 only', async () => {
  const port = Number(NOTARY.split(':')[1]);
  expect((await tlsHandshake(port, 'TLSv1.1')).ok).toBe(false);
  expect(await tlsHandshake(port, 'TLSv1.2', run.output('ca_certificate'))).toEqual({
    ok: true,
    detail: 'TLSv1.2',
  });
});

test("the signer accepts the server's client certificate and refuses one from another CA, and a server certificate", async () => {
  // openssl from the database image, on the Notary network, with the certificates the stack
  // delivered (its config volumes, read-only); the other CA is made on the spot.
  const script = [
    'set -u',
    'probe() {',
    '  if out="$(openssl s_client -connect notary-signer:7899 -servername notary-signer -tls1_2 \\',
    '      -CAfile /server/internal-ca.crt -cert "$2" -key "$3" -verify_return_error </dev/null 2>&1)" \\',
    '      && echo "$out" | grep -q "Verify return code: 0"; then echo "$1: accepted"',
    '  else echo "$1: refused ($(echo "$out" | grep -io "alert [a-z ]*" | head -n1))"; fi',
    '}',
    'cd /tmp',
    'openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout other.key -out other.crt \\',
    '  -subj /CN=notary-server -days 1 -addext extendedKeyUsage=clientAuth 2>/dev/null',
    'probe internal-ca-client /server/client.crt /server/client.key',
    'probe other-ca-client /tmp/other.crt /tmp/other.key',
    'probe server-certificate-as-client /signer/signer.crt /signer/signer.key',
  ].join('\n');
  const out = await docker([
    'run',
    '--rm',
    '--network',
    'trust-notary-net',
    '--memory',
    '64m',
    '-v',
    'trust-notary-server-config:/server:ro',
    '-v',
    'trust-notary-signer-config:/signer:ro',
    '--entrypoint',
    'sh',
    'mariadb:10.11',
    '-c',
    script,
  ]);
  expect(out).toMatch(/^internal-ca-client: accepted$/m);
  expect(out).toMatch(/^other-ca-client: refused \(alert [a-z ]+\)$/m);
  expect(out).toMatch(/^server-certificate-as-client: refused \(alert [a-z ]+\)$/m);
});

test('restarting the database and notary-server keeps the trust data', async () => {
  await docker(['restart', 'trust-notary-db', 'trust-notary-server', 'trust-notary-signer']);
  await waitHealthy('trust', 5);
  const cli = await trustingClient(); // a new client: nothing cached
  expect(await signedTags(cli)).toEqual([
    expect.objectContaining({ SignedTag: 'signed', Digest: signedDigest.replace('sha256:', '') }),
  ]);
  await removeImages(...refs);
  const pulled = await cli.run(['pull', `${HOST}/${REPO}:signed`], undefined, contentTrust());
  expect(pulled.code).toBe(0);
});

test('the migration job run again applies nothing and exits 0', async () => {
  const again = await runProgram('docker', ['start', '-a', 'trust-notary-migrate'], { timeoutMs: 120_000 });
  expect(again.code).toBe(0);
  expect(again.output).toMatch(/notaryserver is at version 5/);
  expect(again.output).toMatch(/notarysigner is at version 2/);
  expect(again.output).not.toMatch(/applied/);
});

test('cosign signs an image in the registry with a key; verify passes for it and fails for an unsigned one', async () => {
  const cli = clients[clients.length - 1]!; // logged in: cosign reads its config directory
  const caFile = join(work, 'ca.crt');
  writeFileSync(caFile, run.output('ca_certificate'));
  const env = {
    ...process.env,
    DOCKER_CONFIG: cli.configDir,
    SSL_CERT_FILE: caFile, // Go's TLS trusts the stack's CA for the registry
    COSIGN_PASSWORD: randomBytes(18).toString('base64url'),
  };
  const cosign = (args: string[]): ReturnType<typeof runProgram> =>
    runProgram(cosignBinary(), args, { cwd: work, env, timeoutMs: 120_000 });
  expect((await cosign(['generate-key-pair'])).code).toBe(0);
  // No transparency log is reachable here: the signature is not uploaded, and verify skips it.
  const sign = await cosign([
    'sign',
    '--key',
    'cosign.key',
    '--tlog-upload=false',
    '-y',
    `${HOST}/${REPO}@${signedDigest}`,
  ]);
  expect(sign.code).toBe(0);
  // No transparency log to check either: verify against the key only.
  const verifyDigest = (digest: string): ReturnType<typeof runProgram> =>
    cosign(['verify', '--key', 'cosign.pub', '--insecure-ignore-tlog=true', `${HOST}/${REPO}@${digest}`]);
  const verify = await verifyDigest(signedDigest);
  expect(verify.output).toMatch(/The signatures were verified against the specified public key/);
  expect(verify.code).toBe(0);
  const unsigned = await verifyDigest(unsignedDigest);
  expect(unsigned.code).not.toBe(0);
  expect(unsigned.output).toMatch(/no signatures found/);
});

test("no generated secret appears in any container's log", async () => {
  // The secrets as the containers got them: the signer's passphrase (its environment), the
  // database passwords (the delivered files, read from the config volumes).
  const env = JSON.parse(
    await docker(['inspect', '--format', '{{json .Config.Env}}', 'trust-notary-signer']),
  ) as string[];
  const passphrase = env.find((e) => e.startsWith('NOTARY_SIGNER_PRIMARY='))!.split('=')[1]!;
  const read = (volume: string, file: string): Promise<string> =>
    docker(['run', '--rm', '-v', `${volume}:/c:ro`, '--entrypoint', 'cat', 'mariadb:10.11', `/c/${file}`]);
  const dsnPassword = (config: string): string =>
    /^[a-z]+:([A-Za-z0-9]+)@tcp/.exec(
      (JSON.parse(config) as { storage: { db_url: string } }).storage.db_url,
    )![1]!;
  const secrets = [
    passphrase,
    (await read('trust-notary-db-config', 'root-password')).trim(),
    dsnPassword(await read('trust-notary-server-config', 'server-config.json')),
    dsnPassword(await read('trust-notary-signer-config', 'signer-config.json')),
    run.password('admin'),
  ];
  for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9]{24,}$/);
  for (const name of [
    'trust-notary-db',
    'trust-notary-migrate',
    'trust-notary-signer',
    'trust-notary-server',
    'trust-registry',
  ]) {
    const log = (await runProgram('docker', ['logs', name])).output;
    for (const s of secrets) expect(log.includes(s)).toBe(false);
  }
});

test('destroy leaves only the registry and trust data volumes', () => run.destroy('destroy'));

test('a deploy onto the kept trust data with new generated secrets stops with a message that says why', async () => {
  const r = await run.cdktf.run('trust-redeploy-new-secrets', ['deploy', 'trust', '--auto-approve']);
  expect(r.code).not.toBe(0);
  expect(r.output).toMatch(/The job trust-notary-migrate failed; see `docker logs trust-notary-migrate`/);
  const log = await docker(['logs', 'trust-notary-migrate']);
  expect(log).toMatch(
    /the database refused the root password\. Its volume \(trust-notary-db\) was initialized with/,
  );
  expect(log).toMatch(/Supply notary\.databaseRootPassword/);
});
