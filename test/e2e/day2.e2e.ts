// The day-2 CLI (`registry-platform`, dist/cli/main.js) against a deployed `secure` stack:
// status, CA trust, retention cleanup (dry run first, then for real, with a protected tag), safe
// garbage collection (disk measured in the volume, a push refused while it is read-only and
// accepted after), backup, a destroy with the data volume removed, a new deploy and a restore
// (same digests), and bad input as one line and a non-zero exit.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, ROOT, run as runProgram, RunResult, WORK } from './harness';
import { StackRun } from './stack-run';

const run = new StackRun({
  stack: 'secure',
  services: 2,
  keptVolumes: ['secure-registry-data'],
  writableRoot: ['secure-ui'],
});
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const HOST = 'localhost:5443';
const REPO = 'e2e/retention';
const work = mkdtempSync(join(tmpdir(), 'e2e-day2-'));
const archive = join(work, 'secure-data.tar.gz');
const now = Date.now();
const digests: Record<string, string> = {};

/** `registry-platform --dir .e2e <args>`. */
function cli(args: readonly string[], dir = WORK): Promise<RunResult> {
  return runProgram('node', [CLI, '--dir', dir, ...args], { timeoutMs: 600_000 });
}

/** The stdout JSON of a `--json` run (progress lines are on stderr, mixed into `output`). */
function json<T>(r: RunResult): T {
  const start = r.output.search(/^[[{]/m);
  if (r.code !== 0 || start < 0) throw new Error(`exit ${r.code}:\n${r.output}`);
  const text = r.output.slice(start);
  const end = Math.max(text.lastIndexOf('\n}'), text.lastIndexOf('\n]'));
  return JSON.parse(text.slice(0, end + 2)) as T;
}

/** A failing run: non-zero, one error line (after any progress lines), no stack trace. */
function expectOneLineError(r: RunResult, message: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.output
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('› '));
  expect(lines).toEqual([expect.stringMatching(message)]);
  expect(r.output).not.toMatch(/^\s+at /m);
}

beforeAll(() => run.setup());
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await run.teardown();
});

test('deploys the secure stack', () => run.deploy('day2-deploy'));

test('status: every container healthy and /v2/ answering 200, as a table and as JSON', async () => {
  const table = await cli(['status', 'secure']);
  expect(table.code).toBe(0);
  expect(table.output).toMatch(/secure-registry\s+│\s+running\s+│\s+healthy/);
  expect(table.output).toMatch(/registry https:\/\/localhost:5443\/v2\/: HTTP 200/);
  const s = json<{ ok: boolean; containers: { name: string }[] }>(await cli(['--json', 'status', 'secure']));
  expect(s.ok).toBe(true);
  expect(s.containers.map((c) => c.name)).toEqual(['secure-registry', 'secure-ui']);
});

test('trust: installs the CA for the daemon and says where', async () => {
  const certs = join(work, 'certs.d');
  const r = await cli(['trust', 'secure', '--certs-dir', certs]);
  expect(r.code).toBe(0);
  const file = join(certs, HOST, 'ca.crt');
  expect(r.output).toContain(file);
  expect(readFileSync(file, 'utf8')).toBe(run.output('ca_certificate'));
});

test('10 tags and a protected `latest` pushed, each image built on its own day', async () => {
  const skopeo = run.skopeo(HOST, 'admin');
  const push = async (tag: string, daysAgo: number): Promise<void> => {
    const layout = skopeo.image(tag, 64 * 1024, new Date(now - daysAgo * 86_400_000));
    const r = await skopeo.push(layout, tag, REPO);
    if (r.code !== 0) throw new Error(`push ${tag}: ${r.output}`);
  };
  await push('latest', 30);
  for (let i = 1; i <= 10; i++) await push(`v${i}`, 11 - i);
  expect(await skopeo.tags(REPO)).toHaveLength(11);
});

