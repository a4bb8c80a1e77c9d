// `mirror` for real: a pull-through cache (registry 3) of an upstream registry that the e2e runs
// on the same engine, on a network the stack joins (`remoteNetwork`). The upstream's access log shows which blob requests reach it.
import { Skopeo } from './clients';
import { run as exec } from './harness';
import { MIRROR_UPSTREAM } from './names';
import { StackRun } from './stack-run';
import { Upstream } from './upstream';

const run = new StackRun({ stack: 'mirror', services: 1, keptVolumes: ['mirror-mirror-data'] });
const upstream = new Upstream(5998);
const layout = upstream.client.image('v1', 64 * 1024);
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
  await upstream.start(layout, 'v1', 'library/base');
});

afterAll(async () => {
  try {
    await run.teardown();
  } finally {
    await upstream.stop();
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
