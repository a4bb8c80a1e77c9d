// `mirror` for real: a pull-through cache (registry 3) of an upstream registry that the e2e runs
// on the same engine, on a network the stack joins (`remoteNetwork`). The upstream's access log shows which blob requests reach it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, removeQuietly, Skopeo } from './clients';
import { run as exec } from './harness';
import { MIRROR_UPSTREAM, MIRROR_UPSTREAM_NET } from './names';
import { StackRun } from './stack-run';

const run = new StackRun({ stack: 'mirror', services: 1, keptVolumes: ['mirror-mirror-data'] });
const UPSTREAM_PORT = 5998;
const confDir = mkdtempSync(join(tmpdir(), 'e2e-upstream-'));
const upstream = new Skopeo({ host: `127.0.0.1:${UPSTREAM_PORT}` });
const layout = upstream.image('v1', 64 * 1024);
const digest = Skopeo.layoutDigest(layout);

/** skopeo against the mirror with this deploy's CA and a generated user. */
const client = (): Skopeo => run.skopeo('localhost:5444', 'admin');

/** Blob GETs the upstream has served so far, from its access log. */
async function upstreamBlobGets(): Promise<number> {
  const logs = await exec('docker', ['logs', MIRROR_UPSTREAM], { timeoutMs: 30_000 });
  return logs.output.split('\n').filter((l) => /"GET \/v2\/library\/base\/blobs\/sha256:/.test(l)).length;
}

beforeAll(async () => {
  // First what an interrupted run left of the stack (its container holds the upstream network).
  await run.setup();
  await removeQuietly('container', MIRROR_UPSTREAM);
  await removeQuietly('network', MIRROR_UPSTREAM_NET);
  writeFileSync(
    join(confDir, 'config.yml'),
    'version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n',
  );
  await docker(['network', 'create', MIRROR_UPSTREAM_NET]);
  await docker([
    'run',
    '-d',
    '--name',
    MIRROR_UPSTREAM,
    '--network',
    MIRROR_UPSTREAM_NET,
    '-p',
    `127.0.0.1:${UPSTREAM_PORT}:5000`,
    '-v',
    `${join(confDir, 'config.yml')}:/etc/docker/registry/config.yml:ro`,
    'registry:2.8.3',
  ]);
  const started = Date.now();
  let pushed = await upstream.push(layout, 'v1', 'library/base');
  while (pushed.code !== 0 && Date.now() - started < 30_000) {
    await new Promise((r) => setTimeout(r, 500));
    pushed = await upstream.push(layout, 'v1', 'library/base');
  }
  if (pushed.code !== 0) throw new Error(`seeding the upstream failed:\n${pushed.output}`);
});

afterAll(async () => {
  upstream.close();
  try {
    await run.teardown();
  } finally {
    await removeQuietly('container', MIRROR_UPSTREAM);
    await removeQuietly('network', MIRROR_UPSTREAM_NET);
    rmSync(confDir, { recursive: true, force: true });
  }
});

test('deploys and becomes healthy, with a read-only root', () => run.deploy('deploy'));

test('the first pull fetches from the upstream, the second is served from the cache', async () => {
  const s = client();
  const before = await upstreamBlobGets();
  const first = await s.pull('library/base', 'v1');
  expect(first.code).toBe(0);
  expect(Skopeo.layoutDigest(first.layout)).toBe(digest);
  const afterFirst = await upstreamBlobGets();
  expect(afterFirst).toBeGreaterThan(before);
  const second = await s.pull('library/base', 'v1');
  expect(second.code).toBe(0);
  expect(Skopeo.layoutDigest(second.layout)).toBe(digest);
  expect(await upstreamBlobGets()).toBe(afterFirst);
});

test('a push to the mirror is refused', async () => {
  const s = client();
  const other = s.image('v1');
  const push = await s.push(other, 'v1', 'library/pushed');
  expect(push.code).not.toBe(0);
  // distribution answers a push to a pull-through cache with 405 UNSUPPORTED.
  expect(push.output).toMatch(/unsupported|405/i);
});

test('the plan after deploy is empty', () => run.expectNoChanges('diff'));

test('destroy leaves no container or network, only the cache volume', () => run.destroy('destroy'));

test('deployed again, the cached image is served without asking the upstream for blobs', async () => {
  await run.deploy('redeploy');
  const before = await upstreamBlobGets();
  const pull = await client().pull('library/base', 'v1');
  expect(pull.code).toBe(0);
  expect(Skopeo.layoutDigest(pull.layout)).toBe(digest);
  expect(await upstreamBlobGets()).toBe(before);
  await run.expectNoChanges('rediff');
});