test('cleanup --keep 3 --dry-run lists the 7 it would delete and deletes none', async () => {
  const [report] = json<{ repository: string; applied: boolean; deleted: { tags: string[] }[] }[]>(
    await cli(['--json', 'cleanup', 'secure', '--keep', '3', '--dry-run']),
  );
  expect(report!.applied).toBe(false);
  expect(report!.deleted.flatMap((d) => d.tags).sort()).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7']);
  expect(await run.skopeo(HOST, 'admin').tags(REPO)).toHaveLength(11);
});

test('cleanup --keep 3 deletes those 7; the 3 newest and the protected tag remain and pull', async () => {
  const r = await cli(['cleanup', 'secure', '--keep', '3']);
  expect(r.output).toMatch(/e2e\/retention: deleted 7, kept 4/);
  expect(r.code).toBe(0);
  const skopeo = run.skopeo(HOST, 'admin');
  expect(await skopeo.tags(REPO)).toEqual(['latest', 'v10', 'v8', 'v9']);
  for (const tag of ['latest', 'v8', 'v9', 'v10']) {
    expect((await skopeo.pull(REPO, tag)).code).toBe(0);
  }
});

test('gc frees disk; a push while it is read-only is refused, the same push afterwards succeeds', async () => {
  const skopeo = run.skopeo(HOST, 'admin');
  const layout = skopeo.image('during-gc', 64 * 1024, new Date(now));
  let output = '';
  const gc = spawn('node', [CLI, '--dir', WORK, '--json', 'gc', 'secure', '--drain', '10'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  gc.stdout.on('data', (c: Buffer) => (output += c.toString()));
  let progress = '';
  const readOnly = new Promise<void>((resolve) => {
    gc.stderr.on('data', (c: Buffer) => {
      progress += c.toString();
      if (/read-only for 10 s/.test(progress)) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => gc.on('close', resolve));
  await Promise.race([
    readOnly,
    exited.then(() => Promise.reject(new Error(`gc ended early:\n${progress}`))),
  ]);
  const refused = await skopeo.push(layout, 'during-gc', REPO);
  expect(refused.code).not.toBe(0);
  expect(refused.output).toMatch(/unsupported|read-only|405/i);
  expect(await exited).toBe(0);
  const result = JSON.parse(output) as { bytesBefore: number; bytesAfter: number };
  const why = refused.output.split('\n').find((l) => /unsupported|read-only|405/i.test(l)) ?? '';
  console.log(
    `day-2 gc: ${result.bytesBefore} bytes before, ${result.bytesAfter} after; the push while read-only: ${why.trim()}`,
  );
  expect(result.bytesAfter).toBeLessThan(result.bytesBefore);
  // 7 images of 64 KiB random layers (compressed about as large) were unreferenced.
  expect(result.bytesBefore - result.bytesAfter).toBeGreaterThan(7 * 60 * 1024);
  const accepted = await skopeo.push(layout, 'during-gc', REPO);
  expect(accepted.code).toBe(0);
  await run.expectNoChanges('day2-diff-after-gc');
});

test('gc failing half way still puts the registry back read-write', async () => {
  // The read-only copy is removed under gc while it drains: the collection cannot run.
  const gc = spawn('node', [CLI, '--dir', WORK, 'gc', 'secure', '--drain', '10'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const readOnly = new Promise<void>((resolve) => {
    gc.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      if (/read-only for 10 s/.test(err)) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => gc.on('close', resolve));
  await Promise.race([readOnly, exited.then(() => Promise.reject(new Error(`gc ended early:\n${err}`)))]);
  await docker(['rm', '-f', 'secure-registry-maintenance']);
  expect(await exited).toBe(1);
  expect(err).toMatch(/^registry-platform: docker exec failed: /m);
  expect(err).toMatch(/starting secure-registry again \(read-write\)/);
  expect((await docker(['inspect', '--format', '{{.State.Running}}', 'secure-registry'])).trim()).toBe(
    'true',
  );
  const skopeo = run.skopeo(HOST, 'admin');
  const layout = skopeo.image('after-failed-gc', 4096, new Date(now));
  expect((await skopeo.push(layout, 'after-failed-gc', REPO)).code).toBe(0);
  expect((await skopeo.delete(REPO, 'after-failed-gc')).code).toBe(0);
});

test('backup writes a checksummed archive', async () => {
  const skopeo = run.skopeo(HOST, 'admin');
  for (const tag of await skopeo.tags(REPO)) digests[tag] = await skopeo.digest(REPO, tag);
  expect(Object.keys(digests).sort()).toEqual(['during-gc', 'latest', 'v10', 'v8', 'v9']);
  const r = await cli(['backup', 'secure', archive]);
  expect(r.code).toBe(0);
  const sum = createHash('sha256').update(readFileSync(archive)).digest('hex');
  expect(readFileSync(`${archive}.sha256`, 'utf8')).toBe(`${sum}  secure-data.tar.gz\n`);
});

test('destroy with the data volume removed, deploy again: empty; restore: every image pulls with the same digest', async () => {
  await run.destroy('day2-destroy');
  await docker(['volume', 'rm', 'secure-registry-data']);
  await run.deploy('day2-redeploy');
  const skopeo = run.skopeo(HOST, 'admin');
  await expect(skopeo.tags(REPO)).rejects.toThrow(/name unknown|not found|NAME_UNKNOWN/i);
  const r = await cli(['restore', 'secure', archive]);
  expect(r.code).toBe(0);
  for (const [tag, digest] of Object.entries(digests)) {
    expect(await skopeo.digest(REPO, tag)).toBe(digest);
    expect((await skopeo.pull(REPO, tag)).code).toBe(0);
  }
});

test('a corrupted archive is refused before anything is touched', async () => {
  const bad = join(work, 'bad.tar.gz');
  writeFileSync(bad, readFileSync(archive).subarray(0, 100));
  writeFileSync(`${bad}.sha256`, readFileSync(`${archive}.sha256`, 'utf8').replace('secure-data', 'bad'));
  expectOneLineError(await cli(['restore', 'secure', bad]), /^registry-platform: checksum mismatch for /);
  expect((await docker(['inspect', '--format', '{{.State.Running}}', 'secure-registry'])).trim()).toBe(
    'true',
  );
});

test('bad input: an unknown stack, an unreachable registry, a wrong password, a bad option', async () => {
  expectOneLineError(await cli(['status', 'nosuchstack']), /^registry-platform: unknown stack "nosuchstack"/);
  // A wrong password: the stack's state with the admin password changed, in a folder of its own.
  const dir = join(work, 'wrong');
  mkdirSync(dir);
  const state = JSON.parse(readFileSync(join(WORK, 'terraform.secure.tfstate'), 'utf8')) as {
    outputs: { credentials: { value: Record<string, string> } };
  };
  state.outputs.credentials.value.admin = 'not-the-password-0123456789';
  writeFileSync(join(dir, 'terraform.secure.tfstate'), JSON.stringify(state));
  expectOneLineError(
    await cli(['cleanup', 'secure', '--keep', '1', '--dry-run'], dir),
    /refused admin's credentials \(HTTP 401\)/,
  );
  await docker(['stop', 'secure-registry']);
  try {
    expectOneLineError(
      await cli(['cleanup', 'secure', '--keep', '1', '--dry-run']),
      /cannot reach the registry at https:\/\/localhost:5443/,
    );
    const status = await cli(['status', 'secure']);
    expect(status.code).toBe(3);
    expect(status.output).toMatch(/NOT all healthy/);
  } finally {
    await docker(['start', 'secure-registry']);
  }
  const usage = await cli(['cleanup', 'secure', '--keep', 'three']);
  expect(usage.code).toBe(2);
  expect(usage.output).toMatch(/a whole number of at least 1/);
  expect(existsSync(join(WORK, 'terraform.secure.tfstate'))).toBe(true);
});

test('destroy leaves only the data volume', () => run.destroy('day2-destroy-2'));
